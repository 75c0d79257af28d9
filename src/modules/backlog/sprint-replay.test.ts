import { describe, expect, it } from 'vitest';
import { daysBetween, idealLine, sprintTotalsAt, type ActivityEvent } from './sprint-replay.js';

const at = (iso: string) => new Date(iso);
const created = (storyId: string, when: string, fields: Record<string, unknown>): ActivityEvent => ({
  storyId,
  field: 'created',
  from: null,
  to: { status: 'todo', story_points: null, sprint_id: null, ...fields },
  at: at(when),
});
const change = (storyId: string, field: string, from: unknown, to: unknown, when: string): ActivityEvent => ({ storyId, field, from, to, at: at(when) });

describe('sprint replay', () => {
  const events: ActivityEvent[] = [
    created('a', '2026-01-01T08:00:00Z', { sprint_id: 's', story_points: 3 }),
    created('b', '2026-01-01T08:00:00Z', { sprint_id: 's', story_points: 5 }),
    created('c', '2026-01-01T08:00:00Z', { story_points: 8 }),
    change('a', 'status', 'todo', 'done', '2026-01-02T10:00:00Z'),
    change('c', 'sprint_id', null, 's', '2026-01-02T11:00:00Z'),
    change('b', 'sprint_id', 's', null, '2026-01-03T09:00:00Z'),
    change('c', 'story_points', 8, 2, '2026-01-03T10:00:00Z'),
    { storyId: 'a', field: 'deleted', from: { status: 'done', sprint_id: 's', story_points: 3 }, to: null, at: at('2026-01-04T10:00:00Z') },
  ];

  it('counts what the sprint held after each cutoff: adds, removals, re-estimates, done and deleted stories', () => {
    const cutoffs = ['2026-01-02T00:00:00Z', '2026-01-03T00:00:00Z', '2026-01-04T00:00:00Z', '2026-01-05T00:00:00Z'].map(at);
    expect(sprintTotalsAt(events, 's', cutoffs)).toEqual([
      { scopePoints: 8, remainingPoints: 8, remainingCount: 2, donePoints: 0 },
      { scopePoints: 16, remainingPoints: 13, remainingCount: 2, donePoints: 3 },
      { scopePoints: 5, remainingPoints: 2, remainingCount: 1, donePoints: 3 },
      { scopePoints: 2, remainingPoints: 2, remainingCount: 1, donePoints: 0 },
    ]);
    expect(sprintTotalsAt(events, 'other', cutoffs).every((t) => t.scopePoints === 0)).toBe(true);
  });

  it('leaves out an event at the cutoff unless asked to include it', () => {
    const moment = [at('2026-01-02T10:00:00Z')];
    expect(sprintTotalsAt(events, 's', moment)[0]!.donePoints).toBe(0);
    expect(sprintTotalsAt(events, 's', moment, true)[0]!.donePoints).toBe(3);
  });

  it('lists the UTC days of a sprint and draws the ideal line to zero', () => {
    expect(daysBetween('2026-02-27', '2026-03-02')).toEqual(['2026-02-27', '2026-02-28', '2026-03-01', '2026-03-02']);
    expect(idealLine(10, 5)).toEqual([10, 7.5, 5, 2.5, 0]);
    expect(idealLine(7, 1)).toEqual([0]);
  });
});

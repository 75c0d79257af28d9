import { describe, expect, it } from 'vitest';
import { planSprint } from './sprint-plan.js';

const story = (key: string, storyPoints: number | null) => ({ id: `id-${key}`, key, storyPoints });

describe('sprint planning from the top of the backlog', () => {
  it('takes stories in rank order while they fit, passes over the unestimated and the too big, and keeps trying smaller ones', () => {
    const backlog = [story('A-1', 5), story('A-2', null), story('A-3', 8), story('A-4', 3), story('A-5', 2), story('A-6', 1)];
    const plan = planSprint(backlog, 10, 9.5);
    expect(plan.stories.map((s) => s.key)).toEqual(['A-1', 'A-4', 'A-5']);
    expect(plan.points).toBe(10);
    expect(plan.skipped).toEqual([
      { storyId: 'id-A-2', key: 'A-2', reason: 'Not estimated: give it points to plan it.' },
      { storyId: 'id-A-3', key: 'A-3', reason: 'Needs 8 points, but only 5 points of the capacity are left.' },
      { storyId: 'id-A-6', key: 'A-6', reason: 'Needs 1 point, but only 0 points of the capacity are left.' },
    ]);
    expect(plan).toMatchObject({ capacity: 10, velocity: 9.5, committed: 0 });
  });

  it('counts the points already in the sprint against the capacity first', () => {
    const plan = planSprint([story('A-1', 5), story('A-2', 3)], 10, 0, 6);
    expect(plan).toMatchObject({ committed: 6, points: 3 });
    expect(plan.stories.map((s) => s.key)).toEqual(['A-2']);
    expect(plan.skipped[0]!.reason).toBe('Needs 5 points, but only 4 points of the capacity are left.');
  });

});

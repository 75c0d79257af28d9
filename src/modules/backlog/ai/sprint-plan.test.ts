import { describe, expect, it } from 'vitest';
import { planSprint, rollingVelocity } from './sprint-plan.js';

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
    expect(plan).toMatchObject({ capacity: 10, velocity: 9.5 });
  });

  it('averages the last three completed sprints, newest first; none is 0', () => {
    expect(rollingVelocity([10, 8, 9, 40])).toBe(9);
    expect(rollingVelocity([7, 8])).toBe(7.5);
    expect(rollingVelocity([])).toBe(0);
  });
});

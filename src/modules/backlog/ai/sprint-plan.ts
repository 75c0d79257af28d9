/**
 * Sprint planning: from the top of the backlog down, the stories whose points still fit into the capacity. A story
 * that does not fit is passed over (with the reason) and the next ones are still tried, so a big story near the top
 * never leaves the sprint half empty; a story without points is passed over too, since it cannot be planned.
 * Points already in the sprint (`committed`) count against the capacity first. Pure: the caller reads the backlog in
 * rank order and the velocity.
 */
export type PlannableStory = { id: string; key: string; storyPoints: number | null };

export type SprintPlan<S extends PlannableStory> = {
  capacity: number;
  velocity: number;
  committed: number;
  stories: S[];
  points: number;
  skipped: Array<{ storyId: string; key: string; reason: string }>;
};

/** Completed sprints the rolling velocity averages over. */
export const VELOCITY_WINDOW = 3;

const pointsText = (points: number) => `${points} point${points === 1 ? '' : 's'}`;

export function planSprint<S extends PlannableStory>(backlog: readonly S[], capacity: number, velocity: number, committed = 0): SprintPlan<S> {
  const stories: S[] = [];
  const skipped: SprintPlan<S>['skipped'] = [];
  let points = 0;
  for (const story of backlog) {
    if (story.storyPoints === null) {
      skipped.push({ storyId: story.id, key: story.key, reason: 'Not estimated: give it points to plan it.' });
      continue;
    }
    const left = Math.max(0, capacity - committed - points);
    if (story.storyPoints > left) {
      skipped.push({
        storyId: story.id,
        key: story.key,
        reason: `Needs ${pointsText(story.storyPoints)}, but only ${pointsText(left)} of the capacity ${left === 1 ? 'is' : 'are'} left.`,
      });
      continue;
    }
    stories.push(story);
    points += story.storyPoints;
  }
  return { capacity, velocity, committed, stories, points, skipped };
}

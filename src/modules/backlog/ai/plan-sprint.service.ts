import { and, eq, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { Tx } from '../../../core/db/database.js';
import { AppError, defineErrorCode } from '../../../core/errors.js';
import { requireBacklogAccess } from '../backlog-access.js';
import type { planSprintBody, sprintPlanSchema } from '../backlog.contract.js';
import { projectVelocity } from '../burndown.service.js';
import { stories } from '../backlog.schema.js';
import { loadSprint } from '../sprints.service.js';
import { toStory } from '../stories.service.js';
import { planSprint, VELOCITY_WINDOW } from './sprint-plan.js';
import { backlogInRankOrder } from './story-insights.service.js';

/** No capacity given and no velocity to default to: the person has to say how many points the sprint holds. */
export const CAPACITY_REQUIRED = defineErrorCode('CAPACITY_REQUIRED', 422);

/**
 * POST …/sprints/{sprintId}/plan: the stories from the top of the backlog that fit the capacity (default: the rolling
 * velocity of the last completed sprints, as GET …/velocity computes it). A suggestion only: nothing moves until the
 * person moves the stories.
 */
export async function suggestSprintPlan(tx: Tx, userId: string, projectId: string, sprintId: string, body: z.infer<typeof planSprintBody>): Promise<z.infer<typeof sprintPlanSchema>> {
  const project = await requireBacklogAccess(tx, userId, projectId, 'write');
  const sprint = await loadSprint(tx, project.id, sprintId);
  if (sprint.status === 'completed') throw new AppError('CONFLICT', 'The sprint is completed; plan a sprint that is planned or active');
  const { average: velocity } = await projectVelocity(tx, userId, project.id, { last: VELOCITY_WINDOW });
  const capacity = body.capacity ?? Math.round(velocity);
  if (!capacity) {
    const why = body.capacity === 0 ? 'A capacity of 0 points fits no story' : 'The project has no completed sprint with points done yet';
    throw new AppError(CAPACITY_REQUIRED, `${why}: give the sprint’s capacity in points`, {
      details: [{ field: 'capacity', message: 'give the points the sprint can hold', in: 'body' }],
    });
  }
  const [inSprint] = await tx
    .select({ points: sql<number>`coalesce(sum(${stories.storyPoints}), 0)::int` })
    .from(stories)
    .where(and(eq(stories.projectId, project.id), eq(stories.sprintId, sprint.id)));
  const backlog = (await backlogInRankOrder(tx, project.id)).map((row) => toStory(row, project.key));
  const plan = planSprint(backlog, capacity, velocity, inSprint?.points ?? 0);
  return { capacity: plan.capacity, velocity: plan.velocity, committed: plan.committed, stories: plan.stories, points: plan.points, skipped: plan.skipped };
}

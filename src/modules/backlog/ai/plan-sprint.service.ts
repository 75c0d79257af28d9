import { and, desc, eq, isNotNull } from 'drizzle-orm';
import type { z } from 'zod';
import type { Tx } from '../../../core/db/database.js';
import { AppError, defineErrorCode, notFound } from '../../../core/errors.js';
import { isUuid } from '../../../core/ids.js';
import { requireBacklogAccess } from '../backlog-access.js';
import type { planSprintBody, sprintPlanSchema } from '../backlog.contract.js';
import { sprints } from '../backlog.schema.js';
import { toStory } from '../stories.service.js';
import { planSprint, rollingVelocity, VELOCITY_WINDOW } from './sprint-plan.js';
import { backlogInRankOrder } from './story-insights.service.js';

/** No capacity given and no velocity to default to: the person has to say how many points the sprint holds. */
export const CAPACITY_REQUIRED = defineErrorCode('CAPACITY_REQUIRED', 422);

/**
 * POST …/sprints/{sprintId}/plan: the stories from the top of the backlog that fit the capacity (default: the rolling
 * velocity of the last completed sprints). A suggestion only: nothing moves until the person moves the stories.
 */
export async function suggestSprintPlan(tx: Tx, userId: string, projectId: string, sprintId: string, body: z.infer<typeof planSprintBody>): Promise<z.infer<typeof sprintPlanSchema>> {
  const project = await requireBacklogAccess(tx, userId, projectId, 'write');
  const [sprint] = isUuid(sprintId)
    ? await tx.select({ status: sprints.status }).from(sprints).where(and(eq(sprints.id, sprintId), eq(sprints.projectId, project.id)))
    : [];
  if (!sprint) throw notFound('Sprint');
  if (sprint.status === 'completed') throw new AppError('CONFLICT', 'The sprint is completed; plan a sprint that is planned or active');
  const recent = await tx
    .select({ velocity: sprints.velocity })
    .from(sprints)
    .where(and(eq(sprints.projectId, project.id), eq(sprints.status, 'completed'), isNotNull(sprints.velocity)))
    .orderBy(desc(sprints.completedAt), desc(sprints.id))
    .limit(VELOCITY_WINDOW);
  const velocity = rollingVelocity(recent.map((r) => r.velocity!));
  const capacity = body.capacity ?? Math.round(velocity);
  if (!capacity) {
    const why = body.capacity === 0 ? 'A capacity of 0 points fits no story' : 'The project has no completed sprint with a velocity yet';
    throw new AppError(CAPACITY_REQUIRED, `${why}: give the sprint’s capacity in points`, {
      details: [{ field: 'capacity', message: 'give the points the sprint can hold', in: 'body' }],
    });
  }
  const backlog = (await backlogInRankOrder(tx, project.id)).map((row) => toStory(row, project.key));
  const plan = planSprint(backlog, capacity, velocity);
  return { capacity: plan.capacity, velocity: plan.velocity, stories: plan.stories, points: plan.points, skipped: plan.skipped };
}

import { eq, inArray, sql } from 'drizzle-orm';
import type { Tx } from '../../../core/db/database.js';
import { AppError } from '../../../core/errors.js';
import { requireGeneratedContent } from '../../documents/index.js';
import type { UserActor } from '../../organizations/index.js';
import type { TasksFromPlanResult } from '../backlog.contract.js';
import { tasks } from '../backlog.schema.js';
import { deliveryPlanSchema, plannedTasks, titleKey } from './delivery-plan.js';
import { insertTasks, requireTasksAccess } from './tasks.service.js';

/** First key of the per-project lock that turns plans into tasks one at a time ('tsk'); the second hashes the project id. */
const PLAN_LOCK_CLASS = 0x74736b;

function notAPlan(message: string): AppError {
  return new AppError('VALIDATION_FAILED', `Invalid body: documentId: ${message}`, { details: [{ field: 'documentId', message, in: 'body' }] });
}

/**
 * Turns a delivery plan (a `tasks` document's generated content) into the project's phase tasks, so that running it
 * again never duplicates a row:
 * - a planned task whose title the project already has a task for is kept as it is (whoever touched it keeps their
 *   work: completions, edits, the story it sits under);
 * - tasks an earlier plan created that nobody touched since (never edited, completed or reopened: updated_at is still
 *   created_at) and that the new plan no longer lists are removed — a regenerated plan replaces the untouched part of
 *   the old one;
 * - the rest are created at the end of their phase in the plan's order, carrying the plan's generation.
 * Running it twice on one plan changes nothing the second time.
 */
export async function createTasksFromPlan(tx: Tx, actor: UserActor, projectId: string, documentId: string): Promise<TasksFromPlanResult> {
  const project = await requireTasksAccess(tx, actor.userId, projectId, 'write');
  const document = await requireGeneratedContent(tx, project.id, documentId, 'documentId');
  if (document.type !== 'tasks') throw notAPlan(`is a ${document.type} document, not a delivery plan (type tasks)`);
  if (!document.generated) throw notAPlan('has no generated plan (it was written by hand); generate the delivery plan again');
  const plan = deliveryPlanSchema.safeParse(document.generated.content);
  if (!plan.success) throw notAPlan('holds no phases with tasks');
  const planned = plannedTasks(plan.data);

  await tx.execute(sql`SELECT pg_advisory_xact_lock(${PLAN_LOCK_CLASS}::int, hashtext(${project.id}))`);
  const existing = await tx
    .select({ id: tasks.id, title: tasks.title, planned: sql<boolean>`${tasks.generationId} IS NOT NULL`, untouched: sql<boolean>`${tasks.updatedAt} = ${tasks.createdAt}` })
    .from(tasks)
    .where(eq(tasks.projectId, project.id));
  const wanted = new Set(planned.map((task) => titleKey(task.title)));
  const stale = existing.filter((task) => task.planned && task.untouched && !wanted.has(titleKey(task.title)));
  if (stale.length) await tx.delete(tasks).where(inArray(tasks.id, stale.map((task) => task.id)));
  const staleIds = new Set(stale.map((task) => task.id));
  const have = new Set(existing.filter((task) => !staleIds.has(task.id)).map((task) => titleKey(task.title)));
  const fresh = planned.filter((task) => {
    const key = titleKey(task.title);
    if (have.has(key)) return false;
    have.add(key);
    return true;
  });
  await insertTasks(
    tx,
    actor,
    project,
    fresh.map(({ phase, title, description }) => ({ phase, title, description, generationId: document.generated?.generationId ?? null })),
  );
  return { documentId: document.id, created: fresh.length, kept: planned.length - fresh.length, removed: stale.length };
}

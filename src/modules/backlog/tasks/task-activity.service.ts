import { and, desc, eq, lt } from 'drizzle-orm';
import type { z } from 'zod';
import type { Tx } from '../../../core/db/database.js';
import { users } from '../../../core/db/platform.schema.js';
import { AppError, notFound } from '../../../core/errors.js';
import { decodeSerialCursor } from '../../../core/http/keyset-cursor.js';
import { toPage, type Page } from '../../../core/http/pagination.js';
import type { UserActor } from '../../organizations/index.js';
import type { listTaskActivityQuery, Task, TaskActivity } from '../backlog.contract.js';
import { taskActivity, tasks } from '../backlog.schema.js';
import { loadTask, requireTasksAccess, toTask } from './tasks.service.js';

type TaskAction = 'complete' | 'reopen';

function alreadyThere(task: Task, action: TaskAction): AppError {
  const message =
    action === 'complete'
      ? `The task "${task.title}" is already complete (since ${task.completedAt}); reopen it before completing it again`
      : `The task "${task.title}" is not complete; only a completed task can be reopened`;
  return new AppError('CONFLICT', message, { details: { task } });
}

/**
 * Completes or reopens a task: one task_activity row (who, when), whose trigger sets or clears tasks.completed_at.
 * The task's row lock orders concurrent clicks, so the second "complete" of a completed task answers 409 instead of
 * writing a second row.
 */
export async function recordTaskAction(tx: Tx, actor: UserActor, projectId: string, taskId: string, action: TaskAction): Promise<Task> {
  const project = await requireTasksAccess(tx, actor.userId, projectId, 'write');
  const row = await loadTask(tx, project.id, taskId, { lock: true });
  const completed = row.completedAt !== null;
  if (completed === (action === 'complete')) throw alreadyThere(toTask(row), action);
  await tx.insert(taskActivity).values({ organizationId: row.organizationId, projectId: row.projectId, taskId: row.id, userId: actor.userId, action });
  const [updated] = await tx.select().from(tasks).where(eq(tasks.id, row.id));
  if (!updated) throw notFound('Task');
  return toTask(updated);
}

/** A task's completions and reopenings, newest first, with the names of who did them. */
export async function listTaskActivity(
  tx: Tx,
  userId: string,
  projectId: string,
  taskId: string,
  query: z.infer<typeof listTaskActivityQuery>,
): Promise<Page<TaskActivity>> {
  const project = await requireTasksAccess(tx, userId, projectId, 'read');
  const task = await loadTask(tx, project.id, taskId);
  const before = decodeSerialCursor(query.cursor);
  const rows = await tx
    .select({ activity: taskActivity, userName: users.name })
    .from(taskActivity)
    .leftJoin(users, eq(users.id, taskActivity.userId))
    .where(and(eq(taskActivity.taskId, task.id), before === undefined ? undefined : lt(taskActivity.id, before)))
    .orderBy(desc(taskActivity.id))
    .limit(query.limit + 1);
  return toPage(
    rows,
    query.limit,
    ({ activity, userName }) => ({
      id: String(activity.id),
      taskId: activity.taskId,
      action: activity.action,
      userId: activity.userId,
      userName,
      createdAt: activity.createdAt.toISOString(),
    }),
    ({ activity }) => ({ sort: String(activity.id), id: String(activity.id) }),
  );
}

import { and, asc, eq, sql, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import type { Tx } from '../../../core/db/database.js';
import { AppError, notFound } from '../../../core/errors.js';
import { invalidCursor } from '../../../core/http/keyset-cursor.js';
import { decodeCursor, toPage, type Page } from '../../../core/http/pagination.js';
import { isUuid, newId } from '../../../core/ids.js';
import type { UserActor } from '../../organizations/index.js';
import { requireProjectAccess, type ProjectRow } from '../../projects/index.js';
import type { CreateTaskBody, listTasksQuery, Task, updateTaskBody } from '../backlog.contract.js';
import { stories, tasks } from '../backlog.schema.js';

export type TaskRow = typeof tasks.$inferSelect;
type ListTasksQuery = z.infer<typeof listTasksQuery>;
type UpdateTaskBody = z.infer<typeof updateTaskBody>;

const PROJECT_DELETED_MESSAGE = 'The project is deleted; restore it before changing its tasks';

export function toTask(row: TaskRow): Task {
  return {
    id: row.id,
    projectId: row.projectId,
    storyId: row.storyId,
    phase: row.phase,
    title: row.title,
    description: row.description,
    position: row.position,
    completed: row.completedAt !== null,
    completedAt: row.completedAt ? row.completedAt.toISOString() : null,
    creatorId: row.creatorId,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

/** The caller's project: members read, editors write (and only while the project is not deleted). */
export async function requireTasksAccess(tx: Tx, userId: string, projectId: string, access: 'read' | 'write'): Promise<ProjectRow> {
  return (await requireProjectAccess(tx, userId, projectId, access, PROJECT_DELETED_MESSAGE)).project;
}

/** A task of the project, or 404 (missing, malformed, another project's or another tenant's). */
export async function loadTask(tx: Tx, projectId: string, taskId: string, options: { lock?: boolean } = {}): Promise<TaskRow> {
  if (!isUuid(taskId)) throw notFound('Task');
  const query = tx
    .select()
    .from(tasks)
    .where(and(eq(tasks.id, taskId), eq(tasks.projectId, projectId)));
  const [row] = options.lock ? await query.for('update') : await query;
  if (!row) throw notFound('Task');
  return row;
}

/** A story a task is put under must be of the same project: a 400 naming storyId otherwise (the policy checks it too). */
async function checkStory(tx: Tx, projectId: string, storyId: string | null | undefined): Promise<void> {
  if (!storyId) return;
  const [story] = await tx
    .select({ id: stories.id })
    .from(stories)
    .where(and(eq(stories.id, storyId), eq(stories.projectId, projectId)));
  if (!story) {
    throw new AppError('VALIDATION_FAILED', 'Invalid body: storyId: is not a story of this project', {
      details: [{ field: 'storyId', message: 'is not a story of this project', in: 'body' }],
    });
  }
}

/** The position after the last task of the phase: a new or moved task lands at the end of its phase. */
export async function nextPosition(tx: Tx, projectId: string, phase: number): Promise<number> {
  const [row] = await tx
    .select({ next: sql<number>`coalesce(max(${tasks.position}) + 1, 0)::int` })
    .from(tasks)
    .where(and(eq(tasks.projectId, projectId), eq(tasks.phase, phase)));
  return row?.next ?? 0;
}

export type NewTask = CreateTaskBody & { position?: number; generationId?: string | null };

/** Inserts tasks of one project (access already checked), each at the end of its phase unless given a position. */
export async function insertTasks(tx: Tx, actor: UserActor, project: ProjectRow, inputs: NewTask[]): Promise<TaskRow[]> {
  if (!inputs.length) return [];
  const next = new Map<number, number>();
  const values: Array<typeof tasks.$inferInsert> = [];
  for (const input of inputs) {
    const phase = input.phase ?? 1;
    const position = input.position ?? next.get(phase) ?? (await nextPosition(tx, project.id, phase));
    next.set(phase, Math.max(position + 1, next.get(phase) ?? 0));
    values.push({
      id: newId(),
      organizationId: project.organizationId,
      projectId: project.id,
      storyId: input.storyId ?? null,
      phase,
      title: input.title,
      description: input.description ?? '',
      position,
      creatorId: actor.userId,
      generationId: input.generationId ?? null,
    });
  }
  return tx.insert(tasks).values(values).returning();
}

export async function createTask(tx: Tx, actor: UserActor, projectId: string, body: CreateTaskBody): Promise<Task> {
  const project = await requireTasksAccess(tx, actor.userId, projectId, 'write');
  await checkStory(tx, project.id, body.storyId);
  const [row] = await insertTasks(tx, actor, project, [body]);
  if (!row) throw new Error('The task was not inserted');
  return toTask(row);
}

/** Cursor of the (phase, position, id) order: "<phase>:<position>". */
function cursorOf(row: TaskRow) {
  return { sort: `${row.phase}:${row.position}`, id: row.id };
}

function decodeTaskCursor(value: string | undefined): { phase: number; position: number; id: string } | undefined {
  const cursor = decodeCursor(value);
  if (!cursor) return undefined;
  const match = /^(\d{1,3}):(-?\d{1,10})$/.exec(cursor.sort);
  if (!match || !isUuid(cursor.id)) throw invalidCursor();
  return { phase: Number(match[1]), position: Number(match[2]), id: cursor.id };
}

/** The project's tasks by phase, then position: a keyset page seeking on (project_id, phase, position, id). */
export async function listTasks(tx: Tx, userId: string, projectId: string, query: ListTasksQuery): Promise<Page<Task>> {
  const project = await requireTasksAccess(tx, userId, projectId, 'read');
  const after = decodeTaskCursor(query.cursor);
  const conditions: Array<SQL | undefined> = [eq(tasks.projectId, project.id)];
  if (query.phase !== undefined) conditions.push(eq(tasks.phase, query.phase));
  if (query.storyId !== undefined) conditions.push(eq(tasks.storyId, query.storyId));
  if (after) conditions.push(sql`(${tasks.phase}, ${tasks.position}, ${tasks.id}) > (${after.phase}, ${after.position}, ${after.id}::uuid)`);
  const rows = await tx
    .select()
    .from(tasks)
    .where(and(...conditions))
    .orderBy(asc(tasks.phase), asc(tasks.position), asc(tasks.id))
    .limit(query.limit + 1);
  return toPage(rows, query.limit, toTask, cursorOf);
}

export async function getTask(tx: Tx, userId: string, projectId: string, taskId: string): Promise<Task> {
  const project = await requireTasksAccess(tx, userId, projectId, 'read');
  return toTask(await loadTask(tx, project.id, taskId));
}

/** Edits a task; one moved to another phase goes to the end of it. */
export async function updateTask(tx: Tx, actor: UserActor, projectId: string, taskId: string, body: UpdateTaskBody): Promise<Task> {
  const project = await requireTasksAccess(tx, actor.userId, projectId, 'write');
  const row = await loadTask(tx, project.id, taskId, { lock: true });
  await checkStory(tx, project.id, body.storyId);
  const changes: Partial<typeof tasks.$inferInsert> = {};
  if (body.title !== undefined) changes.title = body.title;
  if (body.description !== undefined) changes.description = body.description;
  if (body.storyId !== undefined) changes.storyId = body.storyId;
  if (body.phase !== undefined && body.phase !== row.phase) {
    changes.phase = body.phase;
    changes.position = await nextPosition(tx, project.id, body.phase);
  }
  if (!Object.keys(changes).length) return toTask(row);
  const [updated] = await tx.update(tasks).set(changes).where(eq(tasks.id, row.id)).returning();
  if (!updated) throw notFound('Task');
  return toTask(updated);
}

/** Deletes a task and, with it, its activity (a task's history has no meaning without the task). */
export async function deleteTask(tx: Tx, actor: UserActor, projectId: string, taskId: string): Promise<void> {
  const project = await requireTasksAccess(tx, actor.userId, projectId, 'write');
  const row = await loadTask(tx, project.id, taskId, { lock: true });
  await tx.delete(tasks).where(eq(tasks.id, row.id));
}

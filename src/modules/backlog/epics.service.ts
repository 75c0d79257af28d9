import { and, asc, desc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { Tx } from '../../core/db/database.js';
import { notFound } from '../../core/errors.js';
import { decodeCursor, invalidCursorError, toPage, type Page } from '../../core/http/pagination.js';
import { isUuid, newId } from '../../core/ids.js';
import type { UserActor } from '../organizations/index.js';
import { lockBacklogCounter, requireBacklogAccess, requireMember } from './backlog-access.js';
import type { CreateEpicBody, Epic, ListEpicsQuery, UpdateEpicBody } from './backlog.contract.js';
import { epics, stories } from './backlog.schema.js';
import { ranksAfter } from './ranks.js';

type EpicRow = typeof epics.$inferSelect;
type Progress = Epic['progress'];

const noProgress: Progress = { stories: 0, done: 0, points: 0, donePoints: 0 };

function toEpic(row: EpicRow, projectKey: string, progress: Progress): Epic {
  return {
    id: row.id,
    projectId: row.projectId,
    key: `${projectKey}-E${row.number}`,
    number: row.number,
    title: row.title,
    description: row.description,
    status: row.status,
    ownerId: row.ownerId,
    targetDate: row.targetDate,
    rank: row.rank,
    creatorId: row.creatorId,
    progress,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

/** Per epic: its stories, how many are done, and their points (unestimated stories count 0). */
async function progressOf(tx: Tx, epicIds: string[]): Promise<Map<string, Progress>> {
  if (epicIds.length === 0) return new Map();
  const rows = await tx
    .select({
      epicId: stories.epicId,
      stories: sql<number>`count(*)::int`,
      done: sql<number>`(count(*) FILTER (WHERE ${stories.status} = 'done'))::int`,
      points: sql<number>`coalesce(sum(${stories.storyPoints}), 0)::int`,
      donePoints: sql<number>`coalesce(sum(${stories.storyPoints}) FILTER (WHERE ${stories.status} = 'done'), 0)::int`,
    })
    .from(stories)
    .where(inArray(stories.epicId, epicIds))
    .groupBy(stories.epicId);
  return new Map(rows.map(({ epicId, ...progress }) => [epicId!, progress]));
}

async function withProgress(tx: Tx, row: EpicRow, projectKey: string): Promise<Epic> {
  const progress = await progressOf(tx, [row.id]);
  return toEpic(row, projectKey, progress.get(row.id) ?? noProgress);
}

/** An epic of the project, or 404 (missing, malformed, another project's or another tenant's). */
async function loadEpic(tx: Tx, projectId: string, epicId: string, forUpdate = false): Promise<EpicRow> {
  if (!isUuid(epicId)) throw notFound('Epic');
  const query = tx.select().from(epics).where(and(eq(epics.id, epicId), eq(epics.projectId, projectId)));
  const [row] = forUpdate ? await query.for('update') : await query;
  if (!row) throw notFound('Epic');
  return row;
}

/** POST /epics: editors; numbered <KEY>-E<n> and ranked last, under the project's counter lock. */
export async function createEpic(tx: Tx, actor: UserActor, projectId: string, input: CreateEpicBody): Promise<Epic> {
  const project = await requireBacklogAccess(tx, actor.userId, projectId, 'write');
  if (input.ownerId) await requireMember(tx, project, input.ownerId, 'ownerId');
  await lockBacklogCounter(tx, project);
  const [last] = await tx.select({ rank: epics.rank }).from(epics).where(eq(epics.projectId, project.id)).orderBy(desc(epics.rank)).limit(1);
  const [row] = await tx
    .insert(epics)
    .values({
      id: newId(),
      organizationId: project.organizationId,
      projectId: project.id,
      number: 0,
      title: input.title,
      description: input.description ?? '',
      status: input.status ?? 'todo',
      ownerId: input.ownerId ?? null,
      targetDate: input.targetDate ?? null,
      rank: ranksAfter(last?.rank ?? null, 1)[0]!,
      creatorId: actor.userId,
    })
    .returning();
  if (!row) throw new Error('The epic was not inserted');
  return toEpic(row, project.key, noProgress);
}

/** GET /epics: in rank order with each epic's progress, keyset on (rank, id). */
export async function listEpics(tx: Tx, userId: string, projectId: string, query: ListEpicsQuery): Promise<Page<Epic>> {
  const project = await requireBacklogAccess(tx, userId, projectId, 'read');
  const cursor = decodeCursor(query.cursor);
  if (cursor && (!isUuid(cursor.id) || cursor.sort.length < 1 || cursor.sort.length > 200)) throw invalidCursorError();
  const filters: (SQL | undefined)[] = [
    eq(epics.projectId, project.id),
    query.status ? eq(epics.status, query.status) : undefined,
    cursor ? sql`(${epics.rank}, ${epics.id}) > (${cursor.sort} COLLATE "C", ${cursor.id}::uuid)` : undefined,
  ];
  const rows = await tx
    .select()
    .from(epics)
    .where(and(...filters))
    .orderBy(asc(epics.rank), asc(epics.id))
    .limit(query.limit + 1);
  const progress = await progressOf(tx, rows.slice(0, query.limit).map((row) => row.id));
  return toPage(rows, query.limit, (row) => toEpic(row, project.key, progress.get(row.id) ?? noProgress), (row) => ({ sort: row.rank, id: row.id }));
}

export async function getEpic(tx: Tx, userId: string, projectId: string, epicId: string): Promise<Epic> {
  const project = await requireBacklogAccess(tx, userId, projectId, 'read');
  return withProgress(tx, await loadEpic(tx, project.id, epicId), project.key);
}

export async function updateEpic(tx: Tx, actor: UserActor, projectId: string, epicId: string, input: UpdateEpicBody): Promise<Epic> {
  const project = await requireBacklogAccess(tx, actor.userId, projectId, 'write');
  const row = await loadEpic(tx, project.id, epicId, true);
  if (input.ownerId) await requireMember(tx, project, input.ownerId, 'ownerId');
  const changes = Object.fromEntries(Object.entries(input).filter(([, value]) => value !== undefined)) as UpdateEpicBody;
  if (Object.keys(changes).length === 0) return withProgress(tx, row, project.key);
  const [updated] = await tx.update(epics).set(changes).where(eq(epics.id, row.id)).returning();
  if (!updated) throw notFound('Epic');
  return withProgress(tx, updated, project.key);
}

/** DELETE /epics/{id}: editors; its stories stay, without an epic (recorded in their history). */
export async function deleteEpic(tx: Tx, actor: UserActor, projectId: string, epicId: string): Promise<void> {
  const project = await requireBacklogAccess(tx, actor.userId, projectId, 'write');
  const row = await loadEpic(tx, project.id, epicId, true);
  await tx.delete(epics).where(eq(epics.id, row.id));
}

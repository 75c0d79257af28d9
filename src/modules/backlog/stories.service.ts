import { and, asc, desc, eq, ilike, inArray, isNull, or, sql, type SQL } from 'drizzle-orm';
import type { Tx } from '../../core/db/database.js';
import { AppError, notFound } from '../../core/errors.js';
import { decodeCursor, invalidCursorError, toPage, type Page } from '../../core/http/pagination.js';
import { isUuid, newId } from '../../core/ids.js';
import type { UserActor } from '../organizations/index.js';
import type { ProjectRow } from '../projects/index.js';
import { invalidField, lockBacklogCounter, requireBacklogAccess, requireMember } from './backlog-access.js';
import type { CreateStoryBody, ListStoriesQuery, Story, UpdateStoryBody } from './backlog.contract.js';
import { epics, sprints, stories } from './backlog.schema.js';
import { ranksAfter } from './ranks.js';

export type StoryRow = typeof stories.$inferSelect;

export function storyKey(projectKey: string, number: number): string {
  return `${projectKey}-${number}`;
}

export function toStory(row: StoryRow, projectKey: string): Story {
  return {
    id: row.id,
    projectId: row.projectId,
    key: storyKey(projectKey, row.number),
    number: row.number,
    epicId: row.epicId,
    sprintId: row.sprintId,
    title: row.title,
    description: row.description,
    acceptanceCriteria: row.acceptanceCriteria,
    storyPoints: row.storyPoints,
    priority: row.priority,
    status: row.status,
    assigneeId: row.assigneeId,
    creatorId: row.creatorId,
    rank: row.rank,
    rev: row.rev,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

/** A story of the project, or 404 (missing, malformed, another project's or another tenant's). */
export async function loadStory(tx: Tx, projectId: string, storyId: string, options: { forUpdate?: boolean } = {}): Promise<StoryRow> {
  if (!isUuid(storyId)) throw notFound('Story');
  const query = tx
    .select()
    .from(stories)
    .where(and(eq(stories.id, storyId), eq(stories.projectId, projectId)));
  const [row] = options.forUpdate ? await query.for('update') : await query;
  if (!row) throw notFound('Story');
  return row;
}

/** The references a story may hold, checked before writing: epic and sprint of the same project, a member assignee. */
type StoryRefs = { epicId?: string | null; sprintId?: string | null; assigneeId?: string | null };

export async function checkStoryRefs(tx: Tx, project: ProjectRow, refs: StoryRefs, prefix = ''): Promise<void> {
  if (refs.epicId) {
    const [epic] = await tx.select({ id: epics.id }).from(epics).where(and(eq(epics.id, refs.epicId), eq(epics.projectId, project.id)));
    if (!epic) throw invalidField(`${prefix}epicId`, 'is not an epic of this project');
  }
  if (refs.sprintId) {
    const [sprint] = await tx
      .select({ status: sprints.status })
      .from(sprints)
      .where(and(eq(sprints.id, refs.sprintId), eq(sprints.projectId, project.id)));
    if (!sprint) throw invalidField(`${prefix}sprintId`, 'is not a sprint of this project');
    if (sprint.status === 'completed') throw invalidField(`${prefix}sprintId`, 'is a completed sprint; choose a planned or active one');
  }
  if (refs.assigneeId) await requireMember(tx, project, refs.assigneeId, `${prefix}assigneeId`);
}

/** The bottom rank of the project's stories (null when it has none). Read under the counter lock when creating. */
async function bottomRank(tx: Tx, projectId: string): Promise<string | null> {
  const [row] = await tx.select({ rank: stories.rank }).from(stories).where(eq(stories.projectId, projectId)).orderBy(desc(stories.rank)).limit(1);
  return row?.rank ?? null;
}

export type CreateStoriesOptions = {
  /** The project row when the caller already checked write access in this transaction. */
  project?: ProjectRow;
};

/**
 * Creates stories at the bottom of the backlog in the order given, in the caller's transaction (all or none): the
 * database numbers them KEY-n, KEY-n+1, … under the project's counter lock. Editors and up.
 */
export async function createStories(
  tx: Tx,
  actor: UserActor,
  projectId: string,
  inputs: readonly CreateStoryBody[],
  options: CreateStoriesOptions = {},
): Promise<Story[]> {
  const project = options.project ?? (await requireBacklogAccess(tx, actor.userId, projectId, 'write'));
  if (inputs.length === 0) return [];
  for (const [index, input] of inputs.entries()) {
    await checkStoryRefs(tx, project, input, inputs.length > 1 ? `[${index}].` : '');
  }
  await lockBacklogCounter(tx, project);
  const ranks = ranksAfter(await bottomRank(tx, project.id), inputs.length);
  const values = inputs.map((input, index) => ({
    id: newId(),
    organizationId: project.organizationId,
    projectId: project.id,
    number: 0,
    title: input.title,
    description: input.description ?? '',
    acceptanceCriteria: input.acceptanceCriteria ?? '',
    storyPoints: input.storyPoints ?? null,
    priority: input.priority ?? 'medium',
    status: input.status ?? 'todo',
    assigneeId: input.assigneeId ?? null,
    epicId: input.epicId ?? null,
    sprintId: input.sprintId ?? null,
    creatorId: actor.userId,
    rank: ranks[index]!,
  }));
  const rows = await tx.insert(stories).values(values).returning();
  return rows.sort((a, b) => a.number - b.number).map((row) => toStory(row, project.key));
}

/** One story at the bottom of the backlog (see createStories). */
export async function createStory(tx: Tx, actor: UserActor, projectId: string, input: CreateStoryBody, options: CreateStoriesOptions = {}): Promise<Story> {
  const [story] = await createStories(tx, actor, projectId, [input], options);
  if (!story) throw new Error('The story was not inserted');
  return story;
}

export async function getStory(tx: Tx, userId: string, projectId: string, storyId: string): Promise<Story> {
  const project = await requireBacklogAccess(tx, userId, projectId, 'read');
  return toStory(await loadStory(tx, project.id, storyId), project.key);
}

/** Cursors of the rank order: the last row's rank and id. */
function decodeRankCursor(value: string | undefined): { rank: string; id: string } | undefined {
  const cursor = decodeCursor(value);
  if (!cursor) return undefined;
  if (!isUuid(cursor.id) || cursor.sort.length < 1 || cursor.sort.length > 200) throw invalidCursorError();
  return { rank: cursor.sort, id: cursor.id };
}

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (m) => `\\${m}`);
}

/** `q`: every word in the title or the description, or a key (KEY-12, or just 12). */
function searchFilter(q: string, projectKey: string): SQL | undefined {
  const text = q.trim();
  if (!text) return undefined;
  const words = text.split(/\s+/).slice(0, 20);
  const byWords = and(...words.map((word) => or(ilike(stories.title, `%${escapeLike(word)}%`), ilike(stories.description, `%${escapeLike(word)}%`))));
  const keyMatch = /^(?:([A-Za-z][A-Za-z0-9]*)-)?(\d{1,9})$/.exec(text);
  const byKey = keyMatch && (!keyMatch[1] || keyMatch[1].toUpperCase() === projectKey) ? eq(stories.number, Number(keyMatch[2])) : undefined;
  return or(byWords, byKey);
}

/** GET /stories: the backlog order (rank), keyset on (rank, id); filters combine. */
export async function listStories(tx: Tx, userId: string, projectId: string, query: ListStoriesQuery): Promise<Page<Story>> {
  const project = await requireBacklogAccess(tx, userId, projectId, 'read');
  const cursor = decodeRankCursor(query.cursor);
  const filters: (SQL | undefined)[] = [
    eq(stories.projectId, project.id),
    query.status ? eq(stories.status, query.status) : undefined,
    query.sprintId === 'backlog' ? isNull(stories.sprintId) : query.sprintId ? eq(stories.sprintId, query.sprintId) : undefined,
    query.epicId ? eq(stories.epicId, query.epicId) : undefined,
    query.assigneeId ? eq(stories.assigneeId, query.assigneeId) : undefined,
    query.priority ? eq(stories.priority, query.priority) : undefined,
    query.q ? searchFilter(query.q, project.key) : undefined,
    cursor ? sql`(${stories.rank}, ${stories.id}) > (${cursor.rank} COLLATE "C", ${cursor.id}::uuid)` : undefined,
  ];
  const rows = await tx
    .select()
    .from(stories)
    .where(and(...filters))
    .orderBy(asc(stories.rank), asc(stories.id))
    .limit(query.limit + 1);
  return toPage(rows, query.limit, (row) => toStory(row, project.key), (row) => ({ sort: row.rank, id: row.id }));
}

/** 409 for an edit that started from an older state: carries the current story so the client loses nothing. */
function staleStory(row: StoryRow, projectKey: string, field: 'baseRev' | 'updatedAt'): AppError {
  return new AppError(
    'CONFLICT',
    `The story ${storyKey(projectKey, row.number)} changed since you loaded it: it is at revision ${row.rev}. Apply your change to the current story and send it with baseRev ${row.rev}`,
    { details: { field, currentRev: row.rev, story: toStory(row, projectKey) } },
  );
}

/** The stale-edit check of PATCH: baseRev against rev, or updatedAt against updated_at (to the millisecond). */
export function checkFresh(row: StoryRow, projectKey: string, input: { baseRev?: number; updatedAt?: string }): void {
  if (input.baseRev !== undefined && input.baseRev !== row.rev) throw staleStory(row, projectKey, 'baseRev');
  if (input.updatedAt !== undefined && Date.parse(input.updatedAt) !== row.updatedAt.getTime()) throw staleStory(row, projectKey, 'updatedAt');
}

type StoryChanges = Partial<Pick<StoryRow, 'title' | 'description' | 'acceptanceCriteria' | 'storyPoints' | 'priority' | 'status' | 'assigneeId' | 'epicId' | 'sprintId' | 'rank'>>;

/** Only the fields that differ from the row: an unchanged story is not rewritten (no new revision, no history). */
export function changesOf(row: StoryRow, input: StoryChanges): StoryChanges {
  const changes: Record<string, unknown> = {};
  for (const [field, value] of Object.entries(input) as [keyof StoryChanges, unknown][]) {
    if (value !== undefined && value !== row[field]) changes[field] = value;
  }
  return changes;
}

/** Writes the changes to a locked row and returns it as it is now; the triggers bump rev and record the history. */
export async function writeStory(tx: Tx, row: StoryRow, changes: StoryChanges): Promise<StoryRow> {
  if (Object.keys(changes).length === 0) return row;
  const [updated] = await tx.update(stories).set(changes).where(eq(stories.id, row.id)).returning();
  if (!updated) throw notFound('Story');
  return updated;
}

/** PATCH /stories/{id}: editors; a stale baseRev or updatedAt answers 409 with the current story. */
export async function updateStory(tx: Tx, actor: UserActor, projectId: string, storyId: string, input: UpdateStoryBody): Promise<Story> {
  const project = await requireBacklogAccess(tx, actor.userId, projectId, 'write');
  const row = await loadStory(tx, project.id, storyId, { forUpdate: true });
  checkFresh(row, project.key, input);
  const { baseRev: _baseRev, updatedAt: _updatedAt, ...fields } = input;
  const changes = changesOf(row, fields);
  await checkStoryRefs(tx, project, changes);
  return toStory(await writeStory(tx, row, changes), project.key);
}

/** DELETE /stories/{id}: editors. The story's history stays (burndowns that counted it can still be rebuilt). */
export async function deleteStory(tx: Tx, actor: UserActor, projectId: string, storyId: string): Promise<void> {
  const project = await requireBacklogAccess(tx, actor.userId, projectId, 'write');
  const row = await loadStory(tx, project.id, storyId, { forUpdate: true });
  await tx.delete(stories).where(eq(stories.id, row.id));
}

/** Several stories of the project by id, locked for update; a missing one is a 404 naming it. */
export async function lockStories(tx: Tx, projectId: string, storyIds: readonly string[], field = 'storyIds'): Promise<StoryRow[]> {
  const unique = [...new Set(storyIds)];
  const rows = await tx
    .select()
    .from(stories)
    .where(and(eq(stories.projectId, projectId), inArray(stories.id, unique)))
    .orderBy(asc(stories.id))
    .for('update');
  const found = new Set(rows.map((row) => row.id));
  const missing = unique.find((id) => !found.has(id));
  if (missing) {
    throw new AppError('NOT_FOUND', `Story ${missing} not found in this project; nothing was changed`, {
      details: [{ field, message: `${missing} is not a story of this project`, in: 'body', storyId: missing }],
    });
  }
  return rows;
}

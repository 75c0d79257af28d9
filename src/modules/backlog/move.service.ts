import { and, asc, desc, eq, gt, lt, ne } from 'drizzle-orm';
import type { Tx } from '../../core/db/database.js';
import type { UserActor } from '../organizations/index.js';
import type { ProjectRow } from '../projects/index.js';
import { invalidField, lockBacklogCounter, requireBacklogAccess } from './backlog-access.js';
import type { MoveStoryBody, Story } from './backlog.contract.js';
import { stories } from './backlog.schema.js';
import { rankBetween } from './ranks.js';
import { changesOf, checkStoryRefs, loadStory, toStory, writeStory, type StoryRow } from './stories.service.js';

/** The rank of a neighbour named in the body: a story of the project other than the one moving. */
async function neighbourRank(tx: Tx, moving: StoryRow, id: string, field: 'afterId' | 'beforeId'): Promise<string> {
  if (id === moving.id) throw invalidField(field, 'is the story being moved');
  const [row] = await tx
    .select({ rank: stories.rank })
    .from(stories)
    .where(and(eq(stories.id, id), eq(stories.projectId, moving.projectId)));
  if (!row) throw invalidField(field, 'is not a story of this project');
  return row.rank;
}

/** The rank next to `rank` in the project's order (above or below), skipping the moving story; null at either end. */
async function adjacentRank(tx: Tx, moving: StoryRow, rank: string | null, side: 'above' | 'below'): Promise<string | null> {
  const filters = [eq(stories.projectId, moving.projectId), ne(stories.id, moving.id)];
  if (rank !== null) filters.push(side === 'above' ? lt(stories.rank, rank) : gt(stories.rank, rank));
  const [row] = await tx
    .select({ rank: stories.rank })
    .from(stories)
    .where(and(...filters))
    .orderBy(side === 'above' ? desc(stories.rank) : asc(stories.rank))
    .limit(1);
  return row?.rank ?? null;
}

/**
 * The new rank for afterId/beforeId: one neighbour is enough (the other is the next story in the project's order),
 * null means the top (afterId) or the bottom (beforeId). A board column is the backlog filtered by status, so a rank
 * between two neighbours of a column keeps the column's order and the backlog's.
 */
async function newRank(
  tx: Tx,
  project: ProjectRow,
  moving: StoryRow, afterId: string | null | undefined, beforeId: string | null | undefined): Promise<string | undefined> {
  if (afterId === undefined && beforeId === undefined) return undefined;
  // Moves into one gap queue on the project's counter lock, so two of them never take the same rank.
  await lockBacklogCounter(tx, project);
  const given = {
    above: afterId === undefined ? undefined : afterId === null ? null : await neighbourRank(tx, moving, afterId, 'afterId'),
    below: beforeId === undefined ? undefined : beforeId === null ? null : await neighbourRank(tx, moving, beforeId, 'beforeId'),
  };
  const above = given.above !== undefined ? given.above : await adjacentRank(tx, moving, given.below ?? null, 'above');
  const below = given.below !== undefined ? given.below : await adjacentRank(tx, moving, above, 'below');
  return rankBetween(above, below);
}

/** POST /stories/{id}/move: a new place (rank), column (status) and/or sprint in one write; editors. */
export async function moveStory(tx: Tx, actor: UserActor, projectId: string, storyId: string, input: MoveStoryBody): Promise<Story> {
  const project = await requireBacklogAccess(tx, actor.userId, projectId, 'write');
  const row = await loadStory(tx, project.id, storyId, { forUpdate: true });
  const rank = await newRank(tx, project, row, input.afterId, input.beforeId);
  const changes = changesOf(row, { status: input.status, sprintId: input.sprintId, rank });
  await checkStoryRefs(tx, project, { sprintId: changes.sprintId });
  return toStory(await writeStory(tx, row, changes), project.key);
}

import { and, desc, eq, lt, type SQL } from 'drizzle-orm';
import type { Tx } from '../../core/db/database.js';
import { users } from '../../core/db/platform.schema.js';
import { decodeSerialCursor } from '../../core/http/keyset-cursor.js';
import { toPage, type Page } from '../../core/http/pagination.js';
import { requireBacklogAccess } from './backlog-access.js';
import type { ListActivityQuery, StoryActivity, StoryActivityField } from './backlog.contract.js';
import { storyActivity } from './backlog.schema.js';
import { loadStory } from './stories.service.js';

/** GET /stories/{id}/activity: the story's history newest first (who, when, from, to), keyset on the row id. */
export async function listStoryActivity(tx: Tx, userId: string, projectId: string, storyId: string, query: ListActivityQuery): Promise<Page<StoryActivity>> {
  const project = await requireBacklogAccess(tx, userId, projectId, 'read');
  const story = await loadStory(tx, project.id, storyId);
  const cursor = decodeSerialCursor(query.cursor);
  const filters: (SQL | undefined)[] = [eq(storyActivity.storyId, story.id), cursor === undefined ? undefined : lt(storyActivity.id, cursor)];
  const rows = await tx
    .select({
      id: storyActivity.id,
      storyId: storyActivity.storyId,
      actorId: storyActivity.actorId,
      actorName: users.name,
      field: storyActivity.field,
      from: storyActivity.fromValue,
      to: storyActivity.toValue,
      createdAt: storyActivity.createdAt,
    })
    .from(storyActivity)
    .leftJoin(users, eq(users.id, storyActivity.actorId))
    .where(and(...filters))
    .orderBy(desc(storyActivity.id))
    .limit(query.limit + 1);
  return toPage(
    rows,
    query.limit,
    (row) => ({
      ...row,
      id: String(row.id),
      actorName: row.actorName ?? null,
      field: row.field as StoryActivityField,
      createdAt: row.createdAt.toISOString(),
    }),
    (row) => ({ sort: String(row.id), id: String(row.id) }),
  );
}

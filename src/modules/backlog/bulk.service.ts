import { inArray } from 'drizzle-orm';
import type { Tx } from '../../core/db/database.js';
import type { UserActor } from '../organizations/index.js';
import { invalidField, requireBacklogAccess } from './backlog-access.js';
import type { BulkEditBody } from './backlog.contract.js';
import { stories } from './backlog.schema.js';
import { changesOf, checkStoryRefs, lockStories, writeStory } from './stories.service.js';

/**
 * POST /stories/bulk: one transaction, all or nothing. Every id must be a story of the project (else a 404 naming
 * the first one that is not, before anything is written); each story is written on its own so its history records
 * exactly what changed for it.
 */
export async function bulkEditStories(tx: Tx, actor: UserActor, projectId: string, input: BulkEditBody): Promise<{ updated: number; deleted: number }> {
  const project = await requireBacklogAccess(tx, actor.userId, projectId, 'write');
  const set = Object.fromEntries(Object.entries(input.set).filter(([, value]) => value !== undefined)) as BulkEditBody['set'];
  if (input.delete && Object.keys(set).length > 0) throw invalidField('delete', 'cannot be combined with fields to set');
  if (!input.delete && Object.keys(set).length === 0) throw invalidField('set', 'choose at least one field to change');
  const rows = await lockStories(tx, project.id, input.storyIds);
  if (input.delete) {
    await tx.delete(stories).where(inArray(stories.id, rows.map((row) => row.id)));
    return { updated: 0, deleted: rows.length };
  }
  await checkStoryRefs(tx, project, set, 'set.');
  let updated = 0;
  for (const row of rows) {
    const changes = changesOf(row, set);
    if (Object.keys(changes).length === 0) continue;
    await writeStory(tx, row, changes);
    updated += 1;
  }
  return { updated, deleted: 0 };
}

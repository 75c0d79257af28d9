import { and, desc, eq, type SQL } from 'drizzle-orm';
import { aiGenerations } from '../../core/ai/ai.schema.js';
import type { Tx } from '../../core/db/database.js';
import { notFound } from '../../core/errors.js';
import { afterCursor, cursorTimestamp, decodeTimestampCursor } from '../../core/http/keyset-cursor.js';
import { toPage, type Page } from '../../core/http/pagination.js';
import { isUuid } from '../../core/ids.js';
import { personalOrganizationIdOf, requireOrganizationRole } from '../organizations/index.js';
import { requireProjectRole } from '../projects/index.js';
import type { GenerationItem, ListGenerationsQuery } from './ai.contract.js';

type GenerationRow = typeof aiGenerations.$inferSelect;

function toGeneration(row: GenerationRow): GenerationItem {
  return {
    id: row.id,
    organizationId: row.organizationId,
    projectId: row.projectId,
    userId: row.userId,
    jobId: row.jobId,
    generationType: row.generationType,
    provider: row.provider,
    model: row.model,
    prompt: row.prompt,
    response: row.response,
    tokensIn: row.tokensIn,
    tokensOut: row.tokensOut,
    tokensUsed: row.tokensUsed ?? row.tokensIn + row.tokensOut,
    cost: row.cost,
    latencyMs: row.latencyMs,
    status: row.status,
    errorCode: row.errorCode,
    errorMessage: row.errorMessage,
    metadata: row.metadata,
    createdAt: row.createdAt.toISOString(),
  };
}

/**
 * The ledger of an organization (or one of its projects), newest first; any member may read it. A project the caller
 * cannot see is 404, like any other id; without organizationId, a project's ledger is read in its organization.
 */
export async function listGenerations(tx: Tx, userId: string, query: ListGenerationsQuery): Promise<Page<GenerationItem>> {
  const project = query.projectId ? (await requireProjectRole(tx, userId, query.projectId, 'viewer')).project : undefined;
  const organizationId = query.organizationId ?? project?.organizationId ?? (await personalOrganizationIdOf(tx, userId));
  if (!organizationId) return { items: [], nextCursor: null };
  await requireOrganizationRole(tx, userId, organizationId, 'viewer');
  const cursor = decodeTimestampCursor(query.cursor);
  const conditions: SQL[] = [eq(aiGenerations.organizationId, organizationId)];
  if (query.projectId) conditions.push(eq(aiGenerations.projectId, query.projectId));
  if (cursor) conditions.push(afterCursor(aiGenerations.createdAt, aiGenerations.id, cursor, 'desc'));
  const rows = await tx
    .select({ row: aiGenerations, at: cursorTimestamp(aiGenerations.createdAt) })
    .from(aiGenerations)
    .where(and(...conditions))
    .orderBy(desc(aiGenerations.createdAt), desc(aiGenerations.id))
    .limit(query.limit + 1);
  return toPage(rows, query.limit, (r) => toGeneration(r.row), (r) => ({ sort: r.at, id: r.row.id }));
}

export async function getGeneration(tx: Tx, id: string): Promise<GenerationItem> {
  if (!isUuid(id)) throw notFound('Generation');
  const [row] = await tx.select().from(aiGenerations).where(eq(aiGenerations.id, id));
  if (!row) throw notFound('Generation');
  return toGeneration(row);
}


import { and, desc, eq, ilike, inArray, or, type SQL } from 'drizzle-orm';
import { recordAudit, type UserActor } from '../../../core/audit.js';
import { aiGenerations } from '../../../core/ai/ai.schema.js';
import type { Tx } from '../../../core/db/database.js';
import { AppError, notFound } from '../../../core/errors.js';
import { afterCursor, cursorTimestamp, decodeTimestampCursor } from '../../../core/http/keyset-cursor.js';
import { toPage, type Page } from '../../../core/http/pagination.js';
import { isUuid, newId } from '../../../core/ids.js';
import { requireOrganizationRole } from '../../organizations/index.js';
import { loadConnection } from '../connections/connections.service.js';
import type { CreateQueryInput, SavedQuery, UpdateQueryInput } from '../dbassist.contract.js';
import { executions, savedQueries } from '../dbassist.schema.js';

/**
 * Saved queries (seed 002 `queries`): SQL a person saved, or the answer to a question saved with the question and the
 * ledger row that produced it. Members read them; editors and up save, change and remove them, each change audited.
 */

export type SavedQueryRow = typeof savedQueries.$inferSelect;
type LastRun = SavedQuery['lastRun'];

/** `%`, `_` and `\` in a search are the characters themselves, not ILIKE wildcards. */
export function containsPattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (match) => `\\${match}`)}%`;
}

async function lastRuns(tx: Tx, queryIds: string[]): Promise<Map<string, NonNullable<LastRun>>> {
  if (queryIds.length === 0) return new Map();
  const rows = await tx
    .selectDistinctOn([executions.queryId], {
      queryId: executions.queryId,
      id: executions.id,
      status: executions.status,
      startedAt: executions.startedAt,
      durationMs: executions.durationMs,
    })
    .from(executions)
    .where(inArray(executions.queryId, queryIds))
    .orderBy(executions.queryId, desc(executions.startedAt), desc(executions.id));
  return new Map(
    rows.map((row) => [row.queryId ?? '', { executionId: row.id, status: row.status, startedAt: row.startedAt.toISOString(), durationMs: row.durationMs }]),
  );
}

function toSavedQuery(row: SavedQueryRow, lastRun: LastRun): SavedQuery {
  return {
    id: row.id,
    connectionId: row.connectionId,
    sqlText: row.sqlText,
    description: row.description,
    question: row.question,
    source: row.source,
    tablesUsed: row.tablesUsed,
    generationId: row.generationId,
    createdBy: row.createdBy,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    lastRun,
  };
}

async function present(tx: Tx, row: SavedQueryRow): Promise<SavedQuery> {
  return toSavedQuery(row, (await lastRuns(tx, [row.id])).get(row.id) ?? null);
}

/** A saved query the acting user can see (RLS: members of its organization); 404 otherwise, also for other tenants'. */
export async function loadSavedQuery(tx: Tx, id: string): Promise<SavedQueryRow> {
  if (!isUuid(id)) throw notFound('Query');
  const [row] = await tx.select().from(savedQueries).where(eq(savedQueries.id, id));
  if (!row) throw notFound('Query');
  return row;
}

function invalidField(field: string, message: string): AppError {
  return new AppError('VALIDATION_FAILED', `Invalid body: ${field}: ${message}`, { details: [{ field, message, in: 'body' }] });
}

/**
 * The tables an answer read, from the ledger row of the answer a query is saved from (which must be one of this
 * organization's): its response is the answer as JSON ({sql, explanation, tables, …}). A response that is not that
 * JSON gives no tables.
 */
async function tablesOfAnswer(tx: Tx, organizationId: string, generationId: string): Promise<string[]> {
  const [row] = await tx
    .select({ response: aiGenerations.response })
    .from(aiGenerations)
    .where(and(eq(aiGenerations.id, generationId), eq(aiGenerations.organizationId, organizationId)));
  if (!row) throw invalidField('generationId', 'is not an answer generated in this organization');
  if (row.response === null) return [];
  try {
    const answer: unknown = JSON.parse(row.response);
    if (typeof answer !== 'object' || answer === null || !('sql' in answer) || !('tables' in answer)) return [];
    return Array.isArray(answer.tables) ? answer.tables.filter((table): table is string => typeof table === 'string').slice(0, 100) : [];
  } catch {
    return [];
  }
}

/** GET /connections/{id}/queries: newest first; `q` searches the SQL, description and question. */
export async function listSavedQueries(
  tx: Tx,
  userId: string,
  connectionId: string,
  query: { limit: number; cursor?: string | undefined; q?: string | undefined },
): Promise<Page<SavedQuery>> {
  const connection = await loadConnection(tx, connectionId);
  await requireOrganizationRole(tx, userId, connection.organizationId, 'viewer');
  const cursor = decodeTimestampCursor(query.cursor);
  const filters: SQL[] = [eq(savedQueries.connectionId, connection.id)];
  if (query.q) {
    const pattern = containsPattern(query.q);
    const search = or(ilike(savedQueries.sqlText, pattern), ilike(savedQueries.description, pattern), ilike(savedQueries.question, pattern));
    if (search) filters.push(search);
  }
  if (cursor) filters.push(afterCursor(savedQueries.createdAt, savedQueries.id, cursor, 'desc'));
  const rows = await tx
    .select({ row: savedQueries, cursorAt: cursorTimestamp(savedQueries.createdAt) })
    .from(savedQueries)
    .where(and(...filters))
    .orderBy(desc(savedQueries.createdAt), desc(savedQueries.id))
    .limit(query.limit + 1);
  const runs = await lastRuns(
    tx,
    rows.slice(0, query.limit).map(({ row }) => row.id),
  );
  return toPage(
    rows,
    query.limit,
    ({ row }) => toSavedQuery(row, runs.get(row.id) ?? null),
    ({ row, cursorAt }) => ({ sort: cursorAt, id: row.id }),
  );
}

export async function getSavedQuery(tx: Tx, id: string): Promise<SavedQuery> {
  return present(tx, await loadSavedQuery(tx, id));
}

/** POST /connections/{id}/queries (editors and up): with a question and its generationId the query is saved as source "ai". */
export async function createSavedQuery(tx: Tx, actor: UserActor, connectionId: string, input: CreateQueryInput): Promise<SavedQuery> {
  const connection = await loadConnection(tx, connectionId);
  await requireOrganizationRole(tx, actor.userId, connection.organizationId, 'editor');
  const tablesUsed = input.generationId === undefined ? [] : await tablesOfAnswer(tx, connection.organizationId, input.generationId);
  const [row] = await tx
    .insert(savedQueries)
    .values({
      id: newId(),
      organizationId: connection.organizationId,
      connectionId: connection.id,
      sqlText: input.sqlText,
      description: input.description || null,
      question: input.question || null,
      source: input.generationId !== undefined ? 'ai' : 'human',
      tablesUsed,
      generationId: input.generationId ?? null,
      createdBy: actor.userId,
    })
    .returning();
  if (!row) throw new Error('The query was not inserted');
  await recordAudit(tx, actor, {
    action: 'sql_query_saved',
    resourceType: 'db_query',
    resourceId: row.id,
    organizationId: row.organizationId,
    details: { connectionId: row.connectionId, source: row.source, sqlLength: row.sqlText.length },
  });
  return toSavedQuery(row, null);
}

/** PATCH /queries/{id} (editors and up): new SQL or description. */
export async function updateSavedQuery(tx: Tx, actor: UserActor, id: string, input: UpdateQueryInput): Promise<SavedQuery> {
  const current = await loadSavedQuery(tx, id);
  await requireOrganizationRole(tx, actor.userId, current.organizationId, 'editor');
  const changes: Partial<typeof savedQueries.$inferInsert> = {};
  if (input.sqlText !== undefined && input.sqlText !== current.sqlText) changes.sqlText = input.sqlText;
  if (input.description !== undefined && (input.description || null) !== current.description) changes.description = input.description || null;
  const changed = Object.keys(changes);
  if (changed.length === 0) return present(tx, current);
  const [row] = await tx.update(savedQueries).set(changes).where(eq(savedQueries.id, current.id)).returning();
  if (!row) throw notFound('Query');
  await recordAudit(tx, actor, {
    action: 'sql_query_updated',
    resourceType: 'db_query',
    resourceId: row.id,
    organizationId: row.organizationId,
    details: { connectionId: row.connectionId, changed },
  });
  return present(tx, row);
}

/** DELETE /queries/{id} (editors and up): its executions stay in the history, without the link to it. */
export async function deleteSavedQuery(tx: Tx, actor: UserActor, id: string): Promise<void> {
  const current = await loadSavedQuery(tx, id);
  await requireOrganizationRole(tx, actor.userId, current.organizationId, 'editor');
  await tx.delete(savedQueries).where(eq(savedQueries.id, current.id));
  await recordAudit(tx, actor, {
    action: 'sql_query_deleted',
    resourceType: 'db_query',
    resourceId: current.id,
    organizationId: current.organizationId,
    details: { connectionId: current.connectionId, source: current.source },
  });
}

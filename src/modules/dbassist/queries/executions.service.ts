import { and, desc, eq, ilike, or, type SQL } from 'drizzle-orm';
import type { Tx } from '../../../core/db/database.js';
import { notFound } from '../../../core/errors.js';
import { afterCursor, cursorTimestamp, decodeTimestampCursor } from '../../../core/http/keyset-cursor.js';
import { toPage, type Page } from '../../../core/http/pagination.js';
import { isUuid } from '../../../core/ids.js';
import { requireOrganizationRole } from '../../organizations/index.js';
import { loadConnection } from '../connections/connections.service.js';
import type { Execution, ExecutionStatus, RowsPage } from '../dbassist.contract.js';
import { executions } from '../dbassist.schema.js';
import { containsPattern } from './queries.service.js';
import { offsetOf, readResultPage } from './result-store.js';

/**
 * The history of runs (seed 002 `executions`): every statement sent to a connection, with who ran it, when, how long
 * it took, how many rows, and how it ended. Members read it; rows of a run are paged from its captured result file.
 */

export type ExecutionRow = typeof executions.$inferSelect;

export function toExecution(row: ExecutionRow, page: { rows: unknown[][]; nextCursor: string | null } = { rows: [], nextCursor: null }): Execution {
  return {
    id: row.id,
    connectionId: row.connectionId,
    queryId: row.queryId,
    sqlText: row.sqlText,
    executedBy: row.executedBy,
    status: row.status,
    startedAt: row.startedAt.toISOString(),
    finishedAt: row.finishedAt?.toISOString() ?? null,
    durationMs: row.durationMs,
    rowCount: row.rowCount,
    isWrite: row.isWrite,
    truncated: row.truncated,
    errorMsg: row.errorMsg,
    columns: row.columns ?? [],
    rows: page.rows,
    nextCursor: page.nextCursor,
  };
}

/** An execution the acting user can see (RLS: members of its organization); 404 otherwise, also for other tenants'. */
export async function loadExecution(tx: Tx, id: string): Promise<ExecutionRow> {
  if (!isUuid(id)) throw notFound('Execution');
  const [row] = await tx.select().from(executions).where(eq(executions.id, id));
  if (!row) throw notFound('Execution');
  return row;
}

/** GET /connections/{id}/executions: newest first; `q` searches the SQL and the error, `status` filters. */
export async function listExecutions(
  tx: Tx,
  userId: string,
  connectionId: string,
  query: { limit: number; cursor?: string | undefined; q?: string | undefined; status?: ExecutionStatus | undefined },
): Promise<Page<Execution>> {
  const connection = await loadConnection(tx, connectionId);
  await requireOrganizationRole(tx, userId, connection.organizationId, 'viewer');
  const cursor = decodeTimestampCursor(query.cursor);
  const filters: SQL[] = [eq(executions.connectionId, connection.id)];
  if (query.q) {
    const pattern = containsPattern(query.q);
    const search = or(ilike(executions.sqlText, pattern), ilike(executions.errorMsg, pattern));
    if (search) filters.push(search);
  }
  if (query.status) filters.push(eq(executions.status, query.status));
  if (cursor) filters.push(afterCursor(executions.startedAt, executions.id, cursor, 'desc'));
  const rows = await tx
    .select({ row: executions, cursorAt: cursorTimestamp(executions.startedAt) })
    .from(executions)
    .where(and(...filters))
    .orderBy(desc(executions.startedAt), desc(executions.id))
    .limit(query.limit + 1);
  return toPage(
    rows,
    query.limit,
    ({ row }) => toExecution(row),
    ({ row, cursorAt }) => ({ sort: cursorAt, id: row.id }),
  );
}

/** What a run is about to do, recorded as `running` and committed before the statement is sent. */
export type StartedRun = {
  id: string;
  organizationId: string;
  connectionId: string;
  queryId: string | null;
  sqlText: string;
  executedBy: string;
  isWrite: boolean;
};

export async function insertRunning(tx: Tx, run: StartedRun): Promise<ExecutionRow> {
  const [row] = await tx
    .insert(executions)
    .values({ ...run, status: 'running' })
    .returning();
  if (!row) throw new Error('The execution was not inserted');
  return row;
}

/** How a run ended. */
export type RunEnd =
  | { status: 'success'; rowCount: number; columns: ExecutionRow['columns']; truncated: boolean; resultPath: string | null }
  | { status: 'failed' | 'cancelled'; errorMsg: string };

const MAX_ERROR_LENGTH = 4000;

/** Finishes a running row with its status, how long the statement took on the server, and its outcome. */
export async function finishRun(tx: Tx, executionId: string, end: RunEnd, durationMs: number): Promise<ExecutionRow> {
  const values =
    end.status === 'success'
      ? { status: end.status, rowCount: end.rowCount, columns: end.columns, truncated: end.truncated, resultPath: end.resultPath, errorMsg: null }
      : { status: end.status, errorMsg: end.errorMsg.slice(0, MAX_ERROR_LENGTH) };
  const [row] = await tx
    .update(executions)
    .set({ ...values, durationMs: Math.max(0, Math.round(durationMs)), finishedAt: new Date() })
    .where(eq(executions.id, executionId))
    .returning();
  if (!row) throw notFound('Execution');
  return row;
}

/** GET /executions/{id} (members): the execution with its first page of rows. */
export async function getExecution(tx: Tx, dataDir: string, id: string, pageSize = 100): Promise<Execution> {
  const row = await loadExecution(tx, id);
  return toExecution(row, await readResultPage(dataDir, row.resultPath, 0, pageSize));
}

/** GET /executions/{id}/rows?cursor= (members): the page of captured rows the cursor points at. */
export async function getExecutionRows(tx: Tx, dataDir: string, id: string, query: { cursor?: string | undefined; limit: number }): Promise<RowsPage> {
  const row = await loadExecution(tx, id);
  const page = await readResultPage(dataDir, row.resultPath, offsetOf(query.cursor), query.limit);
  return { columns: row.columns ?? [], ...page };
}

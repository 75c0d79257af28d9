import { performance } from 'node:perf_hooks';
import { recordAudit, type UserActor } from '../../../core/audit.js';
import type { AppContext } from '../../../core/context.js';
import { withUser } from '../../../core/db/tenancy.js';
import { AppError, defineErrorCode } from '../../../core/errors.js';
import { newId } from '../../../core/ids.js';
import { requireOrganizationRole } from '../../organizations/index.js';
import { loadConnection, type ConnectionRow } from '../connections/connections.service.js';
import type { Execution, ExecuteInput, ExplainAnswer } from '../dbassist.contract.js';
import { statementLimitsOf } from '../sql/open-sql-runner.js';
import type { RunResult, SqlRunner, StatementLimits } from '../sql/sql-runner.js';
import { finishRun, insertRunning, loadExecution, toExecution, type ExecutionRow, type RunEnd } from './executions.service.js';
import { loadSavedQuery } from './queries.service.js';
import { firstPage, resultPathOf, writeResultRows } from './result-store.js';
import { cancelRun, trackRun } from './running-executions.js';

/**
 * Running SQL on a connection (editors and up). The execution row is inserted as `running` and committed before the
 * statement is sent, and finished in a transaction of its own, so the history shows a run while it runs and a crash
 * leaves it `running`. A statement refused before it is sent still gets a `failed` row (the refusal is useful history)
 * and answers 422 SQL_NOT_ALLOWED with the execution's id in the details. A database error, a timeout and a cancel
 * answer the execution with status failed or cancelled and the message in errorMsg.
 *
 * On a read-write connection a write runs only when the request says `confirmWrite: true`; without it the answer is
 * 409 WRITE_NOT_CONFIRMED carrying the EXPLAIN preview, and nothing is sent or recorded. A confirmed write runs in a
 * transaction and is audited; a read on a read-write connection still runs read-only.
 */

export const WRITE_NOT_CONFIRMED = defineErrorCode('WRITE_NOT_CONFIRMED', 409);

/** Opens a runner for a stored connection: openSqlRunner, handed over by the module's index. */
export type OpenSqlRunner = (context: AppContext, row: ConnectionRow, options: { writable: boolean }) => Promise<SqlRunner>;

const isCode = (error: unknown, code: string): error is AppError => error instanceof AppError && error.code === code;

function invalidField(field: string, message: string): AppError {
  return new AppError('VALIDATION_FAILED', `Invalid body: ${field}: ${message}`, { details: [{ field, message, in: 'body' }] });
}

/** The connection and the SQL to run, for an editor (403 for viewers, 404 for other tenants). */
async function prepare(
  context: AppContext,
  actor: UserActor,
  connectionId: string,
  input: Pick<ExecuteInput, 'sql' | 'queryId'>,
): Promise<{ connection: ConnectionRow; sql: string; queryId: string | null }> {
  return withUser(context.db, actor.userId, async (tx) => {
    const connection = await loadConnection(tx, connectionId);
    await requireOrganizationRole(tx, actor.userId, connection.organizationId, 'editor');
    if (input.queryId === undefined) return { connection, sql: input.sql ?? '', queryId: null };
    const saved = await loadSavedQuery(tx, input.queryId).catch((error: unknown) => {
      throw isCode(error, 'NOT_FOUND') ? invalidField('queryId', 'is not a saved query you can see') : error;
    });
    if (saved.connectionId !== connection.id) throw invalidField('queryId', 'is a query of another connection');
    return { connection, sql: saved.sqlText, queryId: saved.id };
  });
}

/**
 * Whether the statement writes, from the runner's EXPLAIN preview (read-write connections only; on a read-only one every
 * statement runs as a read and the guard refuses the rest). A statement the preview cannot price (bad syntax, refused)
 * goes on as a read, so that the run records why.
 */
async function writePreview(runner: SqlRunner, connection: ConnectionRow, sql: string, limits: StatementLimits): Promise<ExplainAnswer | null> {
  if (connection.mode !== 'read-write') return null;
  try {
    const preview = await runner.explain(sql, { allowWrite: true, limits });
    return preview.allowed && preview.kind === 'write' ? preview : null;
  } catch (error) {
    if (error instanceof AppError && error.status < 500) return null;
    throw error;
  }
}

function endOf(error: unknown, signal: AbortSignal): RunEnd | undefined {
  if (signal.aborted || isCode(error, 'CANCELLED')) return { status: 'cancelled', errorMsg: 'Cancelled while it ran' };
  if (error instanceof AppError && error.status < 500) return { status: 'failed', errorMsg: error.message };
  return undefined;
}

/** POST /connections/{id}/execute: runs the SQL or saved query and answers the execution with its first page of rows. */
export async function executeSql(context: AppContext, openRunner: OpenSqlRunner, actor: UserActor, connectionId: string, input: ExecuteInput): Promise<Execution> {
  const { connection, sql, queryId } = await prepare(context, actor, connectionId, input);
  const limits = statementLimitsOf(context);
  const runner = await openRunner(context, connection, { writable: connection.mode === 'read-write' });
  try {
    const preview = await writePreview(runner, connection, sql, limits);
    if (preview && !input.confirmWrite) {
      throw new AppError(WRITE_NOT_CONFIRMED, 'This statement writes to the database: look at its plan, then run it again with confirmWrite: true', {
        details: { preview },
      });
    }
    const isWrite = preview !== null;
    const started = await withUser(context.db, actor.userId, (tx) =>
      insertRunning(tx, {
        id: newId(),
        organizationId: connection.organizationId,
        connectionId: connection.id,
        queryId,
        sqlText: sql,
        executedBy: actor.userId,
        isWrite,
      }),
    );
    const outcome = await trackRun(started.id, (signal) => runAndRecord(context, runner, actor, started, { ...limits, allowWrite: isWrite, signal }));
    if (outcome.refusal) throw outcome.refusal;
    return toExecution(outcome.row, outcome.rows ? firstPage(outcome.rows, input.pageSize) : undefined);
  } finally {
    await runner.close();
  }
}

type Outcome = { row: ExecutionRow; rows?: unknown[][]; refusal?: AppError };

/** Sends the statement, keeps its rows, and finishes the row (audited when it writes) whatever happened. */
async function runAndRecord(
  context: AppContext,
  runner: SqlRunner,
  actor: UserActor,
  started: ExecutionRow,
  options: Parameters<SqlRunner['run']>[1],
): Promise<Outcome> {
  const begin = performance.now();
  let result: RunResult;
  try {
    result = await runner.run(started.sqlText, options);
  } catch (error) {
    const known = endOf(error, options.signal);
    const row = await finish(context, actor, started, known ?? { status: 'failed', errorMsg: 'The run stopped on an unexpected server error' }, performance.now() - begin);
    if (isCode(error, 'SQL_NOT_ALLOWED')) {
      const details = error.details && !Array.isArray(error.details) ? error.details : {};
      return { row, refusal: error.withDetails({ ...details, executionId: row.id }) };
    }
    if (!known) throw error;
    return { row };
  }
  const durationMs = performance.now() - begin;
  // A statement without a result (most writes) has no rows to page or export.
  const resultPath = result.columns.length > 0 ? resultPathOf(started.organizationId, started.id) : null;
  if (resultPath) {
    try {
      await writeResultRows(context.config.dataDir, resultPath, result.rows);
    } catch (error) {
      await finish(context, actor, started, { status: 'failed', errorMsg: 'The statement ran but its rows could not be stored on this server' }, durationMs);
      throw error;
    }
  }
  const end: RunEnd = { status: 'success', rowCount: result.rowCount, columns: result.columns, truncated: result.truncated, resultPath };
  return { row: await finish(context, actor, started, end, durationMs), rows: result.rows };
}

async function finish(context: AppContext, actor: UserActor, started: ExecutionRow, end: RunEnd, durationMs: number): Promise<ExecutionRow> {
  return withUser(context.db, actor.userId, async (tx) => {
    const row = await finishRun(tx, started.id, end, durationMs);
    if (row.isWrite) {
      await recordAudit(tx, actor, {
        action: 'sql_write_executed',
        resourceType: 'db_execution',
        resourceId: row.id,
        organizationId: row.organizationId,
        details: { connectionId: row.connectionId, queryId: row.queryId, status: row.status, rowCount: row.rowCount, sqlText: row.sqlText.slice(0, 2000) },
      });
    }
    return row;
  });
}

/** POST /connections/{id}/explain (editors and up): the verdict and plan, nothing run. Writes are priced only on a read-write connection. */
export async function explainSql(context: AppContext, openRunner: OpenSqlRunner, actor: UserActor, connectionId: string, sql: string): Promise<ExplainAnswer> {
  const { connection } = await prepare(context, actor, connectionId, { sql });
  const writable = connection.mode === 'read-write';
  const runner = await openRunner(context, connection, { writable });
  try {
    return await runner.explain(sql, { allowWrite: writable, limits: statementLimitsOf(context) });
  } finally {
    await runner.close();
  }
}

/**
 * POST /executions/{id}/cancel (editors and up): stops the statement on the server and answers the execution once it
 * is final (`cancelled`, or whatever it reached first). A run that already ended answers as it is. A `running` row
 * this process does not run is either running in another process (409) or was left by a restart: past the statement
 * timeout nothing can still be running, and it is closed as failed.
 */
export async function cancelExecution(context: AppContext, actor: UserActor, id: string): Promise<Execution> {
  const current = await withUser(context.db, actor.userId, async (tx) => {
    const row = await loadExecution(tx, id);
    await requireOrganizationRole(tx, actor.userId, row.organizationId, 'editor');
    return row;
  });
  if (current.status !== 'running') return toExecution(current);
  if (!(await cancelRun(current.id))) {
    const age = Date.now() - current.startedAt.getTime();
    if (age <= context.config.dbassist.statementTimeoutMs + ABANDONED_AFTER_MS) {
      throw new AppError('CONFLICT', 'This execution runs in another server process: cancel it there, or wait for its statement timeout');
    }
    const end: RunEnd = { status: 'failed', errorMsg: 'Interrupted: the server stopped while the statement ran' };
    return toExecution(await withUser(context.db, actor.userId, (tx) => finishRun(tx, current.id, end, age)));
  }
  return toExecution(await withUser(context.db, actor.userId, (tx) => loadExecution(tx, current.id)));
}

/** Slack past the statement timeout before a `running` row nobody runs is taken for one a restart left behind. */
const ABANDONED_AFTER_MS = 60_000;

import type { Connection as CoreConnection } from 'mysql2';
import mysql from 'mysql2/promise';
import { AppError } from '../../../core/errors.js';
import type { ExplainAnswer, ResultColumn } from '../dbassist.contract.js';
import type { NetworkTarget } from '../drivers/connection-uri.js';
import { scrubSecrets } from '../drivers/driver-error.js';
import { mysqlConnectionOptions } from '../drivers/mysql.js';
import { checkMysqlStatement } from './mysql-guard.js';
import { RowCollector } from './result-values.js';
import { sqlCancelled, sqlFailed, sqlNotAllowed, sqlTimedOut } from './sql-errors.js';
import type { RunOptions, RunResult, SqlRunner, StatementLimits } from './sql-runner.js';

/**
 * Runs one statement on MySQL or MariaDB through mysql2 with multipleStatements off (the server itself refuses a
 * second statement). A read runs in a session whose transactions are READ ONLY, inside START TRANSACTION READ ONLY,
 * under max_statement_time (MariaDB) or max_execution_time (MySQL). Rows stream until the row or byte cap; then, or
 * on abort, the server thread is killed (KILL QUERY from a second connection) and the session is dropped, so nothing
 * of that statement or its transaction can outlive it; the next run opens a fresh session.
 */

/** sql_mode pinned so backslash escapes and double-quoted strings mean what the guard's parser assumed. */
const SQL_MODE = 'STRICT_TRANS_TABLES,ERROR_FOR_DIVISION_BY_ZERO,NO_ENGINE_SUBSTITUTION';
const TIMEOUT_ERRNOS = new Set([1969, 3024]);

const typeNames: Record<number, string> = {
  0: 'decimal', 1: 'tinyint', 2: 'smallint', 3: 'int', 4: 'float', 5: 'double', 6: 'null', 7: 'timestamp', 8: 'bigint',
  9: 'mediumint', 10: 'date', 11: 'time', 12: 'datetime', 13: 'year', 14: 'date', 15: 'varchar', 16: 'bit', 245: 'json',
  246: 'decimal', 247: 'enum', 248: 'set', 249: 'tinyblob', 250: 'mediumblob', 251: 'longblob', 252: 'blob',
  253: 'varchar', 254: 'char', 255: 'geometry',
};

type Session = { connection: mysql.Connection; threadId: number; dropped: boolean };
type MysqlError = Error & { errno?: number };
type Field = { name: string; columnType?: number; type?: number };

/** The promise, or a cancellation as soon as the signal aborts (a destroyed session never answers what it was asked). */
function abortable<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) return Promise.reject(sqlCancelled());
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(sqlCancelled());
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}

export class MysqlSqlRunner implements SqlRunner {
  private session: Session | undefined;
  private isMariaDb = true;

  private constructor(
    private readonly options: mysql.ConnectionOptions,
    private readonly writable: boolean,
  ) {}

  static async connect(target: NetworkTarget, options: { writable: boolean }): Promise<MysqlSqlRunner> {
    const runner = new MysqlSqlRunner(mysqlConnectionOptions(target), options.writable);
    await runner.open();
    return runner;
  }

  private async open(): Promise<Session> {
    if (this.session) return this.session;
    const connection = await mysql.createConnection({ ...this.options });
    connection.on('error', () => undefined);
    try {
      await connection.query(`SET SESSION sql_mode = '${SQL_MODE}'`);
      if (!this.writable) await connection.query('SET SESSION TRANSACTION READ ONLY');
      const [rows] = (await connection.query('SELECT VERSION() AS version')) as unknown as [Array<{ version: string }>];
      this.isMariaDb = /mariadb/i.test(rows[0]?.version ?? '');
    } catch (error) {
      connection.destroy();
      throw error;
    }
    this.session = { connection, threadId: connection.threadId, dropped: false };
    return this.session;
  }

  /** Ends the session at once and stops whatever its server thread still runs. */
  private drop(session: Session): void {
    if (session.dropped) return;
    session.dropped = true;
    if (this.session === session) this.session = undefined;
    session.connection.destroy();
    void (async () => {
      const killer = await mysql.createConnection({ ...this.options }).catch(() => undefined);
      if (!killer) return;
      killer.on('error', () => undefined);
      await killer.query(`KILL ${Number(session.threadId)}`).catch(() => undefined);
      await killer.end().catch(() => undefined);
    })();
  }

  private async limitTime(connection: mysql.Connection, limits: StatementLimits): Promise<void> {
    const ms = Math.max(1, Math.floor(limits.timeoutMs));
    await connection.query(this.isMariaDb ? `SET SESSION max_statement_time = ${ms / 1000}` : `SET SESSION max_execution_time = ${ms}`);
  }

  async explain(sql: string, options: { allowWrite: boolean; limits: StatementLimits }): Promise<ExplainAnswer> {
    const verdict = checkMysqlStatement(sql, { allowWrite: options.allowWrite && this.writable });
    if (verdict.refusal !== null || !verdict.explainable) {
      return { kind: verdict.kind, allowed: verdict.refusal === null, refusal: verdict.refusal, plan: null, totalCost: null };
    }
    const session = await this.open();
    try {
      await this.limitTime(session.connection, options.limits);
      const [rows] = (await session.connection.query({ sql: `EXPLAIN ${sql}`, rowsAsArray: false })) as unknown as [Array<Record<string, unknown>>];
      const plan = rows.map((row) => Object.entries(row).map(([key, value]) => `${key}=${value === null ? 'NULL' : String(value as string)}`).join('  ')).join('\n');
      return { kind: verdict.kind, allowed: true, refusal: null, plan, totalCost: null };
    } catch (error) {
      throw this.failure(error, options.limits, undefined);
    }
  }

  async run(sql: string, options: RunOptions): Promise<RunResult> {
    const verdict = checkMysqlStatement(sql, { allowWrite: options.allowWrite && this.writable });
    if (verdict.refusal !== null) throw sqlNotAllowed(verdict.refusal);
    if (options.signal.aborted) throw sqlCancelled();
    const isWrite = verdict.kind === 'write';
    const session = await this.open();
    const onAbort = () => this.drop(session);
    options.signal.addEventListener('abort', onAbort, { once: true });
    try {
      await abortable(this.limitTime(session.connection, options), options.signal);
      await abortable(session.connection.query(isWrite ? 'START TRANSACTION' : 'START TRANSACTION READ ONLY'), options.signal);
      const result = await abortable(this.stream(session, sql, options), options.signal);
      if (this.session === session) await session.connection.query(isWrite ? 'COMMIT' : 'ROLLBACK');
      return { ...result, isWrite };
    } catch (error) {
      // Whatever went wrong, the session goes with its transaction: the server rolls back what it did not commit.
      this.drop(session);
      throw this.failure(error, options, options.signal);
    } finally {
      options.signal.removeEventListener('abort', onAbort);
    }
  }

  private stream(session: Session, sql: string, options: RunOptions): Promise<Omit<RunResult, 'isWrite'>> {
    const collector = new RowCollector(options);
    let fields: Field[] = [];
    let affected: number | null = null;
    return new Promise((resolve, reject) => {
      let settled = false;
      const finish = (error?: unknown) => {
        if (settled) return;
        settled = true;
        if (error) return reject(error instanceof Error ? error : new Error('The statement failed'));
        const columns: ResultColumn[] = fields.map((field) => ({ name: field.name, dataType: typeNames[field.columnType ?? field.type ?? -1] ?? 'unknown' }));
        resolve({ columns, rows: collector.rows, rowCount: affected ?? collector.rows.length, truncated: collector.truncated });
      };
      // The streaming query API is the callback connection's, underneath the promise wrapper.
      const core = (session.connection as unknown as { connection: CoreConnection }).connection;
      const query = core.query({ sql, rowsAsArray: true });
      query.on('fields', (received: Field[] | undefined) => (fields = received ?? []));
      query.on('result', (row: unknown) => {
        if (Array.isArray(row)) {
          // Past a cap the rest of the result is not wanted: drop the session instead of reading it all.
          if (!collector.add(row as unknown[]) && !settled) {
            this.drop(session);
            finish();
          }
        } else if (row && typeof row === 'object' && 'affectedRows' in row) {
          affected = Number((row as { affectedRows: number }).affectedRows);
        }
      });
      query.on('error', (error: unknown) => finish(options.signal.aborted ? sqlCancelled() : error));
      query.on('end', () => finish());
    });
  }

  private failure(error: unknown, limits: StatementLimits, signal: AbortSignal | undefined): unknown {
    if (signal?.aborted) return sqlCancelled();
    if (error instanceof AppError) return error;
    const errno = (error as MysqlError | undefined)?.errno;
    if (errno !== undefined && TIMEOUT_ERRNOS.has(errno)) return sqlTimedOut(limits.timeoutMs);
    const message = error instanceof Error ? error.message : String(error);
    return sqlFailed(scrubSecrets(message, [this.options.password]));
  }

  async close(): Promise<void> {
    const session = this.session;
    this.session = undefined;
    await session?.connection.end().catch(() => session.connection.destroy());
  }
}

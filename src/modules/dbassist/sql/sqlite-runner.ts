import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createWorkerPool, type WorkerPool } from '../../../core/workers/worker-pool.js';
import type { ExplainAnswer } from '../dbassist.contract.js';
import type { SqliteTarget } from '../drivers/connection-uri.js';
import { sqlCancelled, sqlTimedOut } from './sql-errors.js';
import type { RunOptions, RunResult, SqlRunner, StatementLimits } from './sql-runner.js';
import type { SqliteRunTask, SqliteTask } from './sqlite-statements.js';

/**
 * Runs one statement on a SQLite file in a worker thread of its own (better-sqlite3 is synchronous and has no
 * interrupt): the timeout and an abort end that thread, and the next statement starts a new one. A read-only runner
 * opens the file read-only with query_only on. SQLite has no cost estimate: maxCost does not apply.
 */

const WORKER_ENTRY = new URL(`./sqlite-worker${path.extname(fileURLToPath(import.meta.url))}`, import.meta.url);

export class SqliteSqlRunner implements SqlRunner {
  private pool: WorkerPool | undefined;

  private constructor(
    private readonly file: string,
    private readonly writable: boolean,
  ) {}

  /** Opens the file once in the worker, so that a missing or unreadable file fails here, not at the first statement. */
  static async open(target: SqliteTarget, options: { writable: boolean }): Promise<SqliteSqlRunner> {
    const runner = new SqliteSqlRunner(target.file, options.writable);
    try {
      await runner.call('explain', { ...runner.task('SELECT 1'), allowWrite: false }, 30_000, undefined);
    } catch (error) {
      await runner.close();
      throw error;
    }
    return runner;
  }

  private task(sql: string): SqliteTask {
    return { file: this.file, writable: this.writable, sql, allowWrite: false };
  }

  /** One call in the worker; past the timeout or on abort the worker is ended (stopping the statement with it). */
  private async call<T>(fn: 'explain' | 'run', payload: SqliteTask | SqliteRunTask, timeoutMs: number, signal: AbortSignal | undefined): Promise<T> {
    if (signal?.aborted) throw sqlCancelled();
    const pool = (this.pool ??= createWorkerPool({ entry: WORKER_ENTRY, size: 1, name: 'atelier-sqlite' }));
    const stop = new AbortController();
    let stopped: Error | undefined;
    const end = (error: Error) => {
      stopped = error;
      stop.abort(error);
      if (this.pool === pool) this.pool = undefined;
      // Not awaited: a thread inside a long SQLite step exits when the step returns.
      void pool.close();
    };
    const timer = setTimeout(() => end(sqlTimedOut(timeoutMs)), timeoutMs);
    const onAbort = () => end(sqlCancelled());
    signal?.addEventListener('abort', onAbort, { once: true });
    try {
      return await pool.call<T>(fn, payload, stop.signal);
    } catch (error) {
      throw stopped ?? error;
    } finally {
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
    }
  }

  async explain(sql: string, options: { allowWrite: boolean; limits: StatementLimits }): Promise<ExplainAnswer> {
    return this.call<ExplainAnswer>('explain', { ...this.task(sql), allowWrite: options.allowWrite }, options.limits.timeoutMs, undefined);
  }

  async run(sql: string, options: RunOptions): Promise<RunResult> {
    const task: SqliteRunTask = { ...this.task(sql), allowWrite: options.allowWrite, maxRows: options.maxRows, maxBytes: options.maxBytes };
    return this.call<RunResult>('run', task, options.timeoutMs, options.signal);
  }

  async close(): Promise<void> {
    const pool = this.pool;
    this.pool = undefined;
    await pool?.close();
  }
}

import type { ExplainAnswer, ResultColumn } from '../dbassist.contract.js';

/** Limits of one statement (config DBASSIST_*): past maxRows or maxBytes the result is cut off and marked truncated. */
export type StatementLimits = {
  timeoutMs: number;
  maxRows: number;
  maxBytes: number;
  /** The highest EXPLAIN total cost allowed (PostgreSQL; other engines ignore it). */
  maxCost: number;
};

export type RunOptions = StatementLimits & {
  /**
   * True only on a read-write connection, for an editor who confirmed the write after its EXPLAIN preview. False: the
   * statement must be a single read, checked by parsing it (sql-guard) before it is sent, and it runs inside a
   * read-only transaction whatever the check said.
   */
  allowWrite: boolean;
  /** Aborting cancels the statement on the server (pg_cancel_backend, KILL QUERY, sqlite interrupt). */
  signal: AbortSignal;
};

export type RunResult = {
  columns: ResultColumn[];
  /** JSON values in column order: bigints and numerics as strings, dates as ISO text, bytes as \x-hex. */
  rows: unknown[][];
  /** Rows returned (a read) or affected (a write). */
  rowCount: number;
  truncated: boolean;
  isWrite: boolean;
};

/**
 * Runs SQL a person typed or a question produced against an outside database. One per open connection; callers close
 * it in a finally. Every refusal is an AppError 422 SQL_NOT_ALLOWED whose message names what was refused.
 */
export interface SqlRunner {
  /** The verdict and the server's plan, without running anything (a write's EXPLAIN preview). */
  explain(sql: string, options: { allowWrite: boolean; limits: StatementLimits }): Promise<ExplainAnswer>;
  run(sql: string, options: RunOptions): Promise<RunResult>;
  close(): Promise<void>;
}

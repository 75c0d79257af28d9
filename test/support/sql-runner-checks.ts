import { expect } from 'vitest';
import { AppError } from '../../src/core/errors.js';
import type { RunOptions, SqlRunner, StatementLimits } from '../../src/modules/dbassist/sql/sql-runner.js';
import type { HostileStatement } from '../fixtures/hostile-sql.js';

/** What the runner tests of every engine share: generous limits, a read-only run, and the hostile corpus check. */

export const limits: StatementLimits = { timeoutMs: 10_000, maxRows: 1_000, maxBytes: 1_000_000, maxCost: 1e9 };

export const readOnly = (overrides: Partial<RunOptions> = {}): RunOptions => ({ ...limits, allowWrite: false, signal: new AbortController().signal, ...overrides });

/** The AppError a statement was refused with (the test fails when it ran). */
export async function refusal(promise: Promise<unknown>, label = 'the statement'): Promise<AppError> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error, `${label} ran`).toBeInstanceOf(AppError);
  return error as AppError;
}

/**
 * Every hostile statement is refused on a read-only runner, by the guard (SQL_NOT_ALLOWED, and its EXPLAIN preview
 * says not allowed) or by the server (SQL_FAILED), with a message naming what was refused; every harmless read runs.
 * The caller proves the database unchanged around it.
 */
export async function expectCorpusRefused(runner: SqlRunner, hostile: readonly HostileStatement[], harmlessReads: readonly string[]): Promise<void> {
  for (const entry of hostile) {
    const error = await refusal(runner.run(entry.sql, readOnly()), entry.sql);
    expect.soft(error.code, entry.sql).toBe(entry.by === 'server' ? 'SQL_FAILED' : 'SQL_NOT_ALLOWED');
    expect.soft(error.message, entry.sql).toMatch(entry.refused);
    if (entry.by !== 'server') {
      const preview = await runner.explain(entry.sql, { allowWrite: false, limits });
      expect.soft(preview.allowed, entry.sql).toBe(false);
      expect.soft(preview.refusal, entry.sql).toMatch(entry.refused);
    }
  }
  for (const sql of harmlessReads) {
    const result = await runner.run(sql, readOnly());
    expect.soft(result.isWrite, sql).toBe(false);
    expect.soft(result.rows.length, sql).toBeGreaterThan(0);
  }
}

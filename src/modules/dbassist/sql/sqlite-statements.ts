import Database from 'better-sqlite3';
import type { ExplainAnswer, ResultColumn } from '../dbassist.contract.js';
import { RowCollector } from './result-values.js';
import { sqlNotAllowed } from './sql-errors.js';
import type { RunResult } from './sql-runner.js';
import { checkSqliteStatement } from './sqlite-guard.js';

/**
 * What the SQLite worker thread does (sqlite-worker.ts serves these): better-sqlite3 is synchronous, so a statement
 * runs off the thread that answers requests, and timeout or cancel end the whole thread. Each function takes a
 * structured-cloneable payload and opens its file once per thread.
 */

export type SqliteTask = { file: string; writable: boolean; sql: string; allowWrite: boolean };
export type SqliteRunTask = SqliteTask & { maxRows: number; maxBytes: number };

const open = new Map<string, Database.Database>();

function database(file: string, writable: boolean): Database.Database {
  const key = `${writable ? 'rw' : 'ro'}:${file}`;
  let db = open.get(key);
  if (!db) {
    db = new Database(file, { readonly: !writable, fileMustExist: true, timeout: 5_000 });
    // A second lock on reads: SQLite itself refuses any change to the file.
    if (!writable) db.pragma('query_only = ON');
    open.set(key, db);
  }
  return db;
}

/** Integers come as BigInt (exact): those a double holds exactly become numbers, larger ones stay exact as text. */
function plainValue(value: unknown): unknown {
  if (typeof value !== 'bigint') return value;
  const asNumber = Number(value);
  return Number.isSafeInteger(asNumber) ? asNumber : value.toString();
}

function inferredType(value: unknown): string {
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'real';
  if (typeof value === 'string') return 'text';
  if (value instanceof Uint8Array) return 'blob';
  return 'unknown';
}

/** EXPLAIN QUERY PLAN's steps, one a line; null for a statement without a plan (BEGIN, PRAGMA …). */
function queryPlan(db: Database.Database, sql: string): string | null {
  try {
    const steps = db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all() as Array<{ detail: string }>;
    return steps.map((step) => step.detail).join('\n');
  } catch {
    return null;
  }
}

export function sqliteExplain(task: SqliteTask): ExplainAnswer {
  const db = database(task.file, task.writable);
  const verdict = checkSqliteStatement(db, task.sql, { allowWrite: task.allowWrite && task.writable });
  if (verdict.refusal !== null) return { kind: verdict.kind, allowed: false, refusal: verdict.refusal, plan: null, totalCost: null };
  return { kind: verdict.kind, allowed: true, refusal: null, plan: queryPlan(db, task.sql), totalCost: null };
}

export function sqliteRun(task: SqliteRunTask): RunResult {
  const db = database(task.file, task.writable);
  const allowWrite = task.allowWrite && task.writable;
  const verdict = checkSqliteStatement(db, task.sql, { allowWrite });
  if (verdict.refusal !== null || !verdict.statement) throw sqlNotAllowed(verdict.refusal ?? 'that statement');
  const statement = verdict.statement;
  const isWrite = verdict.kind === 'write';
  if (isWrite && !allowWrite) throw sqlNotAllowed('a write: this connection is read-only');
  const collector = new RowCollector(task);
  let rowCount = 0;
  const execute = () => {
    if (!statement.reader) {
      rowCount = statement.run().changes;
      return;
    }
    statement.raw(true).safeIntegers(true);
    for (const row of statement.iterate() as IterableIterator<unknown[]>) {
      if (!collector.add(row.map(plainValue))) break;
    }
    rowCount = collector.rows.length;
  };
  // A write (and what it returns) commits whole or not at all.
  if (isWrite) db.transaction(execute)();
  else execute();
  const columns: ResultColumn[] = statement.reader
    ? statement.columns().map((column, index) => ({ name: column.name, dataType: column.type?.toLowerCase() ?? inferredType(collector.rows[0]?.[index]) }))
    : [];
  return { columns, rows: collector.rows, rowCount, truncated: collector.truncated, isWrite };
}

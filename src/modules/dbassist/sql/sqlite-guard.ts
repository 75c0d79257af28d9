import type Database from 'better-sqlite3';
import { isDeniedFunction, outsideRefusal, reachesOutside } from './denied-functions.js';
import { sqlFailed } from './sql-errors.js';
import { NO_STATEMENT, notARead, tooManyStatements, type StatementVerdict } from './statement-verdict.js';

/**
 * Judges SQLite statements with SQLite itself: preparing compiles exactly one statement (better-sqlite3 refuses a
 * second), and the compiled statement says whether it only reads and returns rows (sqlite3_stmt_readonly: ATTACH,
 * PRAGMA assignments, VACUUM INTO and every write answer no). The functions it would call are read from its bytecode
 * (EXPLAIN lists each call with its name), so no spelling or view hides a deny-listed one. The file is also opened
 * read-only with query_only on, so SQLite would refuse a write the guard missed.
 */

/** The statement's first word ("DELETE", "ATTACH", "PRAGMA"), after comments, for the refusal. */
function firstWord(sql: string): string {
  const code = sql.replace(/\/\*[\s\S]*?\*\//g, ' ').replace(/--[^\n]*/g, ' ');
  return /[A-Za-z]+/.exec(code)?.[0]?.toUpperCase() ?? 'that statement';
}

/** Names of the functions a compiled statement calls ("upper(1)" in EXPLAIN's p4 column). */
function calledFunctions(db: Database.Database, sql: string): string[] {
  let program: Array<{ opcode: string; p4: unknown }>;
  try {
    program = db.prepare(`EXPLAIN ${sql}`).all() as typeof program;
  } catch {
    // EXPLAIN of an EXPLAIN does not compile; an EXPLAIN runs nothing it lists.
    return [];
  }
  return program
    .filter((step) => /Func|Agg/.test(step.opcode) && typeof step.p4 === 'string')
    .map((step) => /^([A-Za-z_][\w$]*)\(/.exec(step.p4 as string)?.[1] ?? '')
    .filter((name) => name !== '');
}

export type SqliteVerdict = StatementVerdict & { statement: Database.Statement | undefined };

/** The verdict, and the prepared statement when it may run. A statement SQLite cannot compile is a SQL_FAILED error. */
export function checkSqliteStatement(db: Database.Database, sql: string, options: { allowWrite: boolean }): SqliteVerdict {
  let statement: Database.Statement;
  try {
    statement = db.prepare(sql);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    if (/more than one statement/i.test(message)) return { kind: 'write', refusal: tooManyStatements(undefined), explainable: false, statement: undefined };
    if (/contains no statements/i.test(message)) return { kind: 'read', refusal: NO_STATEMENT, explainable: false, statement: undefined };
    throw sqlFailed(message);
  }
  const reads = statement.readonly && statement.reader;
  let refusal = reads ? null : notARead(firstWord(sql));
  if (refusal === null) {
    const denied = calledFunctions(db, sql).find((name) => isDeniedFunction('sqlite', name));
    if (denied) refusal = `function ${denied.toLowerCase()}`;
  }
  const kind = refusal === null ? 'read' : 'write';
  return { kind, refusal: options.allowWrite ? outsideOf(db, sql) : refusal, explainable: true, statement };
}

/** What in a statement reaches past the connected file — another file attached or written, a file function — or null. */
function outsideOf(db: Database.Database, sql: string): string | null {
  const word = firstWord(sql).toUpperCase();
  if (word === 'ATTACH') return outsideRefusal('ATTACH (it opens another file)');
  if (word === 'VACUUM' && /\binto\b/i.test(sql)) return outsideRefusal('VACUUM INTO (it writes another file)');
  const called = calledFunctions(db, sql).find((name) => reachesOutside('sqlite', name));
  return called ? outsideRefusal(`function ${called.toLowerCase()}`) : null;
}

import { loadModule, parseSync } from 'libpg-query';

/**
 * PostgreSQL's own parser (libpg-query), shared by the statement guard and index advice, so both read SQL exactly as
 * the server will.
 */

export type PgNode = Record<string, unknown>;
export type PgStatement = { stmt: PgNode };

let loading: Promise<void> | undefined;

/** The parser is WASM: loaded once, on first use. */
export function loadPostgresParser(): Promise<void> {
  loading ??= loadModule();
  return loading;
}

/** The statements of `sql`; throws the parser's error when it does not parse. Call loadPostgresParser first. */
export function parsePostgres(sql: string): PgStatement[] {
  return ((parseSync(sql) as { stmts?: PgStatement[] }).stmts ?? []).filter((entry) => entry.stmt);
}

/** A string field of the parse tree, or '' (fields are strings, enums as strings, or absent). */
export function text(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

export const writeStatements: Record<string, string> = { InsertStmt: 'INSERT', UpdateStmt: 'UPDATE', DeleteStmt: 'DELETE', MergeStmt: 'MERGE' };

const transactionKinds: Record<string, string> = {
  TRANS_STMT_BEGIN: 'BEGIN',
  TRANS_STMT_START: 'START TRANSACTION',
  TRANS_STMT_COMMIT: 'COMMIT',
  TRANS_STMT_ROLLBACK: 'ROLLBACK',
  TRANS_STMT_SAVEPOINT: 'SAVEPOINT',
  TRANS_STMT_RELEASE: 'RELEASE',
  TRANS_STMT_ROLLBACK_TO: 'ROLLBACK TO',
  TRANS_STMT_PREPARE: 'PREPARE TRANSACTION',
  TRANS_STMT_COMMIT_PREPARED: 'COMMIT PREPARED',
  TRANS_STMT_ROLLBACK_PREPARED: 'ROLLBACK PREPARED',
};

const statementNames: Record<string, string> = {
  ...writeStatements,
  VariableSetStmt: 'SET',
  CopyStmt: 'COPY',
  DoStmt: 'DO',
  CallStmt: 'CALL',
  CreateTableAsStmt: 'CREATE TABLE AS',
  ExecuteStmt: 'EXECUTE',
  PrepareStmt: 'PREPARE',
  DeclareCursorStmt: 'DECLARE CURSOR',
  NotifyStmt: 'NOTIFY',
  ListenStmt: 'LISTEN',
  LockStmt: 'LOCK',
  TruncateStmt: 'TRUNCATE',
  VacuumStmt: 'VACUUM',
  LoadStmt: 'LOAD',
  RefreshMatViewStmt: 'REFRESH MATERIALIZED VIEW',
};

function variableSetName(node: PgNode): string {
  if (text(node.kind).startsWith('VAR_RESET')) return 'RESET';
  const name = text(node.name).toUpperCase();
  return name === 'TRANSACTION' || name === 'SESSION CHARACTERISTICS' ? `SET ${name}` : 'SET';
}

/** "DropStmt" → "DROP", "CreateFunctionStmt" → "CREATE FUNCTION", with the few whose node names differ spelled out. */
export function statementName(nodeType: string, node: PgNode): string {
  if (nodeType === 'TransactionStmt') return transactionKinds[text(node.kind)] ?? 'transaction control';
  if (nodeType === 'VariableSetStmt') return variableSetName(node);
  if (nodeType === 'CopyStmt' && node.is_program) return 'COPY … PROGRAM';
  return statementNames[nodeType] ?? nodeType.replace(/Stmt$/, '').replace(/([a-z])([A-Z])/g, '$1 $2').toUpperCase();
}

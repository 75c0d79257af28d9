import type { DbType } from '../../../shared/dbassist-kinds.js';
import { parseConnectionUri, type NetworkTarget, type ParsedTarget } from './connection-uri.js';
import type { DatabaseDriver } from './driver.js';
import { DriverError, notSupportedYet, scrubSecrets } from './driver-error.js';
import type { HostGuard } from './host-guard.js';
import { MysqlDriver } from './mysql.js';
import type pg from 'pg';
import { connectReadOnlyPostgres, PostgresDriver } from './postgres.js';
import { SqliteDriver } from './sqlite.js';

export { describeTarget } from './connection-uri.js';

type EngineError = Error & { code?: unknown; errno?: unknown };

function codeOf(error: unknown): string {
  const code = (error as EngineError | undefined)?.code;
  return typeof code === 'string' ? code : typeof code === 'number' ? String(code) : '';
}

function where(target: ParsedTarget): string {
  return target.engine === 'sqlite' ? 'the SQLite file' : `${target.host}:${target.port}`;
}

/**
 * A failed connect as a DriverError whose message says what went wrong in words a person can act on. Engine messages
 * are not passed through except scrubbed of the password, and the URI is never quoted.
 */
export function connectFailure(error: unknown, target: ParsedTarget): DriverError {
  if (error instanceof DriverError) return error;
  const code = codeOf(error);
  const message = error instanceof Error ? error.message : String(error);
  if (code === 'ECONNREFUSED') return new DriverError('connection_refused', `Nothing accepts connections at ${where(target)}: is the server running and the port right?`);
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') return new DriverError('connection_refused', `The host ${target.engine === 'sqlite' ? '' : target.host} is unknown: check its name`);
  if (code === 'EHOSTUNREACH' || code === 'ENETUNREACH') return new DriverError('connection_refused', `${where(target)} cannot be reached from this server`);
  if (code === 'ETIMEDOUT' || /timeout|timed out/i.test(message)) return new DriverError('timeout', `${where(target)} did not answer within 5 seconds`);
  // PostgreSQL: 28P01 wrong password, 28000 no such role or no pg_hba entry; MySQL: 1045 and 1044.
  if (code === '28P01' || code === '28000' || code === 'ER_ACCESS_DENIED_ERROR' || code === 'ER_DBACCESS_DENIED_ERROR') {
    return new DriverError('auth_failed', 'The server refused the user name or password (or this user may not connect to that database)');
  }
  if (code === '3D000' || code === 'ER_BAD_DB_ERROR') return new DriverError('unknown_database', 'The server has no database of that name');
  if (code === 'SQLITE_CANTOPEN') return new DriverError('unknown_database', 'The SQLite file does not exist or the server cannot read it');
  if (code === 'SQLITE_NOTADB') return new DriverError('unknown_database', 'The file is not a SQLite database');
  const secrets = target.engine === 'sqlite' ? [target.file] : [target.password, target.user];
  return new DriverError('failed', `Could not connect: ${scrubSecrets(message, secrets).slice(0, 300)}`);
}

/**
 * Opens a read-only driver for a connection, after the URI is read and the host guard allows its target. mssql and
 * mongodb answer "not supported yet". Every failure is a DriverError (an AppError: 400, 422 or 502).
 */
export async function openDriver(dbType: DbType, uri: string, guard: HostGuard): Promise<DatabaseDriver> {
  if (dbType !== 'postgres' && dbType !== 'mysql' && dbType !== 'sqlite') throw notSupportedYet(dbType);
  const target = parseConnectionUri(dbType, uri);
  await checkTarget(target, guard);
  try {
    if (target.engine === 'sqlite') return SqliteDriver.open(target);
    if (target.engine === 'postgres') return await PostgresDriver.connect(target);
    return await MysqlDriver.connect(target);
  } catch (error) {
    throw connectFailure(error, target);
  }
}

/**
 * A read-only session on a PostgreSQL connection, for work a driver does not do (index advice prices plans in one
 * session). The same URI reading, host guard and failure wording as openDriver; the caller ends the client.
 */
export async function openReadOnlyPostgres(uri: string, guard: HostGuard): Promise<pg.Client> {
  const target = parseConnectionUri('postgres', uri);
  await checkTarget(target, guard);
  try {
    return await connectReadOnlyPostgres(target as NetworkTarget);
  } catch (error) {
    throw connectFailure(error, target);
  }
}

/** The guard's verdict on a URI, without connecting: what creating or changing a connection checks. */
export async function checkConnectionTarget(dbType: DbType, uri: string, guard: HostGuard): Promise<void> {
  if (dbType !== 'postgres' && dbType !== 'mysql' && dbType !== 'sqlite') return;
  await checkTarget(parseConnectionUri(dbType, uri), guard);
}

async function checkTarget(target: ParsedTarget, guard: HostGuard): Promise<void> {
  if (target.engine === 'sqlite') guard.checkSqliteFile(target.file);
  else await guard.checkNetworkTarget(target);
}

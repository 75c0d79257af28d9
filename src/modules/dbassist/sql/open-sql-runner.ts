import type { AppContext } from '../../../core/context.js';
import type { ConnectionRow } from '../connections/connections.service.js';
import { hostGuardOf } from '../connections/connections.service.js';
import { parseConnectionUri } from '../drivers/connection-uri.js';
import { notSupportedYet } from '../drivers/driver-error.js';
import { checkConnectionTarget, connectFailure } from '../drivers/open-driver.js';
import { MysqlSqlRunner } from './mysql-runner.js';
import { PostgresSqlRunner } from './postgres-runner.js';
import { sqlNotAllowed } from './sql-errors.js';
import { SqliteSqlRunner } from './sqlite-runner.js';
import type { SqlRunner, StatementLimits } from './sql-runner.js';

/**
 * Opens a SqlRunner on a stored connection: unseals its URI, lets the host guard check the target, and connects.
 * `writable` asks for a session that may write; only a read-write connection grants it (a read-only connection's
 * session is read-only on the server too). Failures are DriverErrors that never quote the URI.
 */
export async function openSqlRunner(
  context: Pick<AppContext, 'config'> & { ai: Pick<AppContext['ai'], 'secrets'> },
  connection: Pick<ConnectionRow, 'dbType' | 'connectionUri' | 'mode'>,
  options: { writable: boolean },
): Promise<SqlRunner> {
  if (options.writable && connection.mode !== 'read-write') throw sqlNotAllowed('a write: this connection is read-only');
  const { dbType } = connection;
  if (dbType !== 'postgres' && dbType !== 'mysql' && dbType !== 'sqlite') throw notSupportedYet(dbType);
  const uri = context.ai.secrets.open(connection.connectionUri);
  await checkConnectionTarget(dbType, uri, hostGuardOf(context));
  const target = parseConnectionUri(dbType, uri);
  try {
    if (target.engine === 'sqlite') return await SqliteSqlRunner.open(target, options);
    if (target.engine === 'postgres') return await PostgresSqlRunner.connect(target, options);
    return await MysqlSqlRunner.connect(target, options);
  } catch (error) {
    throw connectFailure(error, target);
  }
}

/** This server's limits for one statement (DBASSIST_STATEMENT_TIMEOUT_MS, _MAX_ROWS, _MAX_RESULT_BYTES, _MAX_COST). */
export function statementLimitsOf(context: Pick<AppContext, 'config'>): StatementLimits {
  const { statementTimeoutMs, maxRows, maxResultBytes, maxCost } = context.config.dbassist;
  return { timeoutMs: statementTimeoutMs, maxRows, maxBytes: maxResultBytes, maxCost };
}

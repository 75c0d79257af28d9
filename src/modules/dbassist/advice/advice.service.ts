import { eq } from 'drizzle-orm';
import type { AppContext } from '../../../core/context.js';
import type { Tx } from '../../../core/db/database.js';
import { AppError, notFound } from '../../../core/errors.js';
import { isUuid } from '../../../core/ids.js';
import type { DbType } from '../../../shared/dbassist-kinds.js';
import { requireOrganizationRole } from '../../organizations/index.js';
import { hostGuardOf } from '../connections/connections.service.js';
import type { IndexAdvice } from '../dbassist.contract.js';
import { connections, savedQueries } from '../dbassist.schema.js';
import { DB_CONNECTION_FAILED } from '../drivers/driver-error.js';
import { openReadOnlyPostgres } from '../drivers/open-driver.js';
import { HypopgSession, type HypopgState } from './hypopg-session.js';
import { adviseIndexes, MIN_SAVING_SHARE, type Advice } from './index-advisor.js';
import { loadPostgresParser } from '../sql/postgres-parser.js';
import { indexableColumns } from './query-columns.js';

/**
 * GET /queries/{id}/index-advice: hypothetical indexes for a saved query, priced by the connection's own planner
 * (PostgreSQL with hypopg). It connects with the connection's credentials, so it is for editors and up, like running
 * SQL; viewers get 403 and other organizations' queries 404.
 */

export type AdvisedQuery = { sqlText: string; dbType: DbType; connectionUri: string };

const engineNames: Record<DbType, string> = { postgres: 'PostgreSQL', mysql: 'MySQL/MariaDB', sqlite: 'SQLite', mssql: 'SQL Server', mongodb: 'MongoDB' };

/** The saved query and its connection, for an editor of its organization (inside the caller's transaction). */
export async function queryToAdvise(tx: Tx, userId: string, queryId: string): Promise<AdvisedQuery> {
  if (!isUuid(queryId)) throw notFound('Query');
  const [row] = await tx
    .select({ sqlText: savedQueries.sqlText, organizationId: savedQueries.organizationId, dbType: connections.dbType, connectionUri: connections.connectionUri })
    .from(savedQueries)
    .innerJoin(connections, eq(connections.id, savedQueries.connectionId))
    .where(eq(savedQueries.id, queryId));
  if (!row) throw notFound('Query');
  await requireOrganizationRole(tx, userId, row.organizationId, 'editor');
  return { sqlText: row.sqlText, dbType: row.dbType, connectionUri: row.connectionUri };
}

function unavailable(message: string): IndexAdvice {
  return { available: false, message, costBefore: null, costAfter: null, indexes: [] };
}

function hypopgMissing(state: HypopgState): string {
  return state.state === 'not-enabled'
    ? 'Index advice needs the hypopg extension: it is installed on this server but not enabled in this database — its owner runs CREATE EXTENSION hypopg'
    : `Index advice needs the hypopg extension, which this server does not have: install it (Debian: postgresql-${state.serverMajor}-hypopg), then run CREATE EXTENSION hypopg in this database`;
}

function cost(value: number): string {
  return value.toFixed(2);
}

function messageOf(advice: Advice): string {
  const saving = `${Math.round(MIN_SAVING_SHARE * 100)}%`;
  switch (advice.reason) {
    case 'proposed':
      return `${advice.indexes.length === 1 ? '1 index lowers' : `${advice.indexes.length} indexes together lower`} the plan cost from ${cost(advice.costBefore)} to ${cost(advice.costAfter)}`;
    case 'no-columns':
      return 'The query filters, joins and sorts on no table column an index could serve';
    case 'indexed-already':
      return 'Every column the query filters, joins or sorts on already leads an index';
    case 'no-saving':
      return `No index on the columns the query filters, joins or sorts on lowers the plan cost (${cost(advice.costBefore)}) by ${saving} or more`;
  }
}

/** Connects, prices and answers; the session (and every hypothetical index in it) is gone when this returns. */
export async function adviseQuery(context: AppContext, query: AdvisedQuery): Promise<IndexAdvice> {
  if (query.dbType !== 'postgres') return unavailable(`Index advice needs PostgreSQL with the hypopg extension; this is a ${engineNames[query.dbType]} connection`);
  await loadPostgresParser();
  const { tables: names, uses } = indexableColumns(query.sqlText);
  const session = new HypopgSession(await openReadOnlyPostgres(context.ai.secrets.open(query.connectionUri), hostGuardOf(context)));
  try {
    await session.setTimeout(context.config.dbassist.statementTimeoutMs);
    const state = await session.hypopgState();
    if (state.state !== 'enabled') return unavailable(hypopgMissing(state));
    const advice = await adviseIndexes(session, query.sqlText, uses, await session.catalogTables(names));
    return { available: true, message: messageOf(advice), costBefore: advice.costBefore, costAfter: advice.costAfter, indexes: advice.indexes };
  } catch (error) {
    if (error instanceof AppError) throw error;
    // The server went away, the statement timed out, hypopg's schema is not readable, …: the server's words, which
    // carry no credentials (the URI never reaches them).
    throw new AppError(DB_CONNECTION_FAILED, `Index advice failed on the server: ${error instanceof Error ? error.message : String(error)}`.slice(0, 500));
  } finally {
    await session.close();
  }
}

import mysql from 'mysql2/promise';
import type pg from 'pg';
import type { AppContext } from '../../../core/context.js';
import { AppError } from '../../../core/errors.js';
import { hostGuardOf } from '../connections/connections.service.js';
import { parseConnectionUri, type NetworkTarget } from '../drivers/connection-uri.js';
import { connectPostgresSession } from '../drivers/postgres.js';
import { connectFailure } from '../drivers/open-driver.js';
import { tableKey, type SchemaModel, type TableModel } from '../snapshot/schema-model.js';
import { postgresHints } from './live-hints.js';
import type { MockValue } from './mock-value.js';
import { parentKey, referencesOf } from './planner.js';
import type { ExistingData, MockSink } from './run-mock.js';
import { qualifiedName, quoteIdentifier } from './sql-literal.js';
import type { TableHints } from './table-rows.js';
import { mysqlInsertSink } from './writers/mysql-insert.js';
import { postgresCopySink } from './writers/postgres-copy.js';

/**
 * A read-write connection that mock rows go into: one session, one transaction for the whole job (COPY on PostgreSQL,
 * batched INSERTs on MariaDB/MySQL), what the database already holds (parents to reuse, where keys go on), and on
 * PostgreSQL the catalog's generated columns and domains.
 */
export type TargetDatabase = {
  sink: MockSink;
  existing: ExistingData;
  hints: Map<string, TableHints>;
  begin(): Promise<void>;
  commit(): Promise<void>;
  rollback(): Promise<void>;
  close(): Promise<void>;
};

/** Parent keys read at most: enough variety for references, bounded memory for a huge parent. */
const MAX_PARENT_KEYS = 100_000;

type Query = (sql: string) => Promise<Array<Record<string, unknown>>>;

/** The tables whose rows matter for a plan: the requested ones and everything they reference, transitively. */
function relevantTables(model: SchemaModel, requested: string[]): TableModel[] {
  const seen = new Map<string, TableModel>();
  const queue = requested.map((key) => model.tables.find((t) => tableKey(t) === key)).filter((t): t is TableModel => Boolean(t));
  while (queue.length) {
    const table = queue.shift()!;
    if (seen.has(tableKey(table))) continue;
    seen.set(tableKey(table), table);
    for (const ref of referencesOf(model, table)) {
      const parent = model.tables.find((t) => tableKey(t) === parentKey(ref));
      if (parent) queue.push(parent);
    }
  }
  return [...seen.values()];
}

async function existingData(query: Query, model: SchemaModel, requested: string[]): Promise<ExistingData> {
  const engine = model.engine;
  const rowCounts = new Map<string, number>();
  for (const table of relevantTables(model, requested)) {
    const rows = await query(`SELECT 1 AS present FROM ${qualifiedName(table.namespace, table.name, engine)} LIMIT 1`);
    rowCounts.set(tableKey(table), rows.length);
  }
  const asText = (column: string) => (engine === 'mysql' ? `CAST(${quoteIdentifier(column, engine)} AS CHAR)` : `${quoteIdentifier(column, engine)}::text`);
  return {
    rowCounts,
    async keys(table, columns) {
      const select = columns.map((c, i) => `${asText(c)} AS k${i}`).join(', ');
      const rows = await query(`SELECT ${select} FROM ${qualifiedName(table.namespace, table.name, engine)} LIMIT ${MAX_PARENT_KEYS}`);
      return rows.map((row) => columns.map((_, i) => (row[`k${i}`] ?? null) as MockValue));
    },
    async nextValue(table, column) {
      const rows = await query(`SELECT COALESCE(MAX(${quoteIdentifier(column, engine)}), 0) + 1 AS next FROM ${qualifiedName(table.namespace, table.name, engine)}`);
      const next = Number(rows[0]?.next ?? 1);
      return Number.isFinite(next) ? next : 1;
    },
  };
}

/** Opens the connection's database for writing (after the host guard), reads what the plan needs to know about it. */
export async function openTargetDatabase(context: AppContext, connection: { dbType: string; connectionUri: string }, model: SchemaModel, requested: string[]): Promise<TargetDatabase> {
  if (connection.dbType !== 'postgres' && connection.dbType !== 'mysql') {
    throw new AppError('UNPROCESSABLE', `Mock rows go straight into PostgreSQL and MariaDB/MySQL connections only; choose target "file" for ${connection.dbType}`);
  }
  const uri = context.ai.secrets.open(connection.connectionUri);
  const target = parseConnectionUri(connection.dbType, uri) as NetworkTarget;
  await hostGuardOf(context).checkNetworkTarget(target);
  return target.engine === 'postgres' ? openPostgres(target, model, requested) : openMysql(target, model, requested);
}

async function connectPostgres(target: NetworkTarget, readOnly: boolean): Promise<pg.Client> {
  try {
    return await connectPostgresSession(target, { readOnly });
  } catch (error) {
    throw connectFailure(error, target);
  }
}

/**
 * The catalog hints of a PostgreSQL connection for a file job (read only): without them a file would carry values
 * for generated columns. A connection that cannot be reached gives none, and the file is made from the snapshot.
 */
export async function readPostgresHints(context: AppContext, connection: { dbType: string; connectionUri: string }): Promise<Map<string, TableHints>> {
  if (connection.dbType !== 'postgres') return new Map();
  let client: pg.Client | null = null;
  try {
    const target = parseConnectionUri('postgres', context.ai.secrets.open(connection.connectionUri)) as NetworkTarget;
    await hostGuardOf(context).checkNetworkTarget(target);
    client = await connectPostgres(target, true);
    const open = client;
    return await postgresHints(async (sql) => (await open.query(sql)).rows as Array<Record<string, unknown>>);
  } catch {
    return new Map();
  } finally {
    await client?.end().catch(() => undefined);
  }
}

async function openPostgres(target: NetworkTarget, model: SchemaModel, requested: string[]): Promise<TargetDatabase> {
  const client = await connectPostgres(target, false);
  const query: Query = async (sql) => (await client.query(sql)).rows as Array<Record<string, unknown>>;
  try {
    return {
      sink: postgresCopySink(client),
      existing: await existingData(query, model, requested),
      hints: await postgresHints(query),
      begin: async () => void (await client.query('BEGIN')),
      commit: async () => void (await client.query('COMMIT')),
      rollback: async () => void (await client.query('ROLLBACK').catch(() => undefined)),
      close: () => client.end().catch(() => undefined),
    };
  } catch (error) {
    await client.end().catch(() => undefined);
    throw error;
  }
}

async function openMysql(target: NetworkTarget, model: SchemaModel, requested: string[]): Promise<TargetDatabase> {
  let connection: mysql.Connection;
  try {
    connection = await mysql.createConnection({
      host: target.host,
      port: target.port,
      user: target.user ?? 'root',
      password: target.password,
      database: target.database,
      connectTimeout: 5_000,
      multipleStatements: false,
      dateStrings: true,
      supportBigNumbers: true,
      bigNumberStrings: true,
      charset: 'utf8mb4',
      ...(target.sslMode === 'require' || target.sslMode?.startsWith('verify') ? { ssl: { rejectUnauthorized: target.sslMode !== 'require' } } : {}),
    });
  } catch (error) {
    throw connectFailure(error, target);
  }
  connection.on('error', () => undefined);
  const query: Query = async (sql) => {
    const [rows] = await connection.query(sql);
    return rows as Array<Record<string, unknown>>;
  };
  try {
    return {
      sink: mysqlInsertSink(connection),
      existing: await existingData(query, model, requested),
      hints: new Map(),
      begin: async () => void (await connection.query('START TRANSACTION')),
      commit: async () => void (await connection.query('COMMIT')),
      rollback: async () => void (await connection.query('ROLLBACK').catch(() => undefined)),
      close: () => connection.end().catch(() => undefined),
    };
  } catch (error) {
    await connection.end().catch(() => undefined);
    throw error;
  }
}

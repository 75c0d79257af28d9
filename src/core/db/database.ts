import fs from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { drizzle as drizzlePostgres } from 'drizzle-orm/node-postgres';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import pg from 'pg';
import { acquireDataDirLock, type DataDirLock } from './data-dir-lock.js';
import {
  createNotifications,
  notificationsOff,
  pgliteNotificationTransport,
  postgresNotificationTransport,
  type Notifications,
} from './notifications.js';
import { pooledClientClass } from './pooled-client.js';
import { createPriorityGate } from './priority-gate.js';

export type Orm = PgDatabase<PgQueryResultHKT>;
export type Tx = Parameters<Parameters<Orm['transaction']>[0]>[0];

/** Plain SQL on the connecting role, outside row level security: migrations, backup and restore only. */
export type SqlClient = {
  query<Row = Record<string, unknown>>(text: string, params?: unknown[]): Promise<Row[]>;
  exec(text: string): Promise<void>;
};

export type DatabaseKind = 'pglite' | 'postgres';

export type Database = {
  kind: DatabaseKind;
  orm: Orm;
  /** Runs fn in one transaction as the connecting role (the owner of the tables). */
  withAdmin<T>(fn: (client: SqlClient) => Promise<T>): Promise<T>;
  /** LISTEN/NOTIFY for this process (notifications.ts): wakes job runners and event streams. */
  notifications: Notifications;
  /** After migrations: from now on every connection defaults to the runtime role, so a forgotten context fails closed. */
  useRuntimeRole(): Promise<void>;
  close(): Promise<void>;
};

export const RUNTIME_ROLE = 'atelier_app';
export const SYSTEM_ROLE = 'atelier_system';

export type OpenDatabaseOptions = (
  | { kind: 'pglite'; dataDir?: string; pglite?: PGlite }
  | { kind: 'postgres'; url: string; poolSize?: number; preparedStatements?: boolean }
) & {
  /** LISTEN/NOTIFY wake-ups (default true); false when a pooler in transaction mode stands in between: poll. */
  notifications?: boolean;
};

// Both drivers answer with the same JavaScript types: int8 as number (ids and counts stay far below 2^53) and
// date as the 'YYYY-MM-DD' string it is (node-postgres would otherwise make a local-midnight Date of it).
const INT8_OID = 20;
const DATE_OID = 1082;
const pgliteParsers = { [INT8_OID]: (value: string) => Number(value), [DATE_OID]: (value: string) => value };
// pg-types declares its parsers as `any`: each one turns a column's text into its JavaScript value.
type TypeParser = (value: string) => unknown;
const postgresTypes = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary'): TypeParser => {
    if (oid === INT8_OID) return (value: string) => Number(value);
    if (oid === DATE_OID) return (value: string) => value;
    return (format === 'binary' ? pg.types.getTypeParser(oid, 'binary') : pg.types.getTypeParser(oid, 'text')) as TypeParser;
  }) as typeof pg.types.getTypeParser,
};

export async function openDatabase(options: OpenDatabaseOptions): Promise<Database> {
  const notify = options.notifications ?? true;
  return options.kind === 'pglite'
    ? openPglite(options, notify)
    : openPostgres(options.url, options.poolSize ?? 10, notify, options.preparedStatements ?? true);
}

async function openPglite(options: { dataDir?: string; pglite?: PGlite }, notify: boolean): Promise<Database> {
  let lock: DataDirLock | undefined;
  let client = options.pglite;
  if (!client) {
    if (options.dataDir) {
      fs.mkdirSync(options.dataDir, { recursive: true });
      lock = acquireDataDirLock(options.dataDir);
    }
    try {
      // PGlite starts with fsync off; relaxedDurability=false keeps each commit on disk before it answers.
      client = await PGlite.create({
        dataDir: options.dataDir ? path.join(options.dataDir, 'pgdata') : undefined,
        relaxedDurability: false,
        parsers: pgliteParsers,
      });
    } catch (error) {
      lock?.release();
      throw error;
    }
  }
  // PGlite answers one caller at a time, in order; the gate puts requests before background jobs (priority-gate.ts).
  const gate = createPriorityGate();
  const raw = client;
  const pglite = new Proxy(raw, {
    get(target, property) {
      if (property === 'query') return (...args: Parameters<PGlite['query']>) => gate.run(() => target.query(...args));
      if (property === 'exec') return (...args: Parameters<PGlite['exec']>) => gate.run(() => target.exec(...args));
      if (property === 'transaction') return (...args: Parameters<PGlite['transaction']>) => gate.run(() => target.transaction(...args));
      const value: unknown = Reflect.get(target, property, target);
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
    },
  });
  const adminClient = (q: Pick<PGlite, 'query' | 'exec'>): SqlClient => ({
    async query<Row>(text: string, params?: unknown[]) {
      return (await q.query<Row>(text, params)).rows;
    },
    async exec(text: string) {
      await q.exec(text);
    },
  });
  let runtimeRoleActive = false;
  // LISTEN goes through the gate too, so it never lands inside another caller's transaction.
  const notifications = notify
    ? createNotifications(pgliteNotificationTransport((channel, callback) => gate.run(() => raw.listen(channel, callback))))
    : notificationsOff;
  return {
    kind: 'pglite',
    orm: drizzlePglite(pglite) as unknown as Orm,
    notifications,
    async withAdmin(fn) {
      return pglite.transaction(async (tx) => {
        // PGlite is one session: step out of the runtime role for this transaction only.
        if (runtimeRoleActive) await tx.exec('SET LOCAL ROLE NONE');
        return fn(adminClient(tx));
      });
    },
    async useRuntimeRole() {
      await pglite.exec(`SET ROLE ${RUNTIME_ROLE}`);
      runtimeRoleActive = true;
    },
    async close() {
      try {
        await notifications.close();
        if (!pglite.closed) await pglite.close();
      } finally {
        lock?.release();
      }
    },
  };
}

async function openPostgres(url: string, poolSize: number, notify: boolean, preparedStatements: boolean): Promise<Database> {
  // Fail at start-up, with the reason, rather than on the first request.
  const probe = new pg.Client({ connectionString: url });
  try {
    await probe.connect();
    const { rows } = await probe.query<{ server_version_num: string }>('SHOW server_version_num');
    const versionNum = Number(rows[0]?.server_version_num);
    if (versionNum < 150000) throw new Error(`PostgreSQL 15 or newer is required (server is ${versionNum})`);
  } catch (error) {
    throw new Error(`Cannot use DATABASE_URL: ${(error as Error).message}`, { cause: error });
  } finally {
    await probe.end().catch(() => undefined);
  }
  // Every pooled connection starts as the runtime role (a startup parameter, so no query can run before it).
  // The pool opens connections lazily, after migrations have created the role.
  const pool = new pg.Pool({
    connectionString: url,
    max: poolSize,
    types: postgresTypes,
    options: `-c role=${RUNTIME_ROLE}`,
    Client: pooledClientClass({ preparedStatements }),
  });
  // An idle pooled connection that the server ends (a restart, a failover, an administrator) emits an error on the
  // pool; without a listener that would crash the process. The pool drops the connection and opens a new one on the
  // next query, which then fails or succeeds on its own.
  pool.on('error', () => undefined);
  // Opened on the first subscription; a process that never follows anything holds no extra connection.
  const notifications = notify ? createNotifications(postgresNotificationTransport(url)) : notificationsOff;
  return {
    kind: 'postgres',
    orm: drizzlePostgres(pool) as unknown as Orm,
    notifications,
    async withAdmin(fn) {
      // Admin work gets a connection of its own as the connecting role; it never joins the pool.
      const connection = new pg.Client({ connectionString: url, types: postgresTypes });
      await connection.connect();
      try {
        await connection.query('BEGIN');
        const result = await fn({
          async query<Row>(text: string, params?: unknown[]) {
            return (await connection.query(text, params)).rows as Row[];
          },
          async exec(text: string) {
            await connection.query(text);
          },
        });
        await connection.query('COMMIT');
        return result;
      } catch (error) {
        await connection.query('ROLLBACK').catch(() => undefined);
        throw error;
      } finally {
        await connection.end();
      }
    },
    async useRuntimeRole() {
      // Nothing to do: the pool's connections carry the role from their first byte.
    },
    async close() {
      await notifications.close();
      await pool.end();
    },
  };
}

import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import mysql from 'mysql2/promise';
import pg from 'pg';
import { REPO_ROOT } from './seeds.js';

/**
 * Real sample databases (Northwind, Chinook) loaded into scratch databases with random names on the PostgreSQL and
 * MariaDB servers the tests run against. Each loader returns the scratch database's URI and a `drop()` that removes it.
 */

export const TEST_POSTGRES_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
export const TEST_MYSQL_URL = process.env.TEST_MYSQL_URL ?? 'mysql://root@127.0.0.1:3306/mysql';

/**
 * The fixtures folder: SAMPLE_DBS_DIR, else `shared/fixtures/sample-dbs` beside the repository or beside one of its
 * parent folders (a git worktree lives one level deeper than the main checkout).
 */
export const SAMPLE_DBS_DIR = process.env.SAMPLE_DBS_DIR ?? findSampleDbsDir();

function findSampleDbsDir(): string {
  const relative = path.join('shared', 'fixtures', 'sample-dbs');
  for (let dir = path.dirname(REPO_ROOT); ; dir = path.dirname(dir)) {
    const candidate = path.join(dir, relative);
    if (fs.existsSync(candidate)) return candidate;
    if (path.dirname(dir) === dir) return path.join(REPO_ROOT, '..', relative);
  }
}

export type ScratchDatabase = {
  /** Connection URI of the scratch database (same user and host as the server URL). */
  uri: string;
  /** The scratch database's name. */
  name: string;
  drop(): Promise<void>;
};

export type PostgresSample = 'northwind' | 'chinook';

const postgresSampleFiles: Record<PostgresSample, string> = {
  northwind: 'northwind/northwind.sql',
  chinook: 'chinook/Chinook_PostgreSql.sql',
};

function scratchName(prefix: string): string {
  return `${prefix}_${crypto.randomBytes(6).toString('hex')}`;
}

function withDatabaseName(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

function readFixture(relative: string): string {
  const file = path.join(SAMPLE_DBS_DIR, relative);
  if (!fs.existsSync(file)) throw new Error(`Sample database file not found: ${file} (set SAMPLE_DBS_DIR)`);
  return fs.readFileSync(file, 'utf8');
}

/**
 * The Chinook scripts create and switch to a database of their own; the scratch database replaces it, so those
 * statements go (PostgreSQL: DROP/CREATE DATABASE and `\c`; MySQL: DROP/CREATE DATABASE and USE).
 */
export function stripDatabaseStatements(sql: string): string {
  return sql
    .split('\n')
    .filter((line) => !/^\s*(DROP\s+DATABASE|CREATE\s+DATABASE|USE\s|\\c\s)/i.test(line))
    .join('\n');
}

/** An empty scratch database on the PostgreSQL server. */
export async function createScratchPostgres(serverUrl = TEST_POSTGRES_URL): Promise<ScratchDatabase> {
  const name = scratchName('dbassist_pg');
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  return {
    uri: withDatabaseName(serverUrl, name),
    name,
    async drop() {
      const cleanup = new pg.Client({ connectionString: serverUrl });
      await cleanup.connect();
      try {
        await cleanup.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      } finally {
        await cleanup.end();
      }
    },
  };
}

/** Runs a whole SQL script on a PostgreSQL database in one round trip (the simple query protocol takes many statements). */
export async function runPostgresScript(uri: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: uri });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/** Northwind (14 tables) or Chinook (11 tables) with their rows, in a new scratch database on the PostgreSQL server. */
export async function loadPostgresSample(sample: PostgresSample, serverUrl = TEST_POSTGRES_URL): Promise<ScratchDatabase> {
  const scratch = await createScratchPostgres(serverUrl);
  try {
    // The Northwind dump silences notices itself; Chinook's DROP … IF EXISTS would otherwise print them.
    await runPostgresScript(scratch.uri, `SET client_min_messages = warning;\n${stripDatabaseStatements(readFixture(postgresSampleFiles[sample]))}`);
  } catch (error) {
    await scratch.drop();
    throw error;
  }
  return scratch;
}

/** An empty scratch database on the MariaDB/MySQL server. */
export async function createScratchMysql(serverUrl = TEST_MYSQL_URL): Promise<ScratchDatabase> {
  const name = scratchName('dbassist_my');
  const admin = await mysql.createConnection(serverUrl);
  try {
    await admin.query(`CREATE DATABASE \`${name}\` CHARACTER SET utf8mb4`);
  } finally {
    await admin.end();
  }
  return {
    uri: withDatabaseName(serverUrl, name),
    name,
    async drop() {
      const cleanup = await mysql.createConnection(serverUrl);
      try {
        await cleanup.query(`DROP DATABASE IF EXISTS \`${name}\``);
      } finally {
        await cleanup.end();
      }
    },
  };
}

/** Runs a whole SQL script on a MySQL database in one round trip. */
export async function runMysqlScript(uri: string, sql: string): Promise<void> {
  const connection = await mysql.createConnection({ uri, multipleStatements: true });
  try {
    await connection.query(sql);
  } finally {
    await connection.end();
  }
}

/** Chinook (11 tables, with rows) in a new scratch database on the MariaDB/MySQL server. */
export async function loadMysqlChinook(serverUrl = TEST_MYSQL_URL): Promise<ScratchDatabase> {
  const scratch = await createScratchMysql(serverUrl);
  try {
    await runMysqlScript(scratch.uri, stripDatabaseStatements(readFixture('chinook/Chinook_MySql.sql')));
  } catch (error) {
    await scratch.drop();
    throw error;
  }
  return scratch;
}

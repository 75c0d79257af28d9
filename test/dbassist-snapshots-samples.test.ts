import mysql from 'mysql2/promise';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { JobRunner } from '../src/core/jobs/index.js';
import { createHostGuard } from '../src/modules/dbassist/drivers/host-guard.js';
import { openDriver } from '../src/modules/dbassist/drivers/open-driver.js';
import { diffSchemaModels } from '../src/modules/dbassist/snapshot/diff.js';
import { migrationSql } from '../src/modules/dbassist/snapshot/migration-sql.js';
import type { SchemaModel } from '../src/modules/dbassist/snapshot/schema-model.js';
import { apiHarness, type Team } from './support/api-harness.js';
import { createScratchPostgres, loadMysqlChinook, loadPostgresSample, runPostgresScript, type ScratchDatabase } from './support/sample-dbs.js';
import { createTestApp, type TestApp } from './support/test-app.js';

/**
 * Acceptance, through the API and the real drivers: Northwind on PostgreSQL and Chinook on MariaDB are ingested with
 * every table, column, primary key and foreign key; a re-ingest without change makes no new version; after
 * `ALTER TABLE … ADD COLUMN` on the source a re-ingest makes a new version whose diff shows exactly that column and
 * its SQL.
 */

type Column = { name: string; isPk: boolean; isFk: boolean; fkTableId: string | null };
type Table = { id: string; name: string; kind: string; columns: Column[] };

describe('dbassist snapshots of the sample databases', () => {
  let t: TestApp;
  let runner: JobRunner;
  let team: Team;
  const { api, finished, startJobRunner, team: teamOf } = apiHarness(() => t);

  beforeAll(async () => {
    t = await createTestApp('pglite');
    runner = startJobRunner();
    team = await teamOf({ name: 'Sample data' });
  });
  afterAll(async () => {
    await runner?.stop();
    await t?.close();
  });

  async function connect(name: string, dbType: 'postgres' | 'mysql', connectionUri: string): Promise<string> {
    const created = await api('POST', `/organizations/${team.orgId}/connections`, team.editor, { name, dbType, connectionUri, mode: 'read-only' });
    expect(created.statusCode, JSON.stringify(created.data)).toBe(201);
    return created.data.id as string;
  }

  async function ingest(connectionId: string): Promise<{ schemaId: string; version: string; unchanged: boolean }> {
    const started = await api('POST', `/connections/${connectionId}/ingest`, team.editor);
    expect(started.statusCode, JSON.stringify(started.data)).toBe(202);
    const job = await finished(team.editor, started.data.jobId as string);
    expect(job.status, JSON.stringify(job.error)).toBe('succeeded');
    return job.result as { schemaId: string; version: string; unchanged: boolean };
  }

  async function tablesOf(schemaId: string): Promise<Table[]> {
    const detail = await api('GET', `/schemas/${schemaId}`, team.viewer);
    expect(detail.statusCode).toBe(200);
    return detail.data.tables as Table[];
  }

  /** "table.column" of every column, of the primary key columns, and "table.column→table" of foreign key columns. */
  function summarize(tables: Table[]) {
    const names = new Map(tables.map((table) => [table.id, table.name]));
    const every = tables.flatMap((table) => table.columns.map((column) => ({ table: table.name, column })));
    return {
      tables: tables.filter((table) => table.kind === 'table').map((table) => table.name).sort(),
      columns: every.map(({ table, column }) => `${table}.${column.name}`).sort(),
      primaryKeys: every.filter(({ column }) => column.isPk).map(({ table, column }) => `${table}.${column.name}`).sort(),
      foreignKeys: every.filter(({ column }) => column.isFk).map(({ table, column }) => `${table}.${column.name}→${names.get(column.fkTableId ?? '') ?? '?'}`).sort(),
    };
  }

  async function expectDiffOfOneColumn(connectionId: string, v1: { schemaId: string; version: string }, table: string, column: string, sql: string) {
    const v2 = await ingest(connectionId);
    expect(v2).toMatchObject({ unchanged: false, version: expect.stringMatching(/^v2-/) });
    const diff = await api('GET', `/schemas/${v1.schemaId}/diff?to=${v2.schemaId}`, team.viewer);
    expect(diff.statusCode).toBe(200);
    expect(diff.data).toMatchObject({ added: [], removed: [], sql });
    expect(diff.data.changed).toEqual([
      {
        table,
        columns: { added: [column], removed: [], changed: [] },
        primaryKey: null,
        foreignKeys: { added: [], removed: [] },
        indexes: { added: [], removed: [], changed: [] },
        uniques: { added: [], removed: [] },
        checks: { added: [], removed: [] },
        other: [],
      },
    ]);
  }

  describe('Northwind on PostgreSQL', () => {
    let northwind: ScratchDatabase;
    beforeAll(async () => {
      northwind = await loadPostgresSample('northwind');
    });
    afterAll(async () => {
      await northwind?.drop();
    });

    async function catalog() {
      const client = new pg.Client({ connectionString: northwind.uri });
      await client.connect();
      try {
        const rows = async (text: string) => (await client.query<{ item: string }>(text)).rows.map((row) => row.item).sort();
        return {
          tables: await rows(`SELECT table_name AS item FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'`),
          columns: await rows(`SELECT table_name || '.' || column_name AS item FROM information_schema.columns WHERE table_schema = 'public'`),
          primaryKeys: await rows(`
            SELECT c.conrelid::regclass::text || '.' || a.attname AS item FROM pg_constraint c
            JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = ANY (c.conkey)
            WHERE c.contype = 'p' AND c.connamespace = 'public'::regnamespace`),
          foreignKeys: await rows(`
            SELECT DISTINCT ON (c.conrelid, a.attname) c.conrelid::regclass::text || '.' || a.attname || '→' || c.confrelid::regclass::text AS item
            FROM pg_constraint c JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = ANY (c.conkey)
            WHERE c.contype = 'f' AND c.connamespace = 'public'::regnamespace ORDER BY c.conrelid, a.attname, c.conname`),
        };
      } finally {
        await client.end();
      }
    }

    it('ingests every table, column and key; an unchanged re-ingest makes no version; ADD COLUMN makes v2 with exactly that column', async () => {
      const connectionId = await connect('Northwind', 'postgres', northwind.uri);
      const v1 = await ingest(connectionId);
      expect(v1).toMatchObject({ unchanged: false, version: expect.stringMatching(/^v1-/) });
      const stored = summarize(await tablesOf(v1.schemaId));
      const expected = await catalog();
      expect(expected.tables).toHaveLength(14);
      expect(expected.foreignKeys).toHaveLength(13);
      expect(stored).toEqual(expected);

      const again = await ingest(connectionId);
      expect(again).toEqual({ ...v1, unchanged: true });
      expect((await api('GET', `/connections/${connectionId}/schemas`, team.viewer)).data.items).toHaveLength(1);

      const client = new pg.Client({ connectionString: northwind.uri });
      await client.connect();
      await client.query('ALTER TABLE customers ADD COLUMN loyalty_tier character varying(20)');
      await client.end();
      await expectDiffOfOneColumn(connectionId, v1, 'public.customers', 'loyalty_tier', 'ALTER TABLE public.customers ADD COLUMN loyalty_tier character varying(20);\n');
    });

    it('rebuilds Northwind from nothing with the migration SQL, as the driver crawls it again', async () => {
      const guard = createHostGuard({ denyHosts: [], dataDir: t.config.dataDir, databaseUrl: undefined, sqliteRoots: undefined });
      const crawl = async (uri: string): Promise<SchemaModel> => {
        const driver = await openDriver('postgres', uri, guard);
        try {
          return await driver.introspect();
        } finally {
          await driver.close();
        }
      };
      const original = await crawl(northwind.uri);
      const copy = await createScratchPostgres();
      try {
        await runPostgresScript(copy.uri, migrationSql({ engine: 'postgres', serverVersion: null, namespaces: [], tables: [], enums: [] }, original));
        const rebuilt = await crawl(copy.uri);
        expect(rebuilt.tables.length).toBe(original.tables.length);
        expect(diffSchemaModels(original, rebuilt)).toEqual({ added: [], removed: [], changed: [] });
      } finally {
        await copy.drop();
      }
    });
  });

  describe('Chinook on MariaDB', () => {
    let chinook: ScratchDatabase;
    beforeAll(async () => {
      chinook = await loadMysqlChinook();
    });
    afterAll(async () => {
      await chinook?.drop();
    });

    it('ingests every table and foreign key; an unchanged re-ingest makes no version; ADD COLUMN makes v2 with exactly that column', async () => {
      const connectionId = await connect('Chinook', 'mysql', chinook.uri);
      const v1 = await ingest(connectionId);
      const stored = summarize(await tablesOf(v1.schemaId));
      const connection = await mysql.createConnection(chinook.uri);
      try {
        const [tables] = await connection.query<mysql.RowDataPacket[]>(`SELECT table_name AS item FROM information_schema.tables WHERE table_schema = DATABASE() AND table_type = 'BASE TABLE'`);
        const [foreignKeys] = await connection.query<mysql.RowDataPacket[]>(
          `SELECT DISTINCT concat(table_name, '.', column_name, '→', referenced_table_name) AS item FROM information_schema.key_column_usage
           WHERE table_schema = DATABASE() AND referenced_table_name IS NOT NULL`,
        );
        expect(stored.tables).toEqual(tables.map((row) => String(row.item)).sort());
        expect(stored.tables).toHaveLength(11);
        expect(stored.foreignKeys).toEqual(foreignKeys.map((row) => String(row.item)).sort());

        expect(await ingest(connectionId)).toMatchObject({ schemaId: v1.schemaId, unchanged: true });

        await connection.query('ALTER TABLE Customer ADD COLUMN LoyaltyTier VARCHAR(20) NULL');
      } finally {
        await connection.end();
      }
      // One MySQL database is one namespace, which the PostgreSQL migration leaves out.
      await expectDiffOfOneColumn(connectionId, v1, `${chinook.name}.Customer`, 'LoyaltyTier', 'ALTER TABLE "Customer" ADD COLUMN "LoyaltyTier" character varying(20);\n');
    });
  });
});

import { strFromU8, unzipSync } from 'fflate';
import mysql from 'mysql2/promise';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { JobRunner } from '../src/core/jobs/index.js';
import { apiHarness, type Team } from './support/api-harness.js';
import { createScratchMysql, createScratchPostgres, runMysqlScript, runPostgresScript, type ScratchDatabase } from './support/sample-dbs.js';
import { createTestApp, type TestApp } from './support/test-app.js';

/**
 * Mock data through the API against real servers: a shop whose orders have two parents (customers and products),
 * ingested from a scratch PostgreSQL database; 100k rows straight into it with every constraint holding, files to
 * download (CSV, ZIP of CSVs, SQL that loads), the preview, MariaDB's batched inserts, and the refusals.
 */

const SHOP_POSTGRES = `
  CREATE TYPE order_status AS ENUM ('new', 'paid', 'shipped', 'returned');
  CREATE TABLE customers (
    customer_id serial PRIMARY KEY,
    first_name varchar(40) NOT NULL,
    last_name varchar(40) NOT NULL,
    email varchar(120) NOT NULL UNIQUE,
    country_code char(2),
    birth_date date
  );
  CREATE TABLE products (
    product_id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    sku varchar(12) NOT NULL UNIQUE,
    name text NOT NULL,
    price numeric(8,2) NOT NULL CHECK (price > 0),
    weight_grams integer CHECK (weight_grams BETWEEN 1 AND 50000),
    label_length integer GENERATED ALWAYS AS (length(name)) STORED
  );
  CREATE TABLE orders (
    order_id bigserial PRIMARY KEY,
    customer_id integer NOT NULL REFERENCES customers,
    product_id integer NOT NULL REFERENCES products,
    quantity smallint NOT NULL CHECK (quantity >= 1 AND quantity <= 20),
    status order_status NOT NULL DEFAULT 'new',
    channel text NOT NULL CHECK (channel IN ('web', 'store', 'phone')),
    ordered_at timestamptz NOT NULL,
    note varchar(40)
  );
  CREATE VIEW big_orders AS SELECT * FROM orders WHERE quantity > 10;`;

const SHOP_MYSQL = `
  CREATE TABLE customers (customer_id int AUTO_INCREMENT PRIMARY KEY, full_name varchar(80) NOT NULL, email varchar(120) NOT NULL UNIQUE, active tinyint(1) NOT NULL);
  CREATE TABLE products (product_id int AUTO_INCREMENT PRIMARY KEY, name varchar(100) NOT NULL, price decimal(8,2) NOT NULL CHECK (price > 0));
  CREATE TABLE orders (
    order_id int AUTO_INCREMENT PRIMARY KEY,
    customer_id int NOT NULL, product_id int NOT NULL,
    quantity int NOT NULL CHECK (quantity BETWEEN 1 AND 20),
    status enum('new','paid','shipped') NOT NULL,
    ordered_at datetime NOT NULL,
    FOREIGN KEY (customer_id) REFERENCES customers (customer_id),
    FOREIGN KEY (product_id) REFERENCES products (product_id)
  ) ENGINE=InnoDB;`;

type Table = { id: string; name: string; kind: string };

async function pgRows<T extends Record<string, unknown>>(uri: string, sql: string): Promise<T[]> {
  const client = new pg.Client({ connectionString: uri });
  await client.connect();
  try {
    return (await client.query<T>(sql)).rows;
  } finally {
    await client.end();
  }
}

describe('mock data API', () => {
  let t: TestApp;
  let runner: JobRunner;
  let team: Team;
  let shop: ScratchDatabase;
  let maria: ScratchDatabase;
  const scratches: ScratchDatabase[] = [];
  const { api, finished, startJobRunner, team: teamOf } = apiHarness(() => t);
  let connectionId: string;
  let readOnlyId: string;
  let tables: Map<string, Table>;

  /** A connection through the API, ingested, with the ids of its newest snapshot's tables. */
  async function connect(name: string, dbType: 'postgres' | 'mysql', uri: string, mode: 'read-only' | 'read-write'): Promise<{ id: string; tables: Map<string, Table> }> {
    const created = await api('POST', `/organizations/${team.orgId}/connections`, team.editor, { name, dbType, connectionUri: uri, mode });
    expect(created.statusCode, JSON.stringify(created.data)).toBe(201);
    const id = created.data.id as string;
    const ingest = await api('POST', `/connections/${id}/ingest`, team.editor);
    expect((await finished(team.editor, ingest.data.jobId as string)).status).toBe('succeeded');
    const versions = await api('GET', `/connections/${id}/schemas`, team.viewer);
    const detail = await api('GET', `/schemas/${versions.data.items[0].id}`, team.viewer);
    return { id, tables: new Map((detail.data.tables as Table[]).map((table) => [table.name, table])) };
  }

  async function runJob(connection: string, tableId: string, config: Record<string, unknown>) {
    const created = await api('POST', `/connections/${connection}/mock-jobs`, team.editor, { tableId, config });
    expect(created.statusCode, JSON.stringify(created.data)).toBe(202);
    const job = await finished(team.editor, created.data.jobId as string);
    const mock = await api('GET', `/mock-jobs/${created.data.id}`, team.viewer);
    return { job, mock: mock.data };
  }

  beforeAll(async () => {
    t = await createTestApp('pglite');
    runner = startJobRunner();
    team = await teamOf({ name: 'Mock shop' });
    shop = await createScratchPostgres();
    maria = await createScratchMysql();
    await runPostgresScript(shop.uri, SHOP_POSTGRES);
    await runMysqlScript(maria.uri, SHOP_MYSQL);
    ({ id: connectionId, tables } = await connect('Shop', 'postgres', shop.uri, 'read-write'));
    ({ id: readOnlyId } = await connect('Shop (read-only)', 'postgres', shop.uri, 'read-only'));
  }, 180_000);
  afterAll(async () => {
    await runner?.stop();
    await t?.close();
    for (const db of [shop, maria, ...scratches]) await db?.drop();
  });

  it('previews ten rows with the parents it would fill, writing nothing, the same for the same seed', async () => {
    const body = { tableId: tables.get('orders')!.id, config: { rows: 500, seed: 3 } };
    const preview = await api('POST', `/connections/${connectionId}/mock-jobs/preview`, team.editor, body);
    expect(preview.statusCode, JSON.stringify(preview.data)).toBe(200);
    expect(preview.data.table).toBe('public.orders');
    expect(preview.data.parents.sort()).toEqual(['public.customers', 'public.products']);
    expect(preview.data.columns.map((c: { name: string }) => c.name)).toEqual(['order_id', 'customer_id', 'product_id', 'quantity', 'status', 'channel', 'ordered_at', 'note']);
    expect(preview.data.rows).toHaveLength(10);
    for (const row of preview.data.rows as unknown[][]) {
      expect(row[3]).toBeGreaterThanOrEqual(1);
      expect(row[3]).toBeLessThanOrEqual(20);
      expect(['new', 'paid', 'shipped', 'returned']).toContain(row[4]);
      expect(['web', 'store', 'phone']).toContain(row[5]);
    }
    const again = await api('POST', `/connections/${connectionId}/mock-jobs/preview`, team.editor, body);
    expect(again.data.rows).toEqual(preview.data.rows);
    const otherSeed = await api('POST', `/connections/${connectionId}/mock-jobs/preview`, team.editor, { ...body, config: { rows: 500, seed: 4 } });
    expect(otherSeed.data.rows).not.toEqual(preview.data.rows);
    const [written] = await pgRows<{ n: string }>(shop.uri, 'SELECT (SELECT count(*) FROM orders) + (SELECT count(*) FROM customers) AS n');
    expect(Number(written!.n)).toBe(0);
    expect((await api('POST', `/connections/${connectionId}/mock-jobs/preview`, team.viewer, body)).statusCode).toBe(403);
  });

  it('refuses bad input with the field it is about', async () => {
    const orders = tables.get('orders')!.id;
    const post = (body: unknown, connection = connectionId) => api('POST', `/connections/${connection}/mock-jobs`, team.editor, body);
    const fieldOf = (res: Awaited<ReturnType<typeof post>>) => JSON.stringify(res.data.error);
    const zeroRows = await post({ tableId: orders, config: { rows: 0 } });
    expect(zeroRows.statusCode).toBe(400);
    expect(fieldOf(zeroRows)).toContain('rows');
    const badFormat = await post({ tableId: orders, config: { format: 'xlsx' } });
    expect(badFormat.statusCode).toBe(400);
    expect(fieldOf(badFormat)).toContain('format');
    const notATable = await post({ tableId: connectionId, config: {} });
    expect(notATable.statusCode).toBe(422);
    expect(fieldOf(notATable)).toContain('tableId');
    const view = await post({ tableId: tables.get('big_orders')!.id, config: {} });
    expect(view.statusCode).toBe(422);
    expect(view.data.error.message).toMatch(/view/);
    const readOnly = await post({ tableId: orders, config: { target: 'connection' } }, readOnlyId);
    expect(readOnly.statusCode).toBe(422);
    expect(fieldOf(readOnly)).toContain('config.target');
    expect((await api('POST', `/connections/${connectionId}/mock-jobs`, team.viewer, { tableId: orders, config: {} })).statusCode).toBe(403);
  });

  it('puts 100k orders with their customers and products into PostgreSQL, every constraint holding', async () => {
    const { job, mock } = await runJob(connectionId, tables.get('orders')!.id, { rows: 100_000, seed: 11, target: 'connection' });
    expect(job.status, JSON.stringify(job.error)).toBe('succeeded');
    expect(mock).toMatchObject({ status: 'completed', table: 'public.orders', fileUrl: null, errorMsg: null });
    expect(mock.result.tables.map((r: { table: string }) => r.table)).toEqual(['public.customers', 'public.products', 'public.orders']);
    expect(mock.result.rowsPerSecond).toBeGreaterThan(0);
    const [counts] = await pgRows<Record<string, string>>(
      shop.uri,
      `SELECT (SELECT count(*) FROM orders) AS orders, (SELECT count(*) FROM customers) AS customers, (SELECT count(*) FROM products) AS products,
              (SELECT count(DISTINCT customer_id) FROM orders) AS used_customers, (SELECT count(DISTINCT email) FROM customers) AS emails,
              (SELECT count(*) FROM orders o WHERE NOT EXISTS (SELECT 1 FROM customers c WHERE c.customer_id = o.customer_id)) AS orphans,
              (SELECT count(*) FROM products WHERE label_length <> length(name)) AS wrong_generated,
              (SELECT min(ordered_at)::date::text FROM orders) AS first_day, (SELECT max(ordered_at)::date::text FROM orders) AS last_day`,
    );
    expect(Number(counts!.orders)).toBe(100_000);
    expect(Number(counts!.customers)).toBe(20_000);
    expect(Number(counts!.emails)).toBe(20_000);
    expect(Number(counts!.used_customers)).toBeGreaterThan(15_000);
    expect(Number(counts!.orphans)).toBe(0);
    expect(Number(counts!.wrong_generated)).toBe(0);
    expect(counts!.first_day! >= '2022-01-01' && counts!.last_day! < '2026-01-01').toBe(true);
    // The sequences moved past the mock rows: the application's next order gets a fresh id.
    const [next] = await pgRows<{ order_id: string }>(shop.uri, `INSERT INTO orders (customer_id, product_id, quantity, channel, ordered_at) VALUES (1, 1, 1, 'web', now()) RETURNING order_id`);
    expect(Number(next!.order_id)).toBe(100_001);

    // A second job reuses the parents that now exist and numbers its rows after the existing ones.
    const second = await runJob(connectionId, tables.get('orders')!.id, { rows: 1000, seed: 12, target: 'connection' });
    expect(second.job.status, JSON.stringify(second.job.error)).toBe('succeeded');
    expect(second.mock.result.tables).toEqual([{ table: 'public.orders', rows: 1000 }]);
    const [after] = await pgRows<Record<string, string>>(shop.uri, 'SELECT (SELECT count(*) FROM orders) AS orders, (SELECT count(*) FROM customers) AS customers, (SELECT max(order_id) FROM orders) AS top');
    expect(after).toEqual({ orders: '101001', customers: '20000', top: '101001' });
  }, 180_000);

  it('writes a ZIP of CSVs, parents first, and an SQL file that loads into an empty copy of the schema', async () => {
    const csv = await runJob(connectionId, tables.get('orders')!.id, { rows: 300, seed: 5, target: 'file', format: 'csv' });
    expect(csv.job.status, JSON.stringify(csv.job.error)).toBe('succeeded');
    expect(csv.mock.fileUrl).toBe(`/api/v1/mock-jobs/${csv.mock.id}/file`);
    const download = await api('GET', `/mock-jobs/${csv.mock.id}/file`, team.viewer);
    expect(download.statusCode).toBe(200);
    expect(download.headers['content-type']).toBe('application/zip');
    const files = unzipSync(new Uint8Array(download.rawPayload));
    expect(Object.keys(files)).toEqual(['01_public.customers.csv', '02_public.products.csv', '03_public.orders.csv']);
    const orderLines = strFromU8(files['03_public.orders.csv']!).trimEnd().split('\r\n');
    expect(orderLines[0]).toBe('order_id,customer_id,product_id,quantity,status,channel,ordered_at,note');
    expect(orderLines).toHaveLength(301);
    // Generated columns are the database's: the file leaves them out.
    expect(strFromU8(files['02_public.products.csv']!).split('\r\n')[0]).toBe('product_id,sku,name,price,weight_grams');

    const sql = await runJob(connectionId, tables.get('orders')!.id, { rows: 300, seed: 5, target: 'file', format: 'sql', edgeCases: true });
    expect(sql.job.status, JSON.stringify(sql.job.error)).toBe('succeeded');
    const script = await api('GET', `/mock-jobs/${sql.mock.id}/file`, team.editor);
    expect(script.headers['content-disposition']).toContain('public.orders-mock.sql');
    const empty = await createScratchPostgres();
    scratches.push(empty);
    await runPostgresScript(empty.uri, SHOP_POSTGRES);
    await runPostgresScript(empty.uri, script.body);
    const [loaded] = await pgRows<Record<string, string>>(empty.uri, 'SELECT (SELECT count(*) FROM orders) AS orders, (SELECT count(*) FROM orders WHERE note IS NULL) AS nulls');
    expect(Number(loaded!.orders)).toBe(300);
    expect(Number(loaded!.nulls)).toBeGreaterThan(0);
    // Members may download; a stranger's request is as if there were no such job.
    const other = await teamOf({ name: 'Other shop' });
    expect((await api('GET', `/mock-jobs/${sql.mock.id}/file`, other.editor)).statusCode).toBe(404);
    const list = await api('GET', `/connections/${connectionId}/mock-jobs?limit=2`, team.viewer);
    expect(list.data.items).toHaveLength(2);
    expect(list.data.items[0].id).toBe(sql.mock.id);
    expect(list.data.nextCursor).toBeTruthy();
  }, 120_000);

  it('inserts into MariaDB in batches, in one transaction', async () => {
    const { id, tables: mariaTables } = await connect('Shop on MariaDB', 'mysql', maria.uri, 'read-write');
    const { job, mock } = await runJob(id, mariaTables.get('orders')!.id, { rows: 5000, seed: 2, target: 'connection', locale: 'de' });
    expect(job.status, JSON.stringify(job.error)).toBe('succeeded');
    expect(mock.result.tables).toEqual([
      { table: `${maria.name}.customers`, rows: 1000 },
      { table: `${maria.name}.products`, rows: 1000 },
      { table: `${maria.name}.orders`, rows: 5000 },
    ]);
    const connection = await mysql.createConnection(maria.uri);
    try {
      const [rows] = await connection.query('SELECT (SELECT count(*) FROM orders) AS orders, (SELECT count(DISTINCT email) FROM customers) AS emails, (SELECT min(quantity) FROM orders) AS low, (SELECT max(quantity) FROM orders) AS high');
      expect((rows as Array<Record<string, unknown>>)[0]).toMatchObject({ orders: 5000, emails: 1000, low: 1, high: 20 });
    } finally {
      await connection.end();
    }
  }, 120_000);
});

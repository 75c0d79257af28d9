import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import crypto from 'node:crypto';
import mysql from 'mysql2/promise';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeSampleDatabase } from '../src/modules/dbassist/connections/sample-database.js';
import type { DatabaseDriver } from '../src/modules/dbassist/drivers/driver.js';
import { DriverError } from '../src/modules/dbassist/drivers/driver-error.js';
import { createHostGuard } from '../src/modules/dbassist/drivers/host-guard.js';
import { openDriver } from '../src/modules/dbassist/drivers/open-driver.js';
import type { SchemaModel, TableModel } from '../src/modules/dbassist/snapshot/schema-model.js';
import { loadMysqlChinook, loadPostgresSample, SAMPLE_DBS_DIR, TEST_MYSQL_URL, TEST_POSTGRES_URL, type ScratchDatabase } from './support/sample-dbs.js';

/** What a sample's own SQL script declares: tables with their columns in order, primary keys and foreign keys. */
type DeclaredSchema = {
  tables: Map<string, string[]>;
  primaryKeys: Map<string, string[]>;
  foreignKeys: Array<{ table: string; columns: string[]; refTable: string }>;
};

const splitNames = (list: string) => list.split(',').map((name) => name.trim());

function declaredSchema(file: string): DeclaredSchema {
  const sql = fs.readFileSync(path.join(SAMPLE_DBS_DIR, file), 'utf8').replaceAll('`', '');
  const tables = new Map<string, string[]>();
  const primaryKeys = new Map<string, string[]>();
  for (const match of sql.matchAll(/CREATE TABLE (\w+)\s*\(([\s\S]*?)\n\);/g)) {
    const [, table, body] = match as unknown as [string, string, string];
    const columns = body
      .split('\n')
      .map((line) => line.trim())
      .filter((line) => line && !/^(CONSTRAINT|PRIMARY|FOREIGN|UNIQUE|CHECK)\b/i.test(line))
      .map((line) => line.split(/\s+/)[0]!);
    tables.set(table, columns);
    const inlineKey = /PRIMARY KEY\s*\(([^)]*)\)/.exec(body);
    if (inlineKey) primaryKeys.set(table, splitNames(inlineKey[1]!));
  }
  for (const match of sql.matchAll(/ALTER TABLE (?:ONLY )?(\w+)\s+ADD CONSTRAINT \w+ PRIMARY KEY \(([^)]*)\)/g)) {
    primaryKeys.set(match[1]!, splitNames(match[2]!));
  }
  const foreignKeys = [...sql.matchAll(/ALTER TABLE (?:ONLY )?(\w+)\s+ADD CONSTRAINT \w+\s+FOREIGN KEY \(([^)]*)\) REFERENCES (\w+)/g)].map((match) => ({
    table: match[1]!,
    columns: splitNames(match[2]!),
    refTable: match[3]!,
  }));
  return { tables, primaryKeys, foreignKeys };
}

/** The crawl against the script: every table, every column in order, every primary key and foreign key. */
function expectMatchesDeclared(model: SchemaModel, declared: DeclaredSchema, namespace: string): void {
  const tables = model.tables.filter((table) => table.kind === 'table');
  expect(tables.map((table) => table.name).sort()).toEqual([...declared.tables.keys()].sort());
  for (const table of tables) {
    expect(table.namespace).toBe(namespace);
    expect(table.columns.map((column) => column.name), table.name).toEqual(declared.tables.get(table.name));
    expect(table.columns.map((column) => column.ordinal)).toEqual(table.columns.map((_, i) => i + 1));
    expect(table.primaryKey?.columns ?? null, table.name).toEqual(declared.primaryKeys.get(table.name) ?? null);
  }
  const crawledForeignKeys = tables.flatMap((table) => table.foreignKeys.map((fk) => ({ table: table.name, columns: fk.columns, refTable: fk.refTable })));
  const byText = (a: object, b: object) => JSON.stringify(a).localeCompare(JSON.stringify(b));
  expect(crawledForeignKeys.sort(byText)).toEqual([...declared.foreignKeys].sort(byText));
}

function withCredentials(uri: string, user: string, password?: string): string {
  const url = new URL(uri);
  url.username = user;
  url.password = password ?? '';
  return url.toString();
}

const guard = createHostGuard({ denyHosts: ['169.254.0.0/16'], sqliteRoots: undefined, dataDir: path.join(os.tmpdir(), 'atelier-no-data'), databaseUrl: undefined });

async function failureOf(promise: Promise<unknown>): Promise<DriverError> {
  try {
    const driver = (await promise) as DatabaseDriver;
    await driver.close();
  } catch (error) {
    return error as DriverError;
  }
  throw new Error('expected the connection to fail');
}

describe('PostgreSQL driver on Northwind', () => {
  let northwind: ScratchDatabase;
  let driver: DatabaseDriver;
  let model: SchemaModel;
  const readOnlyRole = `dbassist_ro_${crypto.randomBytes(4).toString('hex')}`;

  beforeAll(async () => {
    northwind = await loadPostgresSample('northwind');
    // Things Northwind lacks, so the crawl shows it reads them: a comment, an enum, a view, a check, a trigger, a partial index.
    const client = new pg.Client({ connectionString: northwind.uri });
    await client.connect();
    await client.query(`
      COMMENT ON TABLE orders IS 'One order of a customer';
      COMMENT ON COLUMN orders.freight IS 'Shipping cost';
      CREATE TYPE shipment_state AS ENUM ('pending', 'shipped', 'lost');
      CREATE SCHEMA logistics;
      CREATE TABLE logistics.shipments (
        shipment_id int GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        order_id smallint NOT NULL REFERENCES public.orders ON DELETE CASCADE,
        state shipment_state NOT NULL DEFAULT 'pending',
        weight_kg numeric(8,2) CHECK (weight_kg > 0),
        tracking_code text UNIQUE
      );
      CREATE INDEX shipments_pending_idx ON logistics.shipments (order_id) WHERE state = 'pending';
      CREATE VIEW logistics.pending AS SELECT shipment_id, order_id FROM logistics.shipments WHERE state = 'pending';
      CREATE FUNCTION logistics.no_op() RETURNS trigger LANGUAGE plpgsql AS 'BEGIN RETURN NEW; END';
      CREATE TRIGGER shipments_check BEFORE INSERT OR UPDATE ON logistics.shipments FOR EACH ROW EXECUTE FUNCTION logistics.no_op();
      CREATE TABLE logistics.events (event_id int NOT NULL, happened_on date NOT NULL) PARTITION BY RANGE (happened_on);
      CREATE TABLE logistics.events_2024 PARTITION OF logistics.events FOR VALUES FROM ('2024-01-01') TO ('2025-01-01');
      CREATE ROLE ${readOnlyRole} LOGIN;
      GRANT USAGE ON SCHEMA public, logistics TO ${readOnlyRole};
      GRANT SELECT ON ALL TABLES IN SCHEMA public, logistics TO ${readOnlyRole};
    `);
    await client.end();
    driver = await openDriver('postgres', northwind.uri, guard);
    model = await driver.introspect();
  });
  afterAll(async () => {
    await driver?.close();
    await northwind?.drop();
    const admin = new pg.Client({ connectionString: TEST_POSTGRES_URL });
    await admin.connect();
    await admin.query(`DROP ROLE IF EXISTS ${readOnlyRole}`);
    await admin.end();
  });

  it('crawls all 14 Northwind tables with every column, primary key and foreign key', () => {
    expectMatchesDeclared(
      { ...model, tables: model.tables.filter((table) => table.namespace === 'public') },
      declaredSchema('northwind/northwind.sql'),
      'public',
    );
    expect(model.tables.filter((table) => table.namespace === 'public' && table.kind === 'table')).toHaveLength(14);
  });

  it('reads types with their modifiers, nullability, comments, indexes and row estimates', () => {
    const orders = model.tables.find((table) => table.name === 'orders')!;
    expect(orders.comment).toBe('One order of a customer');
    expect(orders.columns.find((column) => column.name === 'freight')).toMatchObject({ dataType: 'real', comment: 'Shipping cost', isNullable: true });
    expect(orders.columns.find((column) => column.name === 'customer_id')).toMatchObject({ dataType: 'character varying(5)' });
    expect(orders.columns.find((column) => column.name === 'order_id')).toMatchObject({ isNullable: false });
    expect(orders.indexes.find((index) => index.primary)).toMatchObject({ name: 'pk_orders', columns: ['order_id'], unique: true, method: 'btree' });
    const ordersFk = orders.foreignKeys.find((fk) => fk.refTable === 'customers')!;
    expect(ordersFk).toMatchObject({ refNamespace: 'public', refColumns: ['customer_id'], onDelete: 'NO ACTION' });
    for (const table of model.tables) expect(table.rowEstimate === null || table.rowEstimate >= 0).toBe(true);
  });

  it('reads other schemas, enums, identity columns, checks, uniques, partial indexes, views and triggers', () => {
    expect(model.namespaces).toEqual(['logistics', 'public']);
    expect(model.enums).toEqual([{ namespace: 'public', name: 'shipment_state', values: ['pending', 'shipped', 'lost'] }]);
    const shipments = model.tables.find((table) => table.namespace === 'logistics' && table.name === 'shipments')!;
    expect(shipments.columns.find((column) => column.name === 'shipment_id')).toMatchObject({ isIdentity: true, isNullable: false });
    expect(shipments.columns.find((column) => column.name === 'state')).toMatchObject({ enumName: 'public.shipment_state', defaultValue: "'pending'::shipment_state" });
    expect(shipments.foreignKeys).toEqual([expect.objectContaining({ columns: ['order_id'], refNamespace: 'public', refTable: 'orders', onDelete: 'CASCADE' })]);
    expect(shipments.checks.map((check) => check.expression)).toEqual(['weight_kg > 0::numeric']);
    expect(shipments.uniques.map((unique) => unique.columns)).toEqual([['tracking_code']]);
    expect(shipments.indexes.find((index) => index.name === 'shipments_pending_idx')).toMatchObject({ predicate: "state = 'pending'::shipment_state", unique: false });
    expect(shipments.triggers).toEqual([expect.objectContaining({ name: 'shipments_check', timing: 'BEFORE', events: ['INSERT', 'UPDATE'] })]);
    const view = model.tables.find((table) => table.name === 'pending')!;
    expect(view).toMatchObject({ kind: 'view', rowEstimate: null });
    // A partitioned table stands for its partitions, which are not listed on their own.
    expect(model.tables.filter((table) => table.namespace === 'logistics').map((table) => [table.name, table.kind])).toEqual([
      ['events', 'partitioned_table'],
      ['pending', 'view'],
      ['shipments', 'table'],
    ]);
    expect(view.viewDefinition).toMatch(/SELECT[\s\S]*shipments/i);
  });

  it('lists tables by namespace then name, so two crawls of an unchanged database are equal', async () => {
    const keys = model.tables.map((table) => `${table.namespace}.${table.name}`);
    expect(keys).toEqual([...keys].sort());
    const again = await driver.introspect();
    expect(again).toEqual(model);
  });

  it('probes the version, the user and whether the user can write', async () => {
    expect(await driver.probe()).toEqual({ serverVersion: expect.stringMatching(/^\d+/), user: 'postgres', canWrite: true });
    const readOnly = await openDriver('postgres', withCredentials(northwind.uri, readOnlyRole), guard);
    try {
      expect(await readOnly.probe()).toMatchObject({ user: readOnlyRole, canWrite: false });
    } finally {
      await readOnly.close();
    }
  });

  it('samples columns: nulls, distinct values, min, max and examples over at most the rows asked for', async () => {
    const orders = model.tables.find((table) => table.name === 'orders')!;
    const stats = await driver.sampleColumns(orders, 50);
    const client = new pg.Client({ connectionString: northwind.uri });
    await client.connect();
    const { rows } = await client.query<{ ship_region: string | null; employee_id: number }>('SELECT ship_region, employee_id FROM orders LIMIT 50');
    await client.end();
    expect(stats.ship_region!.sampledRows).toBe(50);
    expect(stats.ship_region!.nullCount).toBe(rows.filter((row) => row.ship_region === null).length);
    const employees = rows.map((row) => row.employee_id);
    expect(stats.employee_id).toMatchObject({
      distinctCount: new Set(employees).size,
      min: String(Math.min(...employees)),
      max: String(Math.max(...employees)),
    });
    expect(stats.employee_id!.examples.length).toBeLessThanOrEqual(5);
    // A table with picture bytes: examples are cut to 80 characters.
    const categories = model.tables.find((table) => table.name === 'categories')!;
    const pictures = await driver.sampleColumns(categories, 10);
    for (const example of pictures.picture!.examples) expect(example.length).toBeLessThanOrEqual(80);
  });

  it('explains failed connections without the password', async () => {
    const password = 'hunter2-not-to-be-seen';
    const unknownDatabase = await failureOf(openDriver('postgres', withCredentials(`${TEST_POSTGRES_URL.replace(/\/[^/]*$/, '')}/no_such_db_${Date.now()}`, 'postgres', password), guard));
    expect(unknownDatabase).toMatchObject({ failure: 'unknown_database' });
    const refused = await failureOf(openDriver('postgres', `postgres://postgres:${password}@127.0.0.1:1/northwind`, guard));
    expect(refused).toMatchObject({ failure: 'connection_refused' });
    const denied = await failureOf(openDriver('postgres', `postgres://postgres:${password}@169.254.169.254:5432/northwind`, guard));
    expect(denied).toMatchObject({ failure: 'host_refused' });
    for (const error of [unknownDatabase, refused, denied]) {
      expect(error).toBeInstanceOf(DriverError);
      expect(error.message).not.toContain(password);
      expect(error.status).toBeGreaterThanOrEqual(400);
      expect(error.status).not.toBe(500);
    }
  });
});

describe('MySQL driver on Chinook (MariaDB)', () => {
  let chinook: ScratchDatabase;
  let driver: DatabaseDriver;
  let model: SchemaModel;
  const readOnlyUser = `ro_${crypto.randomBytes(4).toString('hex')}`;

  beforeAll(async () => {
    chinook = await loadMysqlChinook();
    const admin = await mysql.createConnection({ uri: chinook.uri, multipleStatements: true });
    await admin.query(`
      CREATE TABLE Review (ReviewId INT AUTO_INCREMENT PRIMARY KEY, TrackId INT NOT NULL, Stars TINYINT NOT NULL DEFAULT 3,
        Code VARCHAR(10) NULL UNIQUE COMMENT 'Short code', CONSTRAINT CK_ReviewStars CHECK (Stars BETWEEN 1 AND 5),
        FOREIGN KEY (TrackId) REFERENCES Track (TrackId) ON DELETE CASCADE) COMMENT 'Listener reviews';
      CREATE VIEW LongTracks AS SELECT TrackId, Name FROM Track WHERE Milliseconds > 600000;
      CREATE TRIGGER Review_Stars BEFORE INSERT ON Review FOR EACH ROW SET NEW.Stars = LEAST(NEW.Stars, 5);
      CREATE USER '${readOnlyUser}'@'%';
      GRANT SELECT ON \`${chinook.name}\`.* TO '${readOnlyUser}'@'%';
    `);
    await admin.end();
    driver = await openDriver('mysql', chinook.uri, guard);
    model = await driver.introspect();
  });
  afterAll(async () => {
    await driver?.close();
    await chinook?.drop();
    const admin = await mysql.createConnection(TEST_MYSQL_URL);
    await admin.query(`DROP USER IF EXISTS '${readOnlyUser}'@'%'`);
    await admin.end();
  });

  it('crawls the 11 Chinook tables with every column, primary key and foreign key', () => {
    const chinookTables = declaredSchema('chinook/Chinook_MySql.sql');
    expect(chinookTables.tables.size).toBe(11);
    expectMatchesDeclared({ ...model, tables: model.tables.filter((table) => chinookTables.tables.has(table.name)) }, chinookTables, chinook.name);
    expect(model.namespaces).toEqual([chinook.name]);
  });

  it('reads column types, AUTO_INCREMENT, defaults, comments, uniques, checks, indexes, views, triggers and row estimates', () => {
    const track = model.tables.find((table) => table.name === 'Track')!;
    expect(track.columns.find((column) => column.name === 'UnitPrice')).toMatchObject({ dataType: 'decimal(10,2)', isNullable: false });
    expect(track.indexes.find((index) => index.name === 'IFK_TrackAlbumId')).toMatchObject({ columns: ['AlbumId'], unique: false, method: 'btree' });
    expect(track.rowEstimate).toBeGreaterThan(0);
    const review = model.tables.find((table) => table.name === 'Review')!;
    expect(review.comment).toBe('Listener reviews');
    expect(review.columns.find((column) => column.name === 'ReviewId')).toMatchObject({ isIdentity: true });
    expect(review.columns.find((column) => column.name === 'Stars')).toMatchObject({ defaultValue: '3', isIdentity: false });
    expect(review.foreignKeys).toEqual([expect.objectContaining({ columns: ['TrackId'], refTable: 'Track', onDelete: 'CASCADE' })]);
    expect(review.triggers).toEqual([expect.objectContaining({ name: 'Review_Stars', timing: 'BEFORE', events: ['INSERT'] })]);
    expect(review.columns.find((column) => column.name === 'Code')).toMatchObject({ comment: 'Short code', defaultValue: null });
    expect(review.uniques.map((unique) => unique.columns)).toEqual([['Code']]);
    expect(review.checks.map((check) => check.name)).toContain('CK_ReviewStars');
    const view = model.tables.find((table) => table.name === 'LongTracks')!;
    expect(view).toMatchObject({ kind: 'view', rowEstimate: null });
    expect(view.viewDefinition).toMatch(/Milliseconds/);
  });

  it('sees the same keys as a user who may only SELECT (MariaDB hides its constraint views from such a user)', async () => {
    const readOnly = await openDriver('mysql', withCredentials(chinook.uri, readOnlyUser), guard);
    try {
      const seen = await readOnly.introspect();
      const keysOf = (crawl: SchemaModel) =>
        crawl.tables.map((table) => ({
          table: table.name,
          primaryKey: table.primaryKey?.columns,
          uniques: table.uniques.map((unique) => unique.columns),
          foreignKeys: table.foreignKeys.map((key) => `${key.columns.join(',')}->${key.refTable}(${key.refColumns.join(',')})`),
        }));
      expect(keysOf(seen)).toEqual(keysOf(model));
      expect(seen.tables.flatMap((table) => table.foreignKeys)).toHaveLength(12);
    } finally {
      await readOnly.close();
    }
  });

  it('probes whether the user can write', async () => {
    expect(await driver.probe()).toMatchObject({ serverVersion: expect.stringMatching(/MariaDB|^\d/), canWrite: true });
    const readOnly = await openDriver('mysql', withCredentials(chinook.uri, readOnlyUser), guard);
    try {
      expect(await readOnly.probe()).toMatchObject({ user: expect.stringContaining(readOnlyUser), canWrite: false });
    } finally {
      await readOnly.close();
    }
  });

  it('samples columns of a table', async () => {
    const genre = model.tables.find((table) => table.name === 'Genre')!;
    const review = model.tables.find((table) => table.name === 'Review')!;
    const stats = await driver.sampleColumns(genre, 1000);
    // An empty table: nothing sampled, nothing to show.
    expect((await driver.sampleColumns(review, 1000)).Code).toMatchObject({ sampledRows: 0, nullCount: 0, examples: [] });
    const admin = await mysql.createConnection(chinook.uri);
    const [rows] = await admin.query('SELECT Name FROM Genre');
    await admin.end();
    const names = (rows as Array<{ Name: string }>).map((row) => row.Name);
    expect(stats.Name).toMatchObject({ sampledRows: names.length, nullCount: 0, distinctCount: new Set(names).size });
    expect(stats.Name!.examples).toHaveLength(5);
    for (const example of stats.Name!.examples) expect(names).toContain(example);
  });

  it('explains a refused sign-in without the password', async () => {
    const password = 'hunter2-not-to-be-seen';
    const error = await failureOf(openDriver('mysql', withCredentials(chinook.uri, readOnlyUser, password), guard));
    expect(error).toMatchObject({ failure: 'auth_failed' });
    expect(error.message).not.toContain(password);
  });
});

describe('SQLite driver on the sample shop database', () => {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'dbassist-sqlite-'));
  const file = path.join(folder, 'shop.sqlite');
  let driver: DatabaseDriver;
  let model: SchemaModel;
  const table = (name: string): TableModel => model.tables.find((t) => t.name === name)!;

  beforeAll(async () => {
    writeSampleDatabase(file);
    driver = await openDriver('sqlite', `sqlite://${file}`, guard);
    model = await driver.introspect();
  });
  afterAll(async () => {
    await driver?.close();
    fs.rmSync(folder, { recursive: true, force: true });
  });

  it('has tables with keys, indexes, a unique, checks, a view and a trigger, in the main namespace', () => {
    expect(model.namespaces).toEqual(['main']);
    const tables = model.tables.filter((t) => t.kind === 'table');
    expect(tables.length).toBeGreaterThanOrEqual(6);
    expect(tables.length).toBeLessThanOrEqual(8);
    for (const t of tables) {
      expect(t.primaryKey, t.name).not.toBeNull();
      expect(t.rowEstimate, t.name).toBeGreaterThan(0);
    }
    expect(model.tables.filter((t) => t.kind === 'view').length).toBeGreaterThanOrEqual(1);
    expect(tables.some((t) => t.triggers.length > 0)).toBe(true);
    expect(tables.flatMap((t) => t.checks).length).toBeGreaterThan(0);
    expect(tables.flatMap((t) => t.uniques).length).toBeGreaterThan(0);
    expect(tables.flatMap((t) => t.foreignKeys).length).toBeGreaterThanOrEqual(6);
  });

  it('reads the catalog details SQLite keeps', () => {
    expect(table('order_items').primaryKey?.columns).toEqual(['order_id', 'line_no']);
    expect(table('order_items').foreignKeys).toContainEqual(expect.objectContaining({ columns: ['order_id'], refTable: 'orders', refNamespace: 'main', onDelete: 'CASCADE' }));
    expect(table('products').columns.find((c) => c.name === 'product_id')).toMatchObject({ isIdentity: true, isNullable: false, dataType: 'INTEGER' });
    expect(table('products').checks).toContainEqual({ name: 'products_price_not_negative', expression: 'unit_price >= 0' });
    expect(table('customers').uniques).toEqual([{ name: null, columns: ['email'] }]);
    expect(table('orders').indexes.find((i) => i.name === 'orders_open_idx')).toMatchObject({ predicate: "status IN ('placed', 'paid')" });
    expect(table('orders').triggers).toEqual([expect.objectContaining({ timing: 'AFTER', events: ['UPDATE'] })]);
    expect(table('order_totals').viewDefinition).toMatch(/^SELECT/i);
  });

  it('probes the file: its SQLite version and whether the server could write it', async () => {
    expect(await driver.probe()).toMatchObject({ serverVersion: expect.stringMatching(/^3\./), canWrite: true });
  });

  it('samples columns and never writes to the file', async () => {
    const stats = await driver.sampleColumns(table('reviews'), 100);
    expect(stats.rating).toMatchObject({ sampledRows: 100, min: expect.stringMatching(/^[1-5]$/), max: expect.stringMatching(/^[1-5]$/) });
    expect(Number(stats.rating!.distinctCount)).toBeLessThanOrEqual(5);
    expect(stats.customer_id!.nullCount).toBeGreaterThanOrEqual(0);
    const before = fs.statSync(file).mtimeMs;
    await driver.introspect();
    expect(fs.statSync(file).mtimeMs).toBe(before);
  });

  it('writes the same rows every time', () => {
    const other = path.join(folder, 'again.sqlite');
    writeSampleDatabase(other);
    expect(crypto.createHash('sha256').update(fs.readFileSync(other)).digest('hex')).toBe(crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex'));
  });

  it('refuses a missing file and a file that is not a database', async () => {
    expect(await failureOf(openDriver('sqlite', path.join(folder, 'missing.sqlite'), guard))).toMatchObject({ failure: 'unknown_database' });
    const notADatabase = path.join(folder, 'notes.txt');
    fs.writeFileSync(notADatabase, 'hello, this is not SQLite at all '.repeat(40));
    expect(await failureOf(openDriver('sqlite', notADatabase, guard))).toMatchObject({ failure: 'unknown_database' });
  });
});

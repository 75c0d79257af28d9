import { PGlite } from '@electric-sql/pglite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrationSql } from '../src/modules/dbassist/snapshot/migration-sql.js';
import type { SchemaModel, TableModel } from '../src/modules/dbassist/snapshot/schema-model.js';
import { column, generatedModel, shopModel, table } from './support/schema-models.js';

/**
 * The migration SQL really takes schema A to schema B: on a scratch PGlite database, A is created from nothing, rows
 * go in, the migration runs, and the catalog then matches a database created directly as B.
 */

const empty: SchemaModel = { engine: 'postgres', serverVersion: null, namespaces: [], tables: [], enums: [] };
let databases: PGlite[] = [];

// Two databases serve every test (starting PGlite is the slow part); each use starts from an empty public schema.
beforeAll(async () => {
  databases = [await PGlite.create(), await PGlite.create()];
});
afterAll(async () => {
  await Promise.all(databases.map((db) => db.close()));
});

async function scratch(which: 0 | 1 = 0): Promise<PGlite> {
  const db = databases[which]!;
  await db.exec('DROP SCHEMA public CASCADE; CREATE SCHEMA public;');
  return db;
}

/** What a schema is, read back from the catalog: columns, constraints, indexes, views, enums and comments. */
async function catalog(db: PGlite): Promise<Record<string, unknown[]>> {
  const read = async (query: string) => (await db.query(query)).rows;
  return {
    columns: await read(`
      SELECT c.relname, c.relkind, a.attname, format_type(a.atttypid, a.atttypmod) AS type, a.attnotnull, a.attidentity,
             pg_get_expr(d.adbin, d.adrelid) AS default_value, col_description(c.oid, a.attnum) AS comment
      FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid
      LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
      WHERE c.relnamespace = 'public'::regnamespace AND c.relkind IN ('r', 'v', 'm') AND a.attnum > 0 AND NOT a.attisdropped
      ORDER BY c.relname, a.attname`),
    constraints: await read(`
      SELECT conrelid::regclass::text AS table_name, conname, pg_get_constraintdef(oid) AS definition
      FROM pg_constraint WHERE connamespace = 'public'::regnamespace ORDER BY 1, 2`),
    indexes: await read(`SELECT tablename, indexname, indexdef FROM pg_indexes WHERE schemaname = 'public' ORDER BY 1, 2`),
    views: await read(`SELECT viewname, definition FROM pg_views WHERE schemaname = 'public' ORDER BY 1`),
    enums: await read(`
      SELECT t.typname, array_agg(e.enumlabel ORDER BY e.enumsortorder) AS labels
      FROM pg_type t JOIN pg_enum e ON e.enumtypid = t.oid WHERE t.typnamespace = 'public'::regnamespace GROUP BY t.typname ORDER BY 1`),
    tableComments: await read(`
      SELECT relname, obj_description(oid, 'pg_class') AS comment FROM pg_class
      WHERE relnamespace = 'public'::regnamespace AND relkind IN ('r', 'v', 'm') ORDER BY 1`),
  };
}

/** Migrates a database made as `from` to `to`, and compares it with one made as `to` from nothing. */
async function expectMigrationReaches(from: SchemaModel, to: SchemaModel, rows?: string): Promise<string> {
  const migrated = await scratch();
  await migrated.exec(migrationSql(empty, from));
  if (rows) await migrated.exec(rows);
  const unmigrated = await catalog(migrated);
  const sql = migrationSql(from, to);
  await migrated.exec(`BEGIN;\n${sql}COMMIT;`);
  const direct = await scratch(1);
  await direct.exec(migrationSql(empty, to));
  const target = await catalog(direct);
  // The comparison can tell the two schemas apart, and after the migration finds them the same.
  expect(unmigrated).not.toEqual(target);
  expect(await catalog(migrated)).toEqual(target);
  return sql;
}

const clone = (model: SchemaModel): SchemaModel => structuredClone(model);
const tableOf = (model: SchemaModel, name: string): TableModel => model.tables.find((item) => item.name === name)!;

describe('migration SQL on PostgreSQL (PGlite)', () => {
  it('creates the schema from nothing, and drops it again', async () => {
    const db = await scratch();
    await db.exec(migrationSql(empty, shopModel()));
    const created = await catalog(db);
    expect(created.columns!.filter((row) => (row as { relname: string }).relname === 'orders')).toHaveLength(5);
    expect(created.views).toHaveLength(1);
    await db.exec(migrationSql(shopModel(), empty));
    expect(await catalog(db)).toEqual({ columns: [], constraints: [], indexes: [], views: [], enums: [], tableComments: [] });
  });

  it('adds one column', async () => {
    const after = clone(shopModel());
    tableOf(after, 'customers').columns.push(column('phone', 'character varying(40)'));
    const sql = await expectMigrationReaches(shopModel(), after, "INSERT INTO customers (email) VALUES ('a@example.com');");
    expect(sql).toBe('ALTER TABLE public.customers ADD COLUMN phone character varying(40);\n');
  });

  it('changes types, nullability, defaults, keys, indexes, constraints, enums, views and comments, with rows in place', async () => {
    const before = shopModel();
    const after = clone(before);
    const customers = tableOf(after, 'customers');
    customers.comment = 'People who buy from us';
    customers.columns.find((col) => col.name === 'full_name')!.isNullable = false;
    customers.columns.find((col) => col.name === 'full_name')!.defaultValue = "''::text";
    customers.columns.find((col) => col.name === 'email')!.comment = null;
    customers.columns.push(column('Country Code', 'character(2)', { comment: 'ISO 3166' }));
    customers.uniques = [];
    customers.indexes = customers.indexes.filter((index) => index.name !== 'customers_email_key');
    customers.indexes.push({ name: 'customers_lower_email_idx', columns: ['lower((email)::text)'], unique: true, primary: false, method: 'btree', predicate: null });

    const orders = tableOf(after, 'orders');
    orders.columns = orders.columns.filter((col) => col.name !== 'note');
    const total = orders.columns.find((col) => col.name === 'total')!;
    total.dataType = 'numeric(12,2)';
    total.defaultValue = '1';
    orders.columns.find((col) => col.name === 'customer_id')!.isNullable = true;
    orders.columns.push(column('invoice_id', 'integer'));
    orders.foreignKeys = [
      { ...orders.foreignKeys[0]!, onDelete: 'SET NULL' },
      { name: 'orders_invoice_id_fkey', columns: ['invoice_id'], refNamespace: 'public', refTable: 'invoices', refColumns: ['id'], onDelete: 'NO ACTION', onUpdate: 'NO ACTION' },
    ];
    orders.checks = [{ name: 'orders_total_positive', expression: '(total > (0)::numeric)' }];
    orders.indexes = orders.indexes.filter((index) => index.name !== 'orders_customer_id_idx');
    orders.indexes.push({ name: 'orders_open_idx', columns: ['customer_id', 'status'], unique: false, primary: false, method: 'btree', predicate: "(status <> 'shipped'::public.order_status)" });

    after.tables.push(
      table('invoices', [column('id', 'integer', { isNullable: false }), column('number', 'text', { isNullable: false }), column('issued_on', 'date')], {
        comment: 'Issued invoices',
        primaryKey: { name: 'invoices_pkey', columns: ['id', 'number'].slice(0, 1) },
        uniques: [{ name: 'invoices_number_key', columns: ['number'] }],
        indexes: [
          { name: 'invoices_pkey', columns: ['id'], unique: true, primary: true, method: 'btree', predicate: null },
          { name: 'invoices_number_key', columns: ['number'], unique: true, primary: false, method: 'btree', predicate: null },
          { name: 'invoices_issued_on_idx', columns: ['issued_on DESC'], unique: false, primary: false, method: 'btree', predicate: null },
        ],
      }),
    );
    tableOf(after, 'big_orders').viewDefinition = 'SELECT orders.id, orders.total FROM public.orders WHERE (orders.total > (500)::numeric);';
    after.enums[0]!.values.push('refunded');

    const rows = "INSERT INTO customers (email, full_name) VALUES ('a@example.com', 'Ada');\nINSERT INTO orders (customer_id, total, note) VALUES (1, 12.5, 'gift');";
    const sql = await expectMigrationReaches(before, after, rows);
    expect(sql).toContain('ALTER TABLE public.orders ALTER COLUMN total TYPE numeric(12,2) USING total::numeric(12,2);');
    expect(sql).toContain('ALTER TABLE public.customers ADD COLUMN "Country Code" character(2);');
  });

  it('changes a primary key that another table references, and removes a referenced table', async () => {
    const before = clone(shopModel());
    const after = clone(before);
    const customers = tableOf(after, 'customers');
    customers.columns.push(column('tenant', 'integer', { isNullable: false, defaultValue: '1' }));
    customers.primaryKey = { name: 'customers_pkey', columns: ['id', 'tenant'] };
    customers.uniques.push({ name: 'customers_id_key', columns: ['id'] });
    tableOf(after, 'orders').foreignKeys[0]!.refColumns = ['id'];
    // orders' key now leans on the new unique (id) while the primary key is rebuilt.
    after.tables = after.tables.filter((item) => item.name !== 'big_orders');
    await expectMigrationReaches(before, after, "INSERT INTO customers (email) VALUES ('a@example.com');");

    const withoutCustomers = clone(before);
    withoutCustomers.tables = withoutCustomers.tables.filter((item) => item.name === 'orders');
    tableOf(withoutCustomers, 'orders').foreignKeys = [];
    await expectMigrationReaches(before, withoutCustomers);
  });

  it('takes a generated 60-table schema to a reshuffled one', async () => {
    const before = generatedModel(60, 7);
    const after = generatedModel(60, 7);
    after.tables = after.tables.filter((_, index) => index % 10 !== 3);
    // Removing a table removes the foreign keys that pointed at it.
    const gone = new Set(before.tables.filter((_, index) => index % 10 === 3).map((item) => item.name));
    for (const item of after.tables) {
      const dropped = item.foreignKeys.filter((key) => gone.has(key.refTable)).map((key) => key.columns[0]!);
      item.foreignKeys = item.foreignKeys.filter((key) => !gone.has(key.refTable));
      item.indexes = item.indexes.filter((index) => !dropped.includes(index.columns[0]!));
    }
    after.tables.push(...generatedModel(65, 8).tables.slice(60).map((item) => ({ ...item, name: `${item.name}_new`, foreignKeys: [], indexes: item.indexes.filter((index) => index.primary || index.unique).map((index) => ({ ...index, name: index.name.replace(item.name, `${item.name}_new`) })), primaryKey: { name: `${item.name}_new_pkey`, columns: ['id'] }, uniques: [{ name: `${item.name}_new_code_key`, columns: ['code'] }], checks: [] })));
    for (const item of after.tables.slice(0, 20)) item.columns[item.columns.length - 2]!.isNullable = !item.columns[item.columns.length - 2]!.isNullable;
    await expectMigrationReaches(before, after);
  });
});

import { describe, expect, it } from 'vitest';
import { schemaContentHash, versionLabel } from '../src/modules/dbassist/snapshot/content-hash.js';
import { diffSchemaModels } from '../src/modules/dbassist/snapshot/diff.js';
import { firstParagraphText } from '../src/modules/dbassist/snapshot/doc-text.js';
import { fingerprintOfKey, objectFingerprint } from '../src/modules/dbassist/snapshot/fingerprint.js';
import { foreignType, migrationSql, quoteIdent } from '../src/modules/dbassist/snapshot/migration-sql.js';
import { normalizeSchemaModel } from '../src/modules/dbassist/snapshot/normalize.js';
import type { SchemaModel, TableModel } from '../src/modules/dbassist/snapshot/schema-model.js';
import { column, shopModel, table } from './support/schema-models.js';

/** Normalization, content hash, fingerprints, diff and migration SQL of schema models, without a database. */

const clone = (model: SchemaModel): SchemaModel => structuredClone(model);
const tableOf = (model: SchemaModel, name: string): TableModel => model.tables.find((item) => item.name === name)!;

/** The same schema as a careless crawl might answer it: lists in another order, padded text, gaps in ordinals. */
function shuffledCrawl(model: SchemaModel): SchemaModel {
  const copy = clone(model);
  copy.tables.reverse();
  copy.enums.reverse();
  for (const item of copy.tables) {
    item.columns = item.columns.map((col, index) => ({ ...col, ordinal: (index + 1) * 3, comment: col.comment === null ? null : `  ${col.comment}\n` })).reverse();
    item.indexes.reverse();
    item.comment = item.comment === null ? '  ' : ` ${item.comment} `;
  }
  return copy;
}

describe('normalize and content hash', () => {
  it('makes two crawls of an unchanged database equal and hash the same', () => {
    const model = shopModel();
    const crawled = shuffledCrawl(model);
    expect(normalizeSchemaModel(crawled)).toEqual(normalizeSchemaModel(model));
    expect(schemaContentHash(crawled)).toBe(schemaContentHash(model));
    // A blank comment is no comment.
    expect(normalizeSchemaModel(crawled).tables.find((item) => item.name === 'big_orders')!.comment).toBeNull();
  });

  it('ignores row estimates and the server version, but not a changed column', () => {
    const model = shopModel();
    const busier = clone(model);
    busier.serverVersion = '17.0';
    for (const item of busier.tables) item.rowEstimate = (item.rowEstimate ?? 0) + 999;
    expect(schemaContentHash(busier)).toBe(schemaContentHash(model));

    const widened = clone(model);
    tableOf(widened, 'orders').columns[3]!.dataType = 'numeric(12,2)';
    expect(schemaContentHash(widened)).not.toBe(schemaContentHash(model));
    const commented = clone(model);
    tableOf(commented, 'orders').comment = 'What was bought';
    expect(schemaContentHash(commented)).not.toBe(schemaContentHash(model));
  });

  it('labels a version with its sequence and the first 12 hex digits of its hash', () => {
    const hash = schemaContentHash(shopModel());
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    expect(versionLabel(3, hash)).toBe(`v3-${hash.slice(0, 12)}`);
  });
});

describe('object fingerprints', () => {
  it('change with a column definition or key, not with a comment or a row count', () => {
    const model = shopModel();
    const orders = tableOf(model, 'orders');
    const customerId = orders.columns.find((col) => col.name === 'customer_id')!;
    const before = objectFingerprint({ table: orders, column: customerId });
    const tableBefore = objectFingerprint({ table: orders });

    const recommented = { ...orders, comment: 'Orders', rowEstimate: 1, columns: orders.columns.map((col) => ({ ...col, comment: 'x' })) };
    expect(objectFingerprint({ table: recommented, column: recommented.columns[1]! })).toBe(before);
    expect(objectFingerprint({ table: recommented })).toBe(tableBefore);

    const nullable = { ...orders, columns: orders.columns.map((col) => (col.name === 'customer_id' ? { ...col, isNullable: true } : col)) };
    expect(objectFingerprint({ table: nullable, column: nullable.columns[1]! })).not.toBe(before);
    expect(objectFingerprint({ table: nullable })).not.toBe(tableBefore);

    const unlinked = { ...orders, foreignKeys: [] };
    expect(objectFingerprint({ table: unlinked, column: customerId })).not.toBe(before);
    // Another column of the table is untouched by a change to its neighbour.
    const note = orders.columns.find((col) => col.name === 'note')!;
    expect(objectFingerprint({ table: nullable, column: note })).toBe(objectFingerprint({ table: orders, column: note }));
  });

  it('are the same whether found by object key (as documentation is written) or by object (as the store re-links it)', () => {
    const model = normalizeSchemaModel(shopModel());
    const orders = tableOf(model, 'orders');
    expect(fingerprintOfKey(model, 'public.orders')).toBe(objectFingerprint({ table: orders }));
    expect(fingerprintOfKey(model, 'public.orders.customer_id')).toBe(objectFingerprint({ table: orders, column: orders.columns[1]! }));
    expect(fingerprintOfKey(model, '')).toBe(objectFingerprint({ model }));
    expect(fingerprintOfKey(model, 'public.orders.missing')).toBeNull();
  });
});

describe('first paragraph of documentation', () => {
  it('skips headings and drops inline Markdown, keeping snake_case names', () => {
    expect(firstParagraphText('## Orders\n\nOne **order** per checkout; see [customers](#c) and `customer_id`.\n\nMore text.')).toBe(
      'One order per checkout; see customers and customer_id.',
    );
    expect(firstParagraphText('Links order_id to\nthe _paid_ invoice.')).toBe('Links order_id to the paid invoice.');
    expect(firstParagraphText('# Only a heading')).toBeNull();
  });
});

describe('diff', () => {
  it('finds nothing between a model and a shuffled crawl of it', () => {
    expect(diffSchemaModels(shopModel(), shuffledCrawl(shopModel()))).toEqual({ added: [], removed: [], changed: [] });
    expect(migrationSql(shopModel(), shuffledCrawl(shopModel()))).toBe('');
  });

  it('reports exactly an added column, with its ALTER TABLE … ADD COLUMN', () => {
    const after = clone(shopModel());
    tableOf(after, 'customers').columns.push(column('phone', 'character varying(40)', { ordinal: 5 }));
    const diff = diffSchemaModels(shopModel(), after);
    expect(diff.added).toEqual([]);
    expect(diff.removed).toEqual([]);
    expect(diff.changed).toHaveLength(1);
    expect(diff.changed[0]).toEqual({
      table: 'public.customers',
      columns: { added: ['phone'], removed: [], changed: [] },
      primaryKey: null,
      foreignKeys: { added: [], removed: [] },
      indexes: { added: [], removed: [], changed: [] },
      uniques: { added: [], removed: [] },
      checks: { added: [], removed: [] },
      other: [],
    });
    expect(migrationSql(shopModel(), after)).toBe('ALTER TABLE public.customers ADD COLUMN phone character varying(40);\n');
  });

  it('reports tables, columns, types, nullability, defaults, keys, indexes and constraints that changed', () => {
    const before = shopModel();
    const after = clone(before);
    const orders = tableOf(after, 'orders');
    orders.columns = orders.columns.filter((col) => col.name !== 'note');
    orders.columns.find((col) => col.name === 'total')!.dataType = 'numeric(12,2)';
    orders.columns.find((col) => col.name === 'total')!.defaultValue = null;
    orders.columns.find((col) => col.name === 'customer_id')!.isNullable = true;
    orders.foreignKeys = [{ ...orders.foreignKeys[0]!, onDelete: 'SET NULL' }];
    orders.indexes = orders.indexes.filter((index) => index.name !== 'orders_customer_id_idx');
    orders.indexes.push({ name: 'orders_status_idx', columns: ['status'], unique: false, primary: false, method: 'btree', predicate: "status <> 'shipped'" });
    orders.checks = [];
    after.tables.push(table('invoices', [column('id', 'integer', { isNullable: false })], { primaryKey: { name: 'invoices_pkey', columns: ['id'] } }));
    after.tables = after.tables.filter((item) => item.name !== 'big_orders');

    const diff = diffSchemaModels(before, after);
    expect(diff.added).toEqual(['public.invoices']);
    expect(diff.removed).toEqual(['public.big_orders']);
    expect(diff.changed.map((change) => change.table)).toEqual(['public.orders']);
    const change = diff.changed[0]!;
    expect(change.columns.removed).toEqual(['note']);
    expect(change.columns.changed).toEqual([
      { column: 'customer_id', changes: [{ what: 'isNullable', from: false, to: true }] },
      {
        column: 'total',
        changes: [
          { what: 'dataType', from: 'numeric(10,2)', to: 'numeric(12,2)' },
          { what: 'defaultValue', from: '0', to: null },
        ],
      },
    ]);
    expect(change.foreignKeys.removed).toEqual(['orders_customer_id_fkey: (customer_id) → public.customers(id) ON DELETE CASCADE']);
    expect(change.foreignKeys.added).toEqual(['orders_customer_id_fkey: (customer_id) → public.customers(id) ON DELETE SET NULL']);
    expect(change.indexes).toEqual({ added: ['orders_status_idx'], removed: ['orders_customer_id_idx'], changed: [] });
    expect(change.checks.removed).toEqual(['orders_total_check: CHECK ((total >= (0)::numeric))']);

    const sql = migrationSql(before, after);
    const at = (statement: string) => {
      const index = sql.indexOf(statement);
      expect(index, `${statement} in\n${sql}`).toBeGreaterThanOrEqual(0);
      return index;
    };
    at('DROP VIEW IF EXISTS public.big_orders;');
    at('ALTER TABLE public.orders ALTER COLUMN total TYPE numeric(12,2) USING total::numeric(12,2);');
    at('ALTER TABLE public.orders ALTER COLUMN total DROP DEFAULT;');
    at('ALTER TABLE public.orders ALTER COLUMN customer_id DROP NOT NULL;');
    at('ALTER TABLE public.orders DROP COLUMN note;');
    at('DROP INDEX public.orders_customer_id_idx;');
    at("CREATE INDEX orders_status_idx ON public.orders (status) WHERE status <> 'shipped';");
    at('ALTER TABLE public.orders DROP CONSTRAINT orders_total_check;');
    // The old foreign key goes before the new one comes; a created table exists before anything references it.
    expect(at('ALTER TABLE public.orders DROP CONSTRAINT orders_customer_id_fkey;')).toBeLessThan(
      at('ALTER TABLE public.orders ADD CONSTRAINT orders_customer_id_fkey FOREIGN KEY (customer_id) REFERENCES public.customers (id) ON DELETE SET NULL;'),
    );
    at('CREATE TABLE public.invoices (\n  id integer NOT NULL,\n  CONSTRAINT invoices_pkey PRIMARY KEY (id)\n);');
  });
});

describe('migration SQL spelling', () => {
  it('quotes identifiers only when PostgreSQL would not read them back unchanged', () => {
    expect(quoteIdent('order_items')).toBe('order_items');
    expect(quoteIdent('Order Details')).toBe('"Order Details"');
    expect(quoteIdent('CustomerId')).toBe('"CustomerId"');
    expect(quoteIdent('user')).toBe('"user"');
    expect(quoteIdent('say"hi')).toBe('"say""hi"');
  });

  it('writes MySQL and SQLite types as their nearest PostgreSQL types', () => {
    expect(foreignType('mysql', 'int(11) unsigned')).toBe('bigint');
    expect(foreignType('mysql', 'varchar(40)')).toBe('character varying(40)');
    expect(foreignType('mysql', 'tinyint(1)')).toBe('boolean');
    expect(foreignType('mysql', 'datetime')).toBe('timestamp without time zone');
    expect(foreignType('sqlite', 'NVARCHAR(120)')).toBe('character varying(120)');
    expect(foreignType('sqlite', 'INTEGER')).toBe('bigint');
  });

  it('drops the one namespace of a MySQL database and quotes its mixed-case names', () => {
    const base: SchemaModel = {
      engine: 'mysql',
      serverVersion: '11.4',
      namespaces: ['chinook'],
      enums: [],
      tables: [table('Artist', [column('ArtistId', 'int(11)', { isNullable: false })], { namespace: 'chinook', primaryKey: { name: 'PRIMARY', columns: ['ArtistId'] } })],
    };
    const after = clone(base);
    after.tables[0]!.columns.push(column('Country', 'varchar(60)', { ordinal: 2 }));
    expect(migrationSql(base, after)).toBe('ALTER TABLE "Artist" ADD COLUMN "Country" character varying(60);\n');
  });
});

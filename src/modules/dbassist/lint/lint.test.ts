import { beforeAll, describe, expect, it } from 'vitest';
import { schemaModelFromDdl } from '../../../../test/support/pglite-schema-model.js';
import type { LintFinding } from '../dbassist.contract.js';
import type { SchemaModel } from '../snapshot/schema-model.js';
import { lintSchema, MAX_COLUMN_COMMENT_FINDINGS } from './lint.js';

/**
 * Lint over schemas crawled from PGlite: one namespace with planted problems, one written cleanly. The clean one is
 * the same shop with every key declared and indexed, so a rule that fires everywhere fails here.
 */

const ddl = `
CREATE SCHEMA planted;
CREATE TABLE planted.customers (id integer PRIMARY KEY, email text UNIQUE, name text);
CREATE TABLE planted.orders (id integer PRIMARY KEY, customer_id integer NOT NULL REFERENCES planted.customers (id), placed_at date);
CREATE TABLE planted.audit_log (happened_at timestamptz NOT NULL, message text);
CREATE TABLE planted.order_lines (id integer PRIMARY KEY, order_id integer NOT NULL, product_code text, "unitPrice" numeric);
CREATE TABLE planted."ProductCategory" (id integer PRIMARY KEY, label text);
CREATE TABLE planted.wide_rows (id integer PRIMARY KEY, a1 text, a2 text, a3 text, a4 text, a5 text, a6 text, a7 text, a8 text);

CREATE SCHEMA clean;
CREATE TABLE clean.customers (id integer PRIMARY KEY, email text NOT NULL UNIQUE, name text);
COMMENT ON TABLE clean.customers IS 'People who buy';
COMMENT ON COLUMN clean.customers.id IS 'Key';
COMMENT ON COLUMN clean.customers.email IS 'Where receipts go';
COMMENT ON COLUMN clean.customers.name IS 'Full name';
CREATE TABLE clean.orders (id integer PRIMARY KEY, customer_id integer NOT NULL REFERENCES clean.customers (id), placed_at date);
CREATE INDEX orders_customer_idx ON clean.orders (customer_id, placed_at);
COMMENT ON TABLE clean.orders IS 'What customers buy';
COMMENT ON COLUMN clean.orders.id IS 'Key';
COMMENT ON COLUMN clean.orders.customer_id IS 'Who ordered';
COMMENT ON COLUMN clean.orders.placed_at IS 'When';
CREATE TABLE clean.order_lines (order_id integer NOT NULL REFERENCES clean.orders (id), line_no integer NOT NULL, price numeric, PRIMARY KEY (order_id, line_no));
COMMENT ON TABLE clean.order_lines IS 'Lines of an order';
COMMENT ON COLUMN clean.order_lines.order_id IS 'The order';
COMMENT ON COLUMN clean.order_lines.line_no IS 'Position';
COMMENT ON COLUMN clean.order_lines.price IS 'Price';
`;

let model: SchemaModel;
beforeAll(async () => {
  model = await schemaModelFromDdl(ddl);
});

const only = (namespace: string): SchemaModel => ({ ...model, namespaces: [namespace], tables: model.tables.filter((table) => table.namespace === namespace) });
const summary = (findings: LintFinding[]) => findings.map(({ rule, table, column }) => `${rule} ${table}${column ? `.${column}` : ''}`);

describe('lintSchema', () => {
  it('finds the planted table without a primary key and foreign key without an index', () => {
    const findings = lintSchema(only('planted'));
    expect(summary(findings.filter((f) => f.rule === 'table_without_primary_key'))).toEqual(['table_without_primary_key planted.audit_log']);
    expect(summary(findings.filter((f) => f.rule === 'foreign_key_without_index'))).toEqual(['foreign_key_without_index planted.orders.customer_id']);
    const message = findings.find((f) => f.rule === 'foreign_key_without_index')!.message;
    expect(message).toContain('"planted.orders"');
    expect(message).toContain('"customer_id"');
    expect(message).toContain('"planted.customers"');
  });

  it('finds a column that looks like a foreign key, nullable unique columns and mixed naming', () => {
    const findings = lintSchema(only('planted'));
    const undeclared = findings.filter((f) => f.rule === 'undeclared_foreign_key');
    expect(summary(undeclared)).toEqual(['undeclared_foreign_key planted.order_lines.order_id']);
    expect(undeclared[0]!.message).toContain('"planted.orders"');
    expect(summary(findings.filter((f) => f.rule === 'nullable_unique_column'))).toEqual(['nullable_unique_column planted.customers.email']);
    const naming = findings.filter((f) => f.rule === 'inconsistent_naming');
    expect(summary(naming).sort()).toEqual([
      'inconsistent_naming planted.ProductCategory',
      'inconsistent_naming planted.ProductCategory',
      'inconsistent_naming planted.audit_log',
      'inconsistent_naming planted.order_lines.unitPrice',
    ]);
    expect(naming.find((f) => f.column === 'unitPrice')!.message).toMatch(/most are snake_case, but "unitPrice" is camelCase/);
    expect(naming.map((f) => f.message)).toContain('Table "planted.ProductCategory" is named in PascalCase, while most table names are snake_case.');
  });

  it('reports missing comments, at most a few columns per table and then how many more', () => {
    const findings = lintSchema(only('planted'));
    const tables = findings.filter((f) => f.rule === 'missing_table_comment').map((f) => f.table);
    expect(tables).toHaveLength(6);
    const wide = findings.filter((f) => f.rule === 'missing_column_comment' && f.table === 'planted.wide_rows');
    expect(wide.filter((f) => f.column !== undefined)).toHaveLength(MAX_COLUMN_COMMENT_FINDINGS);
    const rest = wide.filter((f) => f.column === undefined);
    expect(rest).toHaveLength(1);
    expect(rest[0]!.message).toContain(`${9 - MAX_COLUMN_COMMENT_FINDINGS} more columns`);
    expect(findings.filter((f) => f.rule === 'missing_column_comment' && f.table === 'planted.customers').map((f) => f.column)).toEqual(['id', 'email', 'name']);
  });

  it('asks for no comments on SQLite, which cannot store them, and still finds the rest there', () => {
    const sqlite = lintSchema({ ...only('planted'), engine: 'sqlite' });
    expect(sqlite.filter((f) => f.rule === 'missing_table_comment' || f.rule === 'missing_column_comment')).toEqual([]);
    expect(summary(sqlite)).toContain('table_without_primary_key planted.audit_log');
  });

  it('finds nothing in the cleanly written schema', () => {
    expect(lintSchema(only('clean'))).toEqual([]);
  });
});

import type { ColumnModel, SchemaModel, TableModel } from '../../src/modules/dbassist/snapshot/schema-model.js';
import { seededRandom } from '../../src/core/text/index.js';

/** Schema models for tests and benchmarks: a small hand-written shop, and generated schemas of any size. */

export function column(name: string, dataType: string, options: Partial<ColumnModel> = {}): ColumnModel {
  return { name, ordinal: 0, dataType, isNullable: true, defaultValue: null, comment: null, isIdentity: false, enumName: null, ...options };
}

export function table(name: string, columns: ColumnModel[], options: Partial<TableModel> = {}): TableModel {
  return {
    namespace: 'public',
    name,
    kind: 'table',
    comment: null,
    rowEstimate: null,
    columns: columns.map((item, index) => ({ ...item, ordinal: index + 1 })),
    primaryKey: null,
    foreignKeys: [],
    uniques: [],
    checks: [],
    indexes: [],
    triggers: [],
    viewDefinition: null,
    ...options,
  };
}

/** customers ← orders → order_status (an enum), with a unique email, a check, an index and a view. */
export function shopModel(): SchemaModel {
  const customers = table(
    'customers',
    [
      column('id', 'integer', { isNullable: false, defaultValue: "nextval('public.customers_id_seq'::regclass)" }),
      column('email', 'character varying(200)', { isNullable: false, comment: 'Where receipts go' }),
      column('full_name', 'text'),
      column('created_at', 'timestamp with time zone', { isNullable: false, defaultValue: 'now()' }),
    ],
    {
      comment: 'People who buy',
      rowEstimate: 1200,
      primaryKey: { name: 'customers_pkey', columns: ['id'] },
      uniques: [{ name: 'customers_email_key', columns: ['email'] }],
      indexes: [
        { name: 'customers_pkey', columns: ['id'], unique: true, primary: true, method: 'btree', predicate: null },
        { name: 'customers_email_key', columns: ['email'], unique: true, primary: false, method: 'btree', predicate: null },
      ],
    },
  );
  const orders = table(
    'orders',
    [
      column('id', 'bigint', { isNullable: false, isIdentity: true }),
      column('customer_id', 'integer', { isNullable: false }),
      column('status', 'public.order_status', { isNullable: false, defaultValue: "'new'::public.order_status", enumName: 'public.order_status' }),
      column('total', 'numeric(10,2)', { isNullable: false, defaultValue: '0' }),
      column('note', 'text'),
    ],
    {
      rowEstimate: 5400,
      primaryKey: { name: 'orders_pkey', columns: ['id'] },
      foreignKeys: [
        { name: 'orders_customer_id_fkey', columns: ['customer_id'], refNamespace: 'public', refTable: 'customers', refColumns: ['id'], onDelete: 'CASCADE', onUpdate: 'NO ACTION' },
      ],
      checks: [{ name: 'orders_total_check', expression: 'CHECK ((total >= (0)::numeric))' }],
      indexes: [
        { name: 'orders_pkey', columns: ['id'], unique: true, primary: true, method: 'btree', predicate: null },
        { name: 'orders_customer_id_idx', columns: ['customer_id'], unique: false, primary: false, method: 'btree', predicate: null },
      ],
    },
  );
  const bigOrders = table('big_orders', [column('id', 'bigint'), column('total', 'numeric(10,2)')], {
    kind: 'view',
    viewDefinition: 'SELECT orders.id, orders.total FROM public.orders WHERE (orders.total > (100)::numeric);',
  });
  return {
    engine: 'postgres',
    serverVersion: '16.4',
    namespaces: ['public'],
    tables: [customers, orders, bigOrders],
    enums: [{ namespace: 'public', name: 'order_status', values: ['new', 'paid', 'shipped'] }],
  };
}


const TYPES = ['text', 'integer', 'bigint', 'boolean', 'numeric(12,2)', 'character varying(120)', 'timestamp with time zone', 'date', 'jsonb', 'uuid'];

/**
 * `tables` tables of 10–20 columns each: an id primary key, foreign keys to up to three earlier tables (each with its
 * index), a unique column, a check on some, comments on some.
 */
export function generatedModel(tables: number, seed = 42): SchemaModel {
  const next = seededRandom(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!;
  const models: TableModel[] = [];
  for (let index = 0; index < tables; index++) {
    const name = `table_${String(index).padStart(4, '0')}`;
    const columns: ColumnModel[] = [column('id', 'bigint', { isNullable: false, isIdentity: true })];
    const foreignKeys: TableModel['foreignKeys'] = [];
    const indexes: TableModel['indexes'] = [{ name: `${name}_pkey`, columns: ['id'], unique: true, primary: true, method: 'btree', predicate: null }];
    const references = index === 0 ? 0 : Math.min(index, Math.floor(next() * 4));
    for (let ref = 0; ref < references; ref++) {
      const target = `table_${String(Math.floor(next() * index)).padStart(4, '0')}`;
      const fkColumn = `${target}_id_${ref}`;
      columns.push(column(fkColumn, 'bigint', { isNullable: next() < 0.5 }));
      foreignKeys.push({ name: `${name}_${fkColumn}_fkey`, columns: [fkColumn], refNamespace: 'public', refTable: target, refColumns: ['id'], onDelete: 'NO ACTION', onUpdate: 'NO ACTION' });
      indexes.push({ name: `${name}_${fkColumn}_idx`, columns: [fkColumn], unique: false, primary: false, method: 'btree', predicate: null });
    }
    const width = 10 + Math.floor(next() * 11);
    for (let position = columns.length; position < width; position++) {
      const dataType = pick(TYPES);
      columns.push(
        column(`attribute_${position}`, dataType, {
          isNullable: next() < 0.7,
          comment: next() < 0.3 ? `Attribute ${position} of ${name}` : null,
          defaultValue: dataType === 'text' && next() < 0.3 ? "'none'::text" : null,
        }),
      );
    }
    columns.push(column('code', 'character varying(40)', { isNullable: false }));
    indexes.push({ name: `${name}_code_key`, columns: ['code'], unique: true, primary: false, method: 'btree', predicate: null });
    models.push(
      table(name, columns, {
        comment: next() < 0.5 ? `Generated table number ${index}` : null,
        rowEstimate: Math.floor(next() * 100_000),
        primaryKey: { name: `${name}_pkey`, columns: ['id'] },
        foreignKeys,
        uniques: [{ name: `${name}_code_key`, columns: ['code'] }],
        checks: next() < 0.2 ? [{ name: `${name}_code_check`, expression: 'CHECK ((length((code)::text) > 0))' }] : [],
        indexes,
      }),
    );
  }
  return { engine: 'postgres', serverVersion: '16.4', namespaces: ['public'], tables: models, enums: [] };
}

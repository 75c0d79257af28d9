import { describe, expect, it } from 'vitest';
import type { CatalogTable } from './hypopg-session.js';
import { candidateIndexes, columnsByTable } from './index-advisor.js';
import type { ColumnUse } from './query-columns.js';

function table(name: string, columns: Record<string, string>, btreeIndexes: string[][] = []): CatalogTable {
  return { oid: 1, namespace: 'public', name, columns: new Map(Object.entries(columns)), btreeIndexes };
}

const orders = table('orders', { id: 'integer', customer_id: 'integer', status: 'text', details: 'jsonb', placed_at: 'timestamp with time zone' }, [['id'], ['placed_at', 'status']]);
const customers = table('customers', { id: 'integer', country: 'text' }, [['id']]);
const catalog = new Map([
  ['"orders"', orders],
  ['"customers"', customers],
]);

const use = (column: string, ...levels: string[][]): ColumnUse => ({
  column,
  clause: 'where',
  levels: levels.map((level) => level.map((name) => ({ schema: null, name }))),
});

describe('index candidates of a query', () => {
  it('ties each column to the innermost level with a table that has it, leaving json and unknown columns out', () => {
    const byTable = columnsByTable(
      [
        use('status', ['orders']),
        use('country', ['orders'], ['customers']),
        use('details', ['orders']),
        use('nowhere', ['orders', 'customers']),
        use('status', ['orders']),
        use('customer_id', ['views_are_not_tables'], ['orders']),
      ],
      catalog,
    );
    expect([...byTable].map(([owner, columns]) => [owner.name, columns])).toEqual([
      ['orders', ['status', 'customer_id']],
      ['customers', ['country']],
    ]);
  });

  it('proposes single columns and ordered pairs, less what an existing btree index already starts with', () => {
    const { singles, pairs } = candidateIndexes(
      new Map([
        [orders, ['placed_at', 'status', 'customer_id']],
        [customers, ['id', 'country']],
      ]),
    );
    // placed_at and (placed_at, status) lead an existing index; customers.id is its primary key.
    expect(singles.map((c) => `${c.table.name}(${c.columns.join(', ')})`)).toEqual(['orders(status)', 'orders(customer_id)', 'customers(country)']);
    expect(pairs.map((c) => `${c.table.name}(${c.columns.join(', ')})`)).toEqual([
      'orders(placed_at, customer_id)',
      'orders(status, placed_at)',
      'orders(status, customer_id)',
      'orders(customer_id, placed_at)',
      'orders(customer_id, status)',
      // (id) alone is the primary key, but a pair starting with id is not there yet: the planner judges it.
      'customers(id, country)',
      'customers(country, id)',
    ]);
    expect(singles[0]!.definition).toBe('CREATE INDEX ON "public"."orders" ("status")');
  });
});

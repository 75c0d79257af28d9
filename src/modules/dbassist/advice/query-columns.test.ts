import { beforeAll, describe, expect, it } from 'vitest';
import { loadPostgresParser } from '../sql/postgres-parser.js';
import { indexableColumns, type ColumnUse, type TableName } from './query-columns.js';

/** "clause column ← table | table" (levels separated by " / "), easier to read than the objects. */
function summary(uses: ColumnUse[]): string[] {
  const name = (table: TableName) => (table.schema ? `${table.schema}.${table.name}` : table.name);
  return uses.map((use) => `${use.clause} ${use.column} ← ${use.levels.map((level) => level.map(name).join(' | ')).join(' / ')}`);
}

describe('indexable columns of a saved query', () => {
  beforeAll(loadPostgresParser);

  it('takes WHERE, JOIN ON and ORDER BY columns, tied to the table their qualifier or alias names', () => {
    const { tables, uses } = indexableColumns(`
      SELECT o.id, c.name, upper(o.note) FROM sales.orders AS o
      JOIN customers c ON c.id = o.customer_id
      WHERE o.status = 'open' AND lower(c.email) = 'a@b.c'
      GROUP BY o.region ORDER BY o.placed_at DESC`);
    expect(tables).toEqual([
      { schema: 'sales', name: 'orders' },
      { schema: null, name: 'customers' },
    ]);
    expect(summary(uses)).toEqual(['join id ← customers', 'join customer_id ← sales.orders', 'where status ← sales.orders', 'where email ← customers', 'order placed_at ← sales.orders']);
  });

  it('leaves an unqualified column to the levels it may come from, innermost first', () => {
    const { uses } = indexableColumns(`
      SELECT * FROM customers WHERE country = 'Peru'
        AND EXISTS (SELECT 1 FROM orders o WHERE o.customer_id = customers.id AND total > 100)`);
    expect(summary(uses)).toEqual(['where country ← customers', 'where customer_id ← orders', 'where id ← customers', 'where total ← orders / customers']);
  });

  it('reads both sides of JOIN … USING, and names no table for a CTE, a subquery or a function in FROM', () => {
    const { tables, uses } = indexableColumns(`
      WITH recent AS (SELECT * FROM orders WHERE placed_at > now() - interval '7 days')
      SELECT * FROM recent r JOIN customers USING (customer_id)
      JOIN (SELECT id, sku FROM products WHERE price > 10) p ON p.id = r.product_id
      CROSS JOIN generate_series(1, 3) AS g(n)
      WHERE r.total > 5 AND g.n = 2 AND p.sku = 'x'`);
    expect(tables).toEqual([
      { schema: null, name: 'orders' },
      { schema: null, name: 'customers' },
      { schema: null, name: 'products' },
    ]);
    // "recent" is the CTE, not a table; r.total, g.n and p.sku belong to no table.
    expect(summary(uses)).toEqual(['where placed_at ← orders', 'join customer_id ← customers', 'where price ← products']);
  });

  it('lets a LATERAL subquery see the FROM items before it, and a plain one only the levels around it', () => {
    const lateral = indexableColumns('SELECT * FROM customers c, LATERAL (SELECT * FROM orders WHERE customer_id = c.id AND region = 1) o');
    expect(summary(lateral.uses)).toEqual(['where customer_id ← orders / customers', 'where id ← customers', 'where region ← orders / customers']);
    const plain = indexableColumns('SELECT * FROM customers c, (SELECT * FROM orders WHERE region = 1) o');
    expect(summary(plain.uses)).toEqual(['where region ← orders']);
  });

  it('reads each side of a UNION as a query level of its own', () => {
    const { uses } = indexableColumns('SELECT id FROM a WHERE x = 1 UNION ALL SELECT id FROM b WHERE y = 2');
    expect(summary(uses)).toEqual(['where x ← a', 'where y ← b']);
  });

  it('keeps the case of quoted names and folds unquoted ones, as PostgreSQL does', () => {
    const { tables, uses } = indexableColumns('SELECT * FROM "Sales"."Orders" WHERE "Status" = 1 AND Region = 2');
    expect(tables).toEqual([{ schema: 'Sales', name: 'Orders' }]);
    expect(summary(uses)).toEqual(['where Status ← Sales.Orders', 'where region ← Sales.Orders']);
  });

  it('refuses what is not one SELECT, naming what it is', () => {
    const refusal = (sql: string) => {
      try {
        indexableColumns(sql);
      } catch (error) {
        return { status: (error as { status?: number }).status, message: (error as Error).message };
      }
      return null;
    };
    expect(refusal('UPDATE orders SET total = 0 WHERE id = 1')).toEqual({ status: 422, message: 'Index advice plans a SELECT; the saved SQL is UPDATE' });
    expect(refusal('CREATE TABLE t (id int)')).toEqual({ status: 422, message: 'Index advice plans a SELECT; the saved SQL is CREATE' });
    expect(refusal('SELECT 1; SELECT 2')).toEqual({ status: 422, message: 'Index advice plans one statement; the saved SQL has 2' });
    expect(refusal('SELECT * INTO copy FROM orders')?.message).toContain('SELECT … INTO');
    expect(refusal('SELECT FROM WHERE')?.message).toMatch(/^The saved SQL does not parse as PostgreSQL: syntax error/);
    expect(refusal('-- only a comment')?.message).toBe('Index advice plans one statement; the saved SQL has 0');
  });
});

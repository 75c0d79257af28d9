import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fillDatabase } from '../src/modules/dbassist/mock/index.js';
import { referencesOf } from '../src/modules/dbassist/mock/planner.js';
import { tableKey, type SchemaModel, type TableModel } from '../src/modules/dbassist/snapshot/schema-model.js';
import { loadSampleDatabase, type LoadedSample } from './support/dbassist-pglite.js';

/**
 * Mock data for Pagila's whole schema on PGlite: parents before children, and afterwards every foreign key (declared,
 * and the ones the partitioned payment table keeps on its partitions), primary key and unique key holds.
 */

const PAGILA = 'pagila/pagila-schema.sql';
const q = (sql: string) => `"${sql.replace(/"/g, '""')}"`;
const fillable = (model: SchemaModel) => model.tables.filter((t) => t.kind === 'table' || t.kind === 'partitioned_table');
const qualified = (t: Pick<TableModel, 'namespace' | 'name'>) => `${q(t.namespace)}.${q(t.name)}`;

async function count(db: LoadedSample, sql: string): Promise<number> {
  const result = await db.pglite.query<{ n: number }>(sql);
  return Number(result.rows[0]!.n);
}

/** A digest of a table's rows in a stable order, to compare two fills. */
async function digest(db: LoadedSample, table: TableModel): Promise<string> {
  const result = await db.pglite.query<{ d: string }>(`SELECT md5(coalesce(string_agg(x::text, '|' ORDER BY x::text), '')) AS d FROM ${qualified(table)} x`);
  return result.rows[0]!.d;
}

describe('mock data on Pagila (PGlite)', () => {
  let db: LoadedSample;
  let result: Awaited<ReturnType<typeof fillDatabase>>;

  beforeAll(async () => {
    db = await loadSampleDatabase(PAGILA);
    result = await fillDatabase(db.pglite, db.model, { rows: 150, seed: 7 });
  }, 240_000);
  afterAll(async () => db?.close());

  it('fills every table, parents before the tables that reference them', async () => {
    const order = result.tables.map((t) => t.table);
    expect(new Set(order)).toEqual(new Set(fillable(db.model).map(tableKey)));
    for (const table of fillable(db.model)) {
      expect(await count(db, `SELECT count(*) AS n FROM ${qualified(table)}`), tableKey(table)).toBe(150);
      for (const fk of table.foreignKeys) {
        const parent = `${fk.refNamespace}.${fk.refTable}`;
        if (parent !== tableKey(table)) expect(order.indexOf(parent), `${parent} before ${tableKey(table)}`).toBeLessThan(order.indexOf(tableKey(table)));
      }
    }
    // The partitioned payment table routed its rows into partitions of its range.
    expect(await count(db, `SELECT count(DISTINCT tableoid) AS n FROM public.payment`)).toBeGreaterThan(1);
  });

  it('leaves no row pointing at a missing parent, through declared and implied references', async () => {
    let checked = 0;
    for (const table of fillable(db.model)) {
      for (const ref of referencesOf(db.model, table)) {
        const join = ref.columns.map((c, i) => `p.${q(ref.refColumns[i]!)} = c.${q(c)}`).join(' AND ');
        const present = ref.columns.map((c) => `c.${q(c)} IS NOT NULL`).join(' AND ');
        const orphans = await count(
          db,
          `SELECT count(*) AS n FROM ${qualified(table)} c WHERE ${present} AND NOT EXISTS (SELECT 1 FROM ${q(ref.refNamespace)}.${q(ref.refTable)} p WHERE ${join})`,
        );
        expect(orphans, `${tableKey(table)}(${ref.columns.join(', ')}) → ${ref.refTable}`).toBe(0);
        checked++;
      }
    }
    // Pagila's declared keys plus payment's customer, staff and rental.
    expect(checked).toBeGreaterThanOrEqual(20);
    expect(await count(db, `SELECT count(*) AS n FROM public.payment WHERE customer_id IS NULL OR rental_id IS NULL`)).toBe(0);
  });

  it('keeps every primary key and unique key distinct', async () => {
    let checked = 0;
    for (const table of fillable(db.model)) {
      const keys = [table.primaryKey?.columns, ...table.uniques.map((u) => u.columns), ...table.indexes.filter((i) => i.unique && !i.predicate).map((i) => i.columns)];
      for (const key of keys) {
        if (!key?.length) continue;
        const cols = key.map(q).join(', ');
        const n = await count(db, `SELECT count(*) - count(DISTINCT (${cols}, true)) AS n FROM ${qualified(table)} WHERE ${key.map((c) => `${q(c)} IS NOT NULL`).join(' AND ')}`);
        expect(n, `${tableKey(table)} (${key.join(', ')})`).toBe(0);
        checked++;
      }
    }
    expect(checked).toBeGreaterThanOrEqual(fillable(db.model).length);
  });

  it('writes values by what the columns mean, inside the constraints of the schema', async () => {
    const emails = await db.pglite.query<{ email: string }>(`SELECT email FROM public.customer`);
    expect(emails.rows.every((r) => /^[^@\s]+@[^@\s]+\.[a-z]+$/.test(r.email))).toBe(true);
    // Pagila's `year` domain: 1901–2155; the rating enum; money with two decimals.
    expect(await count(db, `SELECT count(*) AS n FROM public.film WHERE release_year NOT BETWEEN 1901 AND 2155`)).toBe(0);
    expect(await count(db, `SELECT count(DISTINCT rating) AS n FROM public.film`)).toBeGreaterThan(1);
    expect(await count(db, `SELECT count(*) AS n FROM public.payment WHERE amount <= 0 OR amount <> round(amount, 2)`)).toBe(0);
    // A rental is returned after it was rented.
    expect(await count(db, `SELECT count(*) AS n FROM public.rental WHERE return_date < rental_date`)).toBe(0);
    expect(await count(db, `SELECT count(*) AS n FROM public.rental WHERE return_date > rental_date`)).toBeGreaterThan(100);
    const names = await db.pglite.query<{ first_name: string }>(`SELECT DISTINCT first_name FROM public.actor`);
    expect(names.rows.length).toBeGreaterThan(50);
    expect(names.rows.every((r) => /^\p{Lu}/u.test(r.first_name))).toBe(true);
    // Serial keys were written explicitly; the sequences moved past them, so the next plain insert does not collide.
    await db.pglite.query(`INSERT INTO public.category (name) VALUES ('After the mock rows')`);
    expect(await count(db, `SELECT max(category_id) AS n FROM public.category`)).toBe(151);
  });

  it('gives the same rows for the same seed and other rows for another seed', async () => {
    const again = await loadSampleDatabase(PAGILA);
    const other = await loadSampleDatabase(PAGILA);
    try {
      await fillDatabase(again.pglite, again.model, { rows: 150, seed: 7 });
      await fillDatabase(other.pglite, other.model, { rows: 150, seed: 8 });
      for (const name of ['customer', 'film', 'rental', 'payment', 'film_actor']) {
        const table = db.model.tables.find((t) => t.name === name)!;
        const [a, b, c] = await Promise.all([digest(db, table), digest(again, table), digest(other, table)]);
        expect(b, name).toBe(a);
        expect(c, name).not.toBe(a);
      }
    } finally {
      await again.close();
      await other.close();
    }
  }, 240_000);
});

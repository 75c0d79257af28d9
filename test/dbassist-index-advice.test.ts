import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withUser } from '../src/core/db/tenancy.js';
import { newId } from '../src/core/ids.js';
import { savedQueries } from '../src/modules/dbassist/dbassist.schema.js';
import { apiHarness, type Team } from './support/api-harness.js';
import { createScratchPostgres, runPostgresScript, type ScratchDatabase } from './support/sample-dbs.js';
import { createTestApp, type TestApp } from './support/test-app.js';

/**
 * Index advice through the API, priced by a real PostgreSQL planner with hypopg: a query filtering an unindexed column
 * gets that index with a lower plan cost (acceptance 5), what an index already serves gets nothing, and a database
 * without hypopg or another engine answers `available: false` with a message saying so.
 */

type Advice = {
  available: boolean;
  message: string;
  costBefore: number | null;
  costAfter: number | null;
  indexes: Array<{ table: string; columns: string[]; definition: string; costAfter: number }>;
};

/** A shop with enough rows for the planner to prefer an index: 2,000 customers, 100,000 orders, placed_at indexed. */
const SHOP = `
  SET client_min_messages = warning;
  CREATE TABLE customers (id int PRIMARY KEY, country text NOT NULL, name text NOT NULL);
  CREATE TABLE orders (
    id int PRIMARY KEY, customer_id int NOT NULL REFERENCES customers (id), status text NOT NULL,
    placed_at timestamptz NOT NULL, total numeric(10, 2) NOT NULL, details jsonb NOT NULL DEFAULT '{}'
  );
  CREATE INDEX orders_placed_at_idx ON orders (placed_at);
  INSERT INTO customers SELECT g, (ARRAY['Iceland', 'Peru', 'Japan', 'Kenya', 'Chile'])[1 + g % 5] || (g % 40), 'Customer ' || g
    FROM generate_series(1, 2000) g;
  INSERT INTO orders SELECT g, 1 + g % 2000, (ARRAY['open', 'paid', 'shipped'])[1 + g % 3],
    timestamptz '2024-01-01' + g * interval '5 minutes', 1 + (g % 500), jsonb_build_object('n', g)
    FROM generate_series(1, 100000) g;
  ANALYZE;`;

async function onDatabase<T>(uri: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: uri });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

async function explainCost(uri: string, sql: string): Promise<{ cost: number; plan: string }> {
  return onDatabase(uri, async (client) => {
    const { rows } = await client.query<{ 'QUERY PLAN': [{ Plan: { 'Total Cost': number } }] }>(`EXPLAIN (FORMAT JSON) ${sql}`);
    const plan = rows[0]!['QUERY PLAN'][0].Plan;
    return { cost: plan['Total Cost'], plan: JSON.stringify(plan) };
  });
}

/** Every real index of the database, to show advice creates none. */
async function realIndexes(uri: string): Promise<string[]> {
  return onDatabase(uri, async (client) => (await client.query<{ indexdef: string }>(`select indexdef from pg_indexes where schemaname = 'public' order by 1`)).rows.map((row) => row.indexdef));
}

describe('dbassist index advice', () => {
  let t: TestApp;
  let team: Team;
  let other: Team;
  let shop: ScratchDatabase;
  let bare: ScratchDatabase;
  let shopConnection: string;
  let bareConnection: string;
  const { api, team: teamOf } = apiHarness(() => t);

  beforeAll(async () => {
    t = await createTestApp('pglite');
    team = await teamOf({ name: 'Advice' });
    other = await teamOf({ name: 'Elsewhere' });
    shop = await createScratchPostgres();
    bare = await createScratchPostgres();
    await runPostgresScript(shop.uri, `CREATE EXTENSION hypopg; ${SHOP}`);
    await runPostgresScript(bare.uri, SHOP);
    shopConnection = await connect('Shop', shop.uri);
    bareConnection = await connect('Shop without hypopg', bare.uri);
  });
  afterAll(async () => {
    await t?.close();
    await shop?.drop();
    await bare?.drop();
  });

  async function connect(name: string, connectionUri: string): Promise<string> {
    const created = await api('POST', `/organizations/${team.orgId}/connections`, team.editor, { name, dbType: 'postgres', connectionUri, mode: 'read-only' });
    expect(created.statusCode, created.body).toBe(201);
    return created.data.id as string;
  }

  /** A saved query, written to dbassist.queries as the editor (its routes belong to the query history). */
  async function save(connectionId: string, sqlText: string, organizationId = team.orgId, editor = team.editor): Promise<string> {
    const id = newId();
    await withUser(t.database.db, editor.id, (tx) => tx.insert(savedQueries).values({ id, organizationId, connectionId, sqlText, createdBy: editor.id }));
    return id;
  }

  async function advise(queryId: string): Promise<Advice> {
    const response = await api('GET', `/queries/${queryId}/index-advice`, team.editor);
    expect(response.statusCode, response.body).toBe(200);
    return response.data as Advice;
  }

  it('proposes the index on the unindexed column a query filters on, with the plan cost before and after', async () => {
    // As people save SQL: a comment before it, a semicolon after it.
    const sql = '-- the slow one\nSELECT id, total FROM orders WHERE customer_id = 42;';
    const indexesBefore = await realIndexes(shop.uri);
    const advice = await advise(await save(shopConnection, sql));

    expect(advice.available).toBe(true);
    expect(advice.indexes.map(({ table, columns, definition }) => ({ table, columns, definition }))).toEqual([
      { table: 'public.orders', columns: ['customer_id'], definition: 'CREATE INDEX ON "public"."orders" ("customer_id")' },
    ]);
    // The cost before is the server's own plan of the query as it stands.
    expect(advice.costBefore).toBe((await explainCost(shop.uri, sql)).cost);
    expect(advice.costAfter).toBeLessThan(advice.costBefore! * 0.9);
    expect(advice.indexes[0]!.costAfter).toBe(advice.costAfter);
    expect(advice.message).toContain(`from ${advice.costBefore!.toFixed(2)} to ${advice.costAfter!.toFixed(2)}`);
    // Hypothetical indexes live only in the advising session: the database has exactly the indexes it had.
    expect(await realIndexes(shop.uri)).toEqual(indexesBefore);

    // The proposal holds once made real: the planner uses it and the plan costs less than before.
    await runPostgresScript(shop.uri, `${advice.indexes[0]!.definition}; ANALYZE orders;`);
    try {
      const real = await explainCost(shop.uri, sql);
      expect(real.plan).toContain('customer_id');
      expect(real.plan).toMatch(/Index/);
      expect(real.cost).toBeLessThan(advice.costBefore!);
      const again = await advise(await save(shopConnection, sql));
      expect(again).toMatchObject({ available: true, indexes: [], message: expect.stringContaining('already leads an index') });
    } finally {
      await runPostgresScript(shop.uri, 'DROP INDEX orders_customer_id_idx; ANALYZE orders;');
    }
  });

  it('prices a join with a filter and an ordering: only indexes on those columns, and only ones that lower the cost', async () => {
    const sql = `SELECT o.id, o.total FROM orders o JOIN customers c ON c.id = o.customer_id
                 WHERE c.country = 'Iceland7' AND o.status = 'open' ORDER BY o.placed_at DESC LIMIT 20`;
    const advice = await advise(await save(shopConnection, sql));

    expect(advice.available).toBe(true);
    // The orders side is the one 100,000 rows deep: whatever else, it gets an index.
    expect(advice.indexes.some((index) => index.table === 'public.orders')).toBe(true);
    const allowed = new Set(['public.orders.customer_id', 'public.orders.status', 'public.orders.placed_at', 'public.customers.country', 'public.customers.id']);
    for (const index of advice.indexes) {
      for (const column of index.columns) expect(allowed, `${index.table}.${column}`).toContain(`${index.table}.${column}`);
      // The primary key and the placed_at index already serve these alone.
      expect(index.columns).not.toEqual(['placed_at']);
      expect(index.columns).not.toEqual(['id']);
      // Alone an index may matter little (a join can need both sides), but it never makes the plan dearer.
      expect(index.costAfter).toBeLessThanOrEqual(advice.costBefore!);
    }
    expect(advice.costAfter).toBeLessThan(advice.costBefore! * 0.9);
    expect(advice.costBefore).toBe((await explainCost(shop.uri, sql)).cost);
  });

  it('proposes nothing when an index already serves the filter, or when no index would lower the cost', async () => {
    const served = await advise(await save(shopConnection, `SELECT * FROM orders WHERE placed_at >= '2024-03-01' AND placed_at < '2024-03-02'`));
    expect(served).toMatchObject({ available: true, indexes: [], message: expect.stringContaining('already leads an index') });
    expect(served.costAfter).toBe(served.costBefore);

    // Nearly every row has total > 1: reading them all is cheapest, whatever index exists.
    const sql = 'SELECT sum(total) FROM orders WHERE total > 1';
    const unhelped = await advise(await save(shopConnection, sql));
    expect(unhelped).toMatchObject({ available: true, indexes: [], message: expect.stringContaining('lowers the plan cost') });
    expect(unhelped.costBefore).toBe((await explainCost(shop.uri, sql)).cost);

    // jsonb columns get no btree candidate, and a query with no WHERE, JOIN or ORDER BY column gets none at all.
    for (const sqlText of [`SELECT id FROM orders WHERE details = '{"n": 5}'`, 'SELECT count(*) FROM orders']) {
      expect(await advise(await save(shopConnection, sqlText))).toMatchObject({ available: true, indexes: [], message: expect.stringContaining('no table column') });
    }
  });

  it('says so when the database has no hypopg, and on another engine', async () => {
    const missing = await advise(await save(bareConnection, 'SELECT id FROM orders WHERE customer_id = 42'));
    expect(missing).toEqual({ available: false, message: expect.stringContaining('CREATE EXTENSION hypopg'), costBefore: null, costAfter: null, indexes: [] });
    expect(missing.message).toContain('installed on this server but not enabled');

    const sample = await api('POST', `/organizations/${team.orgId}/connections/sample`, team.editor);
    expect(sample.statusCode, sample.body).toBe(201);
    const onSqlite = await advise(await save(sample.data.id as string, 'SELECT * FROM orders WHERE customer_id = 1'));
    expect(onSqlite).toEqual({ available: false, message: expect.stringContaining('this is a SQLite connection'), costBefore: null, costAfter: null, indexes: [] });
  });

  it('plans only a single SELECT the server can plan, and says what the saved SQL is instead', async () => {
    const countBefore = await onDatabase(shop.uri, async (client) => (await client.query('select count(*)::int as n from orders')).rows[0].n as number);
    for (const [sqlText, named] of [
      ['DELETE FROM orders WHERE customer_id = 42', 'DELETE'],
      ['SELECT * INTO orders_copy FROM orders WHERE customer_id = 42', 'SELECT … INTO'],
      ['SELECT 1; DELETE FROM orders', '2'],
      ['SELEC id FROM orders', 'does not parse'],
      ['SELECT id FROM no_such_table WHERE x = 1', 'could not plan the saved query: relation "no_such_table" does not exist'],
    ] as const) {
      const response = await api('GET', `/queries/${await save(shopConnection, sqlText)}/index-advice`, team.editor);
      expect(response.statusCode, sqlText).toBe(422);
      expect(response.data.error.message, sqlText).toContain(named);
    }
    expect(await onDatabase(shop.uri, async (client) => (await client.query('select count(*)::int as n from orders')).rows[0].n)).toBe(countBefore);
    expect(await onDatabase(shop.uri, async (client) => (await client.query(`select to_regclass('orders_copy') as t`)).rows[0].t)).toBeNull();
  });

  it('is for editors and up of the query’s organization: viewers get 403, other organizations 404 as a missing query does', async () => {
    const queryId = await save(shopConnection, 'SELECT id FROM orders WHERE customer_id = 7');
    const viewer = await api('GET', `/queries/${queryId}/index-advice`, team.viewer);
    expect(viewer.statusCode).toBe(403);
    expect(viewer.data.error.code).toBe('FORBIDDEN');
    expect((await api('GET', `/queries/${queryId}/index-advice`, team.owner)).statusCode).toBe(200);

    const missing = await api('GET', `/queries/${newId()}/index-advice`, other.owner);
    const foreign = await api('GET', `/queries/${queryId}/index-advice`, other.owner);
    expect(foreign.statusCode).toBe(404);
    expect({ code: foreign.data.error.code, message: foreign.data.error.message }).toEqual({ code: missing.data.error.code, message: missing.data.error.message });
    expect((await api('GET', '/queries/not-a-uuid/index-advice', team.editor)).statusCode).toBe(404);
    expect((await api('GET', `/queries/${queryId}/index-advice`, undefined)).statusCode).toBe(401);
  });
});

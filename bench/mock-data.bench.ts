/**
 * Mock data into PostgreSQL: orders with two parents (customers and products), generated and written with COPY in one
 * transaction as the dbassist.mock job does, against raw COPY of the very same rows prepared beforehand (the
 * database's own ceiling). Prints rows per second of each and their ratio, against the issue's goals of at least
 * 50k FK-consistent rows/s and at least half of raw COPY. Asserts nothing.
 *
 *   npm run bench:mock-data                                  # the local server (postgres://postgres@127.0.0.1:5432)
 *   BENCH_POSTGRES_URL=postgres://… npm run bench:mock-data  # another server (TEST_DATABASE_URL works too); a scratch
 *                                                            # database is made there and dropped after
 *   BENCH_ROWS=500000 BENCH_RUNS=5 npm run bench:mock-data   # another size, more runs (the median is printed)
 */
import { once } from 'node:events';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { isMain, type Ratio } from './support/results.js';
import { scratchDatabase } from './support/scratch-database.js';
import { parseConnectionUri, type NetworkTarget } from '../src/modules/dbassist/drivers/connection-uri.js';
import { PostgresDriver } from '../src/modules/dbassist/drivers/postgres.js';
import { postgresHints } from '../src/modules/dbassist/mock/live-hints.js';
import { planMock, type MockPlan } from '../src/modules/dbassist/mock/planner.js';
import { runMock } from '../src/modules/dbassist/mock/run-mock.js';
import { resetSequencesSql } from '../src/modules/dbassist/mock/writers/insert-statement.js';
import { postgresCopySink } from '../src/modules/dbassist/mock/writers/postgres-copy.js';
import { copyTextRows } from '../src/modules/dbassist/mock/writers/value-text.js';
import type { SchemaModel } from '../src/modules/dbassist/snapshot/schema-model.js';

export type MockDataOptions = { server: string; rows: number; runs: number };

export function optionsFromEnvironment(env: NodeJS.ProcessEnv = process.env): MockDataOptions {
  return {
    server: env.BENCH_POSTGRES_URL ?? env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres',
    rows: Number(env.BENCH_ROWS ?? 100_000),
    runs: Number(env.BENCH_RUNS ?? 3),
  };
}
const GOAL_ROWS_PER_SECOND = 50_000;
const GOAL_RATIO = 0.5;

const SCHEMA = `
  CREATE TABLE customers (
    customer_id serial PRIMARY KEY, first_name varchar(40) NOT NULL, last_name varchar(40) NOT NULL,
    email varchar(120) NOT NULL UNIQUE, city text, created_at timestamptz NOT NULL);
  CREATE TABLE products (
    product_id serial PRIMARY KEY, sku varchar(12) NOT NULL UNIQUE, name text NOT NULL,
    price numeric(8,2) NOT NULL CHECK (price > 0));
  CREATE TABLE orders (
    order_id bigserial PRIMARY KEY,
    customer_id integer NOT NULL REFERENCES customers, product_id integer NOT NULL REFERENCES products,
    quantity smallint NOT NULL CHECK (quantity BETWEEN 1 AND 20),
    status text NOT NULL CHECK (status IN ('new', 'paid', 'shipped')),
    amount numeric(10,2) NOT NULL, ordered_at timestamptz NOT NULL, note varchar(40));`;

const TABLES = ['customers', 'products', 'orders'];

async function connect(url: string): Promise<pg.Client> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  return client;
}

async function emptyTables(client: pg.Client): Promise<void> {
  await client.query(`TRUNCATE ${TABLES.join(', ')} RESTART IDENTITY`);
  await client.query('CHECKPOINT');
}

/** The mock path: generate and COPY in one transaction, as the job does. */
async function mockRun(client: pg.Client, model: SchemaModel, plan: MockPlan): Promise<{ seconds: number; rows: number }> {
  const hints = await postgresHints(async (sql) => (await client.query(sql)).rows as Array<Record<string, unknown>>);
  const started = performance.now();
  await client.query('BEGIN');
  const result = await runMock({ model, plan, options: { seed: 1, locale: 'en', edgeCases: false }, sink: postgresCopySink(client), hints });
  await client.query('COMMIT');
  return { seconds: (performance.now() - started) / 1000, rows: result.tables.reduce((sum, t) => sum + t.rows, 0) };
}

type Prepared = Array<{ table: MockPlan['tables'][number]; copy: string; chunks: string[]; reset: string[] }>;

/** The same rows as COPY text, made before the clock starts. */
async function prepare(model: SchemaModel, plan: MockPlan, client: pg.Client): Promise<Prepared> {
  const hints = await postgresHints(async (sql) => (await client.query(sql)).rows as Array<Record<string, unknown>>);
  const prepared: Prepared = [];
  await runMock({
    model,
    plan,
    options: { seed: 1, locale: 'en', edgeCases: false },
    hints,
    sink: {
      async beginTable(table, columns) {
        prepared.push({ table, copy: `COPY ${table.table.name} (${columns.map((c) => `"${c.name}"`).join(', ')}) FROM STDIN`, chunks: [], reset: resetSequencesSql(table.table, columns) });
      },
      async writeRows(rows) {
        prepared.at(-1)!.chunks.push(copyTextRows(rows));
      },
      async endTable() {},
    },
  });
  return prepared;
}

/** Raw COPY of prepared text: the same statements, chunks and transaction, without making anything. */
async function rawCopy(client: pg.Client, prepared: Prepared): Promise<number> {
  const started = performance.now();
  await client.query('BEGIN');
  for (const part of prepared) {
    const stream = client.query(copyFrom(part.copy));
    for (const chunk of part.chunks) if (!stream.write(chunk)) await once(stream, 'drain');
    const finished = once(stream, 'finish');
    stream.end();
    await finished;
    for (const statement of part.reset) await client.query(statement);
  }
  await client.query('COMMIT');
  return (performance.now() - started) / 1000;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

/** Mock data against raw COPY of the same rows on a scratch database; prints the figures and answers the ratio. */
export async function run(options: MockDataOptions = optionsFromEnvironment()): Promise<Ratio[]> {
  const { rows: ROWS, runs: RUNS } = options;
  const scratch = await scratchDatabase(options.server);
  try {
    const client = await connect(scratch.url);
    try {
      await client.query(SCHEMA);
      const driver = await PostgresDriver.connect(parseConnectionUri('postgres', scratch.url) as NetworkTarget);
      const model = await driver.introspect();
      await driver.close();
      const plan = planMock({ model, requested: [{ table: 'public.orders', rows: ROWS }] });
      const prepared = await prepare(model, plan, client);
      const mockTimes: number[] = [];
      const rawTimes: number[] = [];
      let rows = 0;
      // Alternate the two so that neither gets a warmer cache on average.
      for (let round = 0; round < RUNS; round++) {
        await emptyTables(client);
        const mock = await mockRun(client, model, plan);
        mockTimes.push(mock.seconds);
        rows = mock.rows;
        await emptyTables(client);
        rawTimes.push(await rawCopy(client, prepared));
      }
      const mockRate = rows / median(mockTimes);
      const rawRate = rows / median(rawTimes);
      const ratio = mockRate / rawRate;
      console.log(`mock data: ${plan.tables.map((t) => `${t.table.name} ${t.rows}`).join(', ')} (${rows} rows), median of ${RUNS} runs`);
      console.log(`  generated + COPY : ${Math.round(mockRate).toLocaleString('en')} rows/s (${median(mockTimes).toFixed(2)} s)   goal ≥ ${GOAL_ROWS_PER_SECOND.toLocaleString('en')}: ${mockRate >= GOAL_ROWS_PER_SECOND ? 'met' : 'NOT met'}`);
      console.log(`  raw COPY         : ${Math.round(rawRate).toLocaleString('en')} rows/s (${median(rawTimes).toFixed(2)} s)`);
      console.log(`  ratio            : ${ratio.toFixed(2)} of raw COPY   goal ≥ ${GOAL_RATIO}: ${ratio >= GOAL_RATIO ? 'met' : 'NOT met'}`);
      return [
        {
          name: 'mock data / raw COPY (postgres)',
          value: ratio,
          better: 'higher',
          detail: `${Math.round(mockRate).toLocaleString('en')} vs ${Math.round(rawRate).toLocaleString('en')} rows/s, ${rows} rows, median of ${RUNS}`,
        },
        { name: 'mock data rows/s (postgres)', value: mockRate, unit: 'rows/s', better: 'higher' },
      ];
    } finally {
      await client.end();
    }
  } finally {
    await scratch.drop();
  }
}

if (isMain(import.meta.url)) await run();

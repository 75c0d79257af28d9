/**
 * The benchmark suite in one run: every figure of the performance work as a ratio (or a throughput), each printed
 * next to the previous run's and the change, so a regression shows as a ratio.
 *
 *   1. API vs pgbench running the same SQL (single-row read, 50-row list, one write): bench/api-vs-pgbench.bench.ts
 *   2. PGlite vs PostgreSQL on the same API walk: bench/api-walk.bench.ts
 *   3. keyset deep page vs first page for every list endpoint that grows past 10k rows: bench/keyset-pages.bench.ts
 *   4. board session and generation throughput: bench/board.bench.ts, bench/generation-throughput.bench.ts
 *   5. mock data vs raw COPY: bench/mock-data.bench.ts
 *   6. 1,000-table ingestion time: bench/dbassist-ingest.bench.ts
 *
 * Each part also runs alone (`npm run bench:<name>`). The results go to bench/results/latest.json, which the next run
 * compares against (bench/results/baseline.json, committed, when there is no latest yet).
 *
 *   npm run bench:all                       # PostgreSQL at BENCH_POSTGRES_URL, else TEST_DATABASE_URL, else
 *                                           # postgres://postgres@127.0.0.1:5432/postgres (scratch databases, dropped
 *                                           # after); without a server, the PostgreSQL figures print "not available"
 *   BENCH_ONLY=keyset,board npm run bench:all           # some parts only (api-vs-pgbench, api-walk, keyset, board,
 *                                                       # generation, mock-data, ingest)
 *   BENCH_DRIVERS=pglite npm run bench:all              # one driver for the parts that run on both
 *   BENCH_SAVE_BASELINE=1 npm run bench:all             # also write bench/results/baseline.json
 * Sizes (defaults finish in about 10–15 minutes on two busy cores):
 *   BENCH_KEYSET_ROWS=12000 BENCH_KEYSET_REQUESTS=20 BENCH_KEYSET_DRIVERS=postgres
 *   BENCH_WALKS=20 BENCH_WALK_PROJECTS=1000   BENCH_SESSIONS=1 BENCH_ROUNDS=4   BENCH_GEN_JOBS=2 BENCH_GEN_INPUTS=10
 *   BENCH_ROWS=50000 BENCH_MOCK_RUNS=3        BENCH_TABLES=1000
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import pg from 'pg';
import * as apiWalk from './api-walk.bench.js';
import * as board from './board.bench.js';
import * as ingest from './dbassist-ingest.bench.js';
import * as generation from './generation-throughput.bench.js';
import * as keyset from './keyset-pages.bench.js';
import * as mockData from './mock-data.bench.js';
import { comparisonTable, readResults, writeResults, type Ratio } from './support/results.js';

const env = process.env;
const HERE = path.dirname(fileURLToPath(import.meta.url));
const RESULTS = path.resolve(env.BENCH_RESULTS ?? path.join(HERE, 'results', 'latest.json'));
const BASELINE = path.join(HERE, 'results', 'baseline.json');
const POSTGRES_URL = env.BENCH_POSTGRES_URL ?? env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const ONLY = env.BENCH_ONLY?.split(',').map((part) => part.trim());

const number = (name: string, fallback: number) => Number(env[name] ?? fallback);

/** The server URL when a PostgreSQL server answers there, else why not. */
async function reachablePostgres(url: string): Promise<{ url?: string; reason?: string }> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    await client.query('SELECT 1');
    return { url };
  } catch (error) {
    return { reason: `no PostgreSQL server at ${new URL(url).host}: ${(error as Error).message}` };
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** Accepts `{ name, value }` (or `{ name, ratio }`) figures from a part's run(). */
function normalize(figures: unknown): Ratio[] {
  if (!Array.isArray(figures)) throw new Error('run() did not answer a list of figures');
  return figures.map((figure: Record<string, unknown>) => {
    const value = typeof figure.value === 'number' ? figure.value : typeof figure.ratio === 'number' ? figure.ratio : NaN;
    return { ...(figure as Ratio), name: String(figure.name), value };
  });
}

type Part = { key: string; title: string; needsPostgres?: boolean; expected: string[]; run: (postgresUrl: string | undefined, drivers: string[]) => Promise<Ratio[]> };

const PARTS: Part[] = [
  {
    key: 'api-vs-pgbench',
    title: 'API vs pgbench, same SQL',
    needsPostgres: true,
    expected: ['API vs pgbench'],
    async run() {
      // Imported only when present: the file may not be in every checkout yet.
      const file = path.join(HERE, 'api-vs-pgbench.bench.ts');
      if (!fs.existsSync(file)) throw new NotAvailable('bench/api-vs-pgbench.bench.ts is not in this checkout');
      const module = (await import(pathToFileURL(file).href)) as { run?: () => Promise<unknown> };
      if (typeof module.run !== 'function') throw new NotAvailable('bench/api-vs-pgbench.bench.ts exports no run()');
      return normalize(await module.run());
    },
  },
  {
    key: 'api-walk',
    title: 'PGlite vs PostgreSQL, same API walk',
    expected: ['API walk: PGlite / PostgreSQL'],
    run: (postgresUrl, drivers) => apiWalk.run({ walks: number('BENCH_WALKS', 20), projects: number('BENCH_WALK_PROJECTS', 1000), postgresUrl, drivers }),
  },
  {
    key: 'keyset',
    title: 'Keyset deep page vs first page',
    expected: ['keyset deep/first'],
    run: (postgresUrl, drivers) =>
      keyset.run({
        rows: number('BENCH_KEYSET_ROWS', 12_000),
        requests: number('BENCH_KEYSET_REQUESTS', 20),
        postgresUrl,
        drivers: env.BENCH_KEYSET_DRIVERS?.split(',') ?? (postgresUrl ? ['postgres'] : drivers),
      }),
  },
  {
    key: 'board',
    title: 'Board session throughput',
    expected: ['board session: contributions/s'],
    run: (postgresUrl, drivers) => board.run({ sessions: number('BENCH_SESSIONS', 1), rounds: number('BENCH_ROUNDS', 4), postgresUrl, drivers }),
  },
  {
    key: 'generation',
    title: 'Generation throughput',
    expected: ['generation: generations/s'],
    run: (postgresUrl, drivers) => generation.run({ jobs: number('BENCH_GEN_JOBS', 2), inputs: number('BENCH_GEN_INPUTS', 10), postgresUrl, drivers }),
  },
  {
    key: 'mock-data',
    title: 'Mock data vs raw COPY',
    needsPostgres: true,
    expected: ['mock data / raw COPY (postgres)'],
    run: (postgresUrl) => mockData.run({ server: postgresUrl!, rows: number('BENCH_ROWS', 50_000), runs: number('BENCH_MOCK_RUNS', 3) }),
  },
  {
    key: 'ingest',
    title: '1,000-table ingestion',
    expected: [`${number('BENCH_TABLES', 1000)}-table ingest / 2 s target`],
    run: (postgresUrl, drivers) => ingest.run({ tables: number('BENCH_TABLES', 1000), postgresUrl, drivers }),
  },
];

class NotAvailable extends Error {}

async function main(): Promise<void> {
  const startedAt = new Date();
  const uptime = `load average ${os.loadavg().map((l) => l.toFixed(2)).join(', ')} on ${os.cpus().length} cores`;
  console.log(`Benchmark suite, ${startedAt.toISOString()}; ${uptime}`);
  const postgres = await reachablePostgres(POSTGRES_URL);
  if (postgres.reason) console.log(`PostgreSQL figures not available: ${postgres.reason}`);
  const drivers = (env.BENCH_DRIVERS ?? (postgres.url ? 'pglite,postgres' : 'pglite')).split(',').filter((d) => d !== 'postgres' || postgres.url);
  const latest = readResults(RESULTS);
  const previous = latest ?? readResults(BASELINE);
  if (previous) console.log(`Comparing against the run of ${previous.startedAt} (${latest ? path.relative(process.cwd(), RESULTS) : 'the committed baseline'})`);
  else console.log('No previous results: this run becomes the one the next compares against');

  const ratios: Ratio[] = [];
  for (const part of PARTS) {
    if (ONLY && !ONLY.includes(part.key)) continue;
    console.log(`\n━━ ${part.title} (${part.key}) ━━`);
    const started = performance.now();
    try {
      if (part.needsPostgres && !postgres.url) throw new NotAvailable(postgres.reason ?? 'no PostgreSQL server');
      const figures = await part.run(postgres.url, drivers);
      ratios.push(...figures);
      console.log(`(${part.key} took ${((performance.now() - started) / 1000).toFixed(0)} s)`);
    } catch (error) {
      const reason = error instanceof NotAvailable ? `not available: ${error.message}` : `failed: ${(error as Error).stack ?? String(error)}`;
      console.log(`${part.title}: ${reason}`);
      for (const name of part.expected) ratios.push({ name, value: NaN, detail: reason.split('\n')[0] });
    }
  }

  const finishedAt = new Date();
  console.log(`\n━━ Every figure, against the previous run ━━  (${((finishedAt.getTime() - startedAt.getTime()) / 60_000).toFixed(1)} min; ${uptime} at the start, load average ${os.loadavg().map((l) => l.toFixed(2)).join(', ')} at the end)`);
  console.log(comparisonTable(ratios, previous?.ratios.map((r) => ({ ...r, value: r.value ?? NaN }))));
  const withDetail = ratios.filter((r) => r.detail);
  if (withDetail.length > 0) {
    console.log('\nwhere the figures come from:');
    for (const r of withDetail) console.log(`  ${r.name}: ${r.detail}`);
  }
  const sizes = Object.fromEntries(Object.entries(env).filter(([name]) => name.startsWith('BENCH_') && name !== 'BENCH_POSTGRES_URL') as Array<[string, string]>);
  // A partial run (BENCH_ONLY) keeps the previous figures of the parts it left out, so the next full run still has them.
  const measured = new Set(ratios.map((r) => r.name));
  const kept = ONLY && latest ? latest.ratios.filter((r) => !measured.has(r.name)) : [];
  const results = { startedAt: startedAt.toISOString(), finishedAt: finishedAt.toISOString(), uptime, environment: { drivers: drivers.join(','), ...sizes }, ratios: [...ratios, ...kept] };
  writeResults(RESULTS, results);
  console.log(`\nresults written to ${path.relative(process.cwd(), RESULTS)}`);
  if (env.BENCH_SAVE_BASELINE === '1') {
    writeResults(BASELINE, results);
    console.log(`baseline written to ${path.relative(process.cwd(), BASELINE)}`);
  }
}

await main();
// A part that left a handle open (a pool, a worker) must not keep the finished suite waiting.
process.exit(process.exitCode ?? 0);

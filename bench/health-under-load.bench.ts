/**
 * Responsiveness while background jobs run: starts the real server with the offline AI engine, measures GET /health
 * latency with nothing running, then again while batch jobs generate documents (ai.task-batch over document-srs,
 * queued through the API, each in an organization of its own so the per-organization limit does not hold them back),
 * and prints both p99s and their ratio. Target: the ratio stays at or below 3. Prints figures; no assertions.
 *
 *   npm run bench:health                                  # embedded PGlite in a temporary directory
 *   BENCH_POSTGRES_URL=postgres://… npm run bench:health  # then also PostgreSQL (TEST_DATABASE_URL works too): in a
 *                                                         # scratch database made on that server and dropped after
 *   BENCH_DRIVERS=postgres BENCH_POSTGRES_URL=… npm run bench:health   # one driver only
 *   BENCH_RUNS=3 npm run bench:health                     # each driver several times, then the ratios side by side
 *   AI_BUILTIN_WORKERS=0 npm run bench:health             # the offline engine in the request thread, for comparison
 *   BENCH_JOBS=10 BENCH_INPUTS=50 BENCH_REQUESTS=300 npm run bench:health
 *   BENCH_CPU_PROFILE=loaded.cpuprofile npm run bench:health  # a CPU profile of the main thread while the jobs run
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Session } from 'node:inspector/promises';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { loadConfig } from '../src/config.js';
import { hashSecret, newSecretToken } from '../src/core/auth/secrets.js';
import { startServer } from '../src/server.js';
import { scratchDatabase } from './support/scratch-database.js';

const JOBS = Number(process.env.BENCH_JOBS ?? 10);
const INPUTS_PER_JOB = Number(process.env.BENCH_INPUTS ?? 50);
const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 300);
const CPU_PROFILE = process.env.BENCH_CPU_PROFILE;
const RUNS = Number(process.env.BENCH_RUNS ?? 1);
const POSTGRES_URL = process.env.BENCH_POSTGRES_URL ?? process.env.TEST_DATABASE_URL;
const DRIVERS = (process.env.BENCH_DRIVERS ?? (POSTGRES_URL ? 'pglite,postgres' : 'pglite')).split(',');

const IDEA = [
  'A marketplace where dog owners book trusted walkers nearby. Owners must see reviews and live walk tracking;',
  'walkers should get paid weekly and set their own availability. The service must handle 50,000 bookings a day,',
  'support English and Spanish, keep payment data encrypted at rest, and let an administrator suspend accounts.',
  'Owners can schedule recurring walks, chat with their walker, and rate each walk; walkers keep a profile with',
  'photos, certifications and the neighbourhoods they cover. Refunds are issued when a walk is cancelled late.',
].join(' ');

function inputFor(job: number, index: number) {
  return {
    projectName: `Dog Walk ${job}-${index}`,
    idea: IDEA,
    answers: [
      { question: 'Who are the users?', answer: 'Dog owners, dog walkers and support administrators.' },
      { question: 'What matters most?', answer: 'Trust: verified walkers, reviews, insured walks and quick refunds.' },
      { question: 'Which platforms?', answer: 'A responsive web app first, then iOS and Android apps.' },
    ],
  };
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;
}

/** `count` sequential GET /health (fewer if `until` says stop); latencies in ms, sorted. */
async function measureHealth(baseUrl: string, count: number, until?: () => boolean): Promise<number[]> {
  const latencies: number[] = [];
  for (let i = 0; i < count && !(until?.() ?? false); i++) {
    const started = performance.now();
    const response = await fetch(`${baseUrl}/health`);
    await response.arrayBuffer();
    if (!response.ok) throw new Error(`/health answered ${response.status}`);
    latencies.push(performance.now() - started);
  }
  return latencies.sort((a, b) => a - b);
}

const describe = (label: string, sorted: number[]) =>
  `${label}: ${sorted.length} requests, p50 ${percentile(sorted, 50).toFixed(1)} ms, p99 ${percentile(sorted, 99).toFixed(1)} ms, max ${(sorted.at(-1) ?? NaN).toFixed(1)} ms`;

type Figures = { driver: string; idleP99: number; loadedP99: number; ratio: number };

async function benchmark(databaseUrl: string | undefined): Promise<Figures> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'atelier-bench-'));
  const { DATABASE_URL: _ignored, ...environment } = process.env;
  const server = await startServer(
    loadConfig({
      ...environment,
      ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}),
      PORT: '0',
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      LOG_LEVEL: 'warn',
      AI_PROVIDER: 'builtin',
      JOBS_CONCURRENCY: String(JOBS),
    }),
  );
  try {
    const token = newSecretToken('at');
    const userId = '00000000-0000-7000-8000-00000000e001';
    const organizationIds = await server.db.withAdmin(async (sql) => {
      await sql.query(`INSERT INTO app.users (id, name, email, status, email_verified) VALUES ($1, 'Bench', 'bench@example.com', 'active', true)`, [userId]);
      await sql.query(
        `INSERT INTO app.user_sessions (id, user_id, access_token_hash, access_expires_at, expires_at)
         VALUES (gen_random_uuid(), $1, $2, now() + interval '1 day', now() + interval '1 day')`,
        [userId, hashSecret(token)],
      );
      const rows = await sql.query<{ id: string }>(
        `INSERT INTO app.organizations (id, name, slug, owner_id)
         SELECT gen_random_uuid(), 'Org ' || n, 'bench-org-' || n, $1 FROM generate_series(1, $2::int) n RETURNING id`,
        [userId, JOBS],
      );
      await sql.query(
        `INSERT INTO app.organization_members (id, organization_id, user_id, role)
         SELECT gen_random_uuid(), o.id, $1, 'owner' FROM app.organizations o`,
        [userId],
      );
      return rows.map((row) => row.id);
    });
    const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };

    // Let the worker threads load, warm up the routes, then measure the idle server.
    await server.workers?.start();
    console.error('measuring the idle server…');
    await measureHealth(server.url, 50);
    const loopDelay = monitorEventLoopDelay({ resolution: 10 });
    loopDelay.enable();
    const idle = await measureHealth(server.url, REQUESTS);
    const idleLoopMaxMs = loopDelay.max / 1e6;
    loopDelay.reset();
    console.error('queueing the jobs…');
    const profiler = CPU_PROFILE ? new Session() : undefined;
    if (profiler) {
      profiler.connect();
      await profiler.post('Profiler.enable');
      await profiler.post('Profiler.start');
    }

    // All jobs are queued at once, as a burst of users would.
    const queueStarted = performance.now();
    let queuedMs = NaN;
    const queueing = Promise.all(
      organizationIds.map(async (organizationId, job) => {
        const inputs = Array.from({ length: INPUTS_PER_JOB }, (_, index) => inputFor(job, index));
        const response = await fetch(`${server.url}/api/v1/ai/tasks/document-srs/jobs`, {
          method: 'POST',
          headers,
          body: JSON.stringify({ organizationId, inputs }),
        });
        if (response.status !== 202) throw new Error(`queueing a job failed: ${response.status} ${await response.text()}`);
      }),
    ).then(() => {
      queuedMs = performance.now() - queueStarted;
    });

    const jobStatuses = async () =>
      server.db.withAdmin((sql) => sql.query<{ status: string; n: number }>(`SELECT status, count(*)::int AS n FROM app.jobs GROUP BY status ORDER BY status`));
    let finished = false;
    const queuedAt = performance.now();
    const watcher = (async () => {
      while (!finished) {
        const rows = await jobStatuses();
        const total = rows.reduce((sum, row) => sum + row.n, 0);
        finished = total === JOBS && rows.every((row) => row.status === 'succeeded' || row.status === 'failed' || row.status === 'cancelled');
        if (!finished) await new Promise((resolve) => setTimeout(resolve, 250));
      }
    })();
    // Wait until the jobs are running (or already over), then measure while any job still runs.
    for (let waited = 0; ; waited++) {
      const rows = await jobStatuses();
      if (finished || rows.some((row) => row.status !== 'queued')) break;
      if (waited > 1_500) throw new Error(`no job started within 30 s: ${JSON.stringify(rows)}`);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    const statusesAtStart = await jobStatuses();
    console.error('measuring while the jobs run…');
    const loaded = await measureHealth(server.url, REQUESTS, () => finished);
    const loadedLoopMaxMs = loopDelay.max / 1e6;
    const loadedLoopP99Ms = loopDelay.percentile(99) / 1e6;
    loopDelay.disable();
    if (profiler && CPU_PROFILE) {
      const { profile } = await profiler.post('Profiler.stop');
      fs.writeFileSync(CPU_PROFILE, JSON.stringify(profile));
      profiler.disconnect();
    }
    const statusesAtEnd = await jobStatuses();
    await queueing;
    await watcher;
    const jobsSeconds = (performance.now() - queuedAt) / 1000;
    const outcome = await jobStatuses();

    const [spans] = await server.db.withAdmin((sql) =>
      sql.query<{ slowest: number; span: number }>(
        `SELECT round(max(extract(epoch FROM finished_at - started_at)) * 1000)::int AS slowest,
                round(extract(epoch FROM max(finished_at) - min(started_at)) * 1000)::int AS span FROM app.jobs`,
      ),
    );
    const format = (rows: Array<{ status: string; n: number }>) => rows.map((row) => `${row.status} ${row.n}`).join(', ');
    console.log(`database: ${server.db.kind}; ${JOBS} ai.task-batch jobs of document-srs × ${INPUTS_PER_JOB} inputs (offline engine), JOBS_CONCURRENCY=${JOBS}`);
    console.log(describe('GET /health idle        ', idle));
    console.log(describe('GET /health during jobs ', loaded));
    console.log(`event loop delay (server and benchmark share the process): idle max ${idleLoopMaxMs.toFixed(0)} ms; during jobs p99 ${loadedLoopP99Ms.toFixed(0)} ms, max ${loadedLoopMaxMs.toFixed(0)} ms`);
    console.log(`the ${JOBS} POST …/jobs requests, sent at once, all answered after ${queuedMs.toFixed(0)} ms`);
    console.log(`jobs when measuring began: ${format(statusesAtStart)}; when it ended: ${format(statusesAtEnd)}`);
    console.log(`jobs: ${format(outcome)}; all done ${jobsSeconds.toFixed(1)} s after queueing; slowest job ${spans?.slowest} ms, first start to last finish ${spans?.span} ms`);
    const [failure] = await server.db.withAdmin((sql) =>
      sql.query<{ error: unknown }>(`SELECT error FROM app.jobs WHERE status = 'failed' LIMIT 1`),
    );
    if (failure) console.log(`a failed job says: ${JSON.stringify(failure.error)}`);
    if (loaded.length < REQUESTS) console.log(`(the jobs finished after ${loaded.length} of ${REQUESTS} requests: raise BENCH_INPUTS for a longer run)`);
    const figures = { driver: server.db.kind, idleP99: percentile(idle, 99), loadedP99: percentile(loaded, 99), ratio: percentile(loaded, 99) / percentile(idle, 99) };
    console.log(`ratio p99 during jobs / idle: ${figures.ratio.toFixed(2)} (target ≤ 3)`);
    return figures;
  } finally {
    await server.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

const results: Figures[] = [];
for (let run = 1; run <= RUNS; run++) {
  for (const driver of DRIVERS) {
    if (driver === 'postgres') {
      if (!POSTGRES_URL) throw new Error('BENCH_POSTGRES_URL (or TEST_DATABASE_URL) names the PostgreSQL server');
      const scratch = await scratchDatabase(POSTGRES_URL);
      try {
        results.push(await benchmark(scratch.url));
      } finally {
        await scratch.drop();
      }
    } else {
      results.push(await benchmark(undefined));
    }
  }
}
console.log('\nsummary (ratio = /health p99 during jobs / idle; target ≤ 3):');
for (const driver of DRIVERS) {
  const runs = results.filter((result) => result.driver === driver);
  const list = runs.map((r) => `${r.ratio.toFixed(2)} (${r.idleP99.toFixed(1)} → ${r.loadedP99.toFixed(1)} ms)`).join(', ');
  const median = [...runs].sort((a, b) => a.ratio - b.ratio)[Math.floor((runs.length - 1) / 2)];
  console.log(`  ${driver}: median ${median?.ratio.toFixed(2)}; runs: ${list}`);
}

/**
 * Generation throughput with the built-in offline engine on the real server and its job runner: BENCH_GEN_JOBS batch
 * jobs (ai.task-batch over document-srs, default 2, each in an organization of its own so the per-organization limit
 * does not hold them back) of BENCH_GEN_INPUTS inputs each (default 10), queued at once through the API. Prints the
 * generations (ledger rows) per second from the first job's start to the last one's finish, on each driver. Asserts
 * nothing.
 *
 *   npm run bench:generation                                  # PGlite, and PostgreSQL if BENCH_POSTGRES_URL or
 *                                                             # TEST_DATABASE_URL is set (a scratch database)
 *   BENCH_GEN_JOBS=4 BENCH_GEN_INPUTS=25 npm run bench:generation
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { isMain, type Ratio } from './support/results.js';
import { forEachDriver } from './support/scratch-database.js';
import { loadConfig } from '../src/config.js';
import { hashSecret, newSecretToken } from '../src/core/auth/secrets.js';
import { startServer } from '../src/server.js';

export type GenerationOptions = { jobs: number; inputs: number; drivers: string[]; postgresUrl: string | undefined };

export function optionsFromEnvironment(env: NodeJS.ProcessEnv = process.env): GenerationOptions {
  const postgresUrl = env.BENCH_POSTGRES_URL ?? env.TEST_DATABASE_URL;
  return {
    jobs: Number(env.BENCH_GEN_JOBS ?? 2),
    inputs: Number(env.BENCH_GEN_INPUTS ?? 10),
    postgresUrl,
    drivers: (env.BENCH_DRIVERS ?? (postgresUrl ? 'pglite,postgres' : 'pglite')).split(','),
  };
}

const USER_ID = '00000000-0000-7000-8000-00000000f201';
const IDEA =
  'A marketplace where dog owners book trusted walkers nearby. Owners must see reviews and live walk tracking; walkers ' +
  'get paid weekly and set their own availability. The service must handle 50,000 bookings a day, support English and ' +
  'Spanish, keep payment data encrypted at rest, and let an administrator suspend accounts.';

type Figures = { driver: string; generations: number; seconds: number; failed: number };

async function benchmark(driver: string, databaseUrl: string | undefined, options: GenerationOptions): Promise<Figures> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'atelier-bench-generation-'));
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
      JOBS_CONCURRENCY: String(options.jobs),
    }),
  );
  try {
    const token = newSecretToken('at');
    const organizationIds = await server.db.withAdmin(async (sql) => {
      await sql.query(`INSERT INTO app.users (id, name, email, status, email_verified) VALUES ($1, 'Bench', 'bench-generation@example.com', 'active', true)`, [USER_ID]);
      await sql.query(
        `INSERT INTO app.user_sessions (id, user_id, access_token_hash, access_expires_at, expires_at)
         VALUES (gen_random_uuid(), $1, $2, now() + interval '1 day', now() + interval '1 day')`,
        [USER_ID, hashSecret(token)],
      );
      const rows = await sql.query<{ id: string }>(
        `INSERT INTO app.organizations (id, name, slug, owner_id)
         SELECT gen_random_uuid(), 'Org ' || g, 'bench-generation-' || g, $1 FROM generate_series(1, $2::int) g RETURNING id`,
        [USER_ID, options.jobs],
      );
      await sql.query(`INSERT INTO app.organization_members (id, organization_id, user_id, role) SELECT gen_random_uuid(), o.id, $1, 'owner' FROM app.organizations o`, [USER_ID]);
      return rows.map((row) => row.id);
    });
    await server.workers?.start();
    const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
    await Promise.all(
      organizationIds.map(async (organizationId, job) => {
        const inputs = Array.from({ length: options.inputs }, (_, index) => ({ projectName: `Dog Walk ${job}-${index}`, idea: IDEA, answers: [] }));
        const response = await fetch(`${server.url}/api/v1/ai/tasks/document-srs/jobs`, { method: 'POST', headers, body: JSON.stringify({ organizationId, inputs }) });
        if (response.status !== 202) throw new Error(`queueing a job failed: ${response.status} ${await response.text()}`);
      }),
    );
    server.jobRunner?.wake();
    for (let waited = 0; ; waited++) {
      const [row] = await server.db.withAdmin((sql) =>
        sql.query<{ open: number }>(`SELECT count(*)::int AS open FROM app.jobs WHERE status NOT IN ('succeeded', 'failed', 'cancelled')`),
      );
      if (row!.open === 0) break;
      if (waited > 6_000) throw new Error('the generation jobs did not finish within 10 minutes');
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    const [figures] = await server.db.withAdmin((sql) =>
      sql.query<{ generations: number; seconds: number; failed: number }>(
        `SELECT (SELECT count(*)::int FROM app.ai_generations WHERE status = 'succeeded') AS generations,
                (SELECT extract(epoch FROM max(finished_at) - min(started_at))::float8 FROM app.jobs) AS seconds,
                (SELECT count(*)::int FROM app.jobs WHERE status <> 'succeeded') AS failed`,
      ),
    );
    return { driver, ...figures! };
  } finally {
    await server.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

/** Generations per second on each driver. */
export async function run(options: GenerationOptions = optionsFromEnvironment()): Promise<Ratio[]> {
  const ratios: Ratio[] = [];
  await forEachDriver(options.drivers, options.postgresUrl, async (driver, url) => {
    const f = await benchmark(driver, url, options);
    if (f.failed > 0) throw new Error(`${driver}: ${f.failed} generation job(s) did not succeed`);
    const rate = f.generations / f.seconds;
    console.log(`${driver}: ${options.jobs} jobs × ${options.inputs} document-srs inputs (offline engine): ${f.generations} generations in ${f.seconds.toFixed(2)} s, ${rate.toFixed(1)} generations/s`);
    ratios.push({ name: `generation: generations/s (${driver})`, value: rate, unit: 'generations/s', better: 'higher', detail: `${f.generations} in ${f.seconds.toFixed(2)} s` });
  });
  return ratios;
}

if (isMain(import.meta.url)) await run();

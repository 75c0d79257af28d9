/**
 * The same walk through the API on embedded PGlite and on a PostgreSQL server: one user in an organization with
 * BENCH_WALK_PROJECTS projects (default 1,000) creates a project, reads it, edits it, lists the organization's
 * projects, adds a story, lists the backlog, edits the story, reads the organization's audit log and its own account
 * — nine requests over real HTTP, one after the other, as the web app sends them. Prints walks per second on each
 * driver, the median of each step, and the ratio PGlite / PostgreSQL. Asserts nothing.
 *
 *   npm run bench:api-walk                                  # PGlite, and PostgreSQL if BENCH_POSTGRES_URL or
 *                                                           # TEST_DATABASE_URL is set (a scratch database, dropped after)
 *   BENCH_WALKS=100 npm run bench:api-walk                  # more walks (default 30, after 3 unmeasured)
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { isMain, type Ratio } from './support/results.js';
import { forEachDriver } from './support/scratch-database.js';
import { loadConfig } from '../src/config.js';
import { hashSecret, newSecretToken } from '../src/core/auth/secrets.js';
import { startServer } from '../src/server.js';

export type ApiWalkOptions = { walks: number; projects: number; drivers: string[]; postgresUrl: string | undefined };

export function optionsFromEnvironment(env: NodeJS.ProcessEnv = process.env): ApiWalkOptions {
  const postgresUrl = env.BENCH_POSTGRES_URL ?? env.TEST_DATABASE_URL;
  return {
    walks: Number(env.BENCH_WALKS ?? 30),
    projects: Number(env.BENCH_WALK_PROJECTS ?? 1000),
    postgresUrl,
    drivers: (env.BENCH_DRIVERS ?? (postgresUrl ? 'pglite,postgres' : 'pglite')).split(','),
  };
}

const USER_ID = '00000000-0000-7000-8000-00000000f101';
const ORG_ID = '00000000-0000-7000-8000-00000000f102';

type WalkFigures = { driver: string; walks: number; seconds: number; steps: Map<string, number[]> };

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

async function benchmark(driver: string, databaseUrl: string | undefined, options: ApiWalkOptions): Promise<WalkFigures> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'atelier-bench-walk-'));
  const { DATABASE_URL: _ignored, ...environment } = process.env;
  const server = await startServer(
    loadConfig({ ...environment, ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}), PORT: '0', HOST: '127.0.0.1', DATA_DIR: dataDir, LOG_LEVEL: 'warn', JOBS_CONCURRENCY: '0', AI_BUILTIN_WORKERS: '0' }),
  );
  try {
    const token = newSecretToken('at');
    await server.db.withAdmin(async (sql) => {
      await sql.query(`INSERT INTO app.users (id, name, email, status, email_verified) VALUES ($1, 'Bench', 'bench-walk@example.com', 'active', true)`, [USER_ID]);
      await sql.query(
        `INSERT INTO app.user_sessions (id, user_id, access_token_hash, access_expires_at, expires_at)
         VALUES (gen_random_uuid(), $1, $2, now() + interval '1 day', now() + interval '1 day')`,
        [USER_ID, hashSecret(token)],
      );
      await sql.query(`INSERT INTO app.organizations (id, name, slug, owner_id) VALUES ($1, 'Bench', 'bench-walk', $2)`, [ORG_ID, USER_ID]);
      await sql.query(`INSERT INTO app.organization_members (id, organization_id, user_id, role) VALUES (gen_random_uuid(), $1, $2, 'owner')`, [ORG_ID, USER_ID]);
      await sql.query(
        `INSERT INTO app.projects (id, organization_id, owner_id, name, key, created_at)
         SELECT gen_random_uuid(), $1, $2, 'Project ' || g, 'P' || g, now() - make_interval(secs => g) FROM generate_series(1, $3::int) g`,
        [ORG_ID, USER_ID, options.projects],
      );
      await sql.query('ANALYZE');
    });
    const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
    const steps = new Map<string, number[]>();
    let measuring = false;
    const request = async (step: string, method: string, url: string, body?: unknown): Promise<Record<string, unknown>> => {
      const started = performance.now();
      const response = await fetch(`${server.url}/api/v1${url}`, { method, headers: body === undefined ? { authorization: headers.authorization } : headers, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
      const text = await response.text();
      if (!response.ok) throw new Error(`${method} ${url}: ${response.status} ${text}`);
      if (measuring) steps.set(step, [...(steps.get(step) ?? []), performance.now() - started]);
      return JSON.parse(text) as Record<string, unknown>;
    };
    const walk = async (i: number) => {
      const project = await request('POST /projects', 'POST', '/projects', { organizationId: ORG_ID, name: `Walk ${driver} ${i}`, key: `W${i}` });
      const projectId = project.id as string;
      await request('GET /projects/{id}', 'GET', `/projects/${projectId}`);
      await request('PATCH /projects/{id}', 'PATCH', `/projects/${projectId}`, { description: `Edited on walk ${i}` });
      await request('GET /projects?limit=50', 'GET', `/projects?organizationId=${ORG_ID}&limit=50`);
      const story = await request('POST …/stories', 'POST', `/projects/${projectId}/stories`, { title: `Story of walk ${i}` });
      await request('GET …/stories?limit=50', 'GET', `/projects/${projectId}/stories?limit=50`);
      await request('PATCH …/stories/{id}', 'PATCH', `/projects/${projectId}/stories/${story.id as string}`, { title: `Story of walk ${i}, edited`, baseRev: story.rev });
      await request('GET /audit?limit=50', 'GET', `/audit?organizationId=${ORG_ID}&limit=50`);
      await request('GET /me', 'GET', '/me');
    };
    for (let i = 0; i < 3; i++) await walk(i);
    measuring = true;
    const started = performance.now();
    for (let i = 3; i < 3 + options.walks; i++) await walk(i);
    return { driver, walks: options.walks, seconds: (performance.now() - started) / 1000, steps };
  } finally {
    await server.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

/** Walks per second on each driver, and PGlite / PostgreSQL when both ran. */
export async function run(options: ApiWalkOptions = optionsFromEnvironment()): Promise<Ratio[]> {
  const figures: WalkFigures[] = [];
  await forEachDriver(options.drivers, options.postgresUrl, async (driver, url) => {
    const f = await benchmark(driver, url, options);
    figures.push(f);
    console.log(`\n${driver}: ${f.walks} walks of 9 requests in ${f.seconds.toFixed(2)} s: ${(f.walks / f.seconds).toFixed(1)} walks/s (${((f.walks * 9) / f.seconds).toFixed(0)} requests/s)`);
    for (const [step, times] of f.steps) console.log(`  ${step.padEnd(24)} median ${median(times).toFixed(1)} ms`);
  });
  const ratios: Ratio[] = figures.map((f) => ({ name: `API walk: walks/s (${f.driver})`, value: f.walks / f.seconds, unit: 'walks/s', better: 'higher' }));
  const pglite = figures.find((f) => f.driver === 'pglite');
  const postgres = figures.find((f) => f.driver === 'postgres');
  if (pglite && postgres) {
    const ratio = pglite.walks / pglite.seconds / (postgres.walks / postgres.seconds);
    console.log(`\nratio PGlite / PostgreSQL (walks/s): ${ratio.toFixed(2)}`);
    ratios.unshift({
      name: 'API walk: PGlite / PostgreSQL',
      value: ratio,
      better: 'higher',
      detail: `${(pglite.walks / pglite.seconds).toFixed(1)} vs ${(postgres.walks / postgres.seconds).toFixed(1)} walks/s`,
    });
  }
  return ratios;
}

if (isMain(import.meta.url)) await run();

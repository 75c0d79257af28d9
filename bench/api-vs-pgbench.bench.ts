/**
 * The API against pgbench running the very SQL the API sends for the same request, on a scratch PostgreSQL database
 * with 100k projects across 1,000 organizations: (a) GET /api/v1/projects/{id}, (b) GET /api/v1/projects?limit=50,
 * (c) PATCH /api/v1/projects/{id}. The statements are captured from the driver while the API answers the request
 * (BEGIN, set_config, the queries, COMMIT), written to a pgbench script (values as literals, ids a request creates
 * as gen_random_uuid()) and run with the same number of clients, prepared (-M prepared), as the runtime role.
 *
 * Two ways of checking the access token are measured (docs/decisions/019-request-overhead.md):
 *   memory   a token verified within SESSION_CACHE_MS is answered from memory: the request sends only its own SQL
 *   database SESSION_CACHE_MS=0: one statement (app.session_of_access_token) before the request's transaction
 * Each is compared with pgbench running the SQL that variant sends.
 *
 *   npm run bench:api                                  # postgres://postgres@127.0.0.1:5432/postgres
 *   BENCH_DATABASE_URL=postgres://… npm run bench:api  # another server (or BENCH_POSTGRES_URL, TEST_DATABASE_URL);
 *                                                      # a scratch database is created there and dropped
 *   BENCH_DURATION_SECONDS=10 BENCH_ROUNDS=3 BENCH_CONNECTIONS=8 BENCH_PORT=4410 BENCH_VARIANTS=memory,database BENCH_SCENARIOS=read,list,write
 *   BENCH_SHOW_SQL=1 prints the pgbench scripts
 *
 * Figures on a busy machine are noisy: compare the ratios, and note the load average printed with them.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import autocannon from 'autocannon';
import pg from 'pg';
import { loadConfig } from '../src/config.js';
import { forgetSessions } from '../src/core/auth/authenticate.js';
import { hashSecret, newSecretToken } from '../src/core/auth/secrets.js';
import { startServer } from '../src/server.js';
import { scratchDatabase } from './support/scratch-database.js';

export type Ratio = { name: string; value: number; unit: 'ratio'; better: 'higher'; detail: string };

type Scenario = { key: 'read' | 'list' | 'write'; label: string; method: 'GET' | 'PATCH'; path: string; body?: () => string };
type Variant = 'memory' | 'database';
type Statement = { text: string; values: unknown[] };

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const WARM_UP_SECONDS = 3;
const USER_ID = '00000000-0000-7000-8000-00000000b101';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export type ApiVsPgbenchOptions = {
  serverUrl?: string;
  organizations?: number;
  projectsPerOrganization?: number;
  durationSeconds?: number;
  /** API then pgbench, this many times; the median round is reported. */
  rounds?: number;
  connections?: number;
  port?: number;
  variants?: Variant[];
  log?: (line: string) => void;
};

export async function run(options: ApiVsPgbenchOptions = {}): Promise<Ratio[]> {
  const serverUrl =
    options.serverUrl ?? process.env.BENCH_DATABASE_URL ?? process.env.BENCH_POSTGRES_URL ?? process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  const organizations = options.organizations ?? Number(process.env.BENCH_ORGANIZATIONS ?? 1000);
  const perOrganization = options.projectsPerOrganization ?? Number(process.env.BENCH_PROJECTS_PER_ORGANIZATION ?? 100);
  const duration = options.durationSeconds ?? Number(process.env.BENCH_DURATION_SECONDS ?? 10);
  const rounds = options.rounds ?? Number(process.env.BENCH_ROUNDS ?? 3);
  const connections = options.connections ?? Number(process.env.BENCH_CONNECTIONS ?? 8);
  const basePort = options.port ?? Number(process.env.BENCH_PORT ?? 4410);
  const variants = options.variants ?? ((process.env.BENCH_VARIANTS ?? 'memory,database').split(',') as Variant[]);
  const log = options.log ?? ((line: string) => console.log(line));
  const pgbench = findPgbench();

  const scratch = await scratchDatabase(serverUrl);
  const children: ChildProcess[] = [];
  const workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'atelier-api-vs-pgbench-'));
  try {
    const token = newSecretToken('at');
    const seeded = await seedAndCapture(scratch.url, token, organizations, perOrganization, basePort);
    log(`${organizations * perOrganization} projects across ${organizations} organizations; ${connections} clients, ${duration} s each; load average ${os.loadavg().map((l) => l.toFixed(2)).join(' ')}`);

    const ratios: Ratio[] = [];
    const servers = new Map<Variant, string>();
    for (const [index, variant] of variants.entries()) {
      const port = basePort + 2 + index;
      children.push(await spawnServer(scratch.url, port, variant === 'memory' ? '5000' : '0', path.join(workDir, variant)));
      servers.set(variant, `http://127.0.0.1:${port}`);
    }
    const apiRates = new Map<string, number>();
    const only = process.env.BENCH_SCENARIOS?.split(',');
    for (const scenario of seeded.scenarios.filter((s) => !only || only.includes(s.key))) {
      for (const variant of variants) {
        const statements = seeded.captured.get(`${scenario.key}/${variant}`)!;
        const script = path.join(workDir, `${scenario.key}-${variant}.sql`);
        fs.writeFileSync(script, statements.join('\n') + '\n');
        if (process.env.BENCH_SHOW_SQL) log(`-- ${scenario.label}, token from ${variant}\n${statements.join('\n')}`);
        const child = children[variants.indexOf(variant)]!;
        // The API process compiles its hot paths in the first seconds; pgbench has nothing to warm up.
        await measureApi(servers.get(variant)!, scenario, token, connections, WARM_UP_SECONDS);
        // Rounds alternate the API and pgbench, so a burst of other work on the machine hits both; the median round
        // is the figure.
        const measured: { api: number; tps: number; cpuPerRequest: number }[] = [];
        for (let round = 0; round < rounds; round += 1) {
          const cpuBefore = cpuMilliseconds(child.pid);
          const api = await measureApi(servers.get(variant)!, scenario, token, connections, duration);
          const cpuPerRequest = (cpuMilliseconds(child.pid) - cpuBefore) / (api * duration);
          measured.push({ api, tps: runPgbench(pgbench, scratch.url, script, connections, duration), cpuPerRequest });
        }
        const roundRatios = measured.map(({ api: a, tps: t }) => a / t);
        const median = measured[roundRatios.indexOf([...roundRatios].sort((a, b) => a - b)[Math.floor(rounds / 2)]!)]!;
        const { api, tps, cpuPerRequest } = median;
        apiRates.set(`${scenario.key}/${variant}`, api);
        const ratio = api / tps;
        log(
          `${scenario.label.padEnd(28)} token from ${variant.padEnd(8)}: API ${api.toFixed(0).padStart(6)} req/s, ` +
            `pgbench ${tps.toFixed(0).padStart(6)} tps (${statements.length} statements), ratio ${ratio.toFixed(2)}; ` +
            `API process CPU ${cpuPerRequest.toFixed(2)} ms/request` +
            (rounds > 1 ? ` (median of ${rounds} rounds: ${roundRatios.map((r) => r.toFixed(2)).join(', ')})` : ''),
        );
        ratios.push({
          name: `api_vs_pgbench.${scenario.key}.${variant}`,
          value: ratio,
          unit: 'ratio',
          better: 'higher',
          detail: `${scenario.label}, token from ${variant}: API ${api.toFixed(0)} req/s / pgbench ${tps.toFixed(0)} tps on the same ${statements.length} statements`,
        });
      }
      if (variants.includes('memory') && variants.includes('database')) {
        const gain = apiRates.get(`${scenario.key}/memory`)! / apiRates.get(`${scenario.key}/database`)!;
        log(`${scenario.label.padEnd(28)} memory/database (req/s): ${gain.toFixed(2)}`);
        ratios.push({ name: `api_token_memory_vs_database.${scenario.key}`, value: gain, unit: 'ratio', better: 'higher', detail: `${scenario.label}: req/s with the token from memory / from the database` });
      }
    }
    return ratios;
  } finally {
    for (const child of children) child.kill('SIGTERM');
    await Promise.all(children.map((child) => new Promise((resolve) => (child.exitCode !== null ? resolve(null) : child.once('exit', resolve)))));
    fs.rmSync(workDir, { recursive: true, force: true });
    await scratch.drop();
  }
}

/** CPU time (user + system) a process used so far, from /proc (Linux); NaN elsewhere. */
function cpuMilliseconds(pid: number | undefined): number {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100; // utime, stime in ticks of 1/100 s
  } catch {
    return Number.NaN;
  }
}

function findPgbench(): string {
  for (const candidate of ['pgbench', '/usr/lib/postgresql/16/bin/pgbench', '/usr/lib/postgresql/15/bin/pgbench']) {
    if (spawnSync(candidate, ['--version']).status === 0) return candidate;
  }
  throw new Error('pgbench was not found (PATH, /usr/lib/postgresql/*/bin)');
}

/** Migrates and loads the scratch database in this process, then records the SQL each request sends. */
async function seedAndCapture(url: string, token: string, organizations: number, perOrganization: number, basePort: number) {
  const server = await startServer(
    loadConfig({ ...process.env, DATA_DIR: path.join(os.tmpdir(), 'atelier-api-vs-pgbench-capture'), DATABASE_URL: url, PORT: String(basePort + 1), HOST: '127.0.0.1', LOG_LEVEL: 'warn', JOBS_CONCURRENCY: '0', AI_BUILTIN_WORKERS: '0', SESSION_CACHE_MS: '5000' }),
  );
  try {
    const projectId = await server.db.withAdmin(async (sql) => {
      await sql.query(`INSERT INTO app.users (id, name, email, status, email_verified) VALUES ($1, 'Bench', 'bench@example.com', 'active', true)`, [USER_ID]);
      await sql.query(
        `INSERT INTO app.user_sessions (id, user_id, access_token_hash, access_expires_at, expires_at)
         VALUES (gen_random_uuid(), $1, $2, now() + interval '1 day', now() + interval '1 day')`,
        [USER_ID, hashSecret(token)],
      );
      await sql.query(
        `INSERT INTO app.organizations (id, name, slug, owner_id) SELECT gen_random_uuid(), 'Org ' || n, 'org-' || n, $1 FROM generate_series(1, $2::int) n`,
        [USER_ID, organizations],
      );
      await sql.query(`INSERT INTO app.organization_members (id, organization_id, user_id, role) SELECT gen_random_uuid(), o.id, $1, 'owner' FROM app.organizations o`, [USER_ID]);
      await sql.query(
        `INSERT INTO app.projects (id, organization_id, owner_id, name, key, created_at)
         SELECT gen_random_uuid(), o.id, $1, 'Project ' || o.slug || '-' || n, 'P' || n, now() - make_interval(secs => (row_number() OVER ()))
         FROM app.organizations o CROSS JOIN generate_series(1, $2::int) n`,
        [USER_ID, perOrganization],
      );
      const [row] = await sql.query<{ id: string }>(`SELECT id FROM app.projects ORDER BY created_at DESC OFFSET $1 LIMIT 1`, [Math.floor((organizations * perOrganization) / 2)]);
      return row!.id;
    });
    await server.db.withAdmin((sql) => sql.exec('ANALYZE'));

    let edit = 0;
    const scenarios: Scenario[] = [
      { key: 'read', label: 'GET /projects/{id}', method: 'GET', path: `/api/v1/projects/${projectId}` },
      { key: 'list', label: 'GET /projects?limit=50', method: 'GET', path: '/api/v1/projects?limit=50' },
      { key: 'write', label: 'PATCH /projects/{id}', method: 'PATCH', path: `/api/v1/projects/${projectId}`, body: () => JSON.stringify({ description: `Edited ${++edit}` }) },
    ];

    const captured = new Map<string, string[]>();
    const original = pg.Client.prototype.query;
    let recording: Statement[] | undefined;
    pg.Client.prototype.query = function (this: pg.Client, ...args: unknown[]) {
      const [config, values] = args as [unknown, unknown];
      if (recording) {
        const text = typeof config === 'string' ? config : (config as { text?: string }).text;
        const params = Array.isArray(values) ? values : ((config as { values?: unknown[] }).values ?? []);
        if (typeof text === 'string') recording.push({ text, values: params });
      }
      return (original as (...a: unknown[]) => unknown).apply(this, args);
    } as typeof original;
    const request = async (scenario: Scenario, forget: boolean): Promise<Statement[]> => {
      if (forget) forgetSessions(server.db, USER_ID);
      else await send(server.url, scenario, token); // the token is remembered before the recorded request
      recording = [];
      try {
        await send(server.url, scenario, token);
        return recording;
      } finally {
        recording = undefined;
      }
    };
    try {
      for (const scenario of scenarios) {
        for (const variant of ['memory', 'database'] as const) {
          const forget = variant === 'database';
          const first = await request(scenario, forget);
          const second = await request(scenario, forget);
          captured.set(`${scenario.key}/${variant}`, pgbenchScript(first, second));
        }
      }
    } finally {
      pg.Client.prototype.query = original;
    }
    return { scenarios, captured };
  } finally {
    await server.stop();
  }
}

async function send(base: string, scenario: Scenario, token: string): Promise<void> {
  const body = scenario.body?.();
  const response = await fetch(`${base}${scenario.path}`, {
    method: scenario.method,
    headers: { authorization: `Bearer ${token}`, ...(body ? { 'content-type': 'application/json' } : {}) },
    ...(body ? { body } : {}),
  });
  if (!response.ok) throw new Error(`${scenario.method} ${scenario.path}: ${response.status} ${await response.text()}`);
  await response.arrayBuffer();
}

/**
 * The statements of one request as pgbench commands: parameters become literals (an untyped literal takes its type
 * from the context, as a parameter does); a value that differs between two identical requests and is an id is
 * something the request creates, so it becomes gen_random_uuid().
 */
function pgbenchScript(first: Statement[], second: Statement[]): string[] {
  const sameShape = first.length === second.length && first.every((s, i) => s.text === second[i]!.text);
  if (!sameShape) throw new Error('two identical requests sent different statements; cannot write a pgbench script');
  return second.map((statement, i) => {
    const quoted = statement.text.replace(/'((?:[^']|'')*)'/g, (whole, inner: string) => (/[:\\]/.test(inner) ? literal(inner.replace(/''/g, "'")) : whole));
    const text = quoted.replace(/\$(\d+)/g, (_, n: string) => {
      const index = Number(n) - 1;
      const value = statement.values[index];
      const before = first[i]!.values[index];
      if (typeof value === 'string' && UUID.test(value) && value !== before) return 'gen_random_uuid()';
      return literal(value);
    });
    return `${text.trim().replace(/;$/, '')};`;
  });
}

function literal(value: unknown): string {
  if (value === null || value === undefined) return 'NULL';
  if (typeof value === 'number' || typeof value === 'bigint') return String(value);
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  const text =
    value instanceof Date
      ? value.toISOString()
      : Array.isArray(value)
        ? `{${value.map((v) => JSON.stringify(v)).join(',')}}`
        : typeof value === 'string'
          ? value
          : JSON.stringify(value);
  // pgbench reads :name as one of its variables, even inside a literal: spell a colon as an escape there.
  if (!/[:\\]/.test(text)) return `'${text.replace(/'/g, "''")}'`;
  return `E'${text.replace(/\\/g, '\\\\').replace(/'/g, "''").replace(/:/g, '\\072')}'`;
}

/** The API as a separate process (as in production), so the load generator does not share its event loop. */
async function spawnServer(url: string, port: number, sessionCacheMs: string, dataDir: string): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(ROOT, 'src/main.ts')], {
    cwd: ROOT,
    env: {
      ...process.env,
      DATABASE_URL: url,
      PORT: String(port),
      HOST: '127.0.0.1',
      LOG_LEVEL: 'warn',
      JOBS_CONCURRENCY: '0',
      AI_BUILTIN_WORKERS: '0',
      SESSION_CACHE_MS: sessionCacheMs,
      DATA_DIR: dataDir,
    },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the API server on port ${port} exited with ${child.exitCode}`);
    try {
      if ((await fetch(`http://127.0.0.1:${port}/health`)).ok) return child;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      child.kill('SIGTERM');
      throw new Error(`the API server on port ${port} did not start within 60 s`);
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

async function measureApi(base: string, scenario: Scenario, token: string, connections: number, duration: number): Promise<number> {
  const headers: Record<string, string> = { authorization: `Bearer ${token}` };
  if (scenario.body) headers['content-type'] = 'application/json';
  const body = scenario.body;
  const result = await autocannon({
    url: `${base}${scenario.path}`,
    connections,
    duration,
    requests: [{ method: scenario.method, path: scenario.path, headers, ...(body ? { setupRequest: (req) => ({ ...req, body: body() }) } : {}) }],
  });
  if (result.non2xx > 0 || result.errors > 0) throw new Error(`${scenario.label}: ${result.non2xx} non-2xx answers, ${result.errors} errors`);
  return result.requests.total / duration;
}

function runPgbench(pgbench: string, url: string, script: string, clients: number, duration: number): number {
  const result = spawnSync(pgbench, ['-n', '-M', 'prepared', '-c', String(clients), '-j', String(Math.min(clients, 2)), '-T', String(duration), '-f', script, url], {
    encoding: 'utf8',
    // The statements run as the API's runtime role, as on its pooled connections.
    env: { ...process.env, PGOPTIONS: '-c role=atelier_app' },
  });
  const tps = /tps = ([\d.]+)/.exec(result.stdout ?? '');
  if (result.status !== 0 || !tps) throw new Error(`pgbench failed: ${result.stderr || result.stdout}`);
  const failed = /number of failed transactions: (\d+)/.exec(result.stdout);
  if (failed && Number(failed[1]) > 0) throw new Error(`pgbench: ${failed[1]} failed transactions\n${result.stdout}`);
  return Number(tps[1]);
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  const ratios = await run();
  console.log('\nratios');
  for (const ratio of ratios) console.log(`  ${ratio.name.padEnd(44)} ${ratio.value.toFixed(2)}  ${ratio.detail}`);
}

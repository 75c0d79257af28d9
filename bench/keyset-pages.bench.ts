/**
 * Keyset pagination at depth, for every list endpoint whose rows grow with use into the tens of thousands in one
 * listing: an organization's projects, members, audit log, jobs, AI generations and board sessions; a project's
 * stories, tasks, conversations, documents and versions; a conversation's messages; a connection's saved queries and
 * executions. Each gets BENCH_KEYSET_ROWS rows (default 12,000) in one organization, loaded with generate_series as the
 * admin role; then, over real HTTP as the web app asks, the endpoint is walked page by page as a client would (200 at
 * a time, following nextCursor — or olderCursor for messages) to a page near the end, and the first page and that deep
 * page (50 rows each) are requested alternately. Prints the median latency of each and the ratio deep/first: keyset
 * pages should keep it near 1 where OFFSET would grow with depth. Asserts nothing.
 *
 * Lists bounded by their parent (a story's or a task's activity, a document's or a diagram's revisions, epics,
 * sprints, personas, connections, schema versions, mock-data jobs, an account's organizations) are left out.
 *
 *   npm run bench:keyset                                  # PostgreSQL if BENCH_POSTGRES_URL / TEST_DATABASE_URL is
 *                                                         # set (a scratch database made and dropped), else PGlite
 *   BENCH_DRIVERS=pglite,postgres npm run bench:keyset    # both
 *   BENCH_KEYSET_ROWS=50000 BENCH_REQUESTS=100 npm run bench:keyset
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { isMain, type Ratio } from './support/results.js';
import { forEachDriver, vacuumAnalyze } from './support/scratch-database.js';
import { loadConfig } from '../src/config.js';
import { hashSecret, newSecretToken } from '../src/core/auth/secrets.js';
import { startServer } from '../src/server.js';

export type KeysetOptions = { rows: number; requests: number; drivers: string[]; postgresUrl: string | undefined };

export function optionsFromEnvironment(env: NodeJS.ProcessEnv = process.env): KeysetOptions {
  const postgresUrl = env.BENCH_POSTGRES_URL ?? env.TEST_DATABASE_URL;
  return {
    rows: Number(env.BENCH_KEYSET_ROWS ?? 12_000),
    requests: Number(env.BENCH_REQUESTS ?? 30),
    postgresUrl,
    drivers: (env.BENCH_DRIVERS ?? (postgresUrl ? 'postgres' : 'pglite')).split(','),
  };
}

const USER_ID = '00000000-0000-7000-8000-00000000f001';
const ORG_ID = '00000000-0000-7000-8000-00000000f002';
const PROJECT_ID = '00000000-0000-7000-8000-00000000f003';
const CONVERSATION_ID = '00000000-0000-7000-8000-00000000f004';
const CONNECTION_ID = '00000000-0000-7000-8000-00000000f005';
const PAGE = 50;
const WALK_PAGE = 200;

/** A list endpoint: its path, and which cursor of a page leads deeper (nextCursor as cursor=, or olderCursor as before=). */
type Endpoint = { name: string; path: string; cursorField?: 'nextCursor' | 'olderCursor'; cursorParam?: 'cursor' | 'before' };

const ENDPOINTS: Endpoint[] = [
  { name: 'projects', path: `/api/v1/projects?organizationId=${ORG_ID}` },
  { name: 'organization members', path: `/api/v1/organizations/${ORG_ID}/members` },
  { name: 'audit log', path: `/api/v1/audit?organizationId=${ORG_ID}` },
  { name: 'jobs', path: `/api/v1/jobs?organizationId=${ORG_ID}` },
  { name: 'AI generations', path: `/api/v1/ai/generations?organizationId=${ORG_ID}` },
  { name: 'board sessions', path: `/api/v1/board/sessions?organizationId=${ORG_ID}` },
  { name: 'stories', path: `/api/v1/projects/${PROJECT_ID}/stories` },
  { name: 'tasks', path: `/api/v1/projects/${PROJECT_ID}/tasks` },
  { name: 'conversations', path: `/api/v1/projects/${PROJECT_ID}/conversations` },
  { name: 'messages', path: `/api/v1/projects/${PROJECT_ID}/conversations/${CONVERSATION_ID}/messages`, cursorField: 'olderCursor', cursorParam: 'before' },
  { name: 'documents', path: `/api/v1/projects/${PROJECT_ID}/documents` },
  { name: 'project versions', path: `/api/v1/projects/${PROJECT_ID}/versions` },
  { name: 'saved queries', path: `/api/v1/connections/${CONNECTION_ID}/queries` },
  { name: 'query executions', path: `/api/v1/connections/${CONNECTION_ID}/executions` },
];

/** `rows` rows behind every endpoint above, in one organization, one project, one conversation and one connection. */
async function seed(sql: { query<Row>(text: string, params?: unknown[]): Promise<Row[]> }, token: string, rows: number): Promise<void> {
  const n = [rows];
  const step = async (text: string, params: unknown[] = n) => void (await sql.query(text, params));
  await step(`INSERT INTO app.users (id, name, email, status, email_verified) VALUES ($1, 'Bench', 'bench-keyset@example.com', 'active', true)`, [USER_ID]);
  await step(
    `INSERT INTO app.user_sessions (id, user_id, access_token_hash, access_expires_at, expires_at)
     VALUES (gen_random_uuid(), $1, $2, now() + interval '1 day', now() + interval '1 day')`,
    [USER_ID, hashSecret(token)],
  );
  await step(`INSERT INTO app.organizations (id, name, slug, owner_id) VALUES ($1, 'Bench', 'bench-keyset', $2)`, [ORG_ID, USER_ID]);
  await step(`INSERT INTO app.organization_members (id, organization_id, user_id, role) VALUES (gen_random_uuid(), $1, $2, 'owner')`, [ORG_ID, USER_ID]);
  await step(
    `INSERT INTO app.users (id, name, email, status, email_verified)
     SELECT gen_random_uuid(), 'Member ' || g, 'member-' || g || '@example.com', 'active', true FROM generate_series(1, $1::int) g`,
  );
  await step(
    `INSERT INTO app.organization_members (id, organization_id, user_id, role, joined_at)
     SELECT gen_random_uuid(), $1, u.id, 'viewer', now() - make_interval(secs => row_number() OVER (ORDER BY u.email))
     FROM app.users u WHERE u.email LIKE 'member-%'`,
    [ORG_ID],
  );
  await step(`INSERT INTO app.projects (id, organization_id, owner_id, name, key) VALUES ($1, $2, $3, 'Bench', 'BENCH')`, [PROJECT_ID, ORG_ID, USER_ID]);
  await step(
    `INSERT INTO app.projects (id, organization_id, owner_id, name, key, created_at)
     SELECT gen_random_uuid(), $2, $3, 'Project ' || g, 'P' || g, now() - make_interval(secs => g) FROM generate_series(1, $1::int - 1) g`,
    [rows, ORG_ID, USER_ID],
  );
  const inOrganization = [rows, ORG_ID, USER_ID];
  await step(
    `INSERT INTO app.audit_log (organization_id, user_id, action, resource_type, resource_id, "timestamp")
     SELECT $2, $3, 'project_updated', 'project', g::text, now() - make_interval(secs => $1::int - g) FROM generate_series(1, $1::int) g`,
    inOrganization,
  );
  await step(
    `INSERT INTO app.jobs (id, organization_id, type, status, created_by, created_at, started_at, finished_at)
     SELECT gen_random_uuid(), $2, 'ai.task-batch', 'succeeded', $3, t, t, t
     FROM generate_series(1, $1::int) g CROSS JOIN LATERAL (SELECT now() - make_interval(secs => g) AS t) AS at`,
    inOrganization,
  );
  await step(
    `INSERT INTO app.ai_generations (id, organization_id, user_id, generation_type, provider, model, prompt, status, created_at)
     SELECT gen_random_uuid(), $2, $3, 'document-srs', 'builtin', 'offline', 'Write the SRS', 'succeeded', now() - make_interval(secs => g)
     FROM generate_series(1, $1::int) g`,
    inOrganization,
  );
  await step(
    `INSERT INTO board.sessions (id, organization_id, user_id, problem_statement, budget_usd, seed, status, completed_at, created_at)
     SELECT gen_random_uuid(), $2, $3, 'Should we launch in city ' || g || '?', 1, g, 'completed', now(), now() - make_interval(secs => g)
     FROM generate_series(1, $1::int) g`,
    inOrganization,
  );
  const inProject = [rows, ORG_ID, PROJECT_ID, USER_ID];
  await step(
    `INSERT INTO app.stories (id, organization_id, project_id, number, title, rank, creator_id)
     SELECT gen_random_uuid(), $2, $3, 0, 'Story ' || g, lpad(g::text, 8, '0'), $4 FROM generate_series(1, $1::int) g`,
    inProject,
  );
  await step(
    `INSERT INTO app.tasks (id, organization_id, project_id, title, creator_id, created_at)
     SELECT gen_random_uuid(), $2, $3, 'Task ' || g, $4, now() - make_interval(secs => g) FROM generate_series(1, $1::int) g`,
    inProject,
  );
  await step(
    `INSERT INTO app.conversations (id, organization_id, project_id, title, creator_id, created_at)
     SELECT CASE WHEN g = 1 THEN $5::uuid ELSE gen_random_uuid() END, $2, $3, 'Conversation ' || g, $4, now() - make_interval(secs => g)
     FROM generate_series(1, $1::int) g`,
    [...inProject, CONVERSATION_ID],
  );
  await step(
    `INSERT INTO app.messages (id, conversation_id, organization_id, project_id, role, content, author_id, created_at)
     SELECT gen_random_uuid(), $5, $2, $3, CASE WHEN g % 2 = 0 THEN 'assistant' ELSE 'user' END, 'Message ' || g, $4,
            now() - make_interval(secs => $1::int - g)
     FROM generate_series(1, $1::int) g`,
    [...inProject, CONVERSATION_ID],
  );
  await step(
    `INSERT INTO app.documents (id, organization_id, project_id, type, title, slug, creator_id, created_at)
     SELECT gen_random_uuid(), $2, $3, 'srs', 'Document ' || g, 'doc-' || g, $4, now() - make_interval(secs => g) FROM generate_series(1, $1::int) g`,
    inProject,
  );
  await step(
    `INSERT INTO app.project_versions (project_id, organization_id, version, change_note, created_at)
     SELECT $3, $2, 0, 'Version ' || g, now() - make_interval(secs => $1::int - g) FROM generate_series(1, $1::int) g`,
    [rows, ORG_ID, PROJECT_ID],
  );
  await step(
    `INSERT INTO dbassist.connections (id, organization_id, name, db_type, connection_uri, created_by) VALUES ($1, $2, 'Bench', 'postgres', 'v1:sealed', $3)`,
    [CONNECTION_ID, ORG_ID, USER_ID],
  );
  const inConnection = [rows, ORG_ID, CONNECTION_ID, USER_ID];
  await step(
    `INSERT INTO dbassist.queries (id, organization_id, connection_id, description, sql_text, created_by, created_at)
     SELECT gen_random_uuid(), $2, $3, 'Query ' || g, 'SELECT ' || g, $4, now() - make_interval(secs => g) FROM generate_series(1, $1::int) g`,
    inConnection,
  );
  await step(
    `INSERT INTO dbassist.executions (id, organization_id, connection_id, sql_text, status, executed_by, started_at, finished_at)
     SELECT gen_random_uuid(), $2, $3, 'SELECT ' || g, 'success', $4, t, t
     FROM generate_series(1, $1::int) g CROSS JOIN LATERAL (SELECT now() - make_interval(secs => g) AS t) AS at`,
    inConnection,
  );
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

export type KeysetFigures = { endpoint: string; depth: number; firstMs: number; deepMs: number };

async function benchmark(driver: string, databaseUrl: string | undefined, options: KeysetOptions): Promise<KeysetFigures[]> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'atelier-bench-keyset-'));
  const { DATABASE_URL: _ignored, ...environment } = process.env;
  const server = await startServer(
    loadConfig({ ...environment, ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}), PORT: '0', HOST: '127.0.0.1', DATA_DIR: dataDir, LOG_LEVEL: 'warn', JOBS_CONCURRENCY: '0', AI_BUILTIN_WORKERS: '0' }),
  );
  try {
    const token = newSecretToken('at');
    const started = performance.now();
    await server.db.withAdmin((sql) => seed(sql, token, options.rows));
    if (databaseUrl) await vacuumAnalyze(databaseUrl);
    else await server.db.withAdmin((sql) => sql.query('ANALYZE'));
    console.log(`\n${driver}: ${options.rows} rows behind each of ${ENDPOINTS.length} list endpoints, loaded in ${((performance.now() - started) / 1000).toFixed(1)} s`);
    const headers = { authorization: `Bearer ${token}` };
    const get = async (url: string): Promise<Record<string, unknown>> => {
      const response = await fetch(`${server.url}${url}`, { headers });
      if (!response.ok) throw new Error(`GET ${url}: ${response.status} ${await response.text()}`);
      return (await response.json()) as Record<string, unknown>;
    };
    const withQuery = (url: string, query: string) => `${url}${url.includes('?') ? '&' : '?'}${query}`;

    const figures: KeysetFigures[] = [];
    for (const endpoint of ENDPOINTS) {
      const field = endpoint.cursorField ?? 'nextCursor';
      const param = endpoint.cursorParam ?? 'cursor';
      // Walk as a client does to a page near the end.
      let cursor: string | null = null;
      let walked = 0;
      const target = options.rows - 2 * WALK_PAGE;
      while (walked < target) {
        const page = await get(withQuery(endpoint.path, `limit=${WALK_PAGE}${cursor ? `&${param}=${encodeURIComponent(cursor)}` : ''}`));
        walked += (page.items as unknown[]).length;
        cursor = (page[field] as string | null) ?? null;
        if (!cursor) break;
      }
      if (!cursor) throw new Error(`${endpoint.name}: the listing ended after ${walked} rows; expected more than ${target}`);
      const firstUrl = withQuery(endpoint.path, `limit=${PAGE}`);
      const deepUrl = withQuery(endpoint.path, `limit=${PAGE}&${param}=${encodeURIComponent(cursor)}`);
      for (let i = 0; i < 3; i++) await Promise.all([get(firstUrl), get(deepUrl)]);
      const first: number[] = [];
      const deep: number[] = [];
      const time = async (url: string, into: number[]) => {
        const t0 = performance.now();
        const page = await get(url);
        into.push(performance.now() - t0);
        if ((page.items as unknown[]).length !== PAGE) throw new Error(`${url}: expected ${PAGE} items, got ${(page.items as unknown[]).length}`);
      };
      for (let i = 0; i < options.requests; i++) {
        await time(firstUrl, first);
        await time(deepUrl, deep);
      }
      const figure = { endpoint: endpoint.name, depth: walked, firstMs: median(first), deepMs: median(deep) };
      figures.push(figure);
      console.log(
        `  ${endpoint.name.padEnd(22)} first page ${figure.firstMs.toFixed(1).padStart(6)} ms, after ${String(walked).padStart(6)} rows ${figure.deepMs.toFixed(1).padStart(6)} ms, ratio deep/first ${(figure.deepMs / figure.firstMs).toFixed(2)}`,
      );
    }
    return figures;
  } finally {
    await server.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

/** Every endpoint's deep/first ratio (median latency of the 50-row page), per driver. */
export async function run(options: KeysetOptions = optionsFromEnvironment()): Promise<Ratio[]> {
  const ratios: Ratio[] = [];
  await forEachDriver(options.drivers, options.postgresUrl, async (driver, url) => {
    for (const figure of await benchmark(driver, url, options)) {
      ratios.push({
        name: `keyset deep/first: ${figure.endpoint} (${driver})`,
        value: figure.deepMs / figure.firstMs,
        better: 'lower',
        detail: `${figure.firstMs.toFixed(1)} ms vs ${figure.deepMs.toFixed(1)} ms after ${figure.depth} rows`,
      });
    }
  });
  return ratios;
}

if (isMain(import.meta.url)) await run();

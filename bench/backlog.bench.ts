/**
 * The backlog at size: 100k stories in 100 projects and 1M story_activity rows, bulk-loaded with generate_series as
 * the admin role; then over real HTTP, as the web app asks:
 * - the board: one sprint's three status columns (GET …/stories?sprintId=…&status=…, fetched together);
 * - the backlog's first keyset page against a deep one (the last page of a project), and their ratio;
 * - the burndown of a two-week sprint whose stories changed 5,000 times (GET …/sprints/{id}/burndown), rebuilt from
 *   the activity rows on every call.
 * Prints figures and ratios; asserts nothing.
 *
 *   npm run bench:backlog                                  # embedded PGlite in a temporary directory
 *   BENCH_POSTGRES_URL=postgres://… npm run bench:backlog  # then also PostgreSQL (TEST_DATABASE_URL works too), in a
 *                                                          # scratch database made on that server and dropped after
 *   BENCH_DRIVERS=postgres BENCH_POSTGRES_URL=… npm run bench:backlog   # one driver only
 *   BENCH_PROJECTS=20 BENCH_STORIES=20000 BENCH_ACTIVITY=200000 npm run bench:backlog   # smaller
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { generateNKeysBetween } from 'fractional-indexing';
import { scratchDatabase } from './support/scratch-database.js';
import { loadConfig } from '../src/config.js';
import { hashSecret, newSecretToken } from '../src/core/auth/secrets.js';
import { startServer } from '../src/server.js';

const PROJECTS = Number(process.env.BENCH_PROJECTS ?? 100);
const STORIES = Number(process.env.BENCH_STORIES ?? 100_000);
const ACTIVITY = Number(process.env.BENCH_ACTIVITY ?? 1_000_000);
/** Stories in each project's active sprint: the board. */
const SPRINT_STORIES = Number(process.env.BENCH_SPRINT_STORIES ?? 100);
/** Changes to the burndown sprint's stories within its two weeks. */
const SPRINT_CHANGES = Number(process.env.BENCH_SPRINT_CHANGES ?? 5000);
const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 100);
const POSTGRES_URL = process.env.BENCH_POSTGRES_URL ?? process.env.TEST_DATABASE_URL;
const DRIVERS = (process.env.BENCH_DRIVERS ?? (POSTGRES_URL ? 'pglite,postgres' : 'pglite')).split(',');

const PER_PROJECT = Math.floor(STORIES / PROJECTS);
const SPRINT_DAYS = 14;

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;
}

/** `count` timings of `request` (after a few unmeasured ones), in ms, sorted. */
async function time(count: number, request: () => Promise<void>): Promise<number[]> {
  for (let i = 0; i < 5; i++) await request();
  const timings: number[] = [];
  for (let i = 0; i < count; i++) {
    const started = performance.now();
    await request();
    timings.push(performance.now() - started);
  }
  return timings.sort((a, b) => a - b);
}

const summary = (sorted: number[]) => `p50 ${percentile(sorted, 50).toFixed(1)} ms, p99 ${percentile(sorted, 99).toFixed(1)} ms`;

type Figures = { driver: string; loadSeconds: number; boardP50: number; firstP50: number; deepP50: number; burndownP50: number };

async function benchmark(driver: string, databaseUrl: string | undefined): Promise<Figures> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'atelier-bench-'));
  const { DATABASE_URL: _ignored, ...environment } = process.env;
  const server = await startServer(
    loadConfig({ ...environment, ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}), PORT: '0', HOST: '127.0.0.1', DATA_DIR: dataDir, LOG_LEVEL: 'warn' }),
  );
  try {
    const token = newSecretToken('at');
    const userId = '00000000-0000-7000-8000-00000000ba01';
    const ranks = generateNKeysBetween(null, null, PER_PROJECT);
    const started = performance.now();
    const loaded = await server.db.withAdmin(async (sql) => {
      await sql.query(`INSERT INTO app.users (id, name, email, status, email_verified) VALUES ($1, 'Bench', 'bench@example.com', 'active', true)`, [userId]);
      await sql.query(
        `INSERT INTO app.user_sessions (id, user_id, access_token_hash, access_expires_at, expires_at)
         VALUES (gen_random_uuid(), $1, $2, now() + interval '1 day', now() + interval '1 day')`,
        [userId, hashSecret(token)],
      );
      const [org] = await sql.query<{ id: string }>(`INSERT INTO app.organizations (id, name, slug, owner_id) VALUES (gen_random_uuid(), 'Bench', 'bench', $1) RETURNING id`, [userId]);
      await sql.query(`INSERT INTO app.organization_members (id, organization_id, user_id, role) VALUES (gen_random_uuid(), $1, $2, 'owner')`, [org!.id, userId]);
      await sql.query(
        `INSERT INTO app.projects (id, organization_id, owner_id, name, key)
         SELECT gen_random_uuid(), $1, $2, 'Project ' || n, 'P' || n FROM generate_series(1, $3::int) n`,
        [org!.id, userId, PROJECTS],
      );
      // Each project: a completed sprint, the active two-week sprint (started 13 days ago), a planned one.
      await sql.query(
        `INSERT INTO app.sprints (id, organization_id, project_id, name, start_date, end_date, status, velocity, committed_points, started_at, completed_at)
         SELECT gen_random_uuid(), p.organization_id, p.id, s.name, s.start_date, s.start_date + ${SPRINT_DAYS - 1}, s.status,
                CASE WHEN s.status = 'completed' THEN 30 END, CASE WHEN s.status <> 'planning' THEN 40 END,
                CASE WHEN s.status <> 'planning' THEN s.start_date::timestamptz END,
                CASE WHEN s.status = 'completed' THEN (s.start_date + ${SPRINT_DAYS})::timestamptz END
         FROM app.projects p
         CROSS JOIN (VALUES ('Sprint 1', current_date - 27, 'completed'), ('Sprint 2', current_date - 13, 'active'),
                            ('Sprint 3', current_date + 1, 'planning')) AS s(name, start_date, status)`,
      );
      // Stories: the first SPRINT_STORIES of each project in its active sprint, the rest in the backlog, all created a
      // month ago. The history trigger would stamp its 'created' rows now(), and history cannot be rewritten, so it is
      // off for the load and the 'created' rows are written here with the stories' own time.
      const perStory = Math.max(1, Math.round(SPRINT_CHANGES / SPRINT_STORIES));
      await sql.exec('ALTER TABLE app.stories DISABLE TRIGGER stories_activity');
      await sql.query(
        `INSERT INTO app.stories (id, organization_id, project_id, number, sprint_id, title, story_points, priority, status, rank, created_at)
         SELECT gen_random_uuid(), p.organization_id, p.id, 0,
                CASE WHEN r.n <= $2 THEN (SELECT s.id FROM app.sprints s WHERE s.project_id = p.id AND s.status = 'active') END,
                'Story ' || r.n || ' of ' || p.key, 1 + r.n % 8, (ARRAY['high', 'medium', 'low'])[1 + r.n % 3],
                CASE WHEN r.n <= $2 AND p.key = 'P1' THEN (ARRAY['todo', 'in_progress', 'done'])[1 + $3::int % 3] ELSE 'todo' END,
                r.rank, now() - interval '30 days'
         FROM app.projects p CROSS JOIN unnest($1::text[]) WITH ORDINALITY AS r(rank, n)`,
        [ranks, SPRINT_STORIES, perStory],
      );
      await sql.query(
        `INSERT INTO app.story_activity (organization_id, project_id, story_id, actor_id, field, to_value, created_at)
         SELECT s.organization_id, s.project_id, s.id, $1, 'created', jsonb_set(app.story_tracked_fields(s), '{status}', '"todo"'), s.created_at
         FROM app.stories s`,
        [userId],
      );
      await sql.exec('ALTER TABLE app.stories ENABLE TRIGGER stories_activity');
      const [sprint] = await sql.query<{ id: string; project_id: string }>(
        `SELECT s.id, s.project_id FROM app.sprints s JOIN app.projects p ON p.id = s.project_id WHERE p.key = 'P1' AND s.status = 'active'`,
      );
      // The burndown sprint's stories change status SPRINT_CHANGES times over its two weeks, each change from the value
      // the previous one left (todo → in_progress → done → todo …), ending at the status the story has.
      await sql.query(
        `INSERT INTO app.story_activity (organization_id, project_id, story_id, actor_id, field, from_value, to_value, created_at)
         SELECT st.organization_id, st.project_id, st.id, $2, 'status',
                to_jsonb((ARRAY['todo', 'in_progress', 'done'])[1 + (k - 1) % 3]), to_jsonb((ARRAY['todo', 'in_progress', 'done'])[1 + k % 3]),
                (current_date - 13)::timestamptz + make_interval(secs => (k * 13 * 86400.0 / ($3::int + 1)) + (st.number % 600))
         FROM app.stories st CROSS JOIN generate_series(1, $3::int) k
         WHERE st.sprint_id = $1`,
        [sprint!.id, userId, perStory],
      );
      // The rest of the million: title and priority edits spread over every project's stories and the last 90 days.
      const [{ count }] = (await sql.query<{ count: string }>(`SELECT count(*) FROM app.story_activity`)) as [{ count: string }];
      const filler = Math.max(0, ACTIVITY - Number(count));
      await sql.query(
        `WITH p AS (SELECT id, (row_number() OVER (ORDER BY id) - 1)::int AS i FROM app.projects)
         INSERT INTO app.story_activity (organization_id, project_id, story_id, actor_id, field, from_value, to_value, created_at)
         SELECT st.organization_id, st.project_id, st.id, $1, 'priority', '"medium"', '"high"', now() - make_interval(secs => (g % 7776000))
         FROM generate_series(1, $2::int) g
         JOIN p ON p.i = g % $3::int
         JOIN app.stories st ON st.project_id = p.id AND st.number = 1 + (g / $3::int) % $4::int`,
        [userId, filler, PROJECTS, PER_PROJECT],
      );
      await sql.exec('ANALYZE');
      const [totals] = (await sql.query<{ stories: string; activity: string; changes: string }>(
        `SELECT (SELECT count(*) FROM app.stories) AS stories, (SELECT count(*) FROM app.story_activity) AS activity,
                (SELECT count(*) FROM app.story_activity a JOIN app.stories s ON s.id = a.story_id WHERE s.sprint_id = $1 AND a.field = 'status') AS changes`,
        [sprint!.id],
      )) as [{ stories: string; activity: string; changes: string }];
      return { sprintId: sprint!.id, projectId: sprint!.project_id, ...totals };
    });
    const loadSeconds = (performance.now() - started) / 1000;
    console.log(`[${driver}] loaded ${loaded.stories} stories in ${PROJECTS} projects, ${loaded.activity} activity rows (${loaded.changes} status changes in the burndown sprint) in ${loadSeconds.toFixed(1)} s`);

    const headers = { authorization: `Bearer ${token}` };
    const get = async (url: string): Promise<unknown> => {
      const response = await fetch(`${server.url}/api/v1${url}`, { headers });
      if (!response.ok) throw new Error(`GET ${url} answered ${response.status}: ${await response.text()}`);
      return response.json();
    };
    const stories = `/projects/${loaded.projectId}/stories`;

    const board = await time(REQUESTS, async () => {
      await Promise.all(['todo', 'in_progress', 'done'].map((status) => get(`${stories}?sprintId=${loaded.sprintId}&status=${status}&limit=200`)));
    });
    console.log(`[${driver}] board (3 columns of a ${SPRINT_STORIES}-story sprint): ${summary(board)}`);

    // The deep cursor found as a client would: following nextCursor to the project's last page.
    let cursor: string | null = null;
    let walked = 0;
    for (;;) {
      const page = (await get(`${stories}?limit=50${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`)) as { items: unknown[]; nextCursor: string | null };
      if (!page.nextCursor) break;
      walked += page.items.length;
      cursor = page.nextCursor;
    }
    const deepCursor = cursor;
    const first = await time(REQUESTS, async () => void (await get(`${stories}?limit=50`)));
    const deep = await time(REQUESTS, async () => void (await get(`${stories}?limit=50${deepCursor ? `&cursor=${encodeURIComponent(deepCursor)}` : ''}`)));
    const ratio = percentile(deep, 50) / percentile(first, 50);
    console.log(`[${driver}] backlog first page: ${summary(first)}; page after ${walked} rows: ${summary(deep)}; deep/first p50 ratio ${ratio.toFixed(2)}`);

    const burndown = await time(Math.min(REQUESTS, 50), async () => void (await get(`/projects/${loaded.projectId}/sprints/${loaded.sprintId}/burndown`)));
    console.log(`[${driver}] burndown of a ${SPRINT_DAYS}-day sprint with ${loaded.changes} changes: ${summary(burndown)}`);
    return {
      driver,
      loadSeconds,
      boardP50: percentile(board, 50),
      firstP50: percentile(first, 50),
      deepP50: percentile(deep, 50),
      burndownP50: percentile(burndown, 50),
    };
  } finally {
    await server.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

const figures: Figures[] = [];
for (const driver of DRIVERS) {
  if (driver === 'postgres') {
    if (!POSTGRES_URL) throw new Error('BENCH_DRIVERS names postgres: set BENCH_POSTGRES_URL (or TEST_DATABASE_URL)');
    const scratch = await scratchDatabase(POSTGRES_URL);
    try {
      figures.push(await benchmark(driver, scratch.url));
    } finally {
      await scratch.drop();
    }
  } else {
    figures.push(await benchmark(driver, undefined));
  }
}
console.log('\ndriver    load s   board p50   first p50   deep p50   deep/first   burndown p50');
for (const f of figures) {
  console.log(
    `${f.driver.padEnd(9)} ${f.loadSeconds.toFixed(1).padStart(6)} ${f.boardP50.toFixed(1).padStart(8)} ms ${f.firstP50.toFixed(1).padStart(8)} ms ${f.deepP50.toFixed(1).padStart(7)} ms ${(f.deepP50 / f.firstP50).toFixed(2).padStart(11)} ${f.burndownP50.toFixed(1).padStart(11)} ms`,
  );
}

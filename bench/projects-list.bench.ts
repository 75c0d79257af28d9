/**
 * Loads 100k projects across 1,000 organizations, then measures GET /api/v1/projects?limit=50 over real HTTP for the
 * first page and for a deep keyset page (about 99,000 rows in), and prints both and the deep/first ratio.
 * Keyset pagination should keep the ratio near 1; OFFSET would grow with depth.
 *
 *   npm run bench                       # embedded PGlite in a temporary directory
 *   DATABASE_URL=postgres://… npm run bench   # a PostgreSQL server (uses that database: give it a scratch one)
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import { loadConfig } from '../src/config.js';
import { hashSecret, newSecretToken } from '../src/core/auth/secrets.js';
import { startServer } from '../src/server.js';

const ORGANIZATIONS = Number(process.env.BENCH_ORGANIZATIONS ?? 1000);
const PROJECTS_PER_ORGANIZATION = Number(process.env.BENCH_PROJECTS_PER_ORGANIZATION ?? 100);
const DURATION_SECONDS = Number(process.env.BENCH_DURATION_SECONDS ?? 10);
const DEEP_ROWS = Math.max(0, ORGANIZATIONS * PROJECTS_PER_ORGANIZATION - 1000);

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'atelier-bench-'));
const server = await startServer(loadConfig({ ...process.env, PORT: '0', HOST: '127.0.0.1', DATA_DIR: dataDir, LOG_LEVEL: 'warn' }));

try {
  const token = newSecretToken('at');
  const started = performance.now();
  await server.db.withAdmin(async (sql) => {
    const userId = '00000000-0000-7000-8000-00000000b001';
    await sql.query(
      `INSERT INTO app.users (id, name, email, status, email_verified) VALUES ($1, 'Bench', 'bench@example.com', 'active', true)`,
      [userId],
    );
    await sql.query(
      `INSERT INTO app.user_sessions (id, user_id, access_token_hash, access_expires_at, expires_at)
       VALUES (gen_random_uuid(), $1, $2, now() + interval '1 day', now() + interval '1 day')`,
      [userId, hashSecret(token)],
    );
    await sql.query(
      `INSERT INTO app.organizations (id, name, slug, owner_id)
       SELECT gen_random_uuid(), 'Org ' || n, 'org-' || n, $1 FROM generate_series(1, $2::int) n`,
      [userId, ORGANIZATIONS],
    );
    await sql.query(
      `INSERT INTO app.organization_members (id, organization_id, user_id, role)
       SELECT gen_random_uuid(), o.id, $1, 'owner' FROM app.organizations o`,
      [userId],
    );
    await sql.query(
      `INSERT INTO app.projects (id, organization_id, owner_id, name, key, created_at)
       SELECT gen_random_uuid(), o.id, $1, 'Project ' || o.slug || '-' || n, 'P' || n,
              now() - make_interval(secs => (row_number() OVER ()))
       FROM app.organizations o CROSS JOIN generate_series(1, $2::int) n`,
      [userId, PROJECTS_PER_ORGANIZATION],
    );
    await sql.exec('ANALYZE');
  });
  const loadSeconds = (performance.now() - started) / 1000;
  const headers = { authorization: `Bearer ${token}` };

  // Find the deep cursor the way a client would: follow nextCursor page by page.
  let cursor: string | null = null;
  let walked = 0;
  while (walked < DEEP_ROWS) {
    const url: string = `${server.url}/api/v1/projects?limit=200${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`;
    const response = await fetch(url, { headers });
    if (!response.ok) throw new Error(`walking pages failed: ${response.status} ${await response.text()}`);
    const page = (await response.json()) as { items: unknown[]; nextCursor: string | null };
    walked += page.items.length;
    cursor = page.nextCursor;
    if (!cursor) break;
  }
  if (!cursor) throw new Error(`the listing ended after ${walked} rows; expected more than ${DEEP_ROWS}`);

  const measure = async (url: string) => {
    const result = await autocannon({ url, headers, connections: 8, duration: DURATION_SECONDS });
    if (result.non2xx > 0 || result.errors > 0) throw new Error(`${url}: ${result.non2xx} non-2xx, ${result.errors} errors`);
    return { rps: result.requests.average, p99: result.latency.p99 };
  };
  const first = await measure(`${server.url}/api/v1/projects?limit=50`);
  const deep = await measure(`${server.url}/api/v1/projects?limit=50&cursor=${encodeURIComponent(cursor)}`);

  const total = ORGANIZATIONS * PROJECTS_PER_ORGANIZATION;
  console.log(`database: ${server.db.kind}; ${total} projects across ${ORGANIZATIONS} organizations loaded in ${loadSeconds.toFixed(1)} s`);
  console.log(`GET /api/v1/projects?limit=50 first page      : ${first.rps.toFixed(0)} req/s (p99 ${first.p99} ms)`);
  console.log(`GET /api/v1/projects?limit=50 after ${walked} rows: ${deep.rps.toFixed(0)} req/s (p99 ${deep.p99} ms)`);
  console.log(`ratio deep/first (req/s): ${(deep.rps / first.rps).toFixed(2)}`);
} finally {
  await server.stop();
  fs.rmSync(dataDir, { recursive: true, force: true });
}

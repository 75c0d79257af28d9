/**
 * An offline board session end to end (built-in engine, no configuration) on the real server and its job runner:
 * - wall time from the queued job to the completed session, and per contribution;
 * - database writes per contribution: rows inserted, updated and deleted in every table (pg_stat_user_tables) and
 *   committed transactions (pg_stat_database), counted over the session's run and divided by its contributions.
 * Prints figures and ratios; asserts nothing.
 *
 *   npm run bench:board                                  # embedded PGlite in a temporary directory
 *   BENCH_POSTGRES_URL=postgres://… npm run bench:board  # then also PostgreSQL (TEST_DATABASE_URL works too), in a
 *                                                        # scratch database made on that server and dropped after
 *   BENCH_SESSIONS=5 BENCH_ROUNDS=4 npm run bench:board  # more sessions, longer ones
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { isMain, type Ratio } from './support/results.js';
import { scratchDatabase } from './support/scratch-database.js';
import { loadConfig } from '../src/config.js';
import type { Database } from '../src/core/db/database.js';
import { withUser } from '../src/core/db/tenancy.js';
import { boardSessions, personas } from '../src/modules/board/board.schema.js';
import { enqueueDeliberation } from '../src/modules/board/deliberation/start-deliberation.js';
import { startServer } from '../src/server.js';

export type BoardOptions = { sessions: number; rounds: number; drivers: string[]; postgresUrl: string | undefined };

export function optionsFromEnvironment(env: NodeJS.ProcessEnv = process.env): BoardOptions {
  const postgresUrl = env.BENCH_POSTGRES_URL ?? env.TEST_DATABASE_URL;
  return {
    sessions: Number(env.BENCH_SESSIONS ?? 3),
    rounds: Number(env.BENCH_ROUNDS ?? 6),
    postgresUrl,
    drivers: (env.BENCH_DRIVERS ?? (postgresUrl ? 'pglite,postgres' : 'pglite')).split(','),
  };
}

let SESSIONS = 3;
let ROUNDS = 6;

const PANEL = [
  { code: 'bench_finance', name: 'Finance lead', family: 'finance', risk: -0.6 },
  { code: 'bench_growth', name: 'Growth lead', family: 'marketing', risk: 0.7 },
  { code: 'bench_ops', name: 'Operations lead', family: 'operations', risk: -0.1 },
  { code: 'bench_product', name: 'Product lead', family: 'product', risk: 0.3 },
] as const;

type Writes = { inserted: number; updated: number; deleted: number; commits: number };

/** Cumulative writes of the database so far (flushed first: the statistics are otherwise reported lazily). */
async function writes(db: Database): Promise<Writes> {
  return db.withAdmin(async (sql) => {
    await sql.query('SELECT pg_stat_force_next_flush()');
    await sql.query('SELECT pg_stat_clear_snapshot()');
    const [tables] = await sql.query<{ inserted: string; updated: string; deleted: string }>(
      `SELECT coalesce(sum(n_tup_ins), 0) AS inserted, coalesce(sum(n_tup_upd), 0) AS updated, coalesce(sum(n_tup_del), 0) AS deleted FROM pg_stat_user_tables`,
    );
    const [database] = await sql.query<{ commits: string }>(`SELECT xact_commit AS commits FROM pg_stat_database WHERE datname = current_database()`);
    return { inserted: Number(tables!.inserted), updated: Number(tables!.updated), deleted: Number(tables!.deleted), commits: Number(database?.commits ?? 0) };
  });
}

/** Read-only transactions of the bench itself (waiting for the sessions), left out of the count of writes. */
let benchTransactions = 0;

/** The session's status once its job has finished. */
async function waitFor(db: Database, sessionId: string): Promise<string> {
  for (;;) {
    benchTransactions += 1;
    const [row] = await db.withAdmin((sql) =>
      sql.query<{ status: string; job: string }>('SELECT s.status, j.status AS job FROM board.sessions s JOIN app.jobs j ON j.id = s.job_id WHERE s.id = $1', [sessionId]),
    );
    if (row && ['succeeded', 'failed', 'cancelled'].includes(row.job)) return row.status;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

let jobSeconds = NaN;

type Figures = { jobSeconds: number; driver: string; sessions: number; contributions: number; votes: number; seconds: number; writes: Writes; rows: Record<string, number> };

async function benchmark(driver: string, databaseUrl: string | undefined): Promise<Figures> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'atelier-bench-board-'));
  const { DATABASE_URL: _ignored, AI_PROVIDER: _provider, ...environment } = process.env;
  const server = await startServer(
    loadConfig({ ...environment, ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}), PORT: '0', HOST: '127.0.0.1', DATA_DIR: dataDir, LOG_LEVEL: 'warn', JOBS_POLL_INTERVAL_MS: '60000' }),
  );
  try {
    const userId = crypto.randomUUID();
    const organizationId = crypto.randomUUID();
    await server.db.withAdmin(async (sql) => {
      await sql.query(`INSERT INTO app.users (id, name, email, status, email_verified) VALUES ($1, 'Bench', 'bench-board@example.com', 'active', true)`, [userId]);
      await sql.query(`INSERT INTO app.organizations (id, name, slug, owner_id) VALUES ($1, 'Bench', 'bench-board', $2)`, [organizationId, userId]);
      await sql.query(`INSERT INTO app.organization_members (id, organization_id, user_id, role) VALUES (gen_random_uuid(), $1, $2, 'owner')`, [organizationId, userId]);
    });
    await withUser(server.db, userId, (tx) =>
      tx.insert(personas).values(
        PANEL.map((p) => ({
          organizationId,
          code: p.code,
          name: p.name,
          expertise: `${p.name} of a delivery start-up`,
          systemPrompt: `You are the ${p.name}.`,
          family: p.family,
          lens: `What does the ${p.family} side of this decision hinge on?`,
          checks: ['the numbers', 'the risks'],
          riskAppetite: p.risk,
          createdBy: userId,
        })),
      ),
    );

    benchTransactions = 0;
    const before = await writes(server.db);
    const started = performance.now();
    for (let i = 0; i < SESSIONS; i++) {
      const id = crypto.randomUUID();
      await withUser(server.db, userId, async (tx) => {
        await tx.insert(boardSessions).values({
          id,
          organizationId,
          userId,
          problemStatement: `Should we launch in one city or three? Demand: a waiting list of 1,200 people, most of them in the first city. (session ${i + 1})`,
          problemContext: { runway: '14 months', team: '9 people' },
          maxRounds: ROUNDS,
          budgetUsd: 1,
          seed: i + 1,
        });
        await enqueueDeliberation(tx, { id, organizationId, projectId: null }, userId);
      });
      server.jobRunner?.wake();
      const status = await waitFor(server.db, id);
      if (status !== 'completed') throw new Error(`Session ${id} ended ${status}`);
    }
    const seconds = (performance.now() - started) / 1000;
    const [job] = await server.db.withAdmin((sql) =>
      sql.query<{ seconds: number }>(`SELECT sum(extract(epoch FROM finished_at - started_at))::float8 AS seconds FROM app.jobs WHERE type = 'board.deliberate'`),
    );
    jobSeconds = job?.seconds ?? NaN;
    const after = await writes(server.db);
    const [counts] = await server.db.withAdmin((sql) =>
      sql.query<Record<string, string>>(
        `SELECT (SELECT count(*) FROM board.contributions) AS contributions, (SELECT count(*) FROM board.votes) AS votes,
                (SELECT count(*) FROM board.session_events) AS events, (SELECT count(*) FROM app.ai_generations) AS ledger,
                (SELECT count(*) FROM app.audit_log WHERE action LIKE 'board_%') AS audit`,
      ),
    );
    const rows = Object.fromEntries(Object.entries(counts!).map(([key, value]) => [key, Number(value)]));
    return {
      jobSeconds,
      driver,
      sessions: SESSIONS,
      contributions: rows.contributions!,
      votes: rows.votes!,
      seconds,
      writes: { inserted: after.inserted - before.inserted, updated: after.updated - before.updated, deleted: after.deleted - before.deleted, commits: after.commits - before.commits - benchTransactions - 1 },
      rows,
    };
  } finally {
    await server.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

function report(f: Figures): void {
  const per = (n: number) => (n / f.contributions).toFixed(2);
  const rowsWritten = f.writes.inserted + f.writes.updated + f.writes.deleted;
  console.log(`\n${f.driver}: ${f.sessions} offline session(s), up to ${ROUNDS} rounds, panel of ${PANEL.length} candidates`);
  console.log(`  contributions ${f.contributions}, votes ${f.votes}, events ${f.rows.events}, ledger rows ${f.rows.ledger}`);
  console.log(`  wall time ${f.seconds.toFixed(2)} s in all, ${((f.seconds * 1000) / f.sessions).toFixed(0)} ms per session, ${((f.seconds * 1000) / f.contributions).toFixed(1)} ms per contribution`);
  console.log(`  of which in the job (started → finished) ${f.jobSeconds.toFixed(2)} s: ${((f.jobSeconds * 1000) / f.contributions).toFixed(1)} ms per contribution`);
  console.log(`  rows written ${rowsWritten} (inserted ${f.writes.inserted}, updated ${f.writes.updated}, deleted ${f.writes.deleted}); transactions ${f.writes.commits}`);
  console.log(`  per contribution: ${per(rowsWritten)} rows written (${per(f.writes.inserted)} inserted, ${per(f.writes.updated)} updated), ${per(f.writes.commits)} transactions`);
  console.log(`  ratio events / contributions ${(f.rows.events! / f.contributions).toFixed(2)}, ledger rows / (contributions + votes) ${(f.rows.ledger! / (f.contributions + f.votes)).toFixed(2)}`);
}

/** Runs an offline board session benchmark on each driver, prints its figures and answers its throughput. */
export async function run(options: BoardOptions = optionsFromEnvironment()): Promise<Ratio[]> {
  SESSIONS = options.sessions;
  ROUNDS = options.rounds;
  const ratios: Ratio[] = [];
  const record = (f: Figures) => {
    report(f);
    ratios.push({
      name: `board session: contributions/s (${f.driver})`,
      value: f.contributions / f.seconds,
      unit: 'contributions/s',
      better: 'higher',
      detail: `${f.sessions} sessions, ${f.contributions} contributions in ${f.seconds.toFixed(2)} s; ${((f.writes.inserted + f.writes.updated + f.writes.deleted) / f.contributions).toFixed(1)} rows written per contribution`,
    });
  };
  for (const driver of options.drivers) {
    if (driver === 'pglite') record(await benchmark('pglite', undefined));
    else if (driver === 'postgres') {
      if (!options.postgresUrl) throw new Error('BENCH_POSTGRES_URL (or TEST_DATABASE_URL) is not set');
      const scratch = await scratchDatabase(options.postgresUrl);
      try {
        record(await benchmark('postgres', scratch.url));
      } finally {
        await scratch.drop();
      }
    }
  }
  return ratios;
}

if (isMain(import.meta.url)) await run();

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { eq } from 'drizzle-orm';
import pg from 'pg';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { loadConfig } from '../src/config.js';
import { openDatabase, type Database } from '../src/core/db/database.js';
import { asSystem, withUser } from '../src/core/db/tenancy.js';
import { newId } from '../src/core/ids.js';
import { createJobRunner, defineJobHandler, enqueueJob, registerJobTypes, type JobHandler, type JobRunner, type JobRunnerOptions } from '../src/core/jobs/index.js';
import { jobs } from '../src/core/jobs/jobs.schema.js';
import { startServer } from '../src/server.js';
import { createUser, type TestUser } from './support/factories.js';
import { withDatabase } from './support/global-setup.js';
import { PGLITE_SNAPSHOT } from './support/paths.js';
import { createTestApp, type TestApp } from './support/test-app.js';
import { testDrivers } from './support/test-db.js';

// The acceptance of docs/decisions/020-notifications.md: runners and event streams wait for notifications, never poll
// on a short timer, and still react within a second.
const IDLE_MS = 10_000;
/** Far longer than any wait below: a test that passes cannot have been saved by a poll. */
const NO_POLL_MS = 120_000;

type Deferred = { promise: Promise<void>; resolve: () => void };
function deferred(): Deferred {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
}
const gates = new Map<string, Deferred>();
const gate = (key: string) => gates.get(key) ?? gates.set(key, deferred()).get(key)!;
const failedOnce = new Set<string>();

const handlers: JobHandler[] = [
  defineJobHandler({ type: 'test.notify.quick', payload: z.object({}).strict(), run: async () => ({ result: { ok: true } }) }),
  defineJobHandler({
    type: 'test.notify.gated',
    payload: z.object({}).strict(),
    async run({ job, progress }) {
      await progress(10, 'Started');
      await gate(`${job.id}:1`).promise;
      await progress(60, 'Half way');
      await gate(`${job.id}:2`).promise;
      return { result: { ok: true } };
    },
  }),
  defineJobHandler({
    type: 'test.notify.flaky',
    payload: z.object({}).strict(),
    async run({ job }) {
      if (!failedOnce.has(job.id)) {
        failedOnce.add(job.id);
        throw new Error('A passing failure');
      }
      return { result: { ok: true } };
    },
  }),
];

const log = pino({ level: 'silent' });
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function waitFor<T>(what: string, probe: () => Promise<T | undefined | null | false> | T | undefined | null | false, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await sleep(20);
  }
}

type SseEvent = { event: string; data: any }; // eslint-disable-line @typescript-eslint/no-explicit-any

/** Hands each Server-Sent Event to `onEvent` as it arrives, until the server closes the stream. */
async function readEvents(response: Response, onEvent: (event: SseEvent) => void): Promise<void> {
  const reader = response.body!.getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  for (;;) {
    const { value, done } = await reader.read();
    if (done) return;
    buffer += decoder.decode(value, { stream: true });
    let boundary: number;
    while ((boundary = buffer.indexOf('\n\n')) >= 0) {
      const lines = buffer.slice(0, boundary).split('\n').filter((line) => !line.startsWith(':'));
      buffer = buffer.slice(boundary + 2);
      if (lines.length === 0) continue;
      const event = lines.find((line) => line.startsWith('event: '))?.slice(7) ?? 'message';
      onEvent({ event, data: JSON.parse(lines.filter((line) => line.startsWith('data: ')).map((line) => line.slice(6)).join('\n')) });
    }
  }
}

describe.each(testDrivers)('notifications on %s', (kind) => {
  let t: TestApp;
  let db: Database;
  let base: string;
  let alice: TestUser;
  const runners: JobRunner[] = [];

  beforeAll(async () => {
    t = await createTestApp(kind, { NOTIFICATIONS_FALLBACK_POLL_MS: String(NO_POLL_MS) });
    db = t.database.db;
    registerJobTypes(handlers);
    base = await t.app.listen({ port: 0, host: '127.0.0.1' });
    alice = await createUser(t, { name: 'Alice' });
  });
  afterAll(async () => {
    await Promise.all(runners.map((r) => r.stop()));
    await t.close();
  });

  /** A runner that would poll only every two minutes: whatever it does sooner, a notification made it do. */
  async function sleepyRunner(overrides: Partial<JobRunnerOptions> = {}): Promise<JobRunner> {
    const runner = createJobRunner({
      db,
      handlers,
      log,
      concurrency: 2,
      pollIntervalMs: NO_POLL_MS,
      fallbackPollMs: NO_POLL_MS,
      heartbeatMs: 200,
      staleAfterMs: 5_000,
      ...overrides,
    });
    runners.push(runner);
    runner.start();
    await waitFor('notifications', () => db.notifications.listening);
    // Let it claim what there is and fall asleep.
    await sleep(300);
    return runner;
  }

  const enqueue = (type: string, organizationId = alice.personalOrgId) =>
    withUser(db, alice.id, (tx) => enqueueJob(tx, { organizationId, createdBy: alice.id, type, payload: {} }));
  const read = (id: string) => asSystem(db, async (tx) => (await tx.select().from(jobs).where(eq(jobs.id, id)))[0]!);
  const finished = (id: string) => waitFor(`job ${id} to finish`, async () => {
    const job = await read(id);
    return job.finishedAt ? job : undefined;
  });

  it('starts a queued job within a second, though the runner polls only every two minutes', async () => {
    const runner = await sleepyRunner();
    const job = await enqueue('test.notify.quick');
    const done = await finished(job.id);
    expect(done.status).toBe('succeeded');
    expect(done.startedAt!.getTime() - done.createdAt.getTime()).toBeLessThan(1_000);
    await runner.stop();
  });

  it('starts a job waiting for its organization’s slot as soon as the slot frees', async () => {
    const runner = await sleepyRunner({ perOrganization: 1 });
    const first = await enqueue('test.notify.gated');
    await waitFor('the first job to run', async () => (await read(first.id)).progress === 10);
    const second = await enqueue('test.notify.quick');
    await sleep(500);
    expect((await read(second.id)).status).toBe('queued');
    gate(`${first.id}:1`).resolve();
    gate(`${first.id}:2`).resolve();
    const firstDone = await finished(first.id);
    const secondDone = await finished(second.id);
    expect(secondDone.status).toBe('succeeded');
    expect(secondDone.startedAt!.getTime() - firstDone.finishedAt!.getTime()).toBeLessThan(1_000);
    await runner.stop();
  });

  it('runs a retry when its backoff is over, with no notification to announce it', async () => {
    const runner = await sleepyRunner({ retryBackoff: { baseMs: 400, maxMs: 400 } });
    const job = await enqueue('test.notify.flaky');
    const done = await finished(job.id);
    expect(done).toMatchObject({ status: 'succeeded', attempts: 2 });
    // Backoff 400–440 ms, then the runner's own timer: far from the two-minute poll.
    expect(done.finishedAt!.getTime() - done.startedAt!.getTime()).toBeLessThan(2_000);
    await runner.stop();
  });

  it.runIf(kind === 'postgres')('listens again after its connection was cut, and wakes the runner as before', async () => {
    const runner = await sleepyRunner();
    const database = new URL(t.database.url!).pathname.slice(1);
    const cut = await db.withAdmin((c) =>
      c.query<{ n: number }>(
        `SELECT count(pg_terminate_backend(pid))::int AS n FROM pg_stat_activity WHERE datname = $1 AND query ILIKE 'LISTEN%'`,
        [database],
      ),
    );
    expect(cut[0]?.n).toBeGreaterThanOrEqual(1);
    await waitFor('the connection to be lost', () => !db.notifications.listening);
    await waitFor('notifications again', () => db.notifications.listening);
    await sleep(300);
    const job = await enqueue('test.notify.quick');
    const done = await finished(job.id);
    expect(done.startedAt!.getTime() - done.createdAt.getTime()).toBeLessThan(1_000);
    await runner.stop();
  });

  it('pushes a job’s progress to every watcher of its event stream within a second', async () => {
    const runner = await sleepyRunner();
    const job = await enqueue('test.notify.gated');
    await waitFor('the job to run', async () => (await read(job.id)).progress === 10);
    const seen: Array<Array<{ event: string; at: number; progress: number }>> = [[], []];
    const streams = seen.map(async (events) => {
      const response = await fetch(`${base}/api/v1/jobs/${job.id}/events`, { headers: { authorization: `Bearer ${alice.token}` } });
      expect(response.status).toBe(200);
      await readEvents(response, (event) => events.push({ event: event.event, at: Date.now(), progress: event.data.progress }));
    });
    await waitFor('both watchers to see the job', () => seen.every((events) => events.length === 1));
    // Both streams now wait; the next change reaches both without a poll.
    await sleep(300);
    const changedAt = Date.now();
    gate(`${job.id}:1`).resolve();
    await waitFor('both watchers to see the progress', () => seen.every((events) => events.some((e) => e.progress === 60)));
    for (const events of seen) expect(events.find((e) => e.progress === 60)!.at - changedAt).toBeLessThan(1_000);
    gate(`${job.id}:2`).resolve();
    await Promise.all(streams);
    for (const events of seen) expect(events.map((e) => e.event)).toEqual(['progress', 'progress', 'end']);
    await runner.stop();
  });
});

describe.runIf(testDrivers.includes('postgres'))('an idle server on PostgreSQL', () => {
  it(`issues no statement for ${IDLE_MS / 1000} s, and a job queued by another connection still starts within a second`, async () => {
    const t = await createTestApp('postgres');
    const alice = await createUser(t, { name: 'Alice' });
    await t.app.close();
    const url = t.database.url!;
    const database = new URL(url).pathname.slice(1);
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'atelier-notify-'));
    const server = await startServer(
      loadConfig({ PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'silent', DATA_DIR: dataDir, DATABASE_URL: url, AI_BUILTIN_WORKERS: '0' }),
    );
    // What the server's process sends, counted at the driver: pooled connections and the listening one alike.
    let sent = 0;
    const statements: string[] = [];
    const original = pg.Client.prototype.query;
    const observer = new pg.Client({ connectionString: withDatabase(url, 'postgres') });
    await observer.connect();
    try {
      await waitFor('notifications', () => server.db.notifications.listening);
      await sleep(1_000);
      const [{ now: windowStart }] = (await observer.query<{ now: Date }>('SELECT now()')).rows as [{ now: Date }];
      pg.Client.prototype.query = function (this: pg.Client, ...args: unknown[]) {
        sent += 1;
        statements.push(String(typeof args[0] === 'string' ? args[0] : (args[0] as { text?: string })?.text).slice(0, 120));
        return (original as (...a: unknown[]) => unknown).apply(this, args);
      } as typeof original;
      await sleep(IDLE_MS);
      pg.Client.prototype.query = original;
      // And at the server: no client connection of the database started a statement, or connected, in the window.
      const active = await observer.query<{ query: string }>(
        `SELECT query FROM pg_stat_activity
         WHERE datname = $1 AND backend_type = 'client backend' AND (query_start > $2 OR backend_start > $2)`,
        [database, windowStart],
      );
      expect(statements).toEqual([]);
      expect(sent).toBe(0);
      expect(active.rows).toEqual([]);
      const listeners = await observer.query(`SELECT 1 FROM pg_stat_activity WHERE datname = $1 AND query ILIKE 'LISTEN%'`, [database]);
      expect(listeners.rowCount).toBeGreaterThanOrEqual(1);

      // Another process queues a job (a type this server does not know, so it fails as soon as it is claimed).
      const writer = new pg.Client({ connectionString: url });
      await writer.connect();
      try {
        const id = newId();
        await writer.query(`INSERT INTO app.jobs (id, organization_id, created_by, type) VALUES ($1, $2, $3, 'test.notify.unknown')`, [
          id,
          alice.personalOrgId,
          alice.id,
        ]);
        const job = await waitFor('the job to be claimed and to fail', async () => {
          const { rows } = await writer.query<{ started_in_ms: number | null; status: string }>(
            `SELECT status, extract(epoch FROM started_at - created_at) * 1000 AS started_in_ms FROM app.jobs WHERE id = $1`,
            [id],
          );
          return rows[0] && rows[0].status !== 'queued' && rows[0].status !== 'running' ? rows[0] : undefined;
        });
        expect(job.status).toBe('failed');
        expect(Number(job.started_in_ms)).toBeLessThan(1_000);
      } finally {
        await writer.end();
      }
    } finally {
      pg.Client.prototype.query = original;
      await observer.end();
      await server.stop();
      await t.database.drop();
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  }, 60_000);
});

describe('an idle job runner on PGlite', () => {
  it(`sends no statement to the embedded database for ${IDLE_MS / 1000} s, and still starts a queued job within a second`, async () => {
    const pglite = await PGlite.create({ loadDataDir: new Blob([fs.readFileSync(PGLITE_SNAPSHOT)]) });
    let sent = 0;
    let counting = false;
    for (const method of ['query', 'exec', 'transaction'] as const) {
      const original = pglite[method].bind(pglite) as (...args: unknown[]) => unknown;
      (pglite as unknown as Record<string, unknown>)[method] = (...args: unknown[]) => {
        if (counting) sent += 1;
        return original(...args);
      };
    }
    const db = await openDatabase({ kind: 'pglite', pglite });
    await db.useRuntimeRole();
    const alice = await createUser({ database: { db, kind: 'pglite', drop: () => db.close() } });
    registerJobTypes(handlers);
    const defaults = loadConfig({}).jobs;
    const runner = createJobRunner({ db, handlers, log, ...defaults });
    try {
      runner.start();
      await waitFor('notifications', () => db.notifications.listening);
      await sleep(1_000);
      counting = true;
      await sleep(IDLE_MS);
      counting = false;
      expect(sent).toBe(0);

      const job = await withUser(db, alice.id, (tx) =>
        enqueueJob(tx, { organizationId: alice.personalOrgId, createdBy: alice.id, type: 'test.notify.quick', payload: {} }),
      );
      const done = await waitFor('the job to finish', async () => {
        const [row] = await asSystem(db, (tx) => tx.select().from(jobs).where(eq(jobs.id, job.id)));
        return row?.finishedAt ? row : undefined;
      });
      expect(done.status).toBe('succeeded');
      expect(done.startedAt!.getTime() - done.createdAt.getTime()).toBeLessThan(1_000);
    } finally {
      await runner.stop();
      await db.close();
    }
  }, 60_000);
});

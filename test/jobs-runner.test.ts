import { sql } from 'drizzle-orm';
import pino from 'pino';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { recordAudit } from '../src/core/audit.js';
import { openDatabase, type Database } from '../src/core/db/database.js';
import { withUser } from '../src/core/db/tenancy.js';
import { AppError } from '../src/core/errors.js';
import {
  createJobRunner,
  defineJobHandler,
  enqueueJob,
  getJob,
  JobFailure,
  registerJobTypes,
  requestCancel,
  type JobHandler,
  type JobRow,
  type JobRunner,
  type JobRunnerOptions,
} from '../src/core/jobs/index.js';
import { createUser, type TestUser } from './support/factories.js';
import { createTestDatabase, testDrivers, type TestDatabase } from './support/test-db.js';

type Deferred<T = void> = { promise: Promise<T>; resolve: (value: T) => void };
function deferred<T = void>(): Deferred<T> {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}

/** Per job id: a signal the handler started, and a gate the test opens to let it go on. */
const startedOf = new Map<string, Deferred>();
const gateOf = new Map<string, Deferred>();
const started = (id: string) => startedOf.get(id) ?? startedOf.set(id, deferred()).get(id)!;
const gate = (id: string) => gateOf.get(id) ?? gateOf.set(id, deferred()).get(id)!;
/** What each attempt saw: attempt number, checkpoint, and whether its signal was aborted (and why). */
const attemptsOf = new Map<string, Array<{ attempt: number; checkpoint: unknown; aborted?: string }>>();
const record = (id: string, entry: { attempt: number; checkpoint: unknown; aborted?: string }) => {
  const list = attemptsOf.get(id) ?? [];
  list.push(entry);
  attemptsOf.set(id, list);
  return entry;
};

// Any listed action will do: the effect is found by this job's id as its resource.
const EFFECT = 'ai_batch_completed';
const emptyPayload = z.object({}).strict();

/** The database of the suite running, for handlers that query it. */
let queryDatabase: Database | undefined;

const handlers: JobHandler[] = [
  defineJobHandler({
    type: 'test.report',
    payload: z.object({ title: z.string(), wait: z.boolean().optional() }).strict(),
    async run({ job, progress }) {
      record(job.id, { attempt: job.attempt, checkpoint: null });
      await progress(40, `Writing ${job.payload.title}`);
      started(job.id).resolve();
      if (job.payload.wait) await gate(job.id).promise;
      return {
        result: { title: job.payload.title },
        commit: async (tx) => {
          await recordAudit(tx, { userId: job.createdBy, ipAddress: null, userAgent: 'job' }, {
            action: EFFECT,
            resourceType: 'job',
            resourceId: job.id,
            organizationId: job.organizationId,
          });
          return { words: 1200 };
        },
      };
    },
  }),
  defineJobHandler({
    type: 'test.bad-query',
    payload: emptyPayload,
    async run() {
      // A query the database refuses, carrying a parameter nobody should read back from the job.
      await queryDatabase!.orm.execute(sql`SELECT ${'$argon2id$v=19$secret-parameter'}::int`);
      return { result: {} };
    },
  }),
  defineJobHandler({
    type: 'test.flaky',
    payload: emptyPayload,
    async run({ job }) {
      record(job.id, { attempt: job.attempt, checkpoint: null });
      throw new Error('The upstream service hung up');
    },
  }),
  defineJobHandler({
    type: 'test.refused',
    payload: emptyPayload,
    async run({ job }) {
      record(job.id, { attempt: job.attempt, checkpoint: null });
      throw new AppError('UNPROCESSABLE', 'The document has no sections');
    },
  }),
  defineJobHandler({
    type: 'test.partial',
    payload: emptyPayload,
    async run({ job }) {
      record(job.id, { attempt: job.attempt, checkpoint: null });
      throw new JobFailure('QUOTA_REACHED', 'Stopped after 2 of 5 items', { partialResult: { done: 2, of: 5 } });
    },
  }),
  defineJobHandler({
    type: 'test.long',
    payload: emptyPayload,
    async run({ job, signal, progress }) {
      const entry = record(job.id, { attempt: job.attempt, checkpoint: null });
      await progress(10, 'Started');
      started(job.id).resolve();
      await new Promise<void>((resolve) => signal.addEventListener('abort', () => resolve(), { once: true }));
      entry.aborted = signal.reason instanceof Error ? signal.reason.message : String(signal.reason);
      // Work stopped by the abort: anything more this attempt tries to store is refused.
      await progress(99, 'Still going').catch(() => undefined);
      throw signal.reason;
    },
  }),
  defineJobHandler({
    type: 'test.resumable',
    payload: z.object({ items: z.number().int() }).strict(),
    async run({ job, checkpoint, saveCheckpoint, progress }) {
      record(job.id, { attempt: job.attempt, checkpoint });
      const from = (checkpoint as { next?: number } | null)?.next ?? 0;
      const processed: number[] = [];
      for (let item = from; item < job.payload.items; item++) {
        processed.push(item);
        await saveCheckpoint({ next: item + 1 });
        await progress(((item + 1) / job.payload.items) * 100);
      }
      return { result: { processed } };
    },
  }),
  defineJobHandler({
    type: 'test.effect',
    payload: z.object({ n: z.number().int() }).strict(),
    async run({ job, progress }) {
      record(job.id, { attempt: job.attempt, checkpoint: null });
      await new Promise((resolve) => setTimeout(resolve, 5 + (job.payload.n % 4) * 5));
      await progress(50);
      return {
        result: { n: job.payload.n },
        commit: async (tx) => {
          await recordAudit(tx, { userId: job.createdBy, ipAddress: null, userAgent: 'job' }, {
            action: EFFECT,
            resourceType: 'job',
            resourceId: job.id,
            organizationId: job.organizationId,
          });
        },
      };
    },
  }),
];

const log = pino({ level: process.env.JOBS_TEST_LOG ?? 'silent' });

async function waitFor<T>(what: string, probe: () => Promise<T | undefined | null | false>, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe.each(testDrivers)('job runner on %s', (kind) => {
  let database: TestDatabase;
  let db: Database;
  let alice: TestUser;
  const runners: JobRunner[] = [];

  beforeAll(async () => {
    database = await createTestDatabase(kind);
    db = database.db;
    queryDatabase = db;
    alice = await createUser({ database });
    registerJobTypes(handlers);
  });
  afterEach(async () => {
    await Promise.all(runners.splice(0).map((r) => r.stop()));
  });
  afterAll(async () => database.drop());

  function runner(overrides: Partial<JobRunnerOptions> = {}, on: Database = db): JobRunner {
    const created = createJobRunner({
      db: on,
      handlers,
      log,
      concurrency: 2,
      pollIntervalMs: 20,
      heartbeatMs: 50,
      staleAfterMs: 400,
      retryBackoff: { baseMs: 20, maxMs: 100 },
      shutdownGraceMs: 2_000,
      ...overrides,
    });
    runners.push(created);
    return created;
  }

  const enqueue = (type: string, payload: unknown, extra: { maxAttempts?: number } = {}) =>
    withUser(db, alice.id, (tx) => enqueueJob(tx, { organizationId: alice.personalOrgId, createdBy: alice.id, type, payload, ...extra }));
  const read = (id: string) => withUser(db, alice.id, (tx) => getJob(tx, id));
  const until = (id: string, accept: (job: JobRow) => boolean, what: string) =>
    waitFor(what, async () => {
      const job = await read(id);
      return accept(job) ? job : undefined;
    });
  const effects = (id: string) =>
    db.withAdmin(async (c) => {
      const [row] = await c.query<{ n: number }>('SELECT count(*)::int AS n FROM app.audit_log WHERE action = $1 AND resource_id = $2', [EFFECT, id]);
      return row?.n ?? 0;
    });

  it('runs a job to success: progress is stored while it runs, then the result, and its effect exists once', async () => {
    const job = await enqueue('test.report', { title: 'Launch plan', wait: true });
    expect(job).toMatchObject({ status: 'queued', progress: 0, attempts: 0, maxAttempts: 3 });
    runner().start();
    await started(job.id).promise;
    const running = await read(job.id);
    expect(running).toMatchObject({ status: 'running', progress: 40, progressMessage: 'Writing Launch plan', attempts: 1 });
    expect(running.startedAt).toBeInstanceOf(Date);
    expect(await effects(job.id)).toBe(0);

    gate(job.id).resolve();
    const done = await until(job.id, (j) => j.status === 'succeeded', 'success');
    expect(done).toMatchObject({ progress: 100, result: { title: 'Launch plan', words: 1200 }, error: null, attempts: 1, lockedBy: null });
    expect(done.finishedAt).toBeInstanceOf(Date);
    expect(await effects(job.id)).toBe(1);
  });

  it('rejects unknown job types and payloads the handler does not accept', async () => {
    await expect(enqueue('test.nobody-handles-this', {})).rejects.toThrow(/Unknown job type/);
    await expect(enqueue('test.report', { title: 42 })).rejects.toThrow(/Invalid payload/);
  });

  it('retries a failing handler with backoff, then fails with JOB_FAILED and its message', async () => {
    const job = await enqueue('test.flaky', {}, { maxAttempts: 3 });
    const r = runner({ retryBackoff: { baseMs: 60_000 } });
    await r.runOnce();
    const retry = await read(job.id);
    expect(retry).toMatchObject({ status: 'queued', attempts: 1, error: { code: 'JOB_FAILED', message: 'The upstream service hung up' } });
    // Backed off: not due again at once.
    expect(retry.runAt.getTime()).toBeGreaterThan(retry.updatedAt.getTime() + 30_000);
    expect(await r.runOnce()).toBeNull();

    await db.withAdmin((c) => c.query('UPDATE app.jobs SET run_at = now() WHERE id = $1', [job.id]));
    runner().start();
    const failed = await until(job.id, (j) => j.status === 'failed', 'failure');
    expect(failed).toMatchObject({ attempts: 3, error: { code: 'JOB_FAILED', message: 'The upstream service hung up' } });
    expect(attemptsOf.get(job.id)?.map((a) => a.attempt)).toEqual([1, 2, 3]);
  });

  it('names a failed query by its SQLSTATE, never by its statement, parameters or the values it quoted', async () => {
    const job = await enqueue('test.bad-query', {}, { maxAttempts: 1 });
    await runner().runOnce();
    const failed = await read(job.id);
    expect(failed).toMatchObject({ status: 'failed', error: { code: 'JOB_FAILED' } });
    expect(failed.error?.message).toBe('A database query failed (SQLSTATE 22P02)');
    expect(JSON.stringify(failed.error)).not.toMatch(/argon2|secret-parameter|SELECT/);
  });

  it('does not retry an AppError, and keeps the partial result of a JobFailure', async () => {
    const refused = await enqueue('test.refused', {});
    const partial = await enqueue('test.partial', {});
    runner().start();
    const a = await until(refused.id, (j) => j.status === 'failed', 'refused to fail');
    expect(a).toMatchObject({ attempts: 1, error: { code: 'UNPROCESSABLE', message: 'The document has no sections' }, result: null });
    const b = await until(partial.id, (j) => j.status === 'failed', 'partial to fail');
    expect(b).toMatchObject({ attempts: 1, error: { code: 'QUOTA_REACHED', message: 'Stopped after 2 of 5 items' }, result: { done: 2, of: 5 } });
    expect(attemptsOf.get(refused.id)).toHaveLength(1);
    expect(attemptsOf.get(partial.id)).toHaveLength(1);
  });

  it('cancels a queued job at once: it never runs', async () => {
    const job = await enqueue('test.report', { title: 'Never' });
    const cancelled = await withUser(db, alice.id, (tx) => requestCancel(tx, job.id));
    expect(cancelled).toMatchObject({ status: 'cancelled', error: { code: 'CANCELLED' } });
    expect(cancelled.finishedAt).toBeInstanceOf(Date);
    await runner().drain();
    expect(attemptsOf.get(job.id)).toBeUndefined();
    expect(await read(job.id)).toMatchObject({ status: 'cancelled', attempts: 0 });
    // Cancelling a finished job changes nothing.
    expect(await withUser(db, alice.id, (tx) => requestCancel(tx, job.id))).toMatchObject({ status: 'cancelled' });
  });

  it('cancels a running job: its handler sees the signal aborted and the job ends cancelled', async () => {
    const job = await enqueue('test.long', {});
    runner().start();
    await started(job.id).promise;
    const requested = await withUser(db, alice.id, (tx) => requestCancel(tx, job.id));
    expect(requested.status).toBe('running');
    expect(requested.cancelRequestedAt).toBeInstanceOf(Date);
    const done = await until(job.id, (j) => j.status === 'cancelled', 'cancellation');
    expect(done).toMatchObject({ error: { code: 'CANCELLED' }, progress: 10 });
    await waitFor('the handler to return', async () => attemptsOf.get(job.id)?.[0]?.aborted);
    expect(attemptsOf.get(job.id)).toEqual([{ attempt: 1, checkpoint: null, aborted: 'The job was cancelled' }]);
  });

  it('re-claims a job whose worker died and resumes from its checkpoint', async () => {
    const job = await enqueue('test.resumable', { items: 4 });
    await db.withAdmin((c) =>
      c.query(
        `UPDATE app.jobs SET status = 'running', locked_by = 'dead', attempts = 1, started_at = now() - interval '1 hour',
           heartbeat_at = now() - interval '1 hour', checkpoint = '{"next": 2}', progress = 50 WHERE id = $1`,
        [job.id],
      ),
    );
    await runner().drain();
    const done = await read(job.id);
    expect(done).toMatchObject({ status: 'succeeded', attempts: 2, result: { processed: [2, 3] }, checkpoint: { next: 4 } });
    expect(attemptsOf.get(job.id)).toEqual([{ attempt: 2, checkpoint: { next: 2 } }]);
  });

  it('fails a job with JOB_ABANDONED when its worker died on the last attempt', async () => {
    const job = await enqueue('test.resumable', { items: 1 }, { maxAttempts: 2 });
    await db.withAdmin((c) =>
      c.query(
        `UPDATE app.jobs SET status = 'running', locked_by = 'dead', attempts = 2, heartbeat_at = now() - interval '1 hour'
         WHERE id = $1`,
        [job.id],
      ),
    );
    await runner().drain();
    expect(await read(job.id)).toMatchObject({ status: 'failed', attempts: 2, error: { code: 'JOB_ABANDONED' }, lockedBy: null });
    expect(attemptsOf.get(job.id)).toBeUndefined();
  });

  it('on shutdown, puts running jobs back in the queue without counting the attempt', async () => {
    const job = await enqueue('test.long', {});
    const r = runner();
    r.start();
    await started(job.id).promise;
    await r.stop();
    expect(await read(job.id)).toMatchObject({ status: 'queued', attempts: 0, lockedBy: null });
    expect(attemptsOf.get(job.id)?.[0]?.aborted).toMatch(/shutting down/);
    // The next process finishes it (cancelled here, to end the test's job).
    await withUser(db, alice.id, (tx) => requestCancel(tx, job.id));
  });

  it('rolls back the effect of a worker whose claim was taken over before it committed', async () => {
    const job = await enqueue('test.report', { title: 'Contested', wait: true });
    // No heartbeat during the test: the first worker only learns at its commit that it lost the job.
    const first = runner({ heartbeatMs: 60_000, staleAfterMs: 200_000 });
    const run = first.runOnce();
    await started(job.id).promise;
    await db.withAdmin((c) => c.query(`UPDATE app.jobs SET locked_by = 'thief', heartbeat_at = now() WHERE id = $1`, [job.id]));
    gate(job.id).resolve();
    const after = await run;
    expect(after).toMatchObject({ status: 'running', lockedBy: 'thief', result: null });
    expect(await effects(job.id)).toBe(0);
    await db.withAdmin((c) => c.query(`UPDATE app.jobs SET status = 'cancelled', locked_by = NULL WHERE id = $1`, [job.id]));
  });

  it('aborts a handler whose claim was taken over, and writes nothing more for it', async () => {
    const job = await enqueue('test.long', {});
    const r = runner();
    r.start();
    await started(job.id).promise;
    await db.withAdmin((c) => c.query(`UPDATE app.jobs SET locked_by = 'thief', heartbeat_at = now() + interval '1 hour' WHERE id = $1`, [job.id]));
    await waitFor('the handler to be aborted', async () => attemptsOf.get(job.id)?.[0]?.aborted);
    await waitFor('the runner to let go', async () => r.activeCount === 0);
    expect(attemptsOf.get(job.id)?.[0]?.aborted).toMatch(/taken over/);
    expect(await read(job.id)).toMatchObject({ status: 'running', lockedBy: 'thief', progress: 10, error: null });
    await db.withAdmin((c) => c.query(`UPDATE app.jobs SET status = 'cancelled', locked_by = NULL WHERE id = $1`, [job.id]));
  });

  it('runs each of 20 jobs exactly once with two runners on the same database', async () => {
    // Two processes: on PostgreSQL a second connection pool; PGlite is one process, so both share its connection.
    const second = kind === 'postgres' ? await openDatabase({ kind: 'postgres', url: database.url!, poolSize: 4 }) : db;
    try {
      const ids: string[] = [];
      for (let n = 0; n < 20; n++) ids.push((await enqueue('test.effect', { n })).id);
      const a = runner({ concurrency: 3, workerId: 'worker-a' });
      const b = runner({ concurrency: 3, workerId: 'worker-b' }, second);
      a.start();
      b.start();
      await waitFor('all jobs to succeed', async () => {
        const rows = await db.withAdmin((c) =>
          c.query<{ n: number }>(`SELECT count(*)::int AS n FROM app.jobs WHERE id = ANY($1::uuid[]) AND status = 'succeeded'`, [ids]),
        );
        return rows[0]?.n === 20;
      });
      for (const id of ids) {
        expect(await effects(id)).toBe(1);
        expect(attemptsOf.get(id)).toHaveLength(1);
      }
      const lockedBy = await db.withAdmin((c) =>
        c.query<{ attempts: number; result: unknown }>(`SELECT attempts, result FROM app.jobs WHERE id = ANY($1::uuid[])`, [ids]),
      );
      expect(lockedBy.every((row) => row.attempts === 1)).toBe(true);
      await Promise.all([a.stop(), b.stop()]);
    } finally {
      if (second !== db) await second.close();
    }
  });
});

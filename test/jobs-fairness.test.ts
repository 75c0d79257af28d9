import pino from 'pino';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ConfigError, loadConfig } from '../src/config.js';
import { openDatabase, type Database } from '../src/core/db/database.js';
import { withUser } from '../src/core/db/tenancy.js';
import { createJobRunner, defineJobHandler, enqueueJob, registerJobTypes, type JobHandler, type JobRunner, type JobRunnerOptions } from '../src/core/jobs/index.js';
import { createUser, type TestUser } from './support/factories.js';
import { createTestDatabase, testDrivers, type TestDatabase } from './support/test-db.js';

/** What ran: per organization the jobs running now, the most seen at once, and when each job started. */
const runningNow = new Map<string, number>();
const mostAtOnce = new Map<string, number>();
const startedAt = new Map<string, number>();
let startSequence = 0;
/** Held jobs wait for this; a test opens it with release(). */
let released = deferred();
function deferred(): { promise: Promise<void>; resolve: () => void } {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
}

const handlers: JobHandler[] = [
  defineJobHandler({
    type: 'test.fair',
    payload: z.object({ ms: z.number().int().min(0), hold: z.boolean() }).strict(),
    async run({ job, signal }) {
      const organization = job.organizationId;
      const now = (runningNow.get(organization) ?? 0) + 1;
      runningNow.set(organization, now);
      mostAtOnce.set(organization, Math.max(mostAtOnce.get(organization) ?? 0, now));
      startedAt.set(job.id, ++startSequence);
      try {
        await new Promise((resolve) => setTimeout(resolve, job.payload.ms));
        if (job.payload.hold) {
          await Promise.race([released.promise, new Promise((resolve) => signal.addEventListener('abort', resolve, { once: true }))]);
        }
      } finally {
        runningNow.set(organization, (runningNow.get(organization) ?? 1) - 1);
      }
      return { result: {} };
    },
  }),
];

const log = pino({ level: process.env.JOBS_TEST_LOG ?? 'silent' });

async function waitFor(what: string, probe: () => Promise<boolean>, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await probe())) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe('JOBS_PER_ORGANIZATION', () => {
  it('defaults to 2 and reaches the runner options', () => {
    expect(loadConfig({}).jobs.perOrganization).toBe(2);
    expect(loadConfig({ JOBS_PER_ORGANIZATION: '5' }).jobs.perOrganization).toBe(5);
  });

  it.each(['0', '-1', '1.5', 'two', '65'])('rejects %s', (value) => {
    expect(() => loadConfig({ JOBS_PER_ORGANIZATION: value })).toThrow(ConfigError);
    expect(() => loadConfig({ JOBS_PER_ORGANIZATION: value })).toThrow(/JOBS_PER_ORGANIZATION/);
  });

  it('is refused by the runner when it is not a positive integer', () => {
    const options = { db: {} as Database, handlers, log, concurrency: 1, pollIntervalMs: 20, heartbeatMs: 50, staleAfterMs: 400 };
    expect(() => createJobRunner({ ...options, perOrganization: 0 })).toThrow(/perOrganization/);
  });
});

describe.each(testDrivers)('jobs per organization on %s', (kind) => {
  let database: TestDatabase;
  let db: Database;
  let alice: TestUser;
  let bob: TestUser;
  const runners: JobRunner[] = [];

  beforeAll(async () => {
    database = await createTestDatabase(kind);
    db = database.db;
    alice = await createUser({ database });
    bob = await createUser({ database });
    registerJobTypes(handlers);
  });
  afterEach(async () => {
    await Promise.all(runners.splice(0).map((r) => r.stop()));
    released.resolve();
    released = deferred();
    runningNow.clear();
    mostAtOnce.clear();
  });
  afterAll(async () => database.drop());

  function runner(overrides: Partial<JobRunnerOptions>, on: Database = db): JobRunner {
    const created = createJobRunner({ db: on, handlers, log, concurrency: 4, pollIntervalMs: 20, heartbeatMs: 500, staleAfterMs: 60_000, ...overrides });
    runners.push(created);
    return created;
  }

  const enqueue = async (user: TestUser, ms: number, hold = false) =>
    (await withUser(db, user.id, (tx) => enqueueJob(tx, { organizationId: user.personalOrgId, createdBy: user.id, type: 'test.fair', payload: { ms, hold } }))).id;
  const counts = async (user: TestUser) => {
    const rows = await db.withAdmin((c) =>
      c.query<{ status: string; n: number }>(`SELECT status, count(*)::int AS n FROM app.jobs WHERE organization_id = $1 GROUP BY status`, [user.personalOrgId]),
    );
    return Object.fromEntries(rows.map((row) => [row.status, row.n]));
  };
  const running = (user: TestUser) => runningNow.get(user.personalOrgId) ?? 0;

  const allSucceeded = (ids: string[]) => async () => {
    const rows = await db.withAdmin((c) =>
      c.query<{ n: number }>(`SELECT count(*)::int AS n FROM app.jobs WHERE id = ANY($1::uuid[]) AND status = 'succeeded'`, [ids]),
    );
    return rows[0]?.n === ids.length;
  };

  it('runs at most 2 jobs of a busy organization, and another organization’s jobs start before its backlog drains', async () => {
    const ofAlice: string[] = [];
    for (let n = 0; n < 6; n++) ofAlice.push(await enqueue(alice, 0, true));
    const ofBob = [await enqueue(bob, 0, true), await enqueue(bob, 0, true)];
    runner({ concurrency: 4, perOrganization: 2 }).start();
    // Bob's jobs, queued after all of Alice's, run while four of hers wait.
    await waitFor('two jobs of each organization to run', async () => running(alice) === 2 && running(bob) === 2);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(running(alice)).toBe(2);
    expect(await counts(alice)).toEqual({ running: 2, queued: 4 });
    expect(await counts(bob)).toEqual({ running: 2 });

    released.resolve();
    await waitFor('all jobs to succeed', allSucceeded([...ofAlice, ...ofBob]));
    expect(mostAtOnce.get(alice.personalOrgId)).toBe(2);
    expect(mostAtOnce.get(bob.personalOrgId)).toBe(2);
    const aliceThird = ofAlice.map((id) => startedAt.get(id)!).sort((a, b) => a - b)[2]!;
    for (const id of ofBob) expect(startedAt.get(id)!).toBeLessThan(aliceThird);
  });

  it('holds the limit across two runners on the same database', async () => {
    // Two processes: on PostgreSQL a second connection pool; PGlite is one process, so both share its connection.
    const second = kind === 'postgres' ? await openDatabase({ kind: 'postgres', url: database.url!, poolSize: 4 }) : db;
    try {
      const ids: string[] = [];
      for (let n = 0; n < 16; n++) ids.push(await enqueue(alice, 20 + (n % 3) * 15));
      const a = runner({ concurrency: 4, perOrganization: 2, workerId: 'worker-a', pollIntervalMs: 10 });
      const b = runner({ concurrency: 4, perOrganization: 2, workerId: 'worker-b', pollIntervalMs: 10 }, second);
      // Samples the database too: running rows of the organization, whichever runner holds them.
      let mostRunningRows = 0;
      let sampling = true;
      const sampler = (async () => {
        while (sampling) {
          const [row] = await db.withAdmin((c) =>
            c.query<{ n: number }>(`SELECT count(*)::int AS n FROM app.jobs WHERE organization_id = $1 AND status = 'running'`, [alice.personalOrgId]),
          );
          mostRunningRows = Math.max(mostRunningRows, row?.n ?? 0);
          await new Promise((resolve) => setTimeout(resolve, 5));
        }
      })();
      a.start();
      b.start();
      try {
        await waitFor('all jobs to succeed', allSucceeded(ids));
      } finally {
        sampling = false;
        await sampler;
      }
      expect(mostAtOnce.get(alice.personalOrgId)).toBeLessThanOrEqual(2);
      expect(mostRunningRows).toBeLessThanOrEqual(2);
      await Promise.all([a.stop(), b.stop()]);
    } finally {
      if (second !== db) await second.close();
    }
  });

  it('does not limit an organization when no limit is set', async () => {
    const ids: string[] = [];
    for (let n = 0; n < 4; n++) ids.push(await enqueue(alice, 0, true));
    runner({ concurrency: 4 }).start();
    await waitFor('four jobs of one organization to run', async () => running(alice) === 4);
    released.resolve();
    await waitFor('all jobs to succeed', allSucceeded(ids));
  });
});

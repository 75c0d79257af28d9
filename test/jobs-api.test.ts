import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { withUser } from '../src/core/db/tenancy.js';
import { newId } from '../src/core/ids.js';
import { createJobRunner, defineJobHandler, enqueueJob, registerJobTypes, type JobHandler, type JobRunner } from '../src/core/jobs/index.js';
import { createUser, type TestUser } from './support/factories.js';
import { call, createTestApp, type TestApp } from './support/test-app.js';
import { testDrivers } from './support/test-db.js';

type Deferred = { promise: Promise<void>; resolve: () => void };
function deferred(): Deferred {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
}

/** Gates the test opens, per job id and step, so the handler moves on only once the stream showed a step. */
const gates = new Map<string, Deferred>();
const gate = (key: string) => gates.get(key) ?? gates.set(key, deferred()).get(key)!;

const handlers: JobHandler[] = [
  defineJobHandler({
    type: 'test.steps',
    payload: z.object({ steps: z.array(z.number().int().min(0).max(100)) }).strict(),
    async run({ job, progress }) {
      for (const [index, percent] of job.payload.steps.entries()) {
        await progress(percent, `Step ${index + 1}`);
        await gate(`${job.id}:${index}`).promise;
      }
      return { result: { steps: job.payload.steps.length } };
    },
  }),
  defineJobHandler({
    type: 'test.idle',
    payload: z.object({}).strict(),
    async run() {
      throw new Error('test.idle jobs are never run by a runner');
    },
  }),
];

type SseEvent = { event: string; data: any }; // eslint-disable-line @typescript-eslint/no-explicit-any

/** Reads a Server-Sent Events response, handing each event to `onEvent` as it arrives, until the server closes. */
async function readEvents(response: Response, onEvent: (event: SseEvent) => void = () => undefined): Promise<SseEvent[]> {
  const events: SseEvent[] = [];
  const reader = response.body!.getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  for (;;) {
    const { value, done } = await reader.read();
    if (done) break;
    buffer += decoder.decode(value, { stream: true });
    let boundary: number;
    while ((boundary = buffer.indexOf('\n\n')) >= 0) {
      const block = buffer.slice(0, boundary);
      buffer = buffer.slice(boundary + 2);
      const lines = block.split('\n').filter((line) => !line.startsWith(':'));
      if (lines.length === 0) continue;
      const event = lines.find((line) => line.startsWith('event: '))?.slice(7) ?? 'message';
      const data = lines.filter((line) => line.startsWith('data: ')).map((line) => line.slice(6)).join('\n');
      const parsed = { event, data: JSON.parse(data) };
      events.push(parsed);
      onEvent(parsed);
    }
  }
  return events;
}

describe.each(testDrivers)('jobs API on %s', (kind) => {
  let t: TestApp;
  let base: string;
  let runner: JobRunner;
  let alice: TestUser;
  let bob: TestUser;
  let teamOrg: string;
  let project: string;

  beforeAll(async () => {
    t = await createTestApp(kind);
    registerJobTypes(handlers);
    base = await t.app.listen({ port: 0, host: '127.0.0.1' });
    runner = createJobRunner({
      db: t.database.db,
      handlers,
      log: pino({ level: 'silent' }),
      concurrency: 2,
      pollIntervalMs: 20,
      heartbeatMs: 50,
      staleAfterMs: 1_000,
    });
    alice = await createUser(t, { name: 'Alice' });
    bob = await createUser(t, { name: 'Bob' });
    teamOrg = (await api('POST', '/organizations', alice, { name: 'Alice Team' })).data.id;
    project = (await api('POST', '/projects', alice, { organizationId: teamOrg, name: 'Launch' })).data.id;
  });
  afterAll(async () => {
    await runner.stop();
    await t.close();
  });

  const api = (method: 'GET' | 'POST', url: string, user?: TestUser, body?: unknown) =>
    call(t.app, method, `/api/v1${url}`, { ...(user ? { token: user.token } : {}), ...(body === undefined ? {} : { body }) });

  /** An idle job (due only tomorrow), so its status changes only when the test changes it. */
  const idleJob = (user: TestUser, organizationId: string, projectId?: string) =>
    withUser(t.database.db, user.id, (tx) =>
      enqueueJob(tx, {
        organizationId,
        projectId: projectId ?? null,
        createdBy: user.id,
        type: 'test.idle',
        payload: {},
        runAt: new Date(Date.now() + 24 * 60 * 60 * 1000),
      }),
    );

  it('answers 401 without authentication, on every endpoint', async () => {
    const job = await idleJob(alice, alice.personalOrgId);
    for (const [method, url] of [
      ['GET', '/jobs'],
      ['GET', `/jobs/${job.id}`],
      ['GET', `/jobs/${job.id}/events`],
      ['POST', `/jobs/${job.id}/cancel`],
    ] as const) {
      const res = await api(method, url);
      expect(res.statusCode, `${method} ${url}`).toBe(401);
      expect(res.data.error.code).toBe('UNAUTHENTICATED');
    }
  });

  it('shows a job to members of its organization', async () => {
    const job = await idleJob(alice, teamOrg, project);
    const res = await api('GET', `/jobs/${job.id}`, alice);
    expect(res.statusCode).toBe(200);
    expect(res.data).toEqual({
      id: job.id,
      organizationId: teamOrg,
      projectId: project,
      type: 'test.idle',
      status: 'queued',
      progress: 0,
      progressMessage: null,
      result: null,
      error: null,
      attempts: 0,
      maxAttempts: 3,
      createdBy: alice.id,
      createdAt: job.createdAt.toISOString(),
      startedAt: null,
      finishedAt: null,
      updatedAt: job.updatedAt.toISOString(),
      cancelRequestedAt: null,
    });
  });

  it("answers another tenant's job exactly like a missing one", async () => {
    const job = await idleJob(alice, teamOrg);
    const missing = await api('GET', `/jobs/${newId()}`, bob);
    expect(missing.statusCode).toBe(404);
    for (const [method, url] of [
      ['GET', `/jobs/${job.id}`],
      ['GET', `/jobs/${job.id}/events`],
      ['POST', `/jobs/${job.id}/cancel`],
      ['GET', '/jobs/not-a-uuid'],
    ] as const) {
      const res = await api(method, url, bob);
      expect(res.statusCode, `${method} ${url}`).toBe(404);
      expect(res.data.error.code).toBe(missing.data.error.code);
      expect(res.data.error.message).toBe(missing.data.error.message);
    }
    const listed = await api('GET', `/jobs?organizationId=${teamOrg}`, bob);
    expect(listed.statusCode).toBe(404);
    expect((await api('GET', '/jobs?limit=200', bob)).data.items.map((j: { id: string }) => j.id)).not.toContain(job.id);
    // Untouched by Bob's attempt to cancel it.
    expect((await api('GET', `/jobs/${job.id}`, alice)).data.status).toBe('queued');
  });

  it('lists jobs newest first, filtered and paged', async () => {
    const owner = await createUser(t, { name: 'Lister' });
    const org = (await api('POST', '/organizations', owner, { name: 'Lister Org' })).data.id as string;
    const proj = (await api('POST', '/projects', owner, { organizationId: org, name: 'Listed' })).data.id as string;
    const made: string[] = [];
    for (let i = 0; i < 5; i++) made.push((await idleJob(owner, org, i % 2 === 0 ? proj : undefined)).id);
    const cancelled = made[1]!;
    expect((await api('POST', `/jobs/${cancelled}/cancel`, owner)).statusCode).toBe(200);

    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const res = await api('GET', `/jobs?organizationId=${org}&limit=2${cursor ? `&cursor=${cursor}` : ''}`, owner);
      expect(res.statusCode).toBe(200);
      expect(res.data.items.length).toBeLessThanOrEqual(2);
      seen.push(...res.data.items.map((j: { id: string }) => j.id));
      cursor = res.data.nextCursor;
    } while (cursor);
    expect(seen).toEqual([...made].reverse());

    const inProject = await api('GET', `/jobs?projectId=${proj}`, owner);
    expect(inProject.data.items.map((j: { id: string }) => j.id)).toEqual([made[4], made[2], made[0]]);
    const onlyCancelled = await api('GET', `/jobs?organizationId=${org}&status=cancelled`, owner);
    expect(onlyCancelled.data.items.map((j: { id: string }) => j.id)).toEqual([cancelled]);
    const everywhere = await api('GET', '/jobs?limit=200', owner);
    expect(everywhere.data.items.map((j: { id: string }) => j.id)).toEqual([...made].reverse());

    expect((await api('GET', '/jobs?status=sleeping', owner)).statusCode).toBe(400);
    expect((await api('GET', '/jobs?cursor=bogus', owner)).statusCode).toBe(400);
  });

  it('cancels a queued job at once, and leaves a finished one as it is', async () => {
    const job = await idleJob(alice, alice.personalOrgId);
    const res = await api('POST', `/jobs/${job.id}/cancel`, alice);
    expect(res.statusCode).toBe(200);
    expect(res.data).toMatchObject({ id: job.id, status: 'cancelled', error: { code: 'CANCELLED' } });
    expect(res.data.finishedAt).toEqual(expect.any(String));
    const again = await api('POST', `/jobs/${job.id}/cancel`, alice);
    expect(again.statusCode).toBe(200);
    expect(again.data).toEqual(res.data);
  });

  it('lets only the creator or an admin cancel', async () => {
    const viewer = await createUser(t, { name: 'Viewer' });
    const invited = await api('POST', `/organizations/${teamOrg}/members`, alice, { email: viewer.email, role: 'viewer' });
    expect(invited.statusCode).toBe(201);
    const job = await idleJob(alice, teamOrg);
    expect((await api('GET', `/jobs/${job.id}`, viewer)).statusCode).toBe(200);
    const refused = await api('POST', `/jobs/${job.id}/cancel`, viewer);
    expect(refused.statusCode).toBe(403);
    expect((await api('GET', `/jobs/${job.id}`, alice)).data.status).toBe('queued');
  });

  it('streams progress as Server-Sent Events in order and ends with the finished job', async () => {
    runner.start();
    const job = await withUser(t.database.db, alice.id, (tx) =>
      enqueueJob(tx, { organizationId: teamOrg, createdBy: alice.id, type: 'test.steps', payload: { steps: [20, 60, 90] } }),
    );
    const response = await fetch(`${base}/api/v1/jobs/${job.id}/events`, { headers: { authorization: `Bearer ${alice.token}` } });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/event-stream/);
    expect(response.headers.get('cache-control')).toMatch(/^no-cache/);
    expect(response.headers.get('x-accel-buffering')).toBe('no');

    const events = await readEvents(response, (event) => {
      // Let the handler take its next step only once the stream has shown this one.
      const step = event.data.progressMessage?.match(/^Step (\d+)$/)?.[1];
      if (event.event === 'progress' && step) gate(`${job.id}:${Number(step) - 1}`).resolve();
    });

    expect(events.at(0)?.event).toBe('progress');
    expect(events.at(0)?.data.id).toBe(job.id);
    const last = events.at(-1)!;
    expect(last.event).toBe('end');
    expect(last.data).toMatchObject({ id: job.id, status: 'succeeded', progress: 100, result: { steps: 3 } });
    const steps = events.filter((e) => e.event === 'progress' && e.data.progressMessage).map((e) => [e.data.progress, e.data.progressMessage]);
    expect(steps).toEqual([
      [20, 'Step 1'],
      [60, 'Step 2'],
      [90, 'Step 3'],
    ]);
    expect(events.filter((e) => e.event === 'end')).toHaveLength(1);
  });

  it('streams a finished job as one progress and one end event', async () => {
    const job = await idleJob(alice, alice.personalOrgId);
    await api('POST', `/jobs/${job.id}/cancel`, alice);
    const response = await fetch(`${base}/api/v1/jobs/${job.id}/events`, { headers: { authorization: `Bearer ${alice.token}` } });
    const events = await readEvents(response);
    expect(events.map((e) => [e.event, e.data.status])).toEqual([
      ['progress', 'cancelled'],
      ['end', 'cancelled'],
    ]);
  });

  it('streams a cancellation: the job ends cancelled', async () => {
    const job = await idleJob(alice, alice.personalOrgId);
    const response = await fetch(`${base}/api/v1/jobs/${job.id}/events`, { headers: { authorization: `Bearer ${alice.token}` } });
    const reading = readEvents(response, (event) => {
      if (event.event === 'progress' && event.data.status === 'queued') void api('POST', `/jobs/${job.id}/cancel`, alice);
    });
    const events = await reading;
    expect(events.at(-1)).toMatchObject({ event: 'end', data: { id: job.id, status: 'cancelled' } });
  });

  it('stops following a job when the client goes away', async () => {
    const job = await idleJob(alice, alice.personalOrgId);
    const controller = new AbortController();
    const response = await fetch(`${base}/api/v1/jobs/${job.id}/events`, {
      headers: { authorization: `Bearer ${alice.token}` },
      signal: controller.signal,
    });
    const reader = response.body!.getReader();
    const first = new TextDecoder().decode((await reader.read()).value);
    expect(first).toContain('event: progress');
    controller.abort();
    await reader.closed.catch(() => undefined);
    // The server is still answering normally afterwards.
    expect((await api('GET', `/jobs/${job.id}`, alice)).statusCode).toBe(200);
    await api('POST', `/jobs/${job.id}/cancel`, alice);
  });
});

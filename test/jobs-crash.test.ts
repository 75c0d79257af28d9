import { spawn, type ChildProcess } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeOpenAi, type FakeOpenAiServer } from './support/fake-openai-server.js';
import { createUser, type TestUser } from './support/factories.js';
import { TEST_TMP } from './support/paths.js';
import { createTestDatabase, type TestDatabase } from './support/test-db.js';

/**
 * A server process is killed with SIGKILL in the middle of a multi-second job; a new process takes the job over once
 * the heartbeat lapses, resumes from its checkpoint and finishes it. The job's effect exists exactly once.
 * Runs the compiled server (`npm test` builds it first) on the PostgreSQL server.
 */

const MAIN = path.resolve('dist/main.js');
const INPUTS = 8;

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.on('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

type Server = { process: ChildProcess; output: () => string };

describe.runIf(Boolean(process.env.TEST_DATABASE_URL))('a job survives the death of its server process', () => {
  let database: TestDatabase;
  let fake: FakeOpenAiServer;
  let user: TestUser;
  let port: number;
  const dataDir = path.join(TEST_TMP, `jobs-crash-${process.pid}`);
  const running: ChildProcess[] = [];

  beforeAll(async () => {
    database = await createTestDatabase('postgres');
    user = await createUser({ database });
    // Each model call takes a while, so the job lasts seconds and the kill lands in the middle of it.
    fake = await startFakeOpenAi({ fallback: () => ({ content: 'Answered from the project notes.', delayMs: 400 }) });
    port = await freePort();
    fs.mkdirSync(dataDir, { recursive: true });
  });
  afterAll(async () => {
    for (const child of running) if (child.exitCode === null) child.kill('SIGKILL');
    await fake.close();
    await database.drop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  const env = (): NodeJS.ProcessEnv => ({
    ...process.env,
    DATABASE_URL: database.url,
    DATA_DIR: dataDir,
    PORT: String(port),
    HOST: '127.0.0.1',
    LOG_LEVEL: 'warn',
    ATELIER_SECRET_KEY: crypto.createHash('sha256').update('crash-test').digest('hex'),
    AI_PROVIDER: 'openai-compatible',
    AI_BASE_URL: fake.url,
    AI_MODEL: 'fake-gpt',
    JOBS_HEARTBEAT_MS: '250',
    JOBS_STALE_AFTER_MS: '1500',
    JOBS_POLL_INTERVAL_MS: '100',
  });

  async function startServer(): Promise<Server> {
    let output = '';
    const child = spawn(process.execPath, [MAIN], { env: env(), stdio: ['ignore', 'pipe', 'pipe'] });
    running.push(child);
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const deadline = Date.now() + 60_000;
    while (Date.now() < deadline) {
      if (child.exitCode !== null) throw new Error(`The server exited with ${child.exitCode}:\n${output}`);
      try {
        if ((await fetch(`http://127.0.0.1:${port}/health`)).ok) return { process: child, output: () => output };
      } catch {
        // not listening yet
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    throw new Error(`The server did not start:\n${output}`);
  }

  const api = async (method: string, url: string, body?: unknown) => {
    const response = await fetch(`http://127.0.0.1:${port}/api/v1${url}`, {
      method,
      headers: { authorization: `Bearer ${user.token}`, ...(body ? { 'content-type': 'application/json' } : {}) },
      ...(body ? { body: JSON.stringify(body) } : {}),
    });
    return { status: response.status, data: (await response.json()) as Record<string, any> }; // eslint-disable-line @typescript-eslint/no-explicit-any
  };

  async function waitForJob(jobId: string, done: (job: Record<string, any>) => boolean, timeoutMs: number) { // eslint-disable-line @typescript-eslint/no-explicit-any
    const deadline = Date.now() + timeoutMs;
    let job: Record<string, any> = {}; // eslint-disable-line @typescript-eslint/no-explicit-any
    while (Date.now() < deadline) {
      job = (await api('GET', `/jobs/${jobId}`)).data;
      if (done(job)) return job;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    throw new Error(`The job did not get there in time: ${JSON.stringify(job)}`);
  }

  it('is re-claimed after the heartbeat lapses, resumes from its checkpoint and commits its effect once', async () => {
    const first = await startServer();
    const inputs = Array.from({ length: INPUTS }, (_, i) => ({ question: `What does note ${i + 1} say?`, context: [] }));
    const enqueued = await api('POST', '/ai/tasks/answer-question/jobs', { inputs });
    expect(enqueued.status, JSON.stringify(enqueued.data)).toBe(202);
    const jobId = enqueued.data.jobId as string;

    // Midway: a few inputs answered, more to go.
    const midway = await waitForJob(jobId, (job) => job.status === 'running' && job.progress >= 25, 30_000);
    expect(midway.progress).toBeLessThan(100);
    first.process.kill('SIGKILL');
    await new Promise((resolve) => first.process.once('exit', resolve));

    const second = await startServer();
    const finished = await waitForJob(jobId, (job) => ['succeeded', 'failed', 'cancelled'].includes(job.status), 60_000);
    expect(finished.status, second.output()).toBe('succeeded');
    expect(finished.attempts).toBe(2);
    expect(finished.result.completed).toBe(INPUTS);
    expect(finished.result.outputs).toHaveLength(INPUTS);

    const [counts] = await database.db.withAdmin((client) =>
      client.query<{ effects: number; answered: number }>(
        `SELECT (SELECT count(*)::int FROM app.audit_log WHERE action = 'ai_batch_completed' AND resource_id = $1::text) AS effects,
                (SELECT count(*)::int FROM app.ai_generations WHERE job_id = $1::uuid AND status = 'succeeded') AS answered`,
        [jobId],
      ),
    );
    expect(counts!.effects).toBe(1);
    // Inputs answered before the kill were not asked again (at most the one in flight is).
    expect(counts!.answered).toBeGreaterThanOrEqual(INPUTS);
    expect(counts!.answered).toBeLessThanOrEqual(INPUTS + 1);
    expect(fake.requests.length).toBeLessThanOrEqual(INPUTS + 2);
    second.process.kill('SIGTERM');
    await new Promise((resolve) => second.process.once('exit', resolve));
  }, 150_000);
});

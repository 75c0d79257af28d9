import { spawn } from 'node:child_process';
import crypto from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { moduleRegistry } from '../src/app.js';
import { loadConfig } from '../src/config.js';
import { answerOffline, createAiGateway, pooledOfflineEngine, type AiGateway } from '../src/core/ai/index.js';
import { DEFAULT_PRICING } from '../src/core/ai/pricing.js';
import { createSecretBox } from '../src/core/ai/secret-box.js';
import { AppError } from '../src/core/errors.js';
import { createOffload } from '../src/core/workers/offload.js';
import { createWorkerPool, type WorkerPool } from '../src/core/workers/worker-pool.js';
import { WORKER_ENTRY } from '../src/server.js';
import { createUser, type TestUser } from './support/factories.js';
import { refusingTask, slowTask, testTaskCatalog } from './support/offline-test-tasks.js';
import { createTestDatabase, type TestDatabase } from './support/test-db.js';

/**
 * The offline engine in worker threads (AI_BUILTIN_WORKERS): the same answers and the same errors as in the request
 * thread, cancellation that does not wait for the worker, and threads that end with the pool.
 */

const IDEA =
  'A marketplace where dog owners book trusted walkers nearby. Owners see reviews and live walk tracking; walkers are paid weekly and set their own availability.';


describe('the offline engine in worker threads', () => {
  let productPool: WorkerPool;
  let testPool: WorkerPool;

  beforeAll(async () => {
    // The product's worker (src/worker.ts, the modules' tasks) and one serving the test tasks.
    productPool = createWorkerPool({ entry: WORKER_ENTRY, size: 1, name: 'test-product-worker' });
    testPool = createWorkerPool({ entry: new URL('./support/offline-test-worker.ts', import.meta.url), size: 1, name: 'test-worker' });
    await Promise.all([productPool.start(), testPool.start()]);
  });
  afterAll(async () => {
    await Promise.all([productPool.close(), testPool.close()]);
  });

  it('answers the modules’ tasks exactly as the request thread does', async () => {
    const engine = pooledOfflineEngine(productPool, moduleRegistry.aiTasks);
    const calls = [
      { name: 'document-srs', input: { projectName: 'Dog Walk', idea: IDEA, answers: [{ question: 'Who pays?', answer: 'Owners pay per walk.' }] } },
      { name: 'project-brief', input: { name: 'Dog Walk', idea: IDEA } },
      { name: 'clarifying-questions', input: { idea: IDEA } },
    ];
    for (const { name, input } of calls) {
      const task = moduleRegistry.aiTasks.find(name);
      expect(task, name).toBeDefined();
      const parsed = task!.input.parse(input);
      const inThread = answerOffline(task!, parsed, 'run');
      const inWorker = await engine.answer(task!, parsed, 'run');
      expect(inWorker, name).toEqual(inThread);
      expect(inWorker.response.length, name).toBeGreaterThan(100);
      expect(await engine.answer(task!, parsed, 'stream'), name).toEqual(answerOffline(task!, parsed, 'stream'));
    }
  });

  it('runs the modules’ worker functions in a worker thread with the answers of the request thread', async () => {
    const hostile = {
      html: '<section><h1 onclick="steal()">Bookings</h1><img src="http://tracker.example/p.gif"><script>alert(1)</script></section>',
      css: 'p{color:red}</sty/**/le><img src=x onerror=alert(1)> /**/@import/**/url(http://evil.example/x.css); h1{margin:0}',
    };
    const names = Object.keys(moduleRegistry.workerFunctions);
    expect(names).toContain('wireframes.sanitize');
    const inThread = createOffload(moduleRegistry.workerFunctions);
    const inWorker = createOffload(moduleRegistry.workerFunctions, productPool);
    const expected = await inThread.run<{ html: string; css: string; removed: string[] }>('wireframes.sanitize', hostile);
    expect(await inWorker.run('wireframes.sanitize', hostile)).toEqual(expected);
    expect(expected.html).not.toMatch(/onclick|<script|tracker\.example/);
    expect(expected.css).not.toMatch(/<|@import/);
    expect(expected.removed.length).toBeGreaterThan(0);
    await expect(inWorker.run('wireframes.no-such-function', {})).rejects.toThrow(/No worker function named/);
  });

  it('fails a call whose task throws with the error the request thread would throw', async () => {
    const engine = pooledOfflineEngine(testPool, testTaskCatalog);
    const inThread = (kind: 'app' | 'plain') => {
      try {
        answerOffline(refusingTask, { kind }, 'run');
      } catch (error) {
        return error as Error;
      }
      throw new Error('the task did not throw');
    };
    const appError = await engine.answer(refusingTask, { kind: 'app' }, 'run').then(
      () => undefined,
      (error: unknown) => error,
    );
    expect(appError).toBeInstanceOf(AppError);
    expect(appError).toMatchObject({ code: 'VALIDATION_FAILED', status: 400, message: 'The plan has no goal', details: [{ field: 'goal', message: 'is missing' }] });
    expect(appError).toMatchObject({ code: (inThread('app') as AppError).code, message: inThread('app').message });

    const plain = await engine.answer(refusingTask, { kind: 'plain' }, 'run').then(
      () => undefined,
      (error: unknown) => error as Error,
    );
    expect(plain).toBeInstanceOf(Error);
    expect(plain).not.toBeInstanceOf(AppError);
    expect({ name: plain?.name, message: plain?.message }).toEqual({ name: inThread('plain').name, message: inThread('plain').message });
    // The worker is still there for the next call.
    await expect(engine.answer(slowTask, { busyMs: 0 }, 'run')).resolves.toMatchObject({ output: { spunMs: 0 } });
  });

  it('runs calls side by side with the caller: the calling thread stays free while a worker computes', async () => {
    const engine = pooledOfflineEngine(testPool, testTaskCatalog);
    let ticks = 0;
    const ticker = setInterval(() => (ticks += 1), 10);
    try {
      const answer = await engine.answer(slowTask, { busyMs: 300 }, 'run');
      expect((answer.output as { spunMs: number }).spunMs).toBeGreaterThanOrEqual(300);
    } finally {
      clearInterval(ticker);
    }
    // In the calling thread the 300 ms loop would have let no timer run at all.
    expect(ticks).toBeGreaterThanOrEqual(10);
  });

  it('stops its threads when closed: a process ends at once though a call was running, and later calls are refused', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', fileURLToPath(new URL('./support/closing-pool-process.ts', import.meta.url))], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const exitCode = await new Promise<number | null>((resolve) => child.once('exit', resolve));
    const exitedAt = Date.now();
    expect(exitCode, output).toBe(0);
    expect(output).toContain('the running call: The closing-worker worker pool is closed');
    // The 5-second call did not hold the process: it ended right after the pool closed.
    const closedAt = Number(/closed at (\d+)/.exec(output)?.[1]);
    expect(exitedAt - closedAt).toBeLessThan(1_500);

    const pool = createWorkerPool({ entry: new URL('./support/offline-test-worker.ts', import.meta.url), size: 1, name: 'test-closed-worker' });
    await pool.close();
    await expect(pool.call('ai.offline-answer', {})).rejects.toThrow(/closed/);
  });
});

describe('the gateway with its offline engine in a worker thread', () => {
  let database: TestDatabase;
  let user: TestUser;
  let pool: WorkerPool;
  let gateway: AiGateway;

  beforeAll(async () => {
    database = await createTestDatabase('pglite');
    user = await createUser({ database });
    pool = createWorkerPool({ entry: new URL('./support/offline-test-worker.ts', import.meta.url), size: 1, name: 'test-gateway-worker' });
    await pool.start();
    gateway = createAiGateway({
      db: database.db,
      config: loadConfig({ AI_PROVIDER: 'builtin' }).ai,
      secrets: createSecretBox(crypto.randomBytes(32)),
      pricing: DEFAULT_PRICING,
      offline: pooledOfflineEngine(pool, testTaskCatalog),
    });
  });
  afterAll(async () => {
    await pool.close();
    await database.drop();
  });

  it('cancels a call at once when its signal aborts, though the worker is still computing, and keeps serving', async () => {
    const controller = new AbortController();
    const started = performance.now();
    setTimeout(() => controller.abort(new Error('the job was cancelled')), 100);
    const outcome = await gateway
      .run(slowTask, { busyMs: 1_500 }, { organizationId: user.personalOrgId, userId: user.id, signal: controller.signal })
      .then(
        () => undefined,
        (error: unknown) => error,
      );
    expect(outcome).toBeInstanceOf(AppError);
    expect(outcome).toMatchObject({ code: 'CANCELLED' });
    expect(performance.now() - started).toBeLessThan(1_200);
    // The next call waits for the worker to finish the abandoned computation, then gets its own answer.
    const next = await gateway.run(slowTask, { busyMs: 0 }, { organizationId: user.personalOrgId, userId: user.id });
    expect(next.output).toEqual({ spunMs: 0 });
  });

  it('fails a call whose task throws in the worker with the task’s own error', async () => {
    await expect(gateway.run(refusingTask, { kind: 'app' }, { organizationId: user.personalOrgId, userId: user.id })).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
      message: 'The plan has no goal',
    });
  });
});

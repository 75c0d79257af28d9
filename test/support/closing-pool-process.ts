/**
 * A process that starts a call of several seconds in a worker pool, closes the pool and returns without exiting
 * explicitly: it ends at once only if closing the pool leaves no thread or handle behind.
 */
import { pooledOfflineEngine } from '../../src/core/ai/index.js';
import { createWorkerPool } from '../../src/core/workers/worker-pool.js';
import { slowTask, testTaskCatalog } from './offline-test-tasks.js';

const pool = createWorkerPool({ entry: new URL('./offline-test-worker.ts', import.meta.url), size: 2, name: 'closing-worker' });
await pool.start();
const running = pooledOfflineEngine(pool, testTaskCatalog)
  .answer(slowTask, { busyMs: 5_000 }, 'run')
  .then(
    () => 'answered',
    (error: unknown) => (error as Error).message,
  );
await pool.close();
const outcome = await running;
console.log(`closed; the running call: ${outcome}`);
console.log(`closed at ${Date.now()}`);

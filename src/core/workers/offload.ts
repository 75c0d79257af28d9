import type { WorkerFunctions } from './worker-host.js';
import type { WorkerPool } from './worker-pool.js';

/**
 * Runs a module's named pure function (AppModule.workerFunctions) off the thread that answers requests when the
 * process has a worker pool, and in this thread when it has none (AI_BUILTIN_WORKERS=0, tests that build an app
 * without one). Callers await it the same way either way.
 */
export type Offload = {
  run<Result>(fn: string, payload: unknown, signal?: AbortSignal): Promise<Result>;
};

export function createOffload(functions: WorkerFunctions, pool?: WorkerPool): Offload {
  return {
    async run<Result>(fn: string, payload: unknown, signal?: AbortSignal): Promise<Result> {
      const local = Object.hasOwn(functions, fn) ? functions[fn] : undefined;
      if (!local) throw new Error(`No worker function named "${fn}"`);
      if (pool) return pool.call<Result>(fn, payload, signal);
      signal?.throwIfAborted();
      return local(payload) as Result;
    },
  };
}

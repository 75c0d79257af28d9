import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { revive, type CallRequest, type WorkerMessage } from './worker-protocol.js';

/**
 * A few worker threads that run named pure functions (see worker-host.ts) so that CPU-heavy work does not stall the
 * thread that answers requests. Each worker runs one call at a time; calls wait in one queue, in order. Workers start
 * on the first call and are restarted after a crash; while a worker is idle it does not keep the process alive.
 */
export type WorkerPool = {
  readonly size: number;
  /**
   * Starts every worker now rather than on the first calls (a worker loads the code it runs, which takes a while);
   * settles when they have loaded it.
   */
  start(): Promise<void>;
  /**
   * Runs `fn` on `payload` (both structured-cloned) in a worker. An abort rejects at once with the signal's reason; a
   * call already running finishes in its worker and its answer is dropped.
   */
  call<Result>(fn: string, payload: unknown, signal?: AbortSignal): Promise<Result>;
  /** Rejects waiting calls, stops the workers and waits for them to exit. */
  close(): Promise<void>;
};

export type WorkerPoolOptions = {
  /** The worker's entry module (a .js file in dist/, a .ts file when the sources run under tsx or vitest). */
  entry: URL;
  size: number;
  /** Names the threads (visible in profiles and crash messages). */
  name: string;
};

type Pending = {
  id: number;
  fn: string;
  payload: unknown;
  signal: AbortSignal | undefined;
  onAbort: () => void;
  /** Aborted while its worker was running it: the answer, when it comes, is dropped. */
  dropped: boolean;
  resolve(value: unknown): void;
  reject(error: unknown): void;
};

type Slot = { worker: Worker; busy: Pending | undefined; ready: Promise<void> };

/**
 * How a thread starts `entry`. A compiled .js entry starts as it is. A .ts entry (the sources under tsx or vitest)
 * needs tsx's loader, which a new thread does not inherit and which Node 20 does not apply to a worker's entry from
 * execArgv: the thread starts with a line that imports the entry through tsx's API.
 */
/** tsx's ESM API as the package exports it to `import` (require.resolve would give its CommonJS build). */
function tsxEsmApi(from: string): string {
  const manifestPath = createRequire(from).resolve('tsx/package.json');
  const manifest = JSON.parse(fs.readFileSync(manifestPath, 'utf8')) as { exports: Record<string, { import: { default: string } }> };
  return pathToFileURL(path.join(path.dirname(manifestPath), manifest.exports['./esm/api']!.import.default)).href;
}

function startOf(entry: URL): { script: URL | string; eval: boolean } {
  const file = fileURLToPath(entry);
  if (path.extname(file) !== '.ts') return { script: entry, eval: false };
  const api = tsxEsmApi(file);
  const script = `import(${JSON.stringify(api)}).then((api) => api.tsImport(${JSON.stringify(entry.href)}, ${JSON.stringify(entry.href)}))`;
  return { script, eval: true };
}

/** The signal's reason as the error a caller catches (an abort without a reason says so). */
function abortReason(signal: AbortSignal | undefined): Error {
  const reason: unknown = signal?.reason;
  return reason instanceof Error ? reason : new Error('The call was aborted', { cause: reason });
}

export function createWorkerPool(options: WorkerPoolOptions): WorkerPool {
  if (!(Number.isInteger(options.size) && options.size >= 1)) throw new Error('A worker pool needs a size of at least 1');
  const slots: Array<Slot | undefined> = Array.from({ length: options.size }, () => undefined);
  const queue: Pending[] = [];
  const start = startOf(options.entry);
  let sequence = 0;
  let closed = false;

  function settle(pending: Pending): void {
    pending.signal?.removeEventListener('abort', pending.onAbort);
  }

  function spawn(index: number): Slot {
    const worker = new Worker(start.script, { name: `${options.name}-${index + 1}`, eval: start.eval });
    let loaded!: { resolve(): void; reject(error: Error): void };
    const ready = new Promise<void>((resolve, reject) => (loaded = { resolve, reject }));
    ready.catch(() => undefined); // a worker that fails to load also fails the call it was given
    const slot: Slot = { worker, busy: undefined, ready };
    worker.unref();
    worker.on('message', (reply: WorkerMessage) => {
      if ('ready' in reply) return loaded.resolve();
      const pending = slot.busy;
      if (!pending || pending.id !== reply.id) return;
      slot.busy = undefined;
      worker.unref();
      if (!pending.dropped) {
        settle(pending);
        if (reply.ok) pending.resolve(reply.value);
        else pending.reject(revive(reply.error));
      }
      dispatch();
    });
    const lost = (error: Error) => {
      loaded.reject(error);
      if (slots[index] === slot) slots[index] = undefined;
      const pending = slot.busy;
      slot.busy = undefined;
      if (pending && !pending.dropped) {
        settle(pending);
        pending.reject(error);
      }
      dispatch();
    };
    worker.on('error', (error) => lost(new Error(`The ${options.name} worker failed: ${error.message}`, { cause: error })));
    worker.on('exit', (code) => lost(new Error(`The ${options.name} worker stopped (exit code ${code})`)));
    return slot;
  }

  function dispatch(): void {
    while (!closed && queue.length > 0) {
      let index = slots.findIndex((slot) => slot !== undefined && slot.busy === undefined);
      if (index < 0) index = slots.findIndex((slot) => slot === undefined);
      if (index < 0) return;
      const slot = slots[index] ?? (slots[index] = spawn(index));
      const pending = queue.shift() as Pending;
      slot.busy = pending;
      slot.worker.ref(); // a call in flight keeps the process alive until it is answered
      const request: CallRequest = { id: pending.id, fn: pending.fn, payload: pending.payload };
      try {
        slot.worker.postMessage(request);
      } catch (error) {
        // The payload cannot be cloned (a function, a symbol…): the caller's mistake, reported to the caller.
        slot.busy = undefined;
        slot.worker.unref();
        settle(pending);
        pending.reject(error);
      }
    }
  }

  return {
    size: options.size,
    async start() {
      if (closed) throw new Error(`The ${options.name} worker pool is closed`);
      await Promise.all(slots.map((slot, index) => (slot ?? (slots[index] = spawn(index))).ready));
    },
    call<Result>(fn: string, payload: unknown, signal?: AbortSignal): Promise<Result> {
      if (closed) return Promise.reject(new Error(`The ${options.name} worker pool is closed`));
      if (signal?.aborted) return Promise.reject(abortReason(signal));
      return new Promise<Result>((resolve, reject) => {
        const pending: Pending = {
          id: ++sequence,
          fn,
          payload,
          signal,
          onAbort: () => {
            const queued = queue.indexOf(pending);
            if (queued >= 0) queue.splice(queued, 1);
            // A call already running cannot be interrupted (the function is synchronous): its worker is free again
            // as soon as it returns, and the answer is dropped.
            pending.dropped = true;
            settle(pending);
            reject(abortReason(signal));
          },
          dropped: false,
          resolve: (value) => resolve(value as Result),
          reject,
        };
        signal?.addEventListener('abort', pending.onAbort, { once: true });
        queue.push(pending);
        dispatch();
      });
    },
    async close() {
      closed = true;
      const error = new Error(`The ${options.name} worker pool is closed`);
      for (const pending of queue.splice(0)) {
        settle(pending);
        pending.reject(error);
      }
      await Promise.all(
        slots.map(async (slot, index) => {
          if (!slot) return;
          slots[index] = undefined;
          const pending = slot.busy;
          slot.busy = undefined;
          if (pending && !pending.dropped) {
            settle(pending);
            pending.reject(error);
          }
          await slot.worker.terminate();
        }),
      );
    },
  };
}

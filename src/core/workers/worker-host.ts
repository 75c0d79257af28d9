import { isMainThread, parentPort } from 'node:worker_threads';
import { toSent, type CallReply, type CallRequest, type WorkerMessage } from './worker-protocol.js';

/** What a worker can run: pure, synchronous functions of a structured-cloneable payload, by name. */
export type WorkerFunctions = Readonly<Record<string, (payload: unknown) => unknown>>;

/** Answers the pool's calls in this worker thread (the counterpart of createWorkerPool), one at a time. */
export function serveWorkerFunctions(functions: WorkerFunctions): void {
  if (isMainThread || !parentPort) throw new Error('serveWorkerFunctions runs in a worker thread started by a worker pool');
  const port = parentPort;
  port.on('message', (request: CallRequest) => {
    let reply: CallReply;
    try {
      const fn = Object.hasOwn(functions, request.fn) ? functions[request.fn] : undefined;
      if (!fn) throw new Error(`No worker function named "${request.fn}"`);
      reply = { id: request.id, ok: true, value: fn(request.payload) };
    } catch (error) {
      reply = { id: request.id, ok: false, error: toSent(error) };
    }
    try {
      port.postMessage(reply);
    } catch (error) {
      // The function answered something that cannot cross threads.
      port.postMessage({ id: request.id, ok: false, error: toSent(error) } satisfies CallReply);
    }
  });
  port.postMessage({ ready: true } satisfies WorkerMessage);
}

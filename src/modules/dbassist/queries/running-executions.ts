/**
 * The executions this server process is running, by id, so that a cancel reaches the statement on the outside server
 * (aborting the signal makes the runner send pg_cancel_backend, KILL QUERY or interrupt SQLite). An execution started
 * by another process, or left `running` by a crash, is not here.
 */

type Running = { controller: AbortController; finished: Promise<unknown> };

const running = new Map<string, Running>();

/**
 * Runs `work` as the execution's run: it is cancellable until it settles, which is after its row has its final status
 * (so a cancel that waits for it answers the final row).
 */
export async function trackRun<T>(executionId: string, work: (signal: AbortSignal) => Promise<T>): Promise<T> {
  const controller = new AbortController();
  const finished = work(controller.signal);
  running.set(executionId, { controller, finished });
  try {
    return await finished;
  } finally {
    running.delete(executionId);
  }
}

/** Aborts a run of this process and waits until its row is final; false when it does not run here. */
export async function cancelRun(executionId: string): Promise<boolean> {
  const run = running.get(executionId);
  if (!run) return false;
  run.controller.abort();
  await run.finished.catch(() => undefined);
  return true;
}

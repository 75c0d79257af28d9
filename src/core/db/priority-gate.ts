import { AsyncLocalStorage } from 'node:async_hooks';

/**
 * Background work (the job runner and everything its jobs do) runs inside `asBackground`; everything else — the
 * requests — is in the foreground. The embedded database answers one caller at a time, and its queries run on this
 * thread, so without a priority a request waits behind every job transaction queued before it.
 */
const background = new AsyncLocalStorage<true>();

export function asBackground<T>(work: () => T): T {
  return background.run(true, work);
}

export function isBackground(): boolean {
  return background.getStore() === true;
}

/** Foreground turns granted in a row while background work waits; then one background turn, so jobs still advance. */
const FOREGROUND_BURST = 8;

export type PriorityGate = {
  /** Runs `work` when it is the caller's turn: one at a time, foreground callers first. */
  run<T>(work: () => Promise<T>): Promise<T>;
};

/**
 * One holder at a time (a query, or a whole transaction). Waiting foreground callers go before waiting background
 * ones. A background turn starts on a later turn of the event loop (setImmediate), so requests that arrived on the
 * socket meanwhile are read, and queue in the foreground, before the next job statement runs.
 */
export function createPriorityGate(): PriorityGate {
  const foreground: Array<() => void> = [];
  const backgroundQueue: Array<() => void> = [];
  let held = false;
  let burst = 0;

  /** Hands the gate to the next waiter, or frees it. */
  function next(): void {
    const owed = backgroundQueue.length > 0 && burst >= FOREGROUND_BURST;
    if (foreground.length > 0 && !owed) {
      burst += 1;
      (foreground.shift() as () => void)();
    } else if (backgroundQueue.length > 0) {
      startBackground(owed);
    } else {
      held = false;
    }
  }

  /** The next background waiter, on a later turn of the event loop; a request read meanwhile goes first unless owed. */
  function startBackground(owed: boolean): void {
    held = true;
    setImmediate(() => {
      if (foreground.length > 0 && !owed) return next();
      burst = 0;
      (backgroundQueue.shift() as () => void)();
    });
  }

  return {
    async run<T>(work: () => Promise<T>): Promise<T> {
      if (isBackground()) {
        const turn = new Promise<void>((resolve) => backgroundQueue.push(resolve));
        if (!held) startBackground(false);
        await turn;
      } else if (held) {
        await new Promise<void>((resolve) => foreground.push(resolve));
      } else {
        held = true;
      }
      try {
        return await work();
      } finally {
        next();
      }
    },
  };
}

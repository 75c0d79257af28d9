import { describe, expect, it } from 'vitest';
import { asBackground, createPriorityGate } from './priority-gate.js';

/** The embedded database's turn-taking: requests before jobs, one holder at a time, and jobs never starved. */

const tick = () => new Promise((resolve) => setImmediate(resolve));

describe('the priority gate', () => {
  it('lets a waiting request go before job statements queued earlier', async () => {
    const gate = createPriorityGate();
    const order: string[] = [];
    let release!: () => void;
    const holding = asBackground(() => gate.run(() => new Promise<void>((resolve) => (release = resolve))));
    await tick();
    const jobs = [1, 2, 3].map((n) => asBackground(() => gate.run(async () => void order.push(`job ${n}`))));
    const request = gate.run(async () => void order.push('request'));
    release();
    await Promise.all([holding, request, ...jobs]);
    expect(order).toEqual(['request', 'job 1', 'job 2', 'job 3']);
  });

  it('runs one holder at a time, a whole transaction long', async () => {
    const gate = createPriorityGate();
    let inside = 0;
    let most = 0;
    const hold = async () => {
      inside += 1;
      most = Math.max(most, inside);
      await tick();
      await tick();
      inside -= 1;
    };
    await Promise.all([
      ...Array.from({ length: 5 }, () => gate.run(hold)),
      ...Array.from({ length: 5 }, () => asBackground(() => gate.run(hold))),
    ]);
    expect(most).toBe(1);
  });

  it('still gives jobs a turn while requests keep coming', async () => {
    const gate = createPriorityGate();
    let jobDone = false;
    let requestsBeforeJob = 0;
    const job = asBackground(() => gate.run(async () => void (jobDone = true)));
    // A request always waiting: each one queues the next before it finishes.
    const request = async (left: number): Promise<void> => {
      if (left === 0) return;
      const next = gate.run(async () => {
        if (!jobDone) requestsBeforeJob += 1;
      });
      void request(left - 1);
      await next;
    };
    await Promise.all([request(100), job]);
    expect(jobDone).toBe(true);
    expect(requestsBeforeJob).toBeLessThan(100);
  });

  it('frees the gate when the work fails', async () => {
    const gate = createPriorityGate();
    await expect(gate.run(() => Promise.reject(new Error('constraint violated')))).rejects.toThrow('constraint violated');
    await expect(asBackground(() => gate.run(async () => 'next'))).resolves.toBe('next');
  });
});

import { z } from 'zod';
import { createAiTaskCatalog } from '../../src/core/ai/task-catalog.js';
import { defineObjectTask, defineTextTask } from '../../src/core/ai/task.js';
import { AppError } from '../../src/core/errors.js';

/**
 * Tasks for the worker-thread tests, loaded both by the tests and by the test worker (offline-test-worker.ts), which
 * finds them by name as the product's worker finds the modules' tasks.
 */
export const refusingTask = defineTextTask({
  name: 'test-refusing',
  description: 'refuses what it is asked, with an AppError or a plain Error',
  input: z.object({ kind: z.enum(['app', 'plain']) }).strict(),
  buildPrompt: () => ({ system: 'You refuse.', prompt: 'No.' }),
  builtin: (input) => {
    if (input.kind === 'app') throw new AppError('VALIDATION_FAILED', 'The plan has no goal', { details: [{ field: 'goal', message: 'is missing' }] });
    throw new TypeError('The outline cannot be read');
  },
});

export const slowTask = defineObjectTask({
  name: 'test-slow',
  description: 'keeps its thread busy for a while, as a long offline generation does',
  input: z.object({ busyMs: z.number().int().min(0).max(5_000) }).strict(),
  output: z.object({ spunMs: z.number() }),
  buildPrompt: () => ({ system: 'You wait.', prompt: 'Wait.' }),
  builtin: (input) => {
    const started = performance.now();
    while (performance.now() - started < input.busyMs) {
      // a synchronous computation nothing can interrupt
    }
    return { spunMs: Math.round(performance.now() - started) };
  },
});

export const testTaskCatalog = createAiTaskCatalog([refusingTask, slowTask]);

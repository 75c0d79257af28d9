import { AppError } from '../errors.js';
import { estimateTokens } from '../text/index.js';
import type { WorkerFunctions } from '../workers/worker-host.js';
import type { WorkerPool } from '../workers/worker-pool.js';
import { gateOutput } from './prose-gate.js';
import { describeIssues } from './structured-output.js';
import type { AiTaskCatalog } from './task-catalog.js';
import type { AiTask, BuiltinContext, PromptParts } from './task.js';

/**
 * The built-in engine's answer to one call. `run` answers a whole call: the output (validated for object tasks), the
 * text the ledger keeps and the token estimates; `stream` answers the text a stream sends (objects as indented JSON).
 */
export type OfflineFormat = 'run' | 'stream';
export type OfflineAnswer = { output: unknown; response: string; prompt: string | undefined; tokensIn: number; tokensOut: number };

export function promptText(parts: PromptParts): string {
  return `${parts.system}\n\n${parts.prompt}`;
}

/** Runs a task's built-in implementation and everything the call derives from its output, in this thread. */
export function answerOffline(task: AiTask, input: unknown, format: OfflineFormat, context: BuiltinContext = {}): OfflineAnswer {
  if (format === 'stream') {
    const output = task.builtin(input, context);
    const response = typeof output === 'string' ? output : JSON.stringify(output, null, 1);
    return { output, response, prompt: undefined, tokensIn: 0, tokensOut: estimateTokens(response) };
  }
  const prompt = promptText(task.buildPrompt(input));
  const built = task.builtin(input, context);
  if (task.kind === 'object') {
    const parsed = task.output.safeParse(built);
    if (!parsed.success) {
      throw new AppError('AI_OUTPUT_INVALID', `The offline engine produced an invalid ${task.name} result: ${describeIssues(parsed.error)}`);
    }
  }
  // The quality gate: the offline engine gets no retry, so text the repair cannot fix fails the call by name.
  const gated = gateOutput(task, built);
  if (!gated.ok) throw new AppError('AI_OUTPUT_INVALID', `The offline engine wrote broken text for ${task.name}: ${gated.problem}`);
  const output = gated.value;
  const response = typeof output === 'string' ? output : JSON.stringify(output);
  return { output, response, prompt, tokensIn: estimateTokens(prompt), tokensOut: estimateTokens(response) };
}

/** The worker function that answers offline calls; tasks are looked up by name in the worker's own catalog. */
const OFFLINE_ANSWER = 'ai.offline-answer';
type OfflineCall = { task: string; input: unknown; format: OfflineFormat };

export function offlineWorkerFunctions(catalog: AiTaskCatalog): WorkerFunctions {
  return {
    [OFFLINE_ANSWER]: (payload) => {
      const { task: name, input, format } = payload as OfflineCall;
      const task = catalog.find(name);
      if (!task) throw new Error(`No AI task named "${name}" in the worker`);
      return answerOffline(task, input, format);
    },
  };
}

/** Where the gateway gets offline answers: a worker pool, or this thread. */
export type OfflineEngine = {
  answer(task: AiTask, input: unknown, format: OfflineFormat, signal?: AbortSignal): Promise<OfflineAnswer>;
};

/** Answers in this thread: AI_BUILTIN_WORKERS=0, and tests that build a gateway of their own. */
export const inThreadOfflineEngine: OfflineEngine = {
  async answer(task, input, format, signal) {
    return answerOffline(task, input, format, signal ? { signal } : {});
  },
};

/**
 * Answers in `pool`'s workers the tasks of `catalog` (the workers load the same catalog and find the task by name);
 * a task the catalog does not hold as this very object — one a test defined — is answered in this thread.
 */
export function pooledOfflineEngine(pool: WorkerPool, catalog: AiTaskCatalog): OfflineEngine {
  return {
    async answer(task, input, format, signal) {
      if (catalog.find(task.name) !== task) return inThreadOfflineEngine.answer(task, input, format, signal);
      return pool.call<OfflineAnswer>(OFFLINE_ANSWER, { task: task.name, input, format } satisfies OfflineCall, signal);
    },
  };
}

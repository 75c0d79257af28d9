import type { z } from 'zod';
import type { ProseField } from '../text/quality/index.js';

export type { ProseField } from '../text/quality/index.js';

/**
 * An AI task is registered once and then served by every provider: the remote ones get the prompt the task builds,
 * the built-in offline engine calls the task's own `builtin` implementation with the same input.
 *
 * - `output: 'text'` tasks answer prose and can stream it;
 * - object tasks answer JSON that must pass `output` (a zod schema); the gateway validates it, feeds a validation
 *   error back to the model once, and fails clearly after that.
 */
export type PromptParts = { system: string; prompt: string };

/** What the built-in engine knows about the call besides the input (nothing random: same input, same output). */
export type BuiltinContext = { signal?: AbortSignal };

type TaskBase<Input> = {
  /** kebab-case, unique; recorded as ai_generations.generation_type (the "feature" of usage reports). */
  name: string;
  /**
   * What ai_generations.generation_type records instead of the name, when several tasks count as one kind of work
   * in the ledger (seed 004's `story` and `analysis`).
   */
  generationType?: string;
  description: string;
  input: z.ZodType<Input>;
  /** The prompt a remote model gets. For object tasks the gateway appends the JSON schema of the output itself. */
  buildPrompt(input: Input): PromptParts;
  /** True when each call spends one of the user's monthly AI credits (seed 003's credit allowance). */
  consumesCredit?: boolean;
};

export type ObjectTask<Input, Output> = TaskBase<Input> & {
  kind: 'object';
  output: z.ZodType<Output>;
  builtin(input: Input, context: BuiltinContext): Output;
  /**
   * The strings of the output that are human text, each with its path in the output ("userStories.2.want") and its
   * kind. The gateway passes them through the quality gate for every engine: repairs what is mechanical, and fails
   * the call (a configured model gets one retry with the problems) rather than hand back broken text.
   */
  prose?(output: Output): ProseField[];
};

export type TextTask<Input> = TaskBase<Input> & {
  kind: 'text';
  builtin(input: Input, context: BuiltinContext): string;
  /** The text's human parts for the quality gate (path "" is the whole text); see ObjectTask.prose. */
  prose?(output: string): ProseField[];
};

export type AiTask<Input = unknown, Output = unknown> = ObjectTask<Input, Output> | TextTask<Input>;

export type TaskOutput<T> = T extends ObjectTask<infer _I, infer O> ? O : T extends TextTask<infer _I> ? string : never;
export type TaskInput<T> = T extends AiTask<infer I, infer _O> ? I : never;

export function defineObjectTask<Input, Output>(task: Omit<ObjectTask<Input, Output>, 'kind'>): ObjectTask<Input, Output> {
  return { ...task, kind: 'object' };
}

export function defineTextTask<Input>(task: Omit<TextTask<Input>, 'kind'>): TextTask<Input> {
  return { ...task, kind: 'text' };
}

import {
  generateText,
  NoObjectGeneratedError,
  parsePartialJson,
  streamText,
  type LanguageModel,
  type LanguageModelUsage,
  type ModelMessage,
} from 'ai';
import type { FastifyBaseLogger } from 'fastify';
import type { AiConfig } from '../../config.js';
import type { Database } from '../db/database.js';
import { withUser } from '../db/tenancy.js';
import { AppError } from '../errors.js';
import { estimateTokens } from '../text/index.js';
import { resolveAiSettings, type ResolvedAiSettings } from './ai-settings.js';
import type { ProviderName } from './ai.schema.js';
import { assertWithinBudget } from './budgets.js';
import { consumeCredit, refundCredit } from './credits.js';
import { recordGeneration, type GenerationRecord } from './ledger.js';
import { costOf, type PricingTable } from './pricing.js';
import { inThreadOfflineEngine, promptText, type OfflineEngine } from './offline-engine.js';
import { toProviderError } from './provider-errors.js';
import { BUILTIN_MODEL, createLanguageModel, type ProviderSettings } from './providers.js';
import type { SecretBox } from './secret-box.js';
import { gateOutput } from './prose-gate.js';
import type { AiTask, ObjectTask, TextTask } from './task.js';
import {
  nativeOutput,
  objectInstructions,
  parseOutput,
  structuredOutputMode,
  type NativeOutput,
} from './structured-output.js';
import { normalizeUsage, type TokenCounts } from './usage.js';

/** Who a call is for: the ledger row, the credits and the budgets all hang on this. */
export type AiCallContext = {
  organizationId: string;
  projectId?: string | null;
  userId: string;
  jobId?: string | null;
  signal?: AbortSignal;
  /**
   * A model of the organization's provider to use for this call instead of its default (a panel of different models
   * judges better than one); ignored by the built-in engine.
   */
  model?: string;
};

export type Generation<Output> = {
  output: Output;
  /** The ledger row of the call that produced the output (the repair call when there was one). */
  generationId: string;
  provider: ProviderName;
  model: string;
  tokensIn: number;
  tokensOut: number;
  cost: number;
  latencyMs: number;
};

export type AiTextStream = {
  /** Text as it arrives; leaving the loop early cancels the call (recorded as cancelled, with what arrived). */
  textStream: AsyncIterable<string>;
  /** Settles when the stream has been read to its end (or failed, or was left). */
  result: Promise<Generation<string>>;
};

export type AiObjectStream<Output> = {
  /** Partial objects as the JSON arrives (fields may be missing or incomplete until the end). */
  partialObjectStream: AsyncIterable<unknown>;
  result: Promise<Generation<Output>>;
};

export type ConnectionCheck = { ok: boolean; provider: ProviderName; model: string; latencyMs: number; message: string };

export type AiGateway = {
  run<Input, Output>(task: ObjectTask<Input, Output>, input: unknown, context: AiCallContext): Promise<Generation<Output>>;
  run<Input>(task: TextTask<Input>, input: unknown, context: AiCallContext): Promise<Generation<string>>;
  stream<Input>(task: TextTask<Input>, input: unknown, context: AiCallContext): Promise<AiTextStream>;
  /** An object task's answer as ever more complete partial objects, validated (and repaired once) at the end. */
  streamObject<Input, Output>(task: ObjectTask<Input, Output>, input: unknown, context: AiCallContext): Promise<AiObjectStream<Output>>;
  /** One tiny call to settings not yet saved, or to the organization's current ones. */
  testConnection(settings: ProviderSettings): Promise<ConnectionCheck>;
  pricing: PricingTable;
  /** Seals organizations' API keys at rest. */
  secrets: SecretBox;
};

export type AiGatewayOptions = {
  db: Database;
  config: AiConfig;
  secrets: SecretBox;
  pricing: PricingTable;
  log?: FastifyBaseLogger;
  /** Tests put the AI SDK's mock model here; the product builds real provider models. */
  modelFor?: (settings: ProviderSettings) => LanguageModel;
  /** Where the built-in engine runs; default: in this thread. The server hands it a worker pool (AI_BUILTIN_WORKERS). */
  offline?: OfflineEngine;
};

function validateInput<Input>(task: AiTask<Input, unknown>, input: unknown): Input {
  const parsed = task.input.safeParse(input);
  if (parsed.success) return parsed.data;
  const details = parsed.error.issues.map((issue) => ({
    field: ['input', ...issue.path.map(String)].join('.'),
    message: issue.message,
    in: 'body',
  }));
  throw new AppError('VALIDATION_FAILED', `Invalid input for ${task.name}: ${details.map((d) => `${d.field}: ${d.message}`).join('; ')}`, {
    details,
  });
}

/** The caller's signal and the configured timeout as one; `timedOut` tells the two apart afterwards. */
function callSignal(timeoutMs: number, outer: AbortSignal | undefined): { signal: AbortSignal; timedOut(): boolean; dispose(): void } {
  const timeout = new AbortController();
  const timer = setTimeout(() => timeout.abort(new Error('timeout')), timeoutMs);
  const signal = outer ? AbortSignal.any([outer, timeout.signal]) : timeout.signal;
  return { signal, timedOut: () => timeout.signal.aborted && !outer?.aborted, dispose: () => clearTimeout(timer) };
}

function cancelled(): AppError {
  return new AppError('CANCELLED', 'The AI call was cancelled');
}

/** Splits text into word-sized pieces, the way the built-in engine streams. */
function* pieces(text: string): Generator<string> {
  for (const match of text.matchAll(/\S+\s*|\s+/g)) yield match[0];
}

type Accepted = { ok: true; value: unknown } | { ok: false; problem: string; feedback: string };

/**
 * A model's answer checked the way the gateway hands it on: an object task's JSON against its schema, then every
 * task's human text through the quality gate. `feedback` is what the model reads for its one retry.
 */
function acceptAnswer(task: AiTask<unknown, unknown>, text: string): Accepted {
  let value: unknown = text;
  if (task.kind === 'object') {
    const parsed = parseOutput(task, text);
    if (!parsed.ok) return { ok: false, problem: parsed.problem, feedback: `That answer does not match the schema: ${parsed.problem}. Answer again with only the corrected JSON object.` };
    value = parsed.value;
  }
  const gated = gateOutput(task, value);
  if (gated.ok) return { ok: true, value: gated.value };
  const problem = `broken text (${gated.problem})`;
  const again = task.kind === 'object' ? 'Answer again with only the corrected JSON object.' : 'Answer again with the corrected text only.';
  return { ok: false, problem, feedback: `That answer has broken text: ${gated.problem}. Write those parts as plain, grammatical sentences. ${again}` };
}

function wrongTwice(model: string, task: AiTask<unknown, unknown>, problem: string): string {
  return problem.startsWith('broken text')
    ? `The model ${model} answered ${task.name} with ${problem} twice; try again or choose a stronger model`
    : `The model ${model} answered ${task.name} in the wrong shape twice (last problem: ${problem}); try again or choose a stronger model`;
}

export function createAiGateway(options: AiGatewayOptions): AiGateway {
  const { db, config, secrets, pricing } = options;
  const modelFor = options.modelFor ?? createLanguageModel;
  const offline = options.offline ?? inThreadOfflineEngine;

  /** The offline answer; an abort while it is computed is a cancellation, as for a remote call. */
  async function answerOffline(task: AiTask<unknown, unknown>, input: unknown, format: 'run' | 'stream', signal: AbortSignal | undefined) {
    try {
      return await offline.answer(task, input, format, signal);
    } catch (error) {
      if (signal?.aborted) throw cancelled();
      throw error;
    }
  }

  type CallState = { settings: ResolvedAiSettings; creditSpent: boolean; produced: boolean; runSpentUsd: number };

  async function begin(task: AiTask<unknown, unknown>, context: AiCallContext): Promise<CallState> {
    if (context.signal?.aborted) throw cancelled();
    // Settings and the credit in one short transaction; the model is never called inside a transaction.
    return withUser(db, context.userId, async (tx) => {
      const resolved = await resolveAiSettings(tx, context.organizationId, config, secrets);
      const settings = context.model && resolved.provider !== 'builtin' ? { ...resolved, model: context.model } : resolved;
      if (task.consumesCredit) await consumeCredit(tx, context.userId);
      return { settings, creditSpent: Boolean(task.consumesCredit), produced: false, runSpentUsd: 0 };
    });
  }

  async function checkBudget(state: CallState, context: AiCallContext): Promise<void> {
    if (state.settings.provider === 'builtin') return;
    await withUser(db, context.userId, (tx) =>
      assertWithinBudget(tx, state.settings.budgets, {
        organizationId: context.organizationId,
        jobId: context.jobId ?? null,
        runSpentUsd: state.runSpentUsd,
      }),
    );
  }

  async function finish(state: CallState, context: AiCallContext): Promise<void> {
    if (state.creditSpent && !state.produced) {
      await withUser(db, context.userId, (tx) => refundCredit(tx, context.userId)).catch((error: unknown) => {
        options.log?.warn({ err: error }, 'credit refund failed');
      });
    }
  }

  function priced(settings: ProviderSettings, counts: TokenCounts): { cost: number; priced: boolean } {
    if (settings.provider === 'builtin') return { cost: 0, priced: true };
    const cost = costOf(pricing, settings.model, counts.tokensIn, counts.tokensOut);
    return cost === undefined ? { cost: 0, priced: false } : { cost, priced: true };
  }

  async function record(
    task: AiTask<unknown, unknown>,
    context: AiCallContext,
    settings: ProviderSettings,
    entry: Pick<GenerationRecord, 'prompt' | 'response' | 'status' | 'latencyMs' | 'errorCode' | 'errorMessage'> &
      TokenCounts & { metadata?: Record<string, unknown> },
  ): Promise<{ id: string; cost: number }> {
    const { cost, priced: isPriced } = priced(settings, entry);
    const id = await recordGeneration(db, {
      organizationId: context.organizationId,
      projectId: context.projectId ?? null,
      userId: context.userId,
      jobId: context.jobId ?? null,
      generationType: task.generationType ?? task.name,
      provider: settings.provider,
      model: settings.provider === 'builtin' ? BUILTIN_MODEL : settings.model,
      cost,
      ...entry,
      metadata: { ...entry.metadata, ...(isPriced ? {} : { unpriced: true }) },
    });
    return { id, cost };
  }

  /**
   * An object task's way to its JSON on these settings: the provider's native structured output, or undefined when
   * the schema travels in the prompt (AI_STRUCTURED_OUTPUT, structured-output.ts).
   */
  function nativeFor(task: AiTask<unknown, unknown>, settings: ProviderSettings): NativeOutput | undefined {
    if (task.kind !== 'object' || settings.provider === 'builtin') return undefined;
    return structuredOutputMode(config, settings.provider) === 'native' ? nativeOutput(task, settings.provider) : undefined;
  }

  /** One remote generateText call, recorded whatever happens; `native` asks the provider itself for the object. */
  async function callModel(
    task: AiTask<unknown, unknown>,
    context: AiCallContext,
    state: CallState,
    system: string,
    messages: ModelMessage[],
    metadata: Record<string, unknown>,
    native?: NativeOutput,
  ): Promise<{ text: string; id: string; counts: TokenCounts; cost: number; latencyMs: number }> {
    await checkBudget(state, context);
    const settings = state.settings;
    const prompt = `${system}\n\n${messages.map((m) => `[${m.role}] ${typeof m.content === 'string' ? m.content : JSON.stringify(m.content)}`).join('\n\n')}`;
    const abort = callSignal(config.timeoutMs, context.signal);
    const started = performance.now();
    try {
      let text: string;
      let usage: LanguageModelUsage | undefined;
      try {
        const result = await generateText({
          model: modelFor(settings),
          instructions: system,
          messages,
          maxRetries: config.maxRetries,
          abortSignal: abort.signal,
          ...(native ? { output: native.output, providerOptions: native.providerOptions } : {}),
        });
        text = result.text;
        usage = result.totalUsage ?? result.usage;
      } catch (error) {
        // A native answer that is not JSON is still an answer, with its usage: validation and the repair take it.
        if (!NoObjectGeneratedError.isInstance(error)) throw error;
        text = error.text ?? '';
        usage = error.usage;
      }
      const counts = normalizeUsage(usage);
      const latencyMs = performance.now() - started;
      const { id, cost } = await record(task, context, settings, {
        prompt,
        response: text,
        status: 'succeeded',
        latencyMs,
        ...counts,
        metadata,
      });
      state.runSpentUsd += cost;
      return { text, id, counts, cost, latencyMs };
    } catch (error) {
      const latencyMs = performance.now() - started;
      const wasCancelled = Boolean(context.signal?.aborted);
      const failure = wasCancelled ? cancelled() : toProviderError(error, settings, abort.timedOut(), native !== undefined);
      await record(task, context, settings, {
        prompt,
        response: null,
        status: wasCancelled ? 'cancelled' : 'failed',
        latencyMs,
        tokensIn: 0,
        tokensOut: 0,
        errorCode: failure.code,
        errorMessage: failure.message,
        metadata,
      });
      throw failure;
    } finally {
      abort.dispose();
    }
  }

  async function runBuiltin<Input>(
    task: AiTask<Input, unknown>,
    input: Input,
    context: AiCallContext,
    state: CallState,
  ): Promise<Generation<unknown>> {
    const started = performance.now();
    const { output, prompt = '', response, tokensIn, tokensOut } = await answerOffline(task, input, 'run', context.signal);
    const counts = { tokensIn, tokensOut };
    const latencyMs = performance.now() - started;
    const { id } = await record(task, context, state.settings, {
      prompt,
      response,
      status: 'succeeded',
      latencyMs,
      ...counts,
      metadata: { engine: 'offline' },
    });
    state.produced = true;
    return { output, generationId: id, provider: 'builtin', model: BUILTIN_MODEL, ...counts, cost: 0, latencyMs };
  }

  async function runRemote<Input>(
    task: AiTask<Input, unknown>,
    input: Input,
    context: AiCallContext,
    state: CallState,
  ): Promise<Generation<unknown>> {
    const parts = task.buildPrompt(input);
    const base = { provider: state.settings.provider, model: state.settings.model };
    const objectTask = task.kind === 'object' ? (task as ObjectTask<unknown, unknown>) : undefined;
    const native = nativeFor(task, state.settings);
    const asked = objectTask ? { structuredOutput: native ? 'native' : 'prompt' } : {};
    const messages: ModelMessage[] = [{ role: 'user', content: objectTask && !native ? parts.prompt + objectInstructions(objectTask) : parts.prompt }];
    const first = await callModel(task, context, state, parts.system, messages, asked, native);
    const firstAnswer = acceptAnswer(task, first.text);
    if (firstAnswer.ok) {
      state.produced = true;
      return { output: firstAnswer.value, generationId: first.id, ...base, ...first.counts, cost: first.cost, latencyMs: first.latencyMs };
    }
    // One repair: the model sees its answer and what was wrong with it (its shape, or its text).
    messages.push({ role: 'assistant', content: first.text }, { role: 'user', content: firstAnswer.feedback });
    const second = await callModel(task, context, state, parts.system, messages, { ...asked, repairOf: first.id, problem: firstAnswer.problem }, native);
    const secondAnswer = acceptAnswer(task, second.text);
    if (!secondAnswer.ok) {
      throw new AppError('AI_OUTPUT_INVALID', wrongTwice(state.settings.model, task, secondAnswer.problem), {
        details: { generationIds: [first.id, second.id] },
      });
    }
    state.produced = true;
    const counts = { tokensIn: first.counts.tokensIn + second.counts.tokensIn, tokensOut: first.counts.tokensOut + second.counts.tokensOut };
    return { output: secondAnswer.value, generationId: second.id, ...base, ...counts, cost: first.cost + second.cost, latencyMs: first.latencyMs + second.latencyMs };
  }

  async function run(task: AiTask<unknown, unknown>, rawInput: unknown, context: AiCallContext): Promise<Generation<unknown>> {
    const input = validateInput(task, rawInput);
    const state = await begin(task, context);
    try {
      const generation =
        state.settings.provider === 'builtin'
          ? await runBuiltin(task, input, context, state)
          : await runRemote(task, input, context, state);
      return { ...generation, latencyMs: Math.round(generation.latencyMs) };
    } finally {
      await finish(state, context);
    }
  }

  /**
   * Streams a task's answer as text: prose for text tasks, the JSON of the object for object tasks (the offline
   * engine serializes its object, and a native structured answer arrives as JSON text too — Anthropic's forced tool
   * input included — so every provider streams the same kind of text).
   */
  async function openStream(
    task: AiTask<unknown, unknown>,
    rawInput: unknown,
    context: AiCallContext,
  ): Promise<AiTextStream & { state: CallState; messages: ModelMessage[]; system: string; native: NativeOutput | undefined }> {
    const input = validateInput(task, rawInput);
    const state = await begin(task, context);
    try {
      await checkBudget(state, context);
    } catch (error) {
      await finish(state, context);
      throw error;
    }
    const settings = state.settings;
    const native = nativeFor(task, settings);
    const built = task.buildPrompt(input);
    const parts = task.kind === 'object' && !native ? { ...built, prompt: built.prompt + objectInstructions(task) } : built;
    const asked = task.kind === 'object' && settings.provider !== 'builtin' ? { structuredOutput: native ? 'native' : 'prompt' } : {};
    const prompt = promptText(parts);
    let settle!: { resolve(value: Generation<string>): void; reject(error: unknown): void };
    const result = new Promise<Generation<string>>((resolve, reject) => (settle = { resolve, reject }));
    result.catch(() => undefined); // the stream's reader sees the error; an unread result must not crash the process

    async function* textStream(): AsyncGenerator<string> {
      const abort = callSignal(config.timeoutMs, context.signal);
      const leave = new AbortController();
      const signal = AbortSignal.any([abort.signal, leave.signal]);
      const started = performance.now();
      let text = '';
      let counts: TokenCounts | undefined;
      let finished = false;
      /**
       * A stream that ended early keeps what arrived, marked as interrupted. The failure handed on names that ledger
       * row (`details.generationId`), so whoever keeps the partial text can link it to the call.
       */
      const recordInterrupted = async (status: 'failed' | 'cancelled', failure: AppError): Promise<AppError> => {
        try {
          const { id } = await record(task, context, settings, {
            prompt,
            response: text || null,
            status,
            latencyMs: performance.now() - started,
            tokensIn: counts?.tokensIn ?? estimateTokens(prompt),
            tokensOut: estimateTokens(text),
            errorCode: failure.code,
            errorMessage: failure.message,
            metadata: { ...asked, streamed: true, interrupted: true },
          });
          if (Array.isArray(failure.details)) return failure;
          return failure.withDetails({ ...failure.details, generationId: id });
        } catch (recordError) {
          options.log?.error({ err: recordError }, 'could not record an interrupted generation');
          return failure;
        }
      };
      try {
        if (settings.provider === 'builtin') {
          const { response: answer } = await answerOffline(task, input, 'stream', signal);
          for (const piece of pieces(answer)) {
            if (signal.aborted) break;
            text += piece;
            yield piece;
          }
          counts = { tokensIn: estimateTokens(prompt), tokensOut: estimateTokens(text) };
        } else {
          const streamed = streamText({
            model: modelFor(settings),
            instructions: parts.system,
            prompt: parts.prompt,
            maxRetries: config.maxRetries,
            abortSignal: signal,
            ...(native ? { output: native.output, providerOptions: native.providerOptions } : {}),
            // The error part below turns it into an AppError and the ledger row; the SDK's default would also print
            // the raw error, request body included, to the console.
            onError: () => undefined,
          });
          for await (const part of streamed.fullStream) {
            if (part.type === 'text-delta') {
              text += part.text;
              yield part.text;
            } else if (part.type === 'error') {
              throw part.error;
            } else if (part.type === 'finish') {
              counts = normalizeUsage(part.totalUsage);
            }
          }
        }
        if (signal.aborted && !leave.signal.aborted) throw context.signal?.aborted ? cancelled() : new Error('aborted');
        finished = true;
        const tokens = counts ?? { tokensIn: estimateTokens(prompt), tokensOut: estimateTokens(text) };
        const latencyMs = performance.now() - started;
        const { id, cost } = await record(task, context, settings, {
          prompt,
          response: text,
          status: 'succeeded',
          latencyMs,
          ...tokens,
          metadata: settings.provider === 'builtin' ? { engine: 'offline', streamed: true } : { ...asked, streamed: true },
        });
        state.produced = true;
        settle.resolve({
          output: text,
          generationId: id,
          provider: settings.provider,
          model: settings.provider === 'builtin' ? BUILTIN_MODEL : settings.model,
          ...tokens,
          cost,
          latencyMs: Math.round(latencyMs),
        });
      } catch (error) {
        const wasCancelled = Boolean(context.signal?.aborted);
        const failure = wasCancelled ? cancelled() : toProviderError(error, settings, abort.timedOut(), native !== undefined);
        finished = true;
        state.produced = text.length > 0;
        const recorded = await recordInterrupted(wasCancelled ? 'cancelled' : 'failed', failure);
        settle.reject(recorded);
        throw recorded;
      } finally {
        if (!finished) {
          // The reader left before the end: stop the model and keep what arrived.
          leave.abort();
          state.produced = text.length > 0;
          const failure = new AppError('CANCELLED', 'The reader left before the answer was complete');
          settle.reject(await recordInterrupted('cancelled', failure));
        }
        abort.dispose();
        await finish(state, context);
      }
    }
    return { textStream: textStream(), result, state, system: parts.system, messages: [{ role: 'user', content: parts.prompt }], native };
  }

  async function stream(task: TextTask<unknown>, rawInput: unknown, context: AiCallContext): Promise<AiTextStream> {
    const { textStream, result } = await openStream(task, rawInput, context);
    return { textStream, result };
  }

  async function streamObject(task: ObjectTask<unknown, unknown>, rawInput: unknown, context: AiCallContext): Promise<AiObjectStream<unknown>> {
    const opened = await openStream(task, rawInput, context);
    let settle!: { resolve(value: Generation<unknown>): void; reject(error: unknown): void };
    const result = new Promise<Generation<unknown>>((resolve, reject) => (settle = { resolve, reject }));
    result.catch(() => undefined);

    async function* partialObjectStream(): AsyncGenerator<unknown> {
      let text = '';
      let last = '';
      try {
        for await (const piece of opened.textStream) {
          text += piece;
          const start = text.indexOf('{');
          if (start < 0) continue;
          const { value } = await parsePartialJson(text.slice(start));
          const seen = JSON.stringify(value);
          if (value && typeof value === 'object' && seen !== last) {
            last = seen;
            yield value;
          }
        }
        const streamed = await opened.result;
        const answer = acceptAnswer(task, streamed.output);
        if (answer.ok) {
          settle.resolve({ ...streamed, output: answer.value });
          return;
        }
        if (opened.state.settings.provider === 'builtin') {
          throw new AppError('AI_OUTPUT_INVALID', `The offline engine wrote ${answer.problem} for ${task.name}`);
        }
        // One repair, as for run(): the model sees its answer and what was wrong with it.
        const repair = await callModel(
          task,
          context,
          opened.state,
          opened.system,
          [...opened.messages, { role: 'assistant', content: streamed.output }, { role: 'user', content: answer.feedback }],
          { structuredOutput: opened.native ? 'native' : 'prompt', repairOf: streamed.generationId, problem: answer.problem },
          opened.native,
        );
        const repaired = acceptAnswer(task, repair.text);
        if (!repaired.ok) throw new AppError('AI_OUTPUT_INVALID', wrongTwice(opened.state.settings.model, task, repaired.problem));
        yield repaired.value;
        settle.resolve({
          output: repaired.value,
          generationId: repair.id,
          provider: streamed.provider,
          model: streamed.model,
          tokensIn: streamed.tokensIn + repair.counts.tokensIn,
          tokensOut: streamed.tokensOut + repair.counts.tokensOut,
          cost: streamed.cost + repair.cost,
          latencyMs: Math.round(streamed.latencyMs + repair.latencyMs),
        });
      } catch (error) {
        settle.reject(error);
        throw error;
      }
    }
    return { partialObjectStream: partialObjectStream(), result };
  }

  async function testConnection(settings: ProviderSettings): Promise<ConnectionCheck> {
    const started = performance.now();
    const base = { provider: settings.provider, model: settings.provider === 'builtin' ? BUILTIN_MODEL : settings.model };
    if (settings.provider === 'builtin') {
      return { ok: true, ...base, latencyMs: 0, message: 'The offline engine is built in and always available' };
    }
    const abort = callSignal(Math.min(config.timeoutMs, 30_000), undefined);
    try {
      const result = await generateText({
        model: modelFor(settings),
        prompt: 'Reply with the single word: ready',
        maxOutputTokens: 16,
        maxRetries: 0,
        abortSignal: abort.signal,
      });
      const latencyMs = Math.round(performance.now() - started);
      return { ok: true, ...base, latencyMs, message: `Connected: the model answered "${result.text.trim().slice(0, 60)}" in ${latencyMs} ms` };
    } catch (error) {
      const failure = toProviderError(error, settings, abort.timedOut());
      return { ok: false, ...base, latencyMs: Math.round(performance.now() - started), message: failure.message };
    } finally {
      abort.dispose();
    }
  }

  return {
    run: run as AiGateway['run'],
    stream,
    streamObject: streamObject as AiGateway['streamObject'],
    testConnection,
    pricing,
    secrets,
  };
}

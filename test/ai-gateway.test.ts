import crypto from 'node:crypto';
import { MockLanguageModelV4 } from 'ai/test';
import { simulateReadableStream } from 'ai';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { loadConfig } from '../src/config.js';
import { createAiGateway, type AiGateway } from '../src/core/ai/index.js';
import { DEFAULT_PRICING } from '../src/core/ai/pricing.js';
import { createSecretBox } from '../src/core/ai/secret-box.js';
import { defineObjectTask, defineTextTask } from '../src/core/ai/task.js';
import { withUser } from '../src/core/db/tenancy.js';
import { AppError } from '../src/core/errors.js';
import { createUser, type TestUser } from './support/factories.js';
import { createTestDatabase, testDrivers, type TestDatabase } from './support/test-db.js';

/** The gateway against the AI SDK's mock model: validation and repair, the ledger, credits, budgets, streaming. */

const planTask = defineObjectTask({
  name: 'test-plan',
  description: 'a plan with steps',
  input: z.object({ goal: z.string().min(1) }).strict(),
  output: z.object({ title: z.string().min(1), steps: z.array(z.string().min(1)).min(1) }),
  buildPrompt: (input) => ({ system: 'You plan.', prompt: `Plan: ${input.goal}` }),
  builtin: (input) => ({ title: input.goal, steps: [`Start ${input.goal}`] }),
});

const replyTask = defineTextTask({
  name: 'test-reply',
  description: 'a reply',
  input: z.object({ question: z.string().min(1) }).strict(),
  buildPrompt: (input) => ({ system: 'You answer.', prompt: input.question }),
  builtin: (input) => `Offline answer to ${input.question}: one two three four five`,
  consumesCredit: true,
});

function reply(text: string, tokensIn = 1000, tokensOut = 500) {
  return {
    content: [{ type: 'text' as const, text }],
    finishReason: { unified: 'stop' as const, raw: 'stop' },
    usage: {
      inputTokens: { total: tokensIn, noCache: tokensIn, cacheRead: 0, cacheWrite: 0 },
      outputTokens: { total: tokensOut, text: tokensOut, reasoning: 0 },
    },
    warnings: [],
  };
}

function streamOf(pieces: string[], tokensIn = 40, tokensOut = 20) {
  return {
    stream: simulateReadableStream({
      chunks: [
        { type: 'stream-start' as const, warnings: [] },
        { type: 'text-start' as const, id: 't' },
        ...pieces.map((delta) => ({ type: 'text-delta' as const, id: 't', delta })),
        { type: 'text-end' as const, id: 't' },
        {
          type: 'finish' as const,
          finishReason: { unified: 'stop' as const, raw: 'stop' },
          usage: {
            inputTokens: { total: tokensIn, noCache: tokensIn, cacheRead: 0, cacheWrite: 0 },
            outputTokens: { total: tokensOut, text: tokensOut, reasoning: 0 },
          },
        },
      ],
    }),
  };
}

describe.each(testDrivers)('AI gateway on %s', (kind) => {
  let database: TestDatabase;
  let user: TestUser;
  const config = loadConfig({ AI_PROVIDER: 'openai', AI_MODEL: 'gpt-4o-mini', AI_API_KEY: 'sk-test', AI_MAX_RETRIES: '0' }).ai;
  const secrets = createSecretBox(crypto.randomBytes(32));

  beforeAll(async () => {
    database = await createTestDatabase(kind);
    user = await createUser({ database });
  });
  afterAll(async () => database.drop());

  function gatewayWith(model: MockLanguageModelV4, overrides: Partial<typeof config> = {}): AiGateway {
    return createAiGateway({ db: database.db, config: { ...config, ...overrides }, secrets, pricing: DEFAULT_PRICING, modelFor: () => model });
  }

  const ledgerOf = (userId: string) =>
    withUser(database.db, userId, (tx) =>
      tx.execute(sql`SELECT generation_type, provider, model, status, tokens_in, tokens_out, tokens_used, cost::float8 AS cost,
                            error_code, response, metadata, prompt
                     FROM app.ai_generations ORDER BY created_at, id`),
    ).then((result) => ((result as { rows?: unknown[] }).rows ?? (result as unknown[])) as Array<Record<string, any>>); // eslint-disable-line @typescript-eslint/no-explicit-any

  it('returns a valid object, records the call with tokens and its cost from the pricing table', async () => {
    const someone = await createUser({ database });
    const model = new MockLanguageModelV4({ doGenerate: reply('```json\n{"title":"Launch","steps":["Write","Ship"]}\n```', 1000, 500) });
    const result = await gatewayWith(model).run(planTask, { goal: 'launch' }, { organizationId: someone.personalOrgId, userId: someone.id });
    expect(result.output).toEqual({ title: 'Launch', steps: ['Write', 'Ship'] });
    expect(result).toMatchObject({ provider: 'openai', model: 'gpt-4o-mini', tokensIn: 1000, tokensOut: 500 });
    // gpt-4o-mini: $0.15 per million in, $0.60 per million out
    expect(result.cost).toBeCloseTo(0.00045, 8);
    const [row] = await ledgerOf(someone.id);
    expect(row).toMatchObject({ generation_type: 'test-plan', provider: 'openai', status: 'succeeded', tokens_in: 1000, tokens_out: 500, tokens_used: 1500 });
    expect(row!.cost).toBeCloseTo(0.00045, 8);
    expect(row!.metadata).toMatchObject({ structuredOutput: 'native' });
    // The schema goes to the provider as its native response format, not in the prompt.
    expect(model.doGenerateCalls[0]!.responseFormat).toMatchObject({ type: 'json', name: 'test-plan', schema: { properties: { steps: expect.anything() } } });
    expect(row!.prompt).toContain('Plan: launch');
    expect(row!.prompt).not.toContain('"steps"');
  });

  it('sends the schema in the prompt instead when AI_STRUCTURED_OUTPUT is prompt', async () => {
    const someone = await createUser({ database });
    const model = new MockLanguageModelV4({ doGenerate: reply('Here:\n{"title":"Launch","steps":["Ship"]}') });
    const result = await gatewayWith(model, { structuredOutput: 'prompt' }).run(planTask, { goal: 'launch' }, { organizationId: someone.personalOrgId, userId: someone.id });
    expect(result.output).toEqual({ title: 'Launch', steps: ['Ship'] });
    expect(model.doGenerateCalls[0]!.responseFormat).toBeUndefined();
    const [row] = await ledgerOf(someone.id);
    expect(row!.prompt).toContain('"steps"');
    expect(row!.metadata).toMatchObject({ structuredOutput: 'prompt' });
  });

  it('feeds a validation error back once and records both calls', async () => {
    const someone = await createUser({ database });
    const model = new MockLanguageModelV4({
      doGenerate: [reply('{"title":"Launch","steps":[]}'), reply('{"title":"Launch","steps":["Ship it"]}')],
    });
    const result = await gatewayWith(model).run(planTask, { goal: 'launch' }, { organizationId: someone.personalOrgId, userId: someone.id });
    expect(result.output.steps).toEqual(['Ship it']);
    expect(model.doGenerateCalls).toHaveLength(2);
    const repairPrompt = JSON.stringify(model.doGenerateCalls[1]!.prompt);
    expect(repairPrompt).toContain('steps');
    expect(repairPrompt).toMatch(/does not match the schema/);
    expect(model.doGenerateCalls[1]!.responseFormat).toMatchObject({ type: 'json', name: 'test-plan' });
    const rows = await ledgerOf(someone.id);
    expect(rows).toHaveLength(2);
    expect(rows[1]!.metadata).toMatchObject({ problem: expect.stringContaining('steps') });
  });

  it('fails clearly after a second wrong answer, keeping both calls in the ledger', async () => {
    const someone = await createUser({ database });
    const model = new MockLanguageModelV4({ doGenerate: [reply('I cannot do JSON'), reply('{"title":""}')] });
    const error = await gatewayWith(model)
      .run(planTask, { goal: 'launch' }, { organizationId: someone.personalOrgId, userId: someone.id })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe('AI_OUTPUT_INVALID');
    expect((error as AppError).message).toMatch(/wrong shape twice/);
    expect(await ledgerOf(someone.id)).toHaveLength(2);
  });

  it('rejects invalid input naming the field, before any call', async () => {
    const model = new MockLanguageModelV4({ doGenerate: reply('{}') });
    const error = (await gatewayWith(model)
      .run(planTask, { goal: '' }, { organizationId: user.personalOrgId, userId: user.id })
      .catch((e: unknown) => e)) as AppError;
    expect(error.code).toBe('VALIDATION_FAILED');
    expect(error.details).toEqual([expect.objectContaining({ field: 'input.goal' })]);
    expect(model.doGenerateCalls).toHaveLength(0);
  });

  it('records a failed call and refunds the chat credit it spent', async () => {
    const someone = await createUser({ database });
    const model = new MockLanguageModelV4({
      doGenerate: async () => {
        throw new Error('connect ECONNREFUSED 127.0.0.1:9');
      },
    });
    const error = (await gatewayWith(model)
      .run(replyTask, { question: 'hello?' }, { organizationId: someone.personalOrgId, userId: someone.id })
      .catch((e: unknown) => e)) as AppError;
    expect(error.code).toBe('AI_PROVIDER_ERROR');
    expect(error.message).toMatch(/openai/);
    const [row] = await ledgerOf(someone.id);
    expect(row).toMatchObject({ status: 'failed', error_code: 'AI_PROVIDER_ERROR', tokens_used: 0 });
    const [credits] = (await withUser(database.db, someone.id, (tx) => tx.execute(sql`SELECT remaining FROM app.chat_credits`)).then(
      (r) => (r as { rows?: unknown[] }).rows ?? r,
    )) as Array<{ remaining: number }>;
    expect(credits!.remaining).toBe(10);
  });

  it('stops before the call when the monthly budget is spent', async () => {
    const someone = await createUser({ database });
    const model = new MockLanguageModelV4({ doGenerate: reply('{"title":"A","steps":["b"]}', 1_000_000, 0) });
    const gateway = gatewayWith(model);
    const context = { organizationId: someone.personalOrgId, userId: someone.id };
    await withUser(database.db, someone.id, (tx) =>
      tx.execute(sql`INSERT INTO app.organization_ai_settings (organization_id, monthly_budget_usd) VALUES (${someone.personalOrgId}, 0.1)`),
    );
    await gateway.run(planTask, { goal: 'x' }, context); // $0.15: over the cap only after it ran
    const error = (await gateway.run(planTask, { goal: 'y' }, context).catch((e: unknown) => e)) as AppError;
    expect(error.code).toBe('BUDGET_EXCEEDED');
    expect(error.message).toMatch(/monthly AI budget of \$0\.1000/);
    expect(model.doGenerateCalls).toHaveLength(1);
  });

  it('stops a run at its own cap: the repair call is not made once the first one spent it', async () => {
    const someone = await createUser({ database });
    const model = new MockLanguageModelV4({ doGenerate: [reply('not json', 1_000_000, 0), reply('{"title":"A","steps":["b"]}')] });
    await withUser(database.db, someone.id, (tx) =>
      tx.execute(sql`INSERT INTO app.organization_ai_settings (organization_id, run_budget_usd) VALUES (${someone.personalOrgId}, 0.1)`),
    );
    const error = (await gatewayWith(model)
      .run(planTask, { goal: 'x' }, { organizationId: someone.personalOrgId, userId: someone.id })
      .catch((e: unknown) => e)) as AppError;
    expect(error.code).toBe('BUDGET_EXCEEDED');
    expect(model.doGenerateCalls).toHaveLength(1);
  });

  it('streams text and records it with the usage the stream reported', async () => {
    const someone = await createUser({ database });
    const model = new MockLanguageModelV4({ doStream: streamOf(['Hello ', 'there, ', 'friend.']) });
    const stream = await gatewayWith(model).stream(replyTask, { question: 'hi' }, { organizationId: someone.personalOrgId, userId: someone.id });
    const received: string[] = [];
    for await (const piece of stream.textStream) received.push(piece);
    expect(received.join('')).toBe('Hello there, friend.');
    const result = await stream.result;
    expect(result).toMatchObject({ output: 'Hello there, friend.', tokensIn: 40, tokensOut: 20 });
    const [row] = await ledgerOf(someone.id);
    expect(row).toMatchObject({ status: 'succeeded', response: 'Hello there, friend.', tokens_in: 40, tokens_out: 20 });
  });

  it('keeps what arrived when the reader leaves mid-stream, marked cancelled and interrupted', async () => {
    const someone = await createUser({ database });
    const model = new MockLanguageModelV4({ doStream: streamOf(['one ', 'two ', 'three ', 'four']) });
    const stream = await gatewayWith(model).stream(replyTask, { question: 'count' }, { organizationId: someone.personalOrgId, userId: someone.id });
    let read = '';
    for await (const piece of stream.textStream) {
      read += piece;
      if (read.includes('two')) break;
    }
    await expect(stream.result).rejects.toMatchObject({ code: 'CANCELLED' });
    const [row] = await ledgerOf(someone.id);
    expect(row).toMatchObject({ status: 'cancelled', response: 'one two ' });
    expect(row!.metadata).toMatchObject({ interrupted: true });
  });

  it('streams an object as ever more complete partial objects and validates the whole at the end', async () => {
    const someone = await createUser({ database });
    const model = new MockLanguageModelV4({ doStream: streamOf(['{"title":"La', 'unch","steps":["Wr', 'ite","Ship"]}']) });
    const streamed = await gatewayWith(model).streamObject(planTask, { goal: 'launch' }, { organizationId: someone.personalOrgId, userId: someone.id });
    const partials: unknown[] = [];
    for await (const partial of streamed.partialObjectStream) partials.push(partial);
    expect(partials.length).toBeGreaterThanOrEqual(3);
    expect(partials[0]).toEqual({ title: 'La' });
    expect(partials.at(-1)).toEqual({ title: 'Launch', steps: ['Write', 'Ship'] });
    expect((await streamed.result).output).toEqual({ title: 'Launch', steps: ['Write', 'Ship'] });
    expect(model.doStreamCalls[0]!.responseFormat).toMatchObject({ type: 'json', name: 'test-plan' });
    expect(JSON.stringify(model.doStreamCalls[0]!.prompt)).not.toContain('JSON Schema');
  });

  it('streams an object with the schema in the prompt when AI_STRUCTURED_OUTPUT is prompt', async () => {
    const someone = await createUser({ database });
    const model = new MockLanguageModelV4({ doStream: streamOf(['{"title":"Launch",', '"steps":["Ship"]}']) });
    const streamed = await gatewayWith(model, { structuredOutput: 'prompt' }).streamObject(planTask, { goal: 'launch' }, { organizationId: someone.personalOrgId, userId: someone.id });
    for await (const _partial of streamed.partialObjectStream) void _partial;
    expect((await streamed.result).output).toEqual({ title: 'Launch', steps: ['Ship'] });
    expect(model.doStreamCalls[0]!.responseFormat).toBeUndefined();
    expect(JSON.stringify(model.doStreamCalls[0]!.prompt)).toContain('JSON Schema');
  });

  it('repairs a streamed object that does not match, with one more call', async () => {
    const someone = await createUser({ database });
    const model = new MockLanguageModelV4({
      doStream: streamOf(['{"title":"Launch","steps":[]}']),
      doGenerate: reply('{"title":"Launch","steps":["Ship"]}'),
    });
    const streamed = await gatewayWith(model).streamObject(planTask, { goal: 'launch' }, { organizationId: someone.personalOrgId, userId: someone.id });
    const partials: unknown[] = [];
    for await (const partial of streamed.partialObjectStream) partials.push(partial);
    expect(partials.at(-1)).toEqual({ title: 'Launch', steps: ['Ship'] });
    expect((await streamed.result).output).toEqual({ title: 'Launch', steps: ['Ship'] });
    expect(await ledgerOf(someone.id)).toHaveLength(2);
    // The repair asks natively too.
    expect(model.doGenerateCalls[0]!.responseFormat).toMatchObject({ type: 'json', name: 'test-plan' });
  });

  it('runs the built-in engine offline: provider builtin, estimated tokens, cost 0', async () => {
    const someone = await createUser({ database });
    const model = new MockLanguageModelV4({ doGenerate: reply('unused') });
    const gateway = gatewayWith(model, { provider: 'builtin', model: undefined });
    const result = await gateway.run(planTask, { goal: 'garden' }, { organizationId: someone.personalOrgId, userId: someone.id });
    expect(result.output).toEqual({ title: 'garden', steps: ['Start garden'] });
    expect(model.doGenerateCalls).toHaveLength(0);
    const [row] = await ledgerOf(someone.id);
    expect(row).toMatchObject({ provider: 'builtin', model: 'atelier-offline-1', cost: 0, status: 'succeeded' });
    expect(row!.tokens_in).toBeGreaterThan(0);
    expect(row!.tokens_out).toBeGreaterThan(0);

    const streamed = await gateway.streamObject(planTask, { goal: 'garden' }, { organizationId: someone.personalOrgId, userId: someone.id });
    const partials: unknown[] = [];
    for await (const partial of streamed.partialObjectStream) partials.push(partial);
    expect(partials.length).toBeGreaterThan(1);
    expect(partials.at(-1)).toEqual({ title: 'garden', steps: ['Start garden'] });
  });
});

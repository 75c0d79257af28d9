import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { loadConfig } from '../src/config.js';
import { createAiGateway, type AiGateway } from '../src/core/ai/index.js';
import { loadPricing } from '../src/core/ai/pricing.js';
import { createSecretBox } from '../src/core/ai/secret-box.js';
import { defineObjectTask } from '../src/core/ai/task.js';
import { withUser } from '../src/core/db/tenancy.js';
import { AppError } from '../src/core/errors.js';
import { startFakeOpenAi, type FakeOpenAiServer } from './support/fake-openai-server.js';
import { createUser, type TestUser } from './support/factories.js';
import { createTestDatabase, type TestDatabase } from './support/test-db.js';

/**
 * Native structured output over real HTTP to the local fakes: OpenAI `response_format` json_schema (strict when the
 * schema allows it), Anthropic's forced tool and output format, Ollama's response_format, the prompt fallback for
 * OpenAI-compatible servers, and a server that refuses the native form.
 */

const planTask = defineObjectTask({
  name: 'test-plan',
  description: 'A delivery plan',
  input: z.object({ goal: z.string().min(1) }).strict(),
  output: z.object({
    title: z.string().min(1),
    steps: z
      .array(z.object({ id: z.string().regex(/^S-\d+$/), what: z.string().min(1), size: z.enum(['small', 'large']) }))
      .min(1)
      .max(5),
  }),
  buildPrompt: (input) => ({ system: 'You plan.', prompt: `Plan: ${input.goal}` }),
  builtin: (input) => ({ title: input.goal, steps: [{ id: 'S-1', what: `Start ${input.goal}`, size: 'small' as const }] }),
});

/** An optional field: OpenAI's strict mode cannot take it, so the schema goes non-strict. */
const noteTask = defineObjectTask({
  name: 'test-note',
  description: 'A note',
  input: z.object({ text: z.string().min(1) }).strict(),
  output: z.object({ note: z.string().min(1), mood: z.string().optional() }),
  buildPrompt: (input) => ({ system: 'Take a note.', prompt: input.text }),
  builtin: (input) => ({ note: input.text }),
});

const PLAN = { title: 'Launch', steps: [{ id: 'S-1', what: 'Write', size: 'small' }, { id: 'S-2', what: 'Ship', size: 'large' }] };

describe('native structured output over HTTP', () => {
  let fake: FakeOpenAiServer;
  let refusing: FakeOpenAiServer;
  let database: TestDatabase;
  let user: TestUser;
  let pricingFile: string;
  const KEY = 'sk-right-key';

  beforeAll(async () => {
    fake = await startFakeOpenAi({ apiKey: KEY });
    refusing = await startFakeOpenAi({ apiKey: KEY, refuseResponseFormat: true });
    database = await createTestDatabase('pglite');
    user = await createUser({ database });
    pricingFile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'atelier-pricing-')), 'pricing.json');
    fs.writeFileSync(pricingFile, JSON.stringify({ 'fake-gpt': { inputPerMillion: 2, outputPerMillion: 10 } }));
  });
  afterAll(async () => {
    await fake.close();
    await refusing.close();
    await database.drop();
  });
  beforeEach(() => {
    fake.requests.length = 0;
    refusing.requests.length = 0;
  });

  function gateway(env: Record<string, string> = {}): AiGateway {
    const config = loadConfig({
      AI_PROVIDER: 'openai',
      AI_BASE_URL: fake.url,
      AI_MODEL: 'fake-gpt',
      AI_API_KEY: KEY,
      AI_MAX_RETRIES: '0',
      AI_PRICING_FILE: pricingFile,
      ...env,
    }).ai;
    return createAiGateway({ db: database.db, config, secrets: createSecretBox(crypto.randomBytes(32)), pricing: loadPricing(config.pricingFile) });
  }
  const context = () => ({ organizationId: user.personalOrgId, userId: user.id });

  async function ledger(count: number): Promise<Array<Record<string, any>>> { // eslint-disable-line @typescript-eslint/no-explicit-any
    const result = await withUser(database.db, user.id, (tx) =>
      tx.execute(sql`SELECT provider, model, status, tokens_in, tokens_out, cost::float8 AS cost, error_code, prompt, response, metadata
                     FROM app.ai_generations ORDER BY created_at DESC, id DESC LIMIT ${count}`),
    );
    const rows = ((result as { rows?: unknown[] }).rows ?? (result as unknown[])) as Array<Record<string, unknown>>;
    return rows.reverse();
  }

  it('openai: sends response_format json_schema, strict, with the task’s schema, and records the server’s token counts', async () => {
    fake.queue({ content: JSON.stringify(PLAN), promptTokens: 1200, completionTokens: 300 });
    const result = await gateway().run(planTask, { goal: 'launch' }, context());
    expect(result.output).toEqual(PLAN);
    expect(fake.requests).toHaveLength(1);
    const format = fake.requests[0]!.body.response_format!;
    expect(format).toMatchObject({ type: 'json_schema', json_schema: { name: 'test-plan', strict: true } });
    const schema = format.json_schema!.schema as any; // eslint-disable-line @typescript-eslint/no-explicit-any
    expect(schema).toMatchObject({ type: 'object', required: ['title', 'steps'], additionalProperties: false });
    expect(schema.properties.steps.items).toMatchObject({ required: ['id', 'what', 'size'], additionalProperties: false });
    expect(schema.properties.steps.items.properties.size.enum).toEqual(['small', 'large']);
    // Strict mode gets the shape; the value constraints are described, and zod enforces them after.
    expect(schema.properties.steps.description).toContain('minItems 1');
    expect(JSON.stringify(schema)).not.toContain('"minLength"');
    expect(JSON.stringify(fake.requests[0]!.body.messages)).not.toContain('JSON Schema');
    // 1200 × $2/M + 300 × $10/M, one ledger row with the server's counts
    expect(result).toMatchObject({ tokensIn: 1200, tokensOut: 300 });
    expect(result.cost).toBeCloseTo(0.0054, 8);
    const [row] = await ledger(1);
    expect(row).toMatchObject({ provider: 'openai', model: 'fake-gpt', status: 'succeeded', tokens_in: 1200, tokens_out: 300 });
    expect(row!.metadata).toMatchObject({ structuredOutput: 'native' });
  });

  it('openai: a schema strict mode cannot take (an optional field) goes non-strict, whole', async () => {
    fake.queue({ content: '{"note":"buy milk"}' });
    const result = await gateway().run(noteTask, { text: 'milk' }, context());
    expect(result.output).toEqual({ note: 'buy milk' });
    const format = fake.requests[0]!.body.response_format!;
    expect(format.json_schema).toMatchObject({ name: 'test-note', strict: false });
    expect(format.json_schema!.schema).toMatchObject({ required: ['note'], properties: { note: { minLength: 1 } } });
  });

  it('openai: a native answer that fails validation gets the one repair, asked natively too', async () => {
    fake.queue(
      { content: JSON.stringify({ ...PLAN, steps: [{ id: 'step one', what: 'Write', size: 'small' }] }), promptTokens: 100, completionTokens: 10 },
      { content: JSON.stringify(PLAN), promptTokens: 150, completionTokens: 20 },
    );
    const result = await gateway().run(planTask, { goal: 'launch' }, context());
    expect(result.output).toEqual(PLAN);
    expect(result).toMatchObject({ tokensIn: 250, tokensOut: 30 });
    expect(fake.requests).toHaveLength(2);
    expect(fake.requests[1]!.body.response_format).toMatchObject({ type: 'json_schema' });
    expect(JSON.stringify(fake.requests[1]!.body.messages)).toMatch(/does not match the schema: steps\.0\.id/);
    const rows = await ledger(2);
    expect(rows.map((r) => [r.tokens_in, r.tokens_out])).toEqual([
      [100, 10],
      [150, 20],
    ]);
    expect(rows[1]!.metadata).toMatchObject({ structuredOutput: 'native', problem: expect.stringContaining('steps.0.id') });
  });

  it('openai: fails clearly when the repaired answer is still wrong', async () => {
    fake.queue({ content: '{"title":""}', promptTokens: 60, completionTokens: 5 }, { content: 'Sorry, no.', promptTokens: 70, completionTokens: 3 });
    const error = (await gateway()
      .run(planTask, { goal: 'launch' }, context())
      .catch((e: unknown) => e)) as AppError;
    expect(error).toBeInstanceOf(AppError);
    expect(error.code).toBe('AI_OUTPUT_INVALID');
    expect(error.message).toMatch(/wrong shape twice \(last problem: not valid JSON/);
    // Prose where JSON was asked for natively is still an answer, recorded with its usage.
    const rows = await ledger(2);
    expect(rows.map((r) => [r.status, r.tokens_in, r.tokens_out, r.response])).toEqual([
      ['succeeded', 60, 5, '{"title":""}'],
      ['succeeded', 70, 3, 'Sorry, no.'],
    ]);
  });

  it('openai: streams an object natively and records the stream’s usage', async () => {
    fake.queue({ content: JSON.stringify(PLAN, null, 1), promptTokens: 80, completionTokens: 40 });
    const streamed = await gateway().streamObject(planTask, { goal: 'launch' }, context());
    const partials: unknown[] = [];
    for await (const partial of streamed.partialObjectStream) partials.push(partial);
    expect(partials.length).toBeGreaterThan(2);
    expect(partials.at(-1)).toEqual(PLAN);
    expect(fake.requests[0]!.body).toMatchObject({ stream: true, response_format: { type: 'json_schema', json_schema: { name: 'test-plan', strict: true } } });
    expect(await streamed.result).toMatchObject({ output: PLAN, tokensIn: 80, tokensOut: 40 });
    const [row] = await ledger(1);
    expect(row).toMatchObject({ status: 'succeeded', tokens_in: 80, tokens_out: 40 });
    expect(row!.metadata).toMatchObject({ structuredOutput: 'native', streamed: true });
  });

  it('anthropic: forces the json tool and reads its tool_use input, with the server’s token counts', async () => {
    // A model without Anthropic's native output format: the AI SDK forces its `json` tool instead.
    fake.queue({ content: JSON.stringify(PLAN), promptTokens: 500, completionTokens: 60 });
    const anthropic = gateway({ AI_PROVIDER: 'anthropic', AI_MODEL: 'claude-sonnet-4-20250514' });
    const result = await anthropic.run(planTask, { goal: 'launch' }, context());
    expect(result.output).toEqual(PLAN);
    const request = fake.requests[0]!;
    expect(request.path).toBe('/v1/messages');
    expect(request.apiKeyHeader).toBe(KEY);
    expect(request.body.tools).toHaveLength(1);
    expect(request.body.tools![0]).toMatchObject({ name: 'json', input_schema: { properties: { steps: expect.anything() } } });
    expect(request.body.tool_choice).toMatchObject({ type: 'any' });
    expect(JSON.stringify(request.body.messages)).not.toContain('JSON Schema');
    const [row] = await ledger(1);
    expect(row).toMatchObject({ provider: 'anthropic', status: 'succeeded', tokens_in: 500, tokens_out: 60 });
  });

  it('anthropic: streams the forced tool’s input as partial objects', async () => {
    fake.queue({ content: JSON.stringify(PLAN), promptTokens: 90, completionTokens: 45 });
    const streamed = await gateway({ AI_PROVIDER: 'anthropic', AI_MODEL: 'claude-sonnet-4-20250514' }).streamObject(planTask, { goal: 'launch' }, context());
    const partials: unknown[] = [];
    for await (const partial of streamed.partialObjectStream) partials.push(partial);
    expect(partials.length).toBeGreaterThan(2);
    expect(partials.at(-1)).toEqual(PLAN);
    expect(fake.requests[0]!.body).toMatchObject({ stream: true, tool_choice: { type: 'any' } });
    expect(await streamed.result).toMatchObject({ output: PLAN, tokensIn: 90, tokensOut: 45 });
  });

  it('anthropic: a model with native output format gets output_config.format instead of a tool', async () => {
    fake.queue({ content: JSON.stringify(PLAN) });
    const result = await gateway({ AI_PROVIDER: 'anthropic', AI_MODEL: 'claude-sonnet-4-5' }).run(planTask, { goal: 'launch' }, context());
    expect(result.output).toEqual(PLAN);
    expect(fake.requests[0]!.body.tools).toBeUndefined();
    expect(fake.requests[0]!.body.output_config).toMatchObject({ format: { type: 'json_schema', schema: { properties: { steps: expect.anything() } } } });
  });

  it('ollama: sends response_format json_schema (Ollama maps it to format), non-strict with the whole schema', async () => {
    fake.queue({ content: JSON.stringify(PLAN) });
    const result = await gateway({ AI_PROVIDER: 'ollama' }).run(planTask, { goal: 'launch' }, context());
    expect(result.output).toEqual(PLAN);
    const format = fake.requests[0]!.body.response_format!;
    expect(format).toMatchObject({ type: 'json_schema', json_schema: { name: 'test-plan', strict: false } });
    expect(JSON.stringify(format.json_schema!.schema)).toContain('"minLength":1');
  });

  it('openai-compatible: the schema travels in the prompt, no response_format, and the repair still works', async () => {
    fake.queue(
      { content: 'Here is the plan:\n```json\n{"title":"Launch","steps":[]}\n```', promptTokens: 30, completionTokens: 12 },
      { content: `Corrected: ${JSON.stringify(PLAN)}`, promptTokens: 45, completionTokens: 14 },
    );
    const result = await gateway({ AI_PROVIDER: 'openai-compatible' }).run(planTask, { goal: 'launch' }, context());
    expect(result.output).toEqual(PLAN);
    expect(fake.requests).toHaveLength(2);
    for (const request of fake.requests) expect(request.body.response_format).toBeUndefined();
    expect(JSON.stringify(fake.requests[0]!.body.messages)).toContain('JSON Schema');
    expect(JSON.stringify(fake.requests[1]!.body.messages)).toMatch(/does not match the schema: steps/);
    const rows = await ledger(2);
    expect(rows.map((r) => [r.tokens_in, r.tokens_out])).toEqual([
      [30, 12],
      [45, 14],
    ]);
    expect(rows[0]!.metadata).toMatchObject({ structuredOutput: 'prompt' });
  });

  it('a server refusing response_format gives a clear error naming AI_STRUCTURED_OUTPUT, and prompt mode works there', async () => {
    const native = gateway({ AI_PROVIDER: 'openai-compatible', AI_BASE_URL: refusing.url, AI_STRUCTURED_OUTPUT: 'native' });
    const error = (await native.run(planTask, { goal: 'launch' }, context()).catch((e: unknown) => e)) as AppError;
    expect(error).toBeInstanceOf(AppError);
    expect(error.code).toBe('AI_PROVIDER_ERROR');
    expect(error.status).toBe(502);
    expect(error.message).toMatch(/refused the structured output request \(HTTP 400: Unsupported response_format type: json_schema\).*AI_STRUCTURED_OUTPUT=prompt/);
    expect(error.details).toMatchObject({ setting: 'AI_STRUCTURED_OUTPUT', status: 400 });
    const [row] = await ledger(1);
    expect(row).toMatchObject({ status: 'failed', error_code: 'AI_PROVIDER_ERROR', tokens_in: 0 });

    // The same for a stream, and the default for Ollama (native) against such a server.
    const streamed = gateway({ AI_PROVIDER: 'ollama', AI_BASE_URL: refusing.url }).streamObject(planTask, { goal: 'launch' }, context());
    const streamError = await (async () => {
      for await (const _partial of (await streamed).partialObjectStream) void _partial;
    })().catch((e: unknown) => e);
    expect((streamError as AppError).message).toMatch(/AI_STRUCTURED_OUTPUT=prompt/);

    refusing.queue({ content: JSON.stringify(PLAN) });
    const viaPrompt = await gateway({ AI_PROVIDER: 'openai-compatible', AI_BASE_URL: refusing.url, AI_STRUCTURED_OUTPUT: 'prompt' }).run(planTask, { goal: 'launch' }, context());
    expect(viaPrompt.output).toEqual(PLAN);
  });
});

import crypto from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { loadConfig, type AiConfig } from '../src/config.js';
import { createAiGateway, type AiGateway } from '../src/core/ai/index.js';
import { loadPricing } from '../src/core/ai/pricing.js';
import { createSecretBox } from '../src/core/ai/secret-box.js';
import { defineObjectTask, defineTextTask } from '../src/core/ai/task.js';
import { withUser } from '../src/core/db/tenancy.js';
import type { AppError } from '../src/core/errors.js';
import { startFakeOpenAi, type FakeOpenAiServer } from './support/fake-openai-server.js';
import { createUser, type TestUser } from './support/factories.js';
import { createTestDatabase, type TestDatabase } from './support/test-db.js';

/**
 * The real HTTP path of the providers against a local OpenAI-compatible server: requests, usage accounting,
 * streaming, retries on 429, timeouts, a wrong key and an unreachable server. Nothing leaves the machine.
 */

const summaryTask = defineObjectTask({
  name: 'test-summary',
  description: 'a summary',
  input: z.object({ text: z.string().min(1) }).strict(),
  output: z.object({ summary: z.string().min(1) }),
  buildPrompt: (input) => ({ system: 'Summarize.', prompt: input.text }),
  builtin: (input) => ({ summary: input.text.slice(0, 20) }),
});

const chatTask = defineTextTask({
  name: 'test-chat',
  description: 'chat',
  input: z.object({ question: z.string().min(1) }).strict(),
  buildPrompt: (input) => ({ system: 'Answer briefly.', prompt: input.question }),
  builtin: () => 'offline',
});

describe('AI providers over HTTP', () => {
  let fake: FakeOpenAiServer;
  let database: TestDatabase;
  let user: TestUser;
  let pricingFile: string;
  const KEY = 'sk-right-key';

  beforeAll(async () => {
    fake = await startFakeOpenAi({ apiKey: KEY });
    database = await createTestDatabase('pglite');
    user = await createUser({ database });
    pricingFile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'atelier-pricing-')), 'pricing.json');
    fs.writeFileSync(pricingFile, JSON.stringify({ 'fake-gpt': { inputPerMillion: 2, outputPerMillion: 10 } }));
  });
  afterAll(async () => {
    await fake.close();
    await database.drop();
  });
  beforeEach(() => {
    fake.requests.length = 0;
  });

  function gateway(env: Record<string, string> = {}): { gateway: AiGateway; config: AiConfig } {
    const config = loadConfig({
      AI_PROVIDER: 'openai-compatible',
      AI_BASE_URL: fake.url,
      AI_MODEL: 'fake-gpt',
      AI_API_KEY: KEY,
      AI_MAX_RETRIES: '2',
      AI_PRICING_FILE: pricingFile,
      ...env,
    }).ai;
    return {
      config,
      gateway: createAiGateway({ db: database.db, config, secrets: createSecretBox(crypto.randomBytes(32)), pricing: loadPricing(config.pricingFile) }),
    };
  }
  const context = () => ({ organizationId: user.personalOrgId, userId: user.id });

  async function lastLedgerRow(): Promise<Record<string, any>> { // eslint-disable-line @typescript-eslint/no-explicit-any
    const result = await withUser(database.db, user.id, (tx) =>
      tx.execute(sql`SELECT provider, model, status, tokens_in, tokens_out, cost::float8 AS cost, error_code, error_message, response
                     FROM app.ai_generations ORDER BY created_at DESC, id DESC LIMIT 1`),
    );
    return ((result as { rows?: unknown[] }).rows ?? (result as unknown[]))[0] as Record<string, unknown>;
  }

  it('sends the request with the key and records the server’s token counts and the priced cost', async () => {
    fake.queue({ content: '{"summary":"A short one"}', promptTokens: 1200, completionTokens: 300 });
    const result = await gateway().gateway.run(summaryTask, { text: 'Long text about gardens' }, context());
    expect(result.output).toEqual({ summary: 'A short one' });
    expect(fake.requests).toHaveLength(1);
    expect(fake.requests[0]!.authorization).toBe(`Bearer ${KEY}`);
    expect(fake.requests[0]!.body.model).toBe('fake-gpt');
    expect(JSON.stringify(fake.requests[0]!.body.messages)).toContain('Long text about gardens');
    // 1200 × $2/M + 300 × $10/M
    expect(result.cost).toBeCloseTo(0.0054, 8);
    expect(await lastLedgerRow()).toMatchObject({ provider: 'openai-compatible', model: 'fake-gpt', status: 'succeeded', tokens_in: 1200, tokens_out: 300 });
    expect((await lastLedgerRow()).cost).toBeCloseTo(0.0054, 8);
  });

  it('streams over HTTP and takes the usage from the stream', async () => {
    fake.queue({ content: 'Gardens need water and light.', promptTokens: 50, completionTokens: 9 });
    const stream = await gateway().gateway.stream(chatTask, { question: 'What do gardens need?' }, context());
    const pieces: string[] = [];
    for await (const piece of stream.textStream) pieces.push(piece);
    expect(pieces.length).toBeGreaterThan(2);
    expect(pieces.join('')).toBe('Gardens need water and light.');
    expect(fake.requests[0]!.body.stream).toBe(true);
    expect(await stream.result).toMatchObject({ tokensIn: 50, tokensOut: 9 });
    expect(await lastLedgerRow()).toMatchObject({ status: 'succeeded', tokens_in: 50, tokens_out: 9, response: 'Gardens need water and light.' });
  });

  it('retries a 429 and then succeeds', async () => {
    fake.queue({ status: 429, content: 'Rate limit reached' }, { content: '{"summary":"after the wait"}' });
    const result = await gateway().gateway.run(summaryTask, { text: 'retry me' }, context());
    expect(result.output).toEqual({ summary: 'after the wait' });
    expect(fake.requests).toHaveLength(2);
  });

  it('gives up on a server that keeps failing, saying which provider and how often it tried', async () => {
    fake.queue({ status: 503, content: 'overloaded' }, { status: 503, content: 'overloaded' });
    const error = (await gateway({ AI_MAX_RETRIES: '1' })
      .gateway.run(summaryTask, { text: 'x' }, context())
      .catch((e: unknown) => e)) as AppError;
    expect(error.code).toBe('AI_PROVIDER_ERROR');
    expect(error.message).toMatch(/openai-compatible .* HTTP 503 after 2 attempts/);
    expect(fake.requests).toHaveLength(2);
    expect(await lastLedgerRow()).toMatchObject({ status: 'failed', error_code: 'AI_PROVIDER_ERROR' });
  });

  it('times out a slow server with a clear error', async () => {
    fake.queue({ content: '{"summary":"too late"}', delayMs: 3000 });
    const error = (await gateway({ AI_TIMEOUT_MS: '300', AI_MAX_RETRIES: '0' })
      .gateway.run(summaryTask, { text: 'slow' }, context())
      .catch((e: unknown) => e)) as AppError;
    expect(error.code).toBe('AI_TIMEOUT');
    expect(error.message).toMatch(/did not answer in time.*AI_TIMEOUT_MS/);
    expect(await lastLedgerRow()).toMatchObject({ status: 'failed', error_code: 'AI_TIMEOUT' });
  });

  it('explains a wrong key without retrying it and without echoing it', async () => {
    const error = (await gateway({ AI_API_KEY: 'sk-wrong-key' })
      .gateway.run(summaryTask, { text: 'x' }, context())
      .catch((e: unknown) => e)) as AppError;
    expect(error.code).toBe('AI_PROVIDER_ERROR');
    expect(error.message).toMatch(/refused the API key \(HTTP 401\).*AI_API_KEY/);
    expect(error.message).not.toContain('sk-wrong-key');
    expect(fake.requests).toHaveLength(1);
  });

  it('explains an unreachable server', async () => {
    const closedPort = await new Promise<number>((resolve) => {
      const probe = net.createServer().listen(0, '127.0.0.1', () => {
        const { port } = probe.address() as net.AddressInfo;
        probe.close(() => resolve(port));
      });
    });
    const error = (await gateway({ AI_BASE_URL: `http://127.0.0.1:${closedPort}/v1`, AI_MAX_RETRIES: '0' })
      .gateway.run(summaryTask, { text: 'x' }, context())
      .catch((e: unknown) => e)) as AppError;
    expect(error.code).toBe('AI_PROVIDER_ERROR');
    expect(error.message).toMatch(/Cannot reach the AI provider openai-compatible \(http:\/\/127\.0\.0\.1:\d+\/v1.*check the base URL/);
  });

  it('speaks the same protocol for the openai and ollama providers', async () => {
    fake.queue({ content: '{"summary":"from openai"}' }, { content: '{"summary":"from ollama"}' });
    const viaOpenAi = await gateway({ AI_PROVIDER: 'openai' }).gateway.run(summaryTask, { text: 'x' }, context());
    expect(viaOpenAi).toMatchObject({ provider: 'openai', output: { summary: 'from openai' } });
    expect(fake.requests[0]!.path).toBe('/v1/chat/completions');
    const viaOllama = await gateway({ AI_PROVIDER: 'ollama', AI_API_KEY: KEY }).gateway.run(summaryTask, { text: 'x' }, context());
    expect(viaOllama).toMatchObject({ provider: 'ollama', output: { summary: 'from ollama' } });
  });

  it('tests a connection: ready with the latency, or the reason it failed', async () => {
    const { gateway: g, config } = gateway();
    const settings = { provider: config.provider, model: 'fake-gpt', baseUrl: fake.url, apiKey: KEY };
    fake.queue({ content: 'ready' });
    expect(await g.testConnection(settings)).toMatchObject({ ok: true, provider: 'openai-compatible', message: expect.stringContaining('ready') });
    const failed = await g.testConnection({ ...settings, apiKey: 'nope' });
    expect(failed).toMatchObject({ ok: false, message: expect.stringMatching(/refused the API key/) });
  });
});

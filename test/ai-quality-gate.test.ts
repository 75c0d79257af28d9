import crypto from 'node:crypto';
import { MockLanguageModelV4 } from 'ai/test';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { loadConfig } from '../src/config.js';
import { createAiGateway, type AiGateway } from '../src/core/ai/index.js';
import { DEFAULT_PRICING } from '../src/core/ai/pricing.js';
import { createSecretBox } from '../src/core/ai/secret-box.js';
import { defineObjectTask } from '../src/core/ai/task.js';
import { AppError } from '../src/core/errors.js';
import { createUser, type TestUser } from './support/factories.js';
import { createTestDatabase, type TestDatabase } from './support/test-db.js';

/**
 * The gateway's quality gate over a task's human text, for both engines: a mechanical fault is repaired, a fault
 * that is not fails the offline call naming the field, and a configured model gets one retry with the problems.
 */

const storyOutput = z.object({ title: z.string().min(1), criteria: z.array(z.string().min(1)).min(1) });
type Story = z.infer<typeof storyOutput>;

function storyTask(builtin: Story) {
  return defineObjectTask({
    name: 'test-story',
    description: 'a story',
    input: z.object({ goal: z.string().min(1) }).strict(),
    output: storyOutput,
    buildPrompt: (input) => ({ system: 'You write stories.', prompt: input.goal }),
    builtin: () => builtin,
    prose: (output) => [
      { path: 'title', text: output.title, kind: 'title' },
      ...output.criteria.map((text, i) => ({ path: `criteria.${i}`, text, kind: 'prose' as const })),
    ],
  });
}

function reply(text: string) {
  return {
    content: [{ type: 'text' as const, text }],
    finishReason: { unified: 'stop' as const, raw: 'stop' },
    usage: { inputTokens: { total: 10, noCache: 10, cacheRead: 0, cacheWrite: 0 }, outputTokens: { total: 5, text: 5, reasoning: 0 } },
    warnings: [],
  };
}

const GOOD: Story = { title: 'Return a drill', criteria: ['Given a member with a loan, when they return the drill, then the loan is closed.'] };
const BROKEN: Story = { title: 'Return a drill', criteria: ['Given a signed-in member, when they be exported, then the loan is closed.'] };

describe('the quality gate in the AI gateway', () => {
  let database: TestDatabase;
  let user: TestUser;
  const secrets = createSecretBox(crypto.randomBytes(32));

  beforeAll(async () => {
    database = await createTestDatabase('pglite');
    user = await createUser({ database });
  });
  afterAll(async () => database.drop());

  const offline = (): AiGateway => createAiGateway({ db: database.db, config: loadConfig({}).ai, secrets, pricing: DEFAULT_PRICING });
  const remote = (model: MockLanguageModelV4): AiGateway =>
    createAiGateway({
      db: database.db,
      config: loadConfig({ AI_PROVIDER: 'openai', AI_MODEL: 'gpt-4o-mini', AI_API_KEY: 'sk-test', AI_MAX_RETRIES: '0' }).ai,
      secrets,
      pricing: DEFAULT_PRICING,
      modelFor: () => model,
    });
  const call = () => ({ organizationId: user.personalOrgId, userId: user.id });

  it('offline: repairs doubled words and template tokens before handing the text on', async () => {
    const task = storyTask({ title: 'Return a a drill', criteria: ['Given a signed-in signed-in member, when they return the drill {{later}}, then the loan is closed.'] });
    const result = await offline().run(task, { goal: 'x' }, call());
    expect(result.output).toEqual({
      title: 'Return a drill',
      criteria: ['Given a signed-in member, when they return the drill, then the loan is closed.'],
    });
  });

  it('offline: fails clearly, naming the field and the problem, when the repair cannot fix the text', async () => {
    const error = await offline().run(storyTask(BROKEN), { goal: 'x' }, call()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe('AI_OUTPUT_INVALID');
    expect((error as AppError).message).toMatch(/test-story: criteria\.0: wrong verb form “they be”/);
  });

  it('configured model: one retry with the problems fed back, then the corrected answer', async () => {
    let calls = 0;
    const model = new MockLanguageModelV4({ doGenerate: async () => reply(JSON.stringify(calls++ === 0 ? BROKEN : GOOD)) });
    const result = await remote(model).run(storyTask(GOOD), { goal: 'x' }, call());
    expect(result.output).toEqual(GOOD);
    expect(model.doGenerateCalls).toHaveLength(2);
    const retry = JSON.stringify(model.doGenerateCalls[1]!.prompt);
    expect(retry).toContain('broken text');
    expect(retry).toContain('criteria.0: wrong verb form');
  });

  it('configured model: broken text twice fails the call, never hands it on', async () => {
    const model = new MockLanguageModelV4({ doGenerate: async () => reply(JSON.stringify(BROKEN)) });
    const error = await remote(model).run(storyTask(GOOD), { goal: 'x' }, call()).catch((e: unknown) => e);
    expect((error as AppError).code).toBe('AI_OUTPUT_INVALID');
    expect((error as AppError).message).toMatch(/broken text .*criteria\.0.* twice/);
  });
});

import crypto from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config.js';
import { createAiGateway, type AiGateway } from '../src/core/ai/index.js';
import { createSecretBox } from '../src/core/ai/secret-box.js';
import { withUser } from '../src/core/db/tenancy.js';
import { estimateStory } from '../src/modules/backlog/ai/story-insights.service.js';
import { storyGenerationTask } from '../src/modules/backlog/ai/story-generation/index.js';
import type { ProjectRow } from '../src/modules/projects/index.js';
import { startFakeOpenAi, type FakeOpenAiServer } from './support/fake-openai-server.js';
import { createUser, type TestUser } from './support/factories.js';
import { createTestDatabase, type TestDatabase } from './support/test-db.js';

/** The backlog's AI tasks with a configured model (the local fake OpenAI server): native structured output, the ledger. */

const PROPOSAL = {
  proposalId: 'us-1',
  epic: { title: 'Customers', description: 'What customers do with Spoke.' },
  title: 'Approve a quote',
  description: 'As a customer, I want to approve a quote so that the work can start.',
  acceptanceCriteria: ['Given a customer with a quote, when they approve it by text, then the mechanic sees the approval.'],
  priority: 'high',
  storyPoints: 2,
  invest: (['independent', 'negotiable', 'valuable', 'estimable', 'small', 'testable'] as const).map((criterion) => ({ criterion, ok: true, note: 'It meets this criterion.' })),
  source: 'US-1 in the PRD',
};

describe('backlog AI tasks with a configured model', () => {
  let fake: FakeOpenAiServer;
  let database: TestDatabase;
  let user: TestUser;
  let ai: AiGateway;
  const KEY = 'sk-backlog';

  beforeAll(async () => {
    fake = await startFakeOpenAi({ apiKey: KEY });
    database = await createTestDatabase('pglite');
    user = await createUser({ database });
    const config = loadConfig({ AI_PROVIDER: 'openai', AI_BASE_URL: fake.url, AI_MODEL: 'fake-gpt', AI_API_KEY: KEY, AI_MAX_RETRIES: '0' }).ai;
    ai = createAiGateway({ db: database.db, config, secrets: createSecretBox(crypto.randomBytes(32)), pricing: {} });
  });
  afterAll(async () => {
    await fake.close();
    await database.drop();
  });
  beforeEach(() => {
    fake.requests.length = 0;
  });

  const context = () => ({ organizationId: user.personalOrgId, userId: user.id });
  async function lastRow(): Promise<Record<string, unknown>> {
    const result = await withUser(database.db, user.id, (tx) =>
      tx.execute(sql`SELECT generation_type, provider, status, metadata FROM app.ai_generations ORDER BY created_at DESC, id DESC LIMIT 1`),
    );
    return ((result as { rows?: unknown[] }).rows ?? (result as unknown[]))[0] as Record<string, unknown>;
  }

  it('story generation asks for the proposals’ JSON schema natively (strict) and records a ledger row of type story', async () => {
    fake.queue({ content: JSON.stringify({ epics: [PROPOSAL.epic], proposals: [PROPOSAL] }) });
    const input = { projectName: 'Spoke', source: { kind: 'prd', title: 'Spoke PRD', markdown: '### US-1 Approve a quote\nAs a customer, I want to approve a quote so that the work can start.' } };
    const result = await ai.run(storyGenerationTask, input, context());
    expect(result.output.proposals[0]).toMatchObject({ title: 'Approve a quote', priority: 'high', storyPoints: 2 });
    const format = fake.requests[0]!.body.response_format!;
    expect(format).toMatchObject({ type: 'json_schema', json_schema: { name: 'story-generation', strict: true } });
    const schema = format.json_schema!.schema as { required: string[]; properties: { proposals: { items: { required: string[] } } } };
    expect(schema.required).toEqual(['epics', 'proposals']);
    expect(schema.properties.proposals.items.required).toEqual(expect.arrayContaining(['proposalId', 'epic', 'acceptanceCriteria', 'priority', 'storyPoints', 'invest']));
    expect(JSON.stringify(fake.requests[0]!.body.messages)).toContain('US-1 Approve a quote');
    expect(await lastRow()).toMatchObject({ generation_type: 'story', provider: 'openai', status: 'succeeded', metadata: { structuredOutput: 'native' } });
  });

  it('a model answer with broken text gets the one repair, and the repaired answer is kept', async () => {
    // A description of fragments only cannot be repaired mechanically: the model hears what is wrong and answers again.
    const broken = { ...PROPOSAL, description: 'The approval of a quote. The start of the work.' };
    fake.queue({ content: JSON.stringify({ epics: [PROPOSAL.epic], proposals: [broken] }) }, { content: JSON.stringify({ epics: [PROPOSAL.epic], proposals: [PROPOSAL] }) });
    const result = await ai.run(storyGenerationTask, { projectName: 'Spoke', source: { kind: 'model' } }, context());
    expect(result.output.proposals[0]!.description).toBe(PROPOSAL.description);
    expect(fake.requests).toHaveLength(2);
    expect(JSON.stringify(fake.requests[1]!.body.messages)).toMatch(/broken text/);
  });

  it('an estimate keeps only the compared stories the model was given, with their real points, in a ledger row of type analysis', async () => {
    const candidates = [{ storyId: 'real-1', key: 'SP-1', title: 'Approve a quote by text', description: '', storyPoints: 3, similarity: 0.71 }];
    fake.queue({
      content: JSON.stringify({
        storyPoints: 3,
        comparedTo: [
          { storyId: 'real-1', key: 'SP-1', title: 'Approve a quote by text', storyPoints: 8, similarity: 0.99 },
          { storyId: 'invented', key: 'SP-99', title: 'Something else', storyPoints: 1, similarity: 0.9 },
        ],
        explanation: 'It is like SP-1, which took three points.',
      }),
    });
    const project = { id: null, organizationId: user.personalOrgId } as unknown as ProjectRow;
    const estimate = await estimateStory(ai, { project, candidates }, user.id, { title: 'Approve a quote' });
    expect(estimate).toEqual({
      storyPoints: 3,
      comparedTo: [{ storyId: 'real-1', key: 'SP-1', title: 'Approve a quote by text', storyPoints: 3, similarity: 0.71 }],
      explanation: 'It is like SP-1, which took three points.',
    });
    expect(fake.requests[0]!.body.response_format).toMatchObject({ type: 'json_schema', json_schema: { name: 'story-estimate' } });
    expect(await lastRow()).toMatchObject({ generation_type: 'analysis', provider: 'openai', status: 'succeeded' });
  });
});

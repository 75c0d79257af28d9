import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { JobRunner } from '../src/core/jobs/index.js';
import { documentPrdTask } from '../src/modules/generation/ai/document-prd/index.js';
import { documentSrsTask } from '../src/modules/generation/ai/document-srs/index.js';
import { projectModelSchema } from '../src/modules/project-model/index.js';
import { apiHarness } from './support/api-harness.js';
import { startFakeOpenAi, type FakeOpenAiServer, type FakeReply, type FakeRequest } from './support/fake-openai-server.js';
import { createUser } from './support/factories.js';
import { libraryModel } from './support/project-models.js';
import { createTestApp, type TestApp } from './support/test-app.js';

/**
 * Generating documents through the API with `AI_PROVIDER=openai` against a local server that speaks OpenAI's chat
 * completions protocol. A project without a model gets one first: the request carries the project model's JSON
 * Schema as `response_format` (json_schema). The SRS and PRD requests then carry that model in their prompts, and
 * the server writes each document from the model it was sent, so the saved documents are drawn from it.
 */

const description = 'A booking app for a community tool library: members borrow drills and ladders, volunteers record returns.';

function schemaName(request: FakeRequest): string | undefined {
  return request.body.response_format?.json_schema?.name;
}

function promptOf(request: FakeRequest): string {
  return JSON.stringify(request.body.messages ?? []);
}

/** The model the request's prompt carries, read back from between its tags. */
function modelIn(request: FakeRequest): unknown {
  const text = (request.body.messages ?? []).map((m) => (typeof m.content === 'string' ? m.content : JSON.stringify(m.content))).join('\n');
  const json = /<project-model>\n([\s\S]*?)\n<\/project-model>/.exec(text)?.[1];
  return json ? projectModelSchema.parse(JSON.parse(json)) : undefined;
}

function answer(request: FakeRequest): FakeReply {
  const usage = { promptTokens: 1234, completionTokens: 567 };
  if (schemaName(request) === 'project-model') return { content: JSON.stringify(libraryModel), ...usage };
  const input = { projectName: 'ToolShare', idea: description, model: modelIn(request) as typeof libraryModel };
  const task = schemaName(request) === 'document-prd' ? documentPrdTask : documentSrsTask;
  return { content: JSON.stringify(task.builtin(input, {})), ...usage };
}

describe('documents drawn from a project model built with native structured output (OpenAI protocol)', () => {
  let fake: FakeOpenAiServer;
  let t: TestApp;
  let runner: JobRunner;
  const { api, finished, startJobRunner } = apiHarness(() => t);

  beforeAll(async () => {
    fake = await startFakeOpenAi({ apiKey: 'sk-test', fallback: answer });
    t = await createTestApp('pglite', { AI_PROVIDER: 'openai', AI_BASE_URL: fake.url, AI_API_KEY: 'sk-test', AI_MODEL: 'gpt-4o-mini', AI_MAX_RETRIES: '0' });
    runner = startJobRunner();
  });
  afterAll(async () => {
    await runner?.stop();
    await t?.close();
    await fake?.close();
  });

  it('builds the model through response_format, then writes the SRS and the PRD from it, and ledgers the server’s tokens', async () => {
    const user = await createUser(t);
    const project = await api('POST', '/projects', user, { name: 'ToolShare', description });
    expect(project.statusCode, JSON.stringify(project.data)).toBe(201);

    const started = await api('POST', `/projects/${project.data.id}/documents/generate`, user, { type: 'srs' });
    expect(started.statusCode, JSON.stringify(started.data)).toBe(202);
    const job = await finished(user, started.data.jobId as string);
    expect(job.status, JSON.stringify(job)).toBe('succeeded');

    const sent = fake.requests.filter((request: FakeRequest) => request.path.endsWith('/chat/completions'));
    expect(sent.map(schemaName)).toEqual(['project-model', 'document-srs']);
    // The model is asked for natively, with its JSON Schema, from the project's idea.
    const modelFormat = sent[0]!.body.response_format as { type: string; json_schema: { schema: { properties: Record<string, unknown> } } };
    expect(modelFormat.type).toBe('json_schema');
    expect(Object.keys(modelFormat.json_schema.schema.properties)).toEqual(expect.arrayContaining(['actors', 'entities', 'useCases', 'rules', 'metrics', 'constraints', 'openQuestions']));
    expect(promptOf(sent[0]!)).toContain('members borrow drills and ladders');
    // The SRS request carries the model it built, and its schema natively too.
    expect(modelIn(sent[1]!)).toEqual(libraryModel);
    const srsFormat = sent[1]!.body.response_format as { type: string; json_schema: { schema: { properties: Record<string, unknown> } } };
    expect(Object.keys(srsFormat.json_schema.schema.properties)).toEqual(expect.arrayContaining(['introduction', 'specificRequirements']));

    const doc = await api('GET', `/projects/${project.data.id}/documents/${job.result!.documentId as string}`, user);
    expect(doc.data).toMatchObject({ type: 'srs', status: 'generated' });
    expect(doc.data.contentMarkdown).toContain('#### FR-1 Borrow a tool');
    expect(doc.data.contentMarkdown).toContain('The system shall let a volunteer record a return.');

    const ledger = await api('GET', `/ai/generations?projectId=${project.data.id}`, user);
    expect(ledger.data.items.map((g: { generationType: string }) => g.generationType).sort()).toEqual(['document-srs', 'project-model']);
    expect(ledger.data.items[0]).toMatchObject({ provider: 'openai', status: 'succeeded', tokensUsed: 1234 + 567 });

    // The model is now the project's: the PRD is drawn from it without building it again.
    fake.requests.length = 0;
    const prdJob = await finished(user, (await api('POST', `/projects/${project.data.id}/documents/generate`, user, { type: 'prd' })).data.jobId as string);
    expect(prdJob.status, JSON.stringify(prdJob)).toBe('succeeded');
    const prdSent = fake.requests.filter((request: FakeRequest) => request.path.endsWith('/chat/completions'));
    expect(prdSent.map(schemaName)).toEqual(['document-prd']);
    expect(modelIn(prdSent[0]!)).toEqual(libraryModel);
    const prd = await api('GET', `/projects/${project.data.id}/documents/${prdJob.result!.documentId as string}`, user);
    expect(prd.data.contentMarkdown).toContain('As a member, I want to borrow a tool so that the tool is on loan to the member for a week.');
    expect(prd.data.content.successMetrics).toEqual([{ metric: 'Share of tools returned on time', target: 'nine in ten within three months' }]);
  });
});

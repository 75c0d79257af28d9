import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { JobRunner } from '../src/core/jobs/index.js';
import { documentSrsTask } from '../src/modules/generation/ai/document-srs/index.js';
import { apiHarness } from './support/api-harness.js';
import { startFakeOpenAi, type FakeOpenAiServer, type FakeRequest } from './support/fake-openai-server.js';
import { createUser } from './support/factories.js';
import { createTestApp, type TestApp } from './support/test-app.js';

/**
 * Generating an SRS through the API with `AI_PROVIDER=openai` against a local server that speaks OpenAI's chat
 * completions protocol: the request carries the SRS schema as `response_format` (json_schema), the document is
 * written from the model's answer, and the ledger row carries the server's token counts.
 */

const description = 'A booking app for a community tool library: members reserve drills and ladders, staff record returns.';

/** A schema-valid SRS for any request: what the offline engine writes for the same kind of project. */
function srsAnswer(): string {
  const srs = documentSrsTask.builtin({ projectName: 'ToolShare', idea: description }, {});
  return JSON.stringify(srs);
}

describe('SRS generation with native structured output (OpenAI protocol)', () => {
  let fake: FakeOpenAiServer;
  let t: TestApp;
  let runner: JobRunner;
  const { api, finished, startJobRunner } = apiHarness(() => t);

  beforeAll(async () => {
    fake = await startFakeOpenAi({ apiKey: 'sk-test', fallback: () => ({ content: srsAnswer(), promptTokens: 1234, completionTokens: 567 }) });
    t = await createTestApp('pglite', { AI_PROVIDER: 'openai', AI_BASE_URL: fake.url, AI_API_KEY: 'sk-test', AI_MODEL: 'gpt-4o-mini', AI_MAX_RETRIES: '0' });
    runner = startJobRunner();
  });
  afterAll(async () => {
    await runner?.stop();
    await t?.close();
    await fake?.close();
  });

  it('sends response_format with the SRS JSON Schema, writes the document, and ledgers the server’s tokens', async () => {
    const user = await createUser(t);
    const project = await api('POST', '/projects', user, { name: 'ToolShare', description });
    expect(project.statusCode, JSON.stringify(project.data)).toBe(201);

    const started = await api('POST', `/projects/${project.data.id}/documents/generate`, user, { type: 'srs' });
    expect(started.statusCode, JSON.stringify(started.data)).toBe(202);
    const job = await finished(user, started.data.jobId as string);
    expect(job.status, JSON.stringify(job)).toBe('succeeded');

    const sent = fake.requests.filter((request: FakeRequest) => request.path.endsWith('/chat/completions'));
    expect(sent).toHaveLength(1);
    const format = sent[0]!.body.response_format as { type: string; json_schema: { name: string; schema: { properties: Record<string, unknown> } } };
    expect(format.type).toBe('json_schema');
    expect(Object.keys(format.json_schema.schema.properties)).toEqual(expect.arrayContaining(Object.keys(JSON.parse(srsAnswer()) as object)));

    const doc = await api('GET', `/projects/${project.data.id}/documents/${job.result!.documentId as string}`, user);
    expect(doc.data).toMatchObject({ type: 'srs', status: 'generated' });
    expect(doc.data.contentMarkdown).toMatch(/drill|ladder|tool/i);

    const ledger = await api('GET', `/ai/generations?projectId=${project.data.id}`, user);
    expect(ledger.data.items[0]).toMatchObject({ generationType: 'document-srs', provider: 'openai', status: 'succeeded', tokensUsed: 1234 + 567 });
  });
});

import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAppContext, moduleRegistry } from '../src/app.js';
import { withUser } from '../src/core/db/tenancy.js';
import { createJobRunner, type JobRunner } from '../src/core/jobs/index.js';
import { startFakeOpenAi, type FakeOpenAiServer } from './support/fake-openai-server.js';
import { createUser, type TestUser } from './support/factories.js';
import { call, createTestApp, type TestApp } from './support/test-app.js';
import { testDrivers } from './support/test-db.js';

/** The AI endpoints as a client sees them, with the server's default configuration (the offline engine). */

const idea = {
  name: 'Dog Walk',
  idea: 'A marketplace where dog owners book trusted walkers nearby. Owners must see reviews; walkers should get paid weekly.',
};

describe.each(testDrivers)('AI API on %s', (kind) => {
  let t: TestApp;
  let fake: FakeOpenAiServer;
  let runner: JobRunner;
  let owner: TestUser;

  beforeAll(async () => {
    t = await createTestApp(kind);
    fake = await startFakeOpenAi({ fallback: () => ({ content: 'ready', promptTokens: 20, completionTokens: 2 }) });
    owner = await createUser(t);
  });
  afterAll(async () => {
    await runner?.stop();
    await fake.close();
    await t.close();
  });

  const api = (method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, user: TestUser | undefined, body?: unknown) =>
    call(t.app, method, `/api/v1${url}`, { ...(user ? { token: user.token } : {}), ...(body === undefined ? {} : { body }) });

  async function teamOrg(): Promise<{ orgId: string; admin: TestUser; editor: TestUser; viewer: TestUser }> {
    const admin = await createUser(t);
    const org = await api('POST', '/organizations', admin, { name: 'Team' });
    const editor = await createUser(t);
    const viewer = await createUser(t);
    await api('POST', `/organizations/${org.data.id}/members`, admin, { email: editor.email, role: 'editor' });
    await api('POST', `/organizations/${org.data.id}/members`, admin, { email: viewer.email, role: 'viewer' });
    return { orgId: org.data.id as string, admin, editor, viewer };
  }

  it('runs a task offline by default and records it in the ledger with provider builtin and cost 0', async () => {
    const res = await api('POST', '/ai/tasks/project-brief/run', owner, { input: idea });
    expect(res.statusCode, JSON.stringify(res.data)).toBe(200);
    expect(res.data).toMatchObject({ provider: 'builtin', model: 'atelier-offline-1', cost: 0 });
    expect(res.data.tokensIn).toBeGreaterThan(0);
    expect(JSON.stringify(res.data.output).toLowerCase()).toContain('walk');
    const ledger = await api('GET', '/ai/generations', owner);
    expect(ledger.data.items[0]).toMatchObject({
      id: res.data.generationId,
      generationType: 'project-brief',
      provider: 'builtin',
      cost: 0,
      status: 'succeeded',
    });
    expect(ledger.data.items[0].tokensUsed).toBe(res.data.tokensIn + res.data.tokensOut);
  });

  it('lists its tasks and refuses bad input, unknown tasks, viewers and strangers', async () => {
    const tasks = await api('GET', '/ai/tasks', owner);
    expect(tasks.data.map((task: { name: string }) => task.name)).toEqual(
      expect.arrayContaining(['project-brief', 'extract-insights', 'clarifying-questions', 'answer-question']),
    );
    const bad = await api('POST', '/ai/tasks/project-brief/run', owner, { input: { name: 'x' } });
    expect(bad.statusCode).toBe(400);
    expect(bad.data.error.details).toEqual(expect.arrayContaining([expect.objectContaining({ field: 'input.idea' })]));
    expect((await api('POST', '/ai/tasks/no-such-task/run', owner, { input: {} })).statusCode).toBe(404);
    const team = await teamOrg();
    const asViewer = await api('POST', '/ai/tasks/project-brief/run', team.viewer, { organizationId: team.orgId, input: idea });
    expect(asViewer.statusCode).toBe(403);
    const stranger = await createUser(t);
    const asStranger = await api('POST', '/ai/tasks/project-brief/run', stranger, { organizationId: team.orgId, input: idea });
    expect(asStranger.statusCode).toBe(404);
    expect((await api('POST', '/ai/tasks/project-brief/run', undefined, { input: idea })).statusCode).toBe(401);
  });

  it('keeps an organization’s key encrypted and never returns it', async () => {
    const team = await teamOrg();
    const initial = await api('GET', `/organizations/${team.orgId}/ai-settings`, team.viewer);
    expect(initial.data).toMatchObject({ provider: null, hasApiKey: false, effective: { provider: 'builtin', source: 'server' } });

    const asEditor = await api('PATCH', `/organizations/${team.orgId}/ai-settings`, team.editor, { provider: 'openai' });
    expect(asEditor.statusCode).toBe(403);
    const missingUrl = await api('PATCH', `/organizations/${team.orgId}/ai-settings`, team.admin, { provider: 'openai-compatible' });
    expect(missingUrl.statusCode).toBe(400);
    expect(missingUrl.data.error.details[0].field).toBe('baseUrl');
    const badUrl = await api('PATCH', `/organizations/${team.orgId}/ai-settings`, team.admin, { baseUrl: 'ftp://x' });
    expect(badUrl.data.error.details[0].field).toBe('baseUrl');

    const saved = await api('PATCH', `/organizations/${team.orgId}/ai-settings`, team.admin, {
      provider: 'openai-compatible',
      baseUrl: fake.url,
      model: 'fake-gpt',
      apiKey: 'sk-secret-value-123',
      monthlyBudgetUsd: 25,
    });
    expect(saved.statusCode, JSON.stringify(saved.data)).toBe(200);
    expect(saved.data).toMatchObject({ provider: 'openai-compatible', hasApiKey: true, monthlyBudgetUsd: 25, effective: { source: 'organization', model: 'fake-gpt' } });
    expect(saved.body).not.toContain('sk-secret-value-123');
    const stored = await t.database.db.withAdmin((client) =>
      client.query<{ api_key_ciphertext: string }>('SELECT api_key_ciphertext FROM app.organization_ai_settings WHERE organization_id = $1', [team.orgId]),
    );
    expect(stored[0]!.api_key_ciphertext).toMatch(/^v1:/);
    expect(stored[0]!.api_key_ciphertext).not.toContain('sk-secret');
    const audit = await api('GET', `/audit?organizationId=${team.orgId}`, team.admin);
    expect(JSON.stringify(audit.data)).not.toContain('sk-secret');
    expect(JSON.stringify(audit.data)).toContain('ai_settings_updated');

    // The organization's calls now go to its provider.
    const run = await api('POST', '/ai/tasks/answer-question/run', team.editor, { organizationId: team.orgId, input: { question: 'Ready?', context: [] } });
    expect(run.statusCode, JSON.stringify(run.data)).toBe(200);
    expect(run.data).toMatchObject({ provider: 'openai-compatible', model: 'fake-gpt', tokensIn: 20, tokensOut: 2, output: 'ready' });
    expect(fake.requests.at(-1)!.authorization).toBe('Bearer sk-secret-value-123');

    const cleared = await api('PATCH', `/organizations/${team.orgId}/ai-settings`, team.admin, { apiKey: null, provider: null });
    expect(cleared.data).toMatchObject({ hasApiKey: false, provider: null, effective: { provider: 'builtin' } });
  });

  it('tests a connection with unsaved settings and says what is wrong', async () => {
    const team = await teamOrg();
    const ok = await api('POST', `/organizations/${team.orgId}/ai-settings/test`, team.admin, {
      provider: 'openai-compatible',
      baseUrl: fake.url,
      model: 'fake-gpt',
    });
    expect(ok.data).toMatchObject({ ok: true, provider: 'openai-compatible', model: 'fake-gpt' });
    const unreachable = await api('POST', `/organizations/${team.orgId}/ai-settings/test`, team.admin, {
      provider: 'ollama',
      baseUrl: 'http://127.0.0.1:1/v1',
    });
    expect(unreachable.statusCode).toBe(200);
    expect(unreachable.data.ok).toBe(false);
    expect(unreachable.data.message).toMatch(/ollama/);
    expect((await api('POST', `/organizations/${team.orgId}/ai-settings/test`, team.editor, {})).statusCode).toBe(403);
  });

  it('reports usage by day, model and feature', async () => {
    const user = await createUser(t);
    for (let i = 0; i < 3; i++) await api('POST', '/ai/tasks/project-brief/run', user, { input: idea });
    await api('POST', '/ai/tasks/extract-insights/run', user, { input: { text: idea.idea } });
    const byDay = await api('GET', '/usage', user);
    expect(byDay.statusCode).toBe(200);
    expect(byDay.data.buckets).toHaveLength(30);
    expect(byDay.data.buckets.at(-1)).toMatchObject({ key: new Date().toISOString().slice(0, 10), calls: 4, cost: 0 });
    expect(byDay.data.totals.calls).toBe(4);
    expect(byDay.data.totals.tokensIn).toBeGreaterThan(0);
    const byModel = await api('GET', '/usage?groupBy=model', user);
    expect(byModel.data.buckets).toEqual([expect.objectContaining({ key: 'builtin/atelier-offline-1', calls: 4 })]);
    const byFeature = await api('GET', '/usage?groupBy=feature', user);
    expect(Object.fromEntries(byFeature.data.buckets.map((b: { key: string; calls: number }) => [b.key, b.calls]))).toEqual({
      'project-brief': 3,
      'extract-insights': 1,
    });
    const backwards = await api('GET', '/usage?from=2026-05-02&to=2026-05-01', user);
    expect(backwards.statusCode).toBe(400);
    expect(backwards.data.error.details[0].field).toBe('to');
    expect((await api('GET', '/usage?from=2020-01-01&to=2026-01-01', user)).statusCode).toBe(400);
    expect((await api('GET', '/usage?groupBy=hour', user)).statusCode).toBe(400);
  });

  it('charges one chat credit per question and answers 402 OUT_OF_CREDITS when none is left', async () => {
    const user = await createUser(t);
    expect((await api('GET', '/me/credits', user)).data).toMatchObject({ remaining: 10, unlimited: false, monthlyAllowance: 10 });
    const question = { input: { question: 'How do walkers get paid?', context: [{ id: 's1', title: 'Payments', text: 'Walkers are paid weekly.' }] } };
    for (let i = 0; i < 10; i++) expect((await api('POST', '/ai/tasks/answer-question/run', user, question)).statusCode).toBe(200);
    const refused = await api('POST', '/ai/tasks/answer-question/run', user, question);
    expect(refused.statusCode).toBe(402);
    expect(refused.data.error.code).toBe('OUT_OF_CREDITS');
    expect((await api('GET', '/me/credits', user)).data.remaining).toBe(0);
    // Tasks that are not chat do not spend credits.
    expect((await api('POST', '/ai/tasks/project-brief/run', user, { input: idea })).statusCode).toBe(200);
  });

  it('streams a text task as Server-Sent Events', async () => {
    const user = await createUser(t);
    const res = await api('POST', '/ai/tasks/answer-question/stream', user, {
      input: { question: 'How are walkers paid?', context: [{ id: 'pay', title: 'Payments', text: 'Walkers are paid weekly by bank transfer.' }] },
    });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/event-stream');
    const events = res.body.split('\n\n').filter(Boolean).map((frame) => {
      const [eventLine, dataLine] = frame.split('\n');
      return { event: eventLine!.replace('event: ', ''), data: JSON.parse(dataLine!.replace('data: ', '')) };
    });
    const deltas = events.filter((e) => e.event === 'delta');
    expect(deltas.length).toBeGreaterThan(3);
    expect(deltas.map((e) => e.data.text).join('')).toContain('[pay]');
    expect(events.at(-1)).toMatchObject({ event: 'done', data: { provider: 'builtin', cost: 0 } });
    const objectTask = await api('POST', '/ai/tasks/project-brief/stream', user, { input: idea });
    expect(objectTask.statusCode).toBe(200);
    const objectEvents = objectTask.body.split('\n\n').filter(Boolean).map((frame) => {
      const [eventLine, dataLine] = frame.split('\n');
      return { event: eventLine!.replace('event: ', ''), data: JSON.parse(dataLine!.replace('data: ', '')) };
    });
    const partials = objectEvents.filter((e) => e.event === 'partial');
    expect(partials.length).toBeGreaterThan(2);
    const done = objectEvents.at(-1)!;
    expect(done.event).toBe('done');
    expect(done.data.output.title).toBe('Dog Walk');
    expect(partials.at(-1)!.data.object).toEqual(done.data.output);
  });

  it('runs a batch as a background job and keeps its result', async () => {
    const context = createAppContext({ config: t.config, db: t.database.db, mailer: { send: async () => undefined }, ai: t.ai });
    runner = createJobRunner({
      db: t.database.db,
      handlers: moduleRegistry.jobHandlers(context),
      log: { debug: () => undefined, info: () => undefined, warn: () => undefined, error: () => undefined },
      concurrency: 1,
      pollIntervalMs: 50,
      heartbeatMs: 200,
      staleAfterMs: 2000,
    });
    runner.start();
    const user = await createUser(t);
    const bad = await api('POST', '/ai/tasks/project-brief/jobs', user, { inputs: [idea, { name: 'x' }] });
    expect(bad.statusCode).toBe(400);
    expect(bad.data.error.details[0].field).toBe('inputs.1.idea');
    const queued = await api('POST', '/ai/tasks/project-brief/jobs', user, { inputs: [idea, { ...idea, name: 'Cat Sit' }] });
    expect(queued.statusCode, JSON.stringify(queued.data)).toBe(202);
    let job: Record<string, any> = {}; // eslint-disable-line @typescript-eslint/no-explicit-any
    for (let i = 0; i < 100 && !['succeeded', 'failed'].includes(job.status); i++) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      job = (await api('GET', `/jobs/${queued.data.jobId}`, user)).data;
    }
    expect(job).toMatchObject({ status: 'succeeded', progress: 100, result: { task: 'project-brief', completed: 2, total: 2 } });
    expect(job.result.outputs).toHaveLength(2);
    const rows = await withUser(t.database.db, user.id, (tx) =>
      tx.execute(sql`SELECT count(*)::int AS n FROM app.ai_generations WHERE job_id = ${queued.data.jobId}`),
    );
    expect(((rows as { rows?: Array<{ n: number }> }).rows ?? (rows as Array<{ n: number }>))[0]!.n).toBe(2);
  });
});

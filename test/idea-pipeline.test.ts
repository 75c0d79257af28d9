import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAppContext, moduleRegistry } from '../src/app.js';
import { withUser } from '../src/core/db/tenancy.js';
import { createJobRunner, type JobRunner } from '../src/core/jobs/index.js';
import { checkText } from '../src/core/text/quality/index.js';
import { createUser, type TestUser } from './support/factories.js';
import { call, createTestApp, type TestApp } from './support/test-app.js';
import { testDrivers } from './support/test-db.js';

/** The idea pipeline (BusinessCopilot): idea → clarifying questions → answers → five documents as version 1. */

const quiet = { debug: () => undefined, info: () => undefined, warn: () => undefined, error: () => undefined };

const idea =
  'A mobile app where home cooks sell surplus meals to neighbours. Neighbours browse meals nearby and reserve a portion; ' +
  'cooks must confirm each reservation. Each meal has a title, a price and a pickup time.';

type Job = { id: string; status: string; progress: number; progressMessage: string | null; result: Record<string, any> | null; error: unknown }; // eslint-disable-line @typescript-eslint/no-explicit-any
type Clarifications = {
  projectId: string;
  projectStatus: string;
  items: Array<{ id: string; position: number; question: string; why: string | null; answer: string | null; skipped: boolean; answeredBy: string | null; answeredAt: string | null }>;
  jobId: string | null;
  job: { id: string; stage: string; status: string; progress: number; progressMessage: string | null; error: unknown } | null;
  documents: Array<{ id: string; type: string; title: string; version: number }>;
};

describe.each(testDrivers)('idea pipeline on %s', (kind) => {
  let t: TestApp;
  let runner: JobRunner;

  function startRunner(): void {
    const context = createAppContext({ config: t.config, db: t.database.db, mailer: { send: async () => undefined }, ai: t.ai });
    runner = createJobRunner({ db: t.database.db, handlers: moduleRegistry.jobHandlers(context), log: quiet, concurrency: 1, pollIntervalMs: 50, heartbeatMs: 500, staleAfterMs: 10_000 });
    runner.start();
  }

  beforeAll(async () => {
    t = await createTestApp(kind);
    startRunner();
  });
  afterAll(async () => {
    await runner?.stop();
    await t.close();
  });

  const api = (method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, user: TestUser | undefined, body?: unknown) =>
    call(t.app, method, `/api/v1${url}`, { ...(user ? { token: user.token } : {}), ...(body === undefined ? {} : { body }) });

  async function finished(user: TestUser, jobId: string): Promise<Job> {
    let job = {} as Job;
    for (let i = 0; i < 400; i++) {
      job = (await api('GET', `/jobs/${jobId}`, user)).data as Job;
      if (['succeeded', 'failed', 'cancelled'].includes(job.status)) return job;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    throw new Error(`job ${jobId} did not finish: ${JSON.stringify(job)}`);
  }

  async function rows<T>(user: TestUser, query: ReturnType<typeof sql>): Promise<T[]> {
    const result = await withUser(t.database.db, user.id, (tx) => tx.execute(query));
    return ((result as { rows?: T[] }).rows ?? (result as T[]));
  }

  async function clarifications(user: TestUser, projectId: string): Promise<Clarifications> {
    const res = await api('GET', `/projects/${projectId}/clarifications`, user);
    expect(res.statusCode, JSON.stringify(res.data)).toBe(200);
    return res.data as Clarifications;
  }

  /** A project created from the idea, with its questions asked. */
  async function withQuestions(user: TestUser, body: Record<string, unknown> = {}): Promise<{ projectId: string; questions: Clarifications }> {
    const created = await api('POST', '/projects', user, { name: 'Leftover Kitchen', ideaPrompt: idea, ...body });
    expect(created.statusCode, JSON.stringify(created.data)).toBe(201);
    const projectId = created.data.id as string;
    const before = await clarifications(user, projectId);
    expect(before.jobId).toEqual(expect.any(String));
    const job = await finished(user, before.jobId!);
    expect(job.status, JSON.stringify(job.error)).toBe('succeeded');
    expect(job.result).toMatchObject({ stage: 'questions', questions: expect.any(Number) });
    return { projectId, questions: await clarifications(user, projectId) };
  }

  it('idea → processing → 2–3 questions → answers → the project model and six documents drawn from it as version 1, project ready', async () => {
    const user = await createUser(t);
    const created = await api('POST', '/projects', user, { name: 'Leftover Kitchen', ideaPrompt: idea });
    expect(created.statusCode).toBe(201);
    expect(created.data.status).toBe('processing');
    const projectId = created.data.id as string;

    const first = await clarifications(user, projectId);
    expect(first.projectStatus).toBe('processing');
    expect(first.job).toMatchObject({ stage: 'questions' });
    const questionsJob = await finished(user, first.jobId!);
    expect(questionsJob.status, JSON.stringify(questionsJob.error)).toBe('succeeded');
    expect(questionsJob.result).toMatchObject({ stage: 'questions', generationId: expect.any(String) });

    const asked = await clarifications(user, projectId);
    expect(asked.items.length).toBeGreaterThanOrEqual(2);
    expect(asked.items.length).toBeLessThanOrEqual(3);
    expect(asked.items.map((q) => q.position)).toEqual(asked.items.map((_, i) => i));
    expect(asked.items.every((q) => q.question.length > 10 && q.why && q.answer === null && !q.skipped)).toBe(true);
    expect(asked.items.map((q) => q.question).join(' ')).toMatch(/cooks|neighbours|meals?/i);
    expect(asked.projectStatus).toBe('processing');
    expect(asked.documents).toEqual([]);

    const answers = [
      { id: asked.items[0]!.id, answer: 'Neighbours pay in the app; cooks get paid every Friday. Success means 200 meals reserved a week in Leeds.' },
      ...(asked.items[1] ? [{ id: asked.items[1].id, answer: 'Allergens must be listed for every meal.' }] : []),
    ];
    const answered = await api('POST', `/projects/${projectId}/clarifications`, user, { answers });
    expect(answered.statusCode, JSON.stringify(answered.data)).toBe(202);
    const again = await api('POST', `/projects/${projectId}/clarifications`, user, { skip: true });
    // While the stage is queued or running the request names its job; once it is done the documents exist.
    expect(again.statusCode).toBe(409);
    if (again.data.error.details.jobId) expect(again.data.error.details.jobId).toBe(answered.data.jobId);
    else expect(again.data.error.details.documents).toHaveLength(6);

    const documentsJob = await finished(user, answered.data.jobId);
    expect(documentsJob.status, JSON.stringify(documentsJob.error)).toBe('succeeded');
    expect(documentsJob.progress).toBe(100);
    expect(documentsJob.progressMessage).toMatch(/7 of 7/);
    expect(documentsJob.result).toMatchObject({ stage: 'documents', version: 1 });
    expect(documentsJob.result!.documents.map((d: { type: string }) => d.type)).toEqual(['overview', 'prd', 'srs', 'marketing', 'tech', 'tasks']);
    expect(documentsJob.result).toMatchObject({ modelRev: 1 });

    const project = await api('GET', `/projects/${projectId}`, user);
    expect(project.data).toMatchObject({ status: 'ready', currentVersion: 1 });
    const versions = await api('GET', `/projects/${projectId}/versions`, user);
    expect(versions.data.items).toEqual([expect.objectContaining({ version: 1, createdBy: null })]);

    const done = await clarifications(user, projectId);
    expect(done.projectStatus).toBe('ready');
    expect(done.jobId).toBe(answered.data.jobId);
    expect(done.job).toMatchObject({ stage: 'documents', status: 'succeeded', progress: 100 });
    expect(done.documents.map((d) => d.type)).toEqual(['overview', 'prd', 'srs', 'marketing', 'tech', 'tasks']);
    expect(done.items[0]).toMatchObject({ answer: answers[0]!.answer, skipped: false, answeredBy: user.id });

    // The project model was built first from the idea and the answers, saved for version 1.
    const [model] = await rows<{ prompt: string }>(user, sql`SELECT prompt FROM app.ai_generations WHERE project_id = ${projectId} AND generation_type = 'project-model'`);
    expect(model?.prompt).toContain('200 meals reserved a week');
    const modelRevisions = await rows<{ rev: number; note: string; version: number }>(user, sql`SELECT rev, note, version FROM app.project_model_revisions WHERE project_id = ${projectId}`);
    expect(modelRevisions).toEqual([{ rev: 1, note: `Built from the idea and ${answers.length} answer${answers.length === 1 ? '' : 's'}`, version: 1 }]);

    for (const summary of done.documents) {
      const doc = await api('GET', `/projects/${projectId}/documents/${summary.id}`, user);
      expect(doc.data).toMatchObject({ version: 1, status: 'generated', currentRev: 1, generationId: expect.any(String) });
      expect(doc.data.title).toMatch(/^Leftover Kitchen — /);
      const md: string = doc.data.contentMarkdown;
      expect(md, summary.type).toContain('Leftover Kitchen');
      // Specific to the idea: its people and its records, read into the model, reach every document.
      expect(md, summary.type).toMatch(/\bcooks?\b/i);
      expect(md, summary.type).toMatch(/\bmeals?\b/i);
      expect(checkText(md, 'markdown'), summary.type).toEqual([]);
      expect(doc.data.content, summary.type).toEqual(expect.any(Object));
      // Each document was drawn from the model: its prompt carries it.
      const [generation] = await rows<{ prompt: string }>(user, sql`SELECT prompt FROM app.ai_generations WHERE id = ${doc.data.generationId}`);
      expect(generation?.prompt, summary.type).toContain('<project-model>');
    }
    // The answered questions are not open questions.
    const prd = await api('GET', `/projects/${projectId}/documents/${done.documents.find((d) => d.type === 'prd')!.id}`, user);
    for (const question of asked.items.slice(0, answers.length)) expect(prd.data.content.openQuestions).not.toContain(question.question);
    // The success measure stated in an answer is a success metric of the PRD, not a story.
    expect(prd.data.contentMarkdown).toMatch(/200 meals reserved a week/);
    const srs = await api('GET', `/projects/${projectId}/documents/${done.documents.find((d) => d.type === 'srs')!.id}`, user);
    expect(srs.data.contentMarkdown).toMatch(/reserve (?:a|the) (?:portion|meal)/i);

    // Once generated, answering again is refused and nothing is generated twice.
    const late = await api('POST', `/projects/${projectId}/clarifications`, user, { skip: true });
    expect(late.statusCode).toBe(409);
    const ledger = await api('GET', `/ai/generations?limit=50`, user);
    const types = ledger.data.items.filter((g: { projectId: string }) => g.projectId === projectId).map((g: { generationType: string }) => g.generationType);
    expect(types.sort()).toEqual(['clarifying-questions', 'document-marketing', 'document-overview', 'document-prd', 'document-srs', 'document-tasks', 'document-tech', 'project-model']);
    const audit = await api('GET', `/audit?organizationId=${user.personalOrgId}&limit=200`, user);
    expect(audit.data.items.map((e: { action: string }) => e.action)).toEqual(
      expect.arrayContaining(['project_clarifications_created', 'project_clarifications_answered', 'project_version_created', 'project_generated']),
    );
  });

  it('skipping the questions generates the documents from the idea alone; the questions become open questions', async () => {
    const user = await createUser(t);
    const { projectId, questions } = await withQuestions(user);
    const skipped = await api('POST', `/projects/${projectId}/clarifications`, user, { skip: true });
    expect(skipped.statusCode, JSON.stringify(skipped.data)).toBe(202);
    const job = await finished(user, skipped.data.jobId);
    expect(job.status, JSON.stringify(job.error)).toBe('succeeded');
    const done = await clarifications(user, projectId);
    expect(done.projectStatus).toBe('ready');
    expect(done.items.every((q) => q.skipped && q.answer === null)).toBe(true);
    expect(done.documents).toHaveLength(6);
    const prd = await api('GET', `/projects/${projectId}/documents/${done.documents.find((d) => d.type === 'prd')!.id}`, user);
    expect(prd.data.contentMarkdown).toContain(questions.items[0]!.question);
  });

  it('a stage that did not finish leaves the project processing with the job’s error; answering again retries it', async () => {
    const user = await createUser(t);
    const { projectId } = await withQuestions(user);
    await runner.stop();
    let restarted = false;
    try {
      const answered = await api('POST', `/projects/${projectId}/clarifications`, user, { skip: true });
      expect(answered.statusCode).toBe(202);
      const busy = await api('POST', `/projects/${projectId}/clarifications`, user, { skip: true });
      expect(busy.statusCode).toBe(409);
      expect(busy.data.error.details.jobId).toBe(answered.data.jobId);
      expect((await api('POST', `/jobs/${answered.data.jobId}/cancel`, user)).statusCode).toBe(200);
      const stopped = await clarifications(user, projectId);
      expect(stopped).toMatchObject({ projectStatus: 'processing', jobId: answered.data.jobId, job: { stage: 'documents', status: 'cancelled', error: { code: 'CANCELLED' } }, documents: [] });
      const retry = await api('POST', `/projects/${projectId}/clarifications`, user, { skip: true });
      expect(retry.statusCode, JSON.stringify(retry.data)).toBe(202);
      expect(retry.data.jobId).not.toBe(answered.data.jobId);
      startRunner();
      restarted = true;
      const job = await finished(user, retry.data.jobId);
      expect(job.status, JSON.stringify(job.error)).toBe('succeeded');
      const done = await clarifications(user, projectId);
      expect(done).toMatchObject({ projectStatus: 'ready', jobId: retry.data.jobId });
      expect(done.documents).toHaveLength(6);
    } finally {
      if (!restarted) startRunner();
    }
  });

  it('validates answers by field, lets viewers read but not answer, and hides the project from other tenants', async () => {
    const owner = await createUser(t);
    const org = await api('POST', '/organizations', owner, { name: 'Kitchen team' });
    const viewer = await createUser(t);
    await api('POST', `/organizations/${org.data.id}/members`, owner, { email: viewer.email, role: 'viewer' });
    const { projectId, questions } = await withQuestions(owner, { organizationId: org.data.id });

    const unknown = await api('POST', `/projects/${projectId}/clarifications`, owner, { answers: [{ id: '00000000-0000-4000-8000-000000000000', answer: 'x' }] });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.data.error.details[0].field).toBe('answers.0.id');
    const twice = await api('POST', `/projects/${projectId}/clarifications`, owner, { answers: [{ id: questions.items[0]!.id, answer: 'a' }, { id: questions.items[0]!.id, answer: 'b' }] });
    expect(twice.statusCode).toBe(400);
    expect(twice.data.error.details[0].field).toBe('answers.1.id');
    const empty = await api('POST', `/projects/${projectId}/clarifications`, owner, {});
    expect(empty.statusCode).toBe(400);
    expect(empty.data.error.details[0].field).toBe('answers');
    const long = await api('POST', `/projects/${projectId}/clarifications`, owner, { answers: [{ id: questions.items[0]!.id, answer: 'x'.repeat(10_001) }] });
    expect(long.statusCode).toBe(400);
    expect(long.data.error.details[0].field).toMatch(/^answers\.0\.answer/);

    expect((await api('GET', `/projects/${projectId}/clarifications`, viewer)).statusCode).toBe(200);
    expect((await api('POST', `/projects/${projectId}/clarifications`, viewer, { skip: true })).statusCode).toBe(403);
    const stranger = await createUser(t);
    expect((await api('GET', `/projects/${projectId}/clarifications`, stranger)).statusCode).toBe(404);
    expect((await api('POST', `/projects/${projectId}/clarifications`, stranger, { skip: true })).statusCode).toBe(404);
    expect((await api('GET', `/projects/${projectId}/clarifications`, undefined)).statusCode).toBe(401);
    // Nothing was stored by the refused requests.
    const after = await clarifications(owner, projectId);
    expect(after.items.every((q) => q.answer === null && !q.skipped)).toBe(true);
    expect(after.job).toMatchObject({ stage: 'questions', status: 'succeeded' });
  });

  it('a project without an idea has no pipeline; an explicit status is kept', async () => {
    const user = await createUser(t);
    const plain = await api('POST', '/projects', user, { name: 'Plain', ideaPrompt: '   ' });
    expect(plain.data.status).toBe('active');
    const none = await clarifications(user, plain.data.id);
    expect(none).toMatchObject({ items: [], jobId: null, job: null, documents: [] });
    const planned = await api('POST', '/projects', user, { name: 'Planned', ideaPrompt: idea, status: 'planning' });
    expect(planned.data.status).toBe('planning');
    expect((await clarifications(user, planned.data.id)).jobId).toEqual(expect.any(String));
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { JobRunner } from '../src/core/jobs/index.js';
import { withUser } from '../src/core/db/tenancy.js';
import { validateMermaid } from '../src/modules/diagrams/mermaid-validator.js';
import { loadProjectModel, saveProjectModel, type ProjectModel } from '../src/modules/project-model/index.js';
import { lendingLibraryModel } from './support/lending-library-model.js';
import { startFakeOpenAi, type FakeOpenAiServer } from './support/fake-openai-server.js';
import { apiHarness } from './support/api-harness.js';
import { createUser, type TestUser } from './support/factories.js';
import { createTestApp, type TestApp } from './support/test-app.js';
import { testDrivers } from './support/test-db.js';

/** Diagrams through the API: CRUD with revisions, Mermaid validation, access, and generation offline and remote. */

const description =
  'A shared calendar where volunteers sign up for food bank shifts. Coordinators must approve each shift swap. ' +
  'Each shift has a date, a start time and a location. Volunteers should get a reminder the day before.';
const allTypes = ['sequence', 'architecture', 'usecase', 'flowchart', 'class', 'activity', 'er', 'state', 'gantt'] as const;

describe.each(testDrivers)('diagrams on %s', (kind) => {
  let t: TestApp;
  let runner: JobRunner;
  const { api, finished, startJobRunner, team: teamOf } = apiHarness(() => t);

  beforeAll(async () => {
    t = await createTestApp(kind);
    runner = startJobRunner();
  });
  afterAll(async () => {
    await runner?.stop();
    await t?.close();
  });

  const team = () => teamOf({ name: 'ShiftShare', description });

  it('creates, lists, edits with revisions, restores, exports and deletes a diagram; viewers read only; other organizations see nothing', async () => {
    const { projectId, editor, viewer } = await team();
    const created = await api('POST', `/projects/${projectId}/diagrams`, editor, {
      type: 'flowchart',
      title: 'Shift swap',
      description: 'How a swap is approved',
      mermaidCode: 'flowchart LR\n  A[Request swap] --> B{Approved?}',
    });
    expect(created.statusCode, JSON.stringify(created.data)).toBe(201);
    expect(created.data).toMatchObject({ type: 'flowchart', title: 'Shift swap', currentRev: 1, mermaidCode: 'flowchart LR\n  A[Request swap] --> B{Approved?}' });
    const id = created.data.id as string;

    const second = await api('POST', `/projects/${projectId}/diagrams`, editor, { type: 'sequence', title: 'Sign up', mermaidCode: 'sequenceDiagram\n  Volunteer->>App: Sign up' });
    expect(second.statusCode).toBe(201);

    // Newest first, keyset pages, a type filter.
    const page1 = await api('GET', `/projects/${projectId}/diagrams?limit=1`, viewer);
    expect(page1.statusCode).toBe(200);
    expect(page1.data.items.map((d: { id: string }) => d.id)).toEqual([second.data.id]);
    const page2 = await api('GET', `/projects/${projectId}/diagrams?limit=1&cursor=${page1.data.nextCursor}`, viewer);
    expect(page2.data.items.map((d: { id: string }) => d.id)).toEqual([id]);
    expect(page2.data.nextCursor).toBeNull();
    const flowcharts = await api('GET', `/projects/${projectId}/diagrams?type=flowchart`, viewer);
    expect(flowcharts.data.items.map((d: { id: string }) => d.id)).toEqual([id]);

    // An edit is a revision; a stale baseRev is a 409 carrying the current diagram.
    const edited = await api('PATCH', `/projects/${projectId}/diagrams/${id}`, editor, {
      baseRev: 1,
      mermaidCode: 'flowchart LR\n  A[Request swap] --> B{Approved?}\n  B -- Yes --> C[Swap done]',
      note: 'Added the outcome',
    });
    expect(edited.statusCode, JSON.stringify(edited.data)).toBe(200);
    expect(edited.data.currentRev).toBe(2);
    const stale = await api('PATCH', `/projects/${projectId}/diagrams/${id}`, editor, { baseRev: 1, title: 'Old view' });
    expect(stale.statusCode).toBe(409);
    expect(stale.data.error.details).toMatchObject({ field: 'baseRev', currentRev: 2, diagram: { id, currentRev: 2 } });

    const revisions = await api('GET', `/projects/${projectId}/diagrams/${id}/revisions`, viewer);
    expect(revisions.data.items.map((r: { rev: number; note: string | null }) => [r.rev, r.note])).toEqual([[2, 'Added the outcome'], [1, null]]);
    const rev1 = await api('GET', `/projects/${projectId}/diagrams/${id}/revisions/1`, viewer);
    expect(rev1.data.mermaidCode).toBe('flowchart LR\n  A[Request swap] --> B{Approved?}');
    expect((await api('GET', `/projects/${projectId}/diagrams/${id}/revisions/9`, viewer)).statusCode).toBe(404);

    const restored = await api('POST', `/projects/${projectId}/diagrams/${id}/restore`, editor, { rev: 1 });
    expect(restored.statusCode).toBe(200);
    expect(restored.data).toMatchObject({ currentRev: 3, mermaidCode: 'flowchart LR\n  A[Request swap] --> B{Approved?}' });

    const file = await api('GET', `/projects/${projectId}/diagrams/${id}.mmd`, viewer);
    expect(file.statusCode).toBe(200);
    expect(file.headers['content-type']).toMatch(/^text\/plain/);
    expect(file.headers['content-disposition']).toBe('attachment; filename="shift-swap.mmd"');
    expect(file.body).toBe('flowchart LR\n  A[Request swap] --> B{Approved?}\n');

    // Image URLs: http(s) only.
    const js = await api('PATCH', `/projects/${projectId}/diagrams/${id}`, editor, { imageUrl: 'javascript:alert(1)' });
    expect(js.statusCode).toBe(400);
    expect(js.data.error.details[0]).toMatchObject({ field: 'imageUrl' });
    const image = await api('PATCH', `/projects/${projectId}/diagrams/${id}`, editor, { imageUrl: 'https://example.com/swap.png' });
    expect(image.data).toMatchObject({ imageUrl: 'https://example.com/swap.png', currentRev: 3 });

    // Viewers read but do not write; another organization gets 404 for everything.
    expect((await api('PATCH', `/projects/${projectId}/diagrams/${id}`, viewer, { title: 'Mine' })).statusCode).toBe(403);
    expect((await api('POST', `/projects/${projectId}/diagrams`, viewer, { type: 'er', title: 'X', mermaidCode: 'erDiagram\n  A ||--o{ B : has' })).statusCode).toBe(403);
    expect((await api('POST', `/projects/${projectId}/diagrams/generate`, viewer, { type: 'er' })).statusCode).toBe(403);
    expect((await api('DELETE', `/projects/${projectId}/diagrams/${id}`, viewer)).statusCode).toBe(403);
    const stranger = await createUser(t);
    expect((await api('GET', `/projects/${projectId}/diagrams/${id}`, stranger)).statusCode).toBe(404);
    expect((await api('GET', `/projects/${projectId}/diagrams`, stranger)).statusCode).toBe(404);
    expect((await api('GET', `/projects/${projectId}/diagrams/${id}.mmd`, stranger)).statusCode).toBe(404);
    expect((await api('PATCH', `/projects/${projectId}/diagrams/${id}`, stranger, { title: 'Mine' })).statusCode).toBe(404);
    expect((await api('DELETE', `/projects/${projectId}/diagrams/${id}`, stranger)).statusCode).toBe(404);

    expect((await api('DELETE', `/projects/${projectId}/diagrams/${id}`, editor)).statusCode).toBe(204);
    expect((await api('GET', `/projects/${projectId}/diagrams/${id}`, editor)).statusCode).toBe(404);

    // Every change is in the editor's audit trail.
    const audit = await api('GET', '/audit?limit=200', editor);
    const actions = (audit.data.items as Array<{ action: string; resourceId: string | null }>).filter((e) => e.resourceId === id).map((e) => e.action);
    expect(actions.sort()).toEqual(['diagram_created', 'diagram_deleted', 'diagram_restored', 'diagram_revised', 'diagram_revised'].sort());
  });

  it('refuses Mermaid that does not parse with 422 naming the line and the parser message, and writes nothing', async () => {
    const { projectId, editor } = await team();
    const broken = await api('POST', `/projects/${projectId}/diagrams`, editor, {
      type: 'sequence',
      title: 'Broken',
      mermaidCode: 'sequenceDiagram\n  Alice->>Bob: Hi\n  Bob->>Alice',
    });
    expect(broken.statusCode).toBe(422);
    expect(broken.data.error.code).toBe('INVALID_DIAGRAM');
    expect(broken.data.error.details[0]).toMatchObject({ field: 'mermaidCode', line: 3, message: expect.stringMatching(/Parse error on line 3/) });
    expect((await api('GET', `/projects/${projectId}/diagrams`, editor)).data.items).toEqual([]);

    const ok = await api('POST', `/projects/${projectId}/diagrams`, editor, { type: 'er', title: 'Data', mermaidCode: 'erDiagram\n  SHIFT ||--o{ SWAP : has' });
    const edit = await api('PATCH', `/projects/${projectId}/diagrams/${ok.data.id}`, editor, { mermaidCode: 'erDiagram\n  SHIFT ||--o{ : has' });
    expect(edit.statusCode).toBe(422);
    expect(edit.data.error.details[0]).toMatchObject({ field: 'mermaidCode', line: 2 });
    const after = await api('GET', `/projects/${projectId}/diagrams/${ok.data.id}`, editor);
    expect(after.data).toMatchObject({ currentRev: 1, mermaidCode: 'erDiagram\n  SHIFT ||--o{ SWAP : has' });

    const missing = await api('POST', `/projects/${projectId}/diagrams`, editor, { type: 'pie', title: 'x', mermaidCode: 'pie' });
    expect(missing.statusCode).toBe(400);
    expect(missing.data.error.details[0]).toMatchObject({ field: 'type' });
  });

  it('refuses code of another kind than the diagram’s type, on create and on edit', async () => {
    const { projectId, editor } = await team();
    const flowchart = 'flowchart LR\n  Request --> Approve';
    const wrong = await api('POST', `/projects/${projectId}/diagrams`, editor, { type: 'sequence', title: 'Swap', mermaidCode: flowchart });
    expect(wrong.statusCode).toBe(422);
    expect(wrong.data.error.details[0]).toMatchObject({ field: 'mermaidCode', line: 1, message: expect.stringContaining('start it with "sequenceDiagram"') });
    expect((await api('GET', `/projects/${projectId}/diagrams`, editor)).data.items).toEqual([]);

    // Use case, activity and architecture diagrams may be flowcharts.
    for (const type of ['usecase', 'activity', 'architecture', 'flowchart']) {
      const created = await api('POST', `/projects/${projectId}/diagrams`, editor, { type, title: type, mermaidCode: flowchart });
      expect(created.statusCode, `${type}: ${JSON.stringify(created.data)}`).toBe(201);
    }
    const er = await api('POST', `/projects/${projectId}/diagrams`, editor, { type: 'er', title: 'Data', mermaidCode: 'erDiagram\n  SHIFT ||--o{ SWAP : has' });
    const edit = await api('PATCH', `/projects/${projectId}/diagrams/${er.data.id}`, editor, { mermaidCode: 'classDiagram\n  Shift <|-- Swap' });
    expect(edit.statusCode).toBe(422);
    expect(edit.data.error.details[0].message).toContain('start it with "erDiagram"');
    expect((await api('GET', `/projects/${projectId}/diagrams/${er.data.id}`, editor)).data.currentRev).toBe(1);
  });

  /** The model as the Model tab saves it: a new revision of the project's model. */
  const saveModel = (user: TestUser, orgId: string, projectId: string, model: ProjectModel, note: string) =>
    withUser(t.database.db, user.id, (tx) => saveProjectModel(tx, user.id, orgId, projectId, model, { note }));
  const modelOf = (user: TestUser, projectId: string) => withUser(t.database.db, user.id, (tx) => loadProjectModel(tx, projectId));

  it('generates every type offline from the project model: each diagram parses, names its source and its ledger row', async () => {
    const { projectId, editor, orgId } = await team();
    await saveModel(editor, orgId, projectId, lendingLibraryModel(), 'Corrected in the Model tab');
    const srsJob = await finished(editor, (await api('POST', `/projects/${projectId}/documents/generate`, editor, { type: 'srs' })).data.jobId);
    expect(srsJob.status, JSON.stringify(srsJob.error)).toBe('succeeded');
    const srsId = srsJob.result!.documentId as string;

    // What a reader of each kind sees from the lending library's model.
    const expected: Record<(typeof allTypes)[number], RegExp> = {
      sequence: /Coordinator->>Sys: Opens the loan request|P_member->>Sys: Searches the tools near home/,
      architecture: /\[Email service\]/,
      usecase: /U_approve_loan\(\["Approve a loan"\]\)/,
      flowchart: /Member asks to borrow the tool/,
      class: /C_member "1" --> "\*" C_loan : borrows/,
      activity: /subgraph L0\["Member"\]/,
      er: /E_member \|\|--o\{ E_loan : "borrows"/,
      state: /S0 --> S1 : approve/,
      gantt: /Borrow a tool :crit/,
    };
    for (const type of allTypes) {
      const queued = await api('POST', `/projects/${projectId}/diagrams/generate`, editor, { type });
      expect(queued.statusCode, JSON.stringify(queued.data)).toBe(202);
      const job = await finished(editor, queued.data.jobId);
      expect(job.status, `${type}: ${JSON.stringify(job.error)}`).toBe('succeeded');
      expect(job.result).toMatchObject({ diagramId: expect.any(String), sourceDocumentId: srsId, repairs: 0 });
      const diagram = await api('GET', `/projects/${projectId}/diagrams/${job.result!.diagramId}`, editor);
      expect(diagram.data).toMatchObject({ type, sourceDocumentId: srsId, generationId: job.result!.generationId, currentRev: 1 });
      const parsed = await validateMermaid(diagram.data.mermaidCode);
      expect(parsed, `${type}:\n${diagram.data.mermaidCode}`).toMatchObject({ ok: true });
      expect(diagram.data.mermaidCode, type).toMatch(expected[type]);
    }
    const listed = await api('GET', `/projects/${projectId}/diagrams`, editor);
    expect(new Set(listed.data.items.map((d: { type: string }) => d.type))).toEqual(new Set(allTypes));
    // The model was there: no diagram built another one.
    expect((await modelOf(editor, projectId))!.rev).toBe(1);

    const foreignDoc = await api('POST', `/projects/${projectId}/diagrams/generate`, editor, { type: 'er', from: '00000000-0000-4000-8000-000000000000' });
    expect(foreignDoc.statusCode).toBe(400);
    expect(foreignDoc.data.error.details[0]).toMatchObject({ field: 'from' });
  });

  it('draws the focus it is given: a use case by id, an entity named in the instructions', async () => {
    const { projectId, editor, orgId } = await team();
    await saveModel(editor, orgId, projectId, lendingLibraryModel(), 'Corrected in the Model tab');
    const byId = await finished(editor, (await api('POST', `/projects/${projectId}/diagrams/generate`, editor, { type: 'sequence', focus: 'return-tool' })).data.jobId);
    const sequence = await api('GET', `/projects/${projectId}/diagrams/${byId.result!.diagramId}`, editor);
    expect(sequence.data.title).toBe('Return a tool — Sequence diagram');
    expect(sequence.data.mermaidCode).toContain('Brings the tool back');
    const named = await finished(editor, (await api('POST', `/projects/${projectId}/diagrams/generate`, editor, { type: 'state', instructions: 'Focus on loans' })).data.jobId);
    expect((await api('GET', `/projects/${projectId}/diagrams/${named.result!.diagramId}`, editor)).data.title).toBe('Loan — State diagram');
  });

  it('shows a renamed entity once the corrected model is saved and the ER diagram regenerated', async () => {
    const { projectId, editor, orgId } = await team();
    const model = lendingLibraryModel();
    await saveModel(editor, orgId, projectId, model, 'Corrected in the Model tab');
    const first = await finished(editor, (await api('POST', `/projects/${projectId}/diagrams/generate`, editor, { type: 'er' })).data.jobId);
    expect((await api('GET', `/projects/${projectId}/diagrams/${first.result!.diagramId}`, editor)).data.mermaidCode).toContain('["Loan"]');

    model.entities.find((e) => e.id === 'loan')!.name = 'Borrowing';
    await saveModel(editor, orgId, projectId, model, 'Renamed Loan to Borrowing');
    const second = await finished(editor, (await api('POST', `/projects/${projectId}/diagrams/generate`, editor, { type: 'er' })).data.jobId);
    expect(second.status, JSON.stringify(second.error)).toBe('succeeded');
    const code = (await api('GET', `/projects/${projectId}/diagrams/${second.result!.diagramId}`, editor)).data.mermaidCode as string;
    expect(code).toContain('E_loan["Borrowing"]');
    expect(code).not.toContain('"Loan"');
    expect(code).toContain('E_member ||--o{ E_loan : "borrows"');
  });

  it('without a model, builds one for the diagram, saves it as the first revision and draws from it', async () => {
    const { projectId, editor } = await team();
    const job = await finished(editor, (await api('POST', `/projects/${projectId}/diagrams/generate`, editor, { type: 'er' })).data.jobId);
    expect(job.status, JSON.stringify(job.error)).toBe('succeeded');
    expect(job.result!.sourceDocumentId).toBeNull();
    const stored = await modelOf(editor, projectId);
    expect(stored?.rev).toBe(1);
    const [revision] = await t.database.db.withAdmin((client) =>
      client.query<{ note: string; generation_id: string | null }>('SELECT note, generation_id FROM app.project_model_revisions WHERE project_id = $1', [projectId]),
    );
    expect(revision).toMatchObject({ note: 'Built for a diagram', generation_id: expect.any(String) });
    const diagram = await api('GET', `/projects/${projectId}/diagrams/${job.result!.diagramId}`, editor);
    expect(await validateMermaid(diagram.data.mermaidCode)).toMatchObject({ ok: true });
    // Whatever the model holds is drawn, and nothing else: an empty model says so instead of inventing records.
    const entities = stored!.model.entities;
    for (const entity of entities) expect(diagram.data.mermaidCode).toContain(`["${entity.name}"]`);
    if (entities.length === 0) expect(diagram.data.description).toMatch(/holds no records yet/);
    // A second diagram uses the saved model instead of building another.
    await finished(editor, (await api('POST', `/projects/${projectId}/diagrams/generate`, editor, { type: 'usecase' })).data.jobId);
    expect((await modelOf(editor, projectId))!.rev).toBe(1);
  });
});

describe('diagram generation against a remote model', () => {
  let fake: FakeOpenAiServer;
  let t: TestApp;
  let runner: JobRunner;
  const { api, finished, startJobRunner } = apiHarness(() => t);
  const reply = (mermaid: string) => ({ content: JSON.stringify({ title: 'Swap flow', description: 'How swaps work', mermaid }) });

  beforeAll(async () => {
    fake = await startFakeOpenAi();
    t = await createTestApp('pglite', { AI_PROVIDER: 'openai-compatible', AI_BASE_URL: fake.url, AI_MODEL: 'fake-gpt', AI_API_KEY: 'sk-test' });
    runner = startJobRunner();
  });
  afterAll(async () => {
    await runner?.stop();
    await t?.close();
    await fake?.close();
  });

  /** A project whose model is saved already, so the model's only call is the diagram's. */
  async function project(user: TestUser): Promise<string> {
    const res = await api('POST', '/projects', user, { name: 'ShiftShare', description });
    const projectId = res.data.id as string;
    await withUser(t.database.db, user.id, (tx) => saveProjectModel(tx, user.id, user.personalOrgId, projectId, lendingLibraryModel(), { note: 'Corrected in the Model tab' }));
    return projectId;
  }

  it('feeds the parser error back to the model: broken, broken, valid succeeds after two repairs', async () => {
    const user = await createUser(t);
    const projectId = await project(user);
    fake.requests.length = 0;
    fake.queue(
      reply('flowchart LR\n  A[Request swap] --> B{Approved?\n  B --> C'),
      reply('flowchart LR\n  A --> B -->'),
      reply('flowchart LR\n  A[Request swap] --> B{Approved?}\n  B -- Yes --> C[Done]\n'),
    );
    const job = await finished(user, (await api('POST', `/projects/${projectId}/diagrams/generate`, user, { type: 'flowchart', instructions: 'Focus on swaps' })).data.jobId);
    expect(job.status, JSON.stringify(job.error)).toBe('succeeded');
    expect(job.result).toMatchObject({ repairs: 2 });
    expect(fake.requests).toHaveLength(3);
    const secondPrompt = JSON.stringify(fake.requests[1]!.body.messages);
    expect(secondPrompt).toContain('did not parse');
    expect(secondPrompt).toContain('B{Approved?');
    expect(secondPrompt).toMatch(/Parse error on line/);
    expect(JSON.stringify(fake.requests[0]!.body.messages)).toContain('Focus on swaps');
    // The prompt carries the project model.
    expect(JSON.stringify(fake.requests[0]!.body.messages)).toContain('<project-model>');
    expect(JSON.stringify(fake.requests[0]!.body.messages)).toContain('Approve a loan');
    const diagram = await api('GET', `/projects/${projectId}/diagrams/${job.result!.diagramId}`, user);
    expect(diagram.data).toMatchObject({ title: 'Swap flow', type: 'flowchart', mermaidCode: 'flowchart LR\n  A[Request swap] --> B{Approved?}\n  B -- Yes --> C[Done]' });
    const revisions = await api('GET', `/projects/${projectId}/diagrams/${job.result!.diagramId}/revisions`, user);
    expect(revisions.data.items[0].note).toMatch(/after 2 repairs/);
  });

  it('sends a diagram of the wrong kind back to the model like a parse error', async () => {
    const user = await createUser(t);
    const projectId = await project(user);
    fake.requests.length = 0;
    fake.queue(reply('flowchart LR\n  Volunteer --> App'), reply('sequenceDiagram\n  Volunteer->>App: Sign up'));
    const job = await finished(user, (await api('POST', `/projects/${projectId}/diagrams/generate`, user, { type: 'sequence' })).data.jobId);
    expect(job.status, JSON.stringify(job.error)).toBe('succeeded');
    expect(job.result).toMatchObject({ repairs: 1 });
    expect(JSON.stringify(fake.requests[1]!.body.messages)).toContain('start it with \\"sequenceDiagram\\"');
  });

  it('fails clearly after two repairs, with the parser message, keeping the last attempt and saving no diagram', async () => {
    const user = await createUser(t);
    const projectId = await project(user);
    fake.requests.length = 0;
    fake.queue(reply('sequenceDiagram\n  A->>B'), reply('sequenceDiagram\n  A->>B'), reply('sequenceDiagram\n  Alice->>Bob: Hi\n  Bob->>Alice'));
    const job = await finished(user, (await api('POST', `/projects/${projectId}/diagrams/generate`, user, { type: 'sequence' })).data.jobId);
    expect(job.status).toBe('failed');
    expect(fake.requests).toHaveLength(3);
    expect(job.error!.code).toBe('DIAGRAM_INVALID');
    expect(job.error!.message).toMatch(/did not parse after 2 repairs: line 3.*Parse error on line 3/);
    expect(job.result).toMatchObject({ lastAttempt: 'sequenceDiagram\n  Alice->>Bob: Hi\n  Bob->>Alice', parserError: { line: 3 } });
    expect((await api('GET', `/projects/${projectId}/diagrams`, user)).data.items).toEqual([]);
  });
});

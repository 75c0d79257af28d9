import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withUser } from '../src/core/db/tenancy.js';
import type { JobRunner } from '../src/core/jobs/index.js';
import { projectModelSchema, saveProjectModel } from '../src/modules/project-model/index.js';
import { apiHarness } from './support/api-harness.js';
import { createUser, type TestUser } from './support/factories.js';
import { createTestApp, type TestApp } from './support/test-app.js';
import { testDrivers } from './support/test-db.js';

/** Generating documents through the API, as background jobs run by a job runner, with the offline engine. */

const description =
  'A shared calendar where volunteers sign up for food bank shifts. Coordinators must approve each shift swap. ' +
  'Each shift has a date, a start time and a location. Volunteers should get a reminder the day before.';

/** What the project model of the shift calendar says, as a person might have corrected it in the Model tab. */
const shiftModel = projectModelSchema.parse({
  actors: [
    { id: 'volunteer', name: 'Volunteer', kind: 'person' },
    { id: 'coordinator', name: 'Coordinator', kind: 'person' },
  ],
  entities: [{ id: 'shift', name: 'Shift', attributes: [{ name: 'date', type: 'date', required: true }, { name: 'start time', type: 'datetime' }, { name: 'location', type: 'location' }] }],
  useCases: [
    { id: 'sign-up', name: 'Sign up for a shift', actor: 'volunteer', action: 'sign up', entity: 'shift', priority: 'must' },
    { id: 'approve-swap', name: 'Approve a shift swap', actor: 'coordinator', action: 'approve', entity: 'shift', priority: 'must' },
  ],
  rules: [{ id: 'reminder', text: 'Volunteers get a reminder the day before their shift.', entity: 'shift' }],
});

describe.each(testDrivers)('document generation on %s', (kind) => {
  let t: TestApp;
  let runner: JobRunner;

  const { api, finished, startJobRunner, team: teamOf } = apiHarness(() => t);

  beforeAll(async () => {
    t = await createTestApp(kind);
    runner = startJobRunner();
  });
  afterAll(async () => {
    await runner?.stop();
    await t.close();
  });

  async function project(user: TestUser, body: Record<string, unknown> = {}): Promise<string> {
    const res = await api('POST', '/projects', user, { name: 'ShiftShare', description, ...body });
    expect(res.statusCode, JSON.stringify(res.data)).toBe(201);
    return res.data.id as string;
  }

  const team = () => teamOf({ name: 'ShiftShare', description });

  async function seedModel(user: TestUser, projectId: string): Promise<void> {
    await withUser(t.database.db, user.id, (tx) => saveProjectModel(tx, user.id, user.personalOrgId, projectId, shiftModel, { note: 'Corrected by hand' }));
  }

  async function rows<T>(user: TestUser, query: ReturnType<typeof sql>): Promise<T[]> {
    const result = await withUser(t.database.db, user.id, (tx) => tx.execute(query));
    return ((result as { rows?: T[] }).rows ?? (result as T[]));
  }

  const modelRevisions = (user: TestUser, projectId: string) =>
    rows<{ rev: number; note: string; version: number | null }>(user, sql`SELECT rev, note, version FROM app.project_model_revisions WHERE project_id = ${projectId} ORDER BY rev`);
  const modelPrompts = (user: TestUser, projectId: string) =>
    rows<{ prompt: string }>(user, sql`SELECT prompt FROM app.ai_generations WHERE project_id = ${projectId} AND generation_type = 'project-model'`);

  it('generates an SRS offline from the project’s current model: IEEE sections, numbered FR and NFR, linked to its ledger row', async () => {
    const user = await createUser(t);
    const projectId = await project(user);
    await seedModel(user, projectId);
    const queued = await api('POST', `/projects/${projectId}/documents/generate`, user, { type: 'srs' });
    expect(queued.statusCode, JSON.stringify(queued.data)).toBe(202);
    const job = await finished(user, queued.data.jobId);
    expect(job.status, JSON.stringify(job.error)).toBe('succeeded');
    expect(job.progress).toBe(100);
    expect(job.result).toMatchObject({ type: 'srs', documentId: expect.any(String), rev: 1, generationId: expect.any(String), created: true });

    const doc = await api('GET', `/projects/${projectId}/documents/${job.result!.documentId}`, user);
    expect(doc.statusCode).toBe(200);
    expect(doc.data).toMatchObject({ type: 'srs', status: 'generated', version: 1, currentRev: 1, generationId: job.result!.generationId, title: 'ShiftShare — Software Requirements Specification' });
    const md: string = doc.data.contentMarkdown;
    for (const heading of ['## 1 Introduction', '### 1.1 Purpose', '## 2 Overall description', '### 2.3 User classes and characteristics', '## 3 Specific requirements', '### 3.2 Functional requirements', '### 3.3 Non-functional requirements', '### 3.4 Data requirements', '## Appendix A Glossary', '## Appendix B Open issues']) {
      expect(md).toContain(heading);
    }
    expect(md).toMatch(/^#### FR-1 /m);
    expect(md).toMatch(/^#### FR-2 /m);
    expect(md).toMatch(/^#### NFR-1 /m);
    expect(md).toMatch(/volunteers/i);
    expect(md).toMatch(/shifts?/i);
    expect(md).toMatch(/coordinators/i);
    expect(md).toContain('ShiftShare');
    expect(md).toContain('The system shall let a coordinator approve a shift swap.');
    // The current model was used as it is: no model was built, no revision added.
    expect(await modelPrompts(user, projectId)).toEqual([]);
    expect((await modelRevisions(user, projectId)).map((r) => r.note)).toEqual(['Corrected by hand']);
    // The structured form is the revision's content; the document links to the ai_generations row.
    expect(doc.data.content.specificRequirements.functional[0].id).toBe('FR-1');
    expect(doc.data.metadata).toMatchObject({ citations: [], jobId: queued.data.jobId, generatedBy: { task: 'document-srs', provider: 'builtin' } });
    const ledger = await api('GET', `/ai/generations/${job.result!.generationId}`, user);
    expect(ledger.statusCode).toBe(200);
    expect(ledger.data).toMatchObject({ generationType: 'document-srs', provider: 'builtin', status: 'succeeded', jobId: queued.data.jobId, projectId });

    // Found by search in its sections.
    const found = await api('GET', `/projects/${projectId}/search?q=coordinators`, user);
    expect(found.data.items.some((hit: { documentId: string }) => hit.documentId === job.result!.documentId)).toBe(true);
  });

  it('draws on the scope, requirements and feasibility documents and keeps their section ids as citations', async () => {
    const user = await createUser(t);
    const projectId = await project(user);
    const scope = await api('POST', `/projects/${projectId}/documents`, user, {
      type: 'scope_statement',
      title: 'Scope statement',
      contentMarkdown: '# Scope\n\n## In scope\n\nCoordinators can export the monthly rota as a PDF. Volunteer phone numbers must be encrypted at rest.\n\n## Out of scope\n\nPayroll.',
    });
    expect(scope.statusCode).toBe(201);
    const feasibility = await api('POST', `/projects/${projectId}/documents`, user, {
      type: 'feasibility',
      title: 'Feasibility study',
      contentMarkdown: '# Feasibility\n\n## Technical\n\nThe food bank already uses Google Calendar; shifts should sync with it.',
    });
    expect(feasibility.statusCode).toBe(201);
    const unrelated = await api('POST', `/projects/${projectId}/documents`, user, { type: 'marketing', title: 'Flyer', contentMarkdown: '# Flyer\n\nJoin us!' });
    expect(unrelated.statusCode).toBe(201);

    const queued = await api('POST', `/projects/${projectId}/documents/generate`, user, { type: 'srs', instructions: 'Stress data protection.' });
    const job = await finished(user, queued.data.jobId);
    expect(job.status, JSON.stringify(job.error)).toBe('succeeded');
    expect(job.result).toMatchObject({ citations: expect.any(Number) });
    const doc = await api('GET', `/projects/${projectId}/documents/${job.result!.documentId}`, user);
    const citations = doc.data.metadata.citations as Array<{ id: string; documentId: string; documentType: string; blockId: string; rev: number }>;
    expect(citations.length).toBeGreaterThan(0);
    expect(new Set(citations.map((c) => c.documentId))).toEqual(new Set([scope.data.id, feasibility.data.id]));
    expect(citations).toContainEqual(expect.objectContaining({ documentId: scope.data.id, documentType: 'scope_statement', blockId: 'scope/in-scope', rev: 1, id: `${scope.data.id}#scope/in-scope` }));
    expect(doc.data.metadata.instructions).toBe('Stress data protection.');
    // A project without a model gets one first, built from the idea and the retrieved sections, saved as revision 1.
    const [built] = await modelPrompts(user, projectId);
    expect(built?.prompt).toMatch(/export the monthly rota/);
    expect(built?.prompt).toMatch(/Google Calendar/);
    expect(built?.prompt).not.toMatch(/Join us/);
    // What the scope statement says is drawn into the SRS through the model.
    expect(doc.data.contentMarkdown).toMatch(/export (?:a|the) (?:monthly )?rota/i);
    expect(await modelRevisions(user, projectId)).toEqual([{ rev: 1, note: 'Built from the idea', version: 1 }]);
  });

  it('retrieves the sections that match the project by search when the sources exceed the budget', async () => {
    const user = await createUser(t);
    const projectId = await project(user);
    const filler = 'The parking garage opens at seven and closes at midnight, and the elevator is serviced on Mondays by the landlord. '.repeat(14);
    const sections = Array.from({ length: 30 }, (_, i) => `## Facilities note ${i + 1}\n\n${filler}`);
    sections.push('## Volunteer badges\n\nVolunteers must scan their badge at the start of each shift so coordinators see who is present.');
    const spec = await api('POST', `/projects/${projectId}/documents`, user, { type: 'spec', title: 'Building spec', contentMarkdown: `# Building spec\n\n${sections.join('\n\n')}` });
    expect(spec.statusCode).toBe(201);
    const job = await finished(user, (await api('POST', `/projects/${projectId}/documents/generate`, user, { type: 'srs' })).data.jobId);
    expect(job.status, JSON.stringify(job.error)).toBe('succeeded');
    const doc = await api('GET', `/projects/${projectId}/documents/${job.result!.documentId}`, user);
    const citations = doc.data.metadata.citations as Array<{ blockId: string }>;
    expect(citations.length).toBeLessThan(31);
    expect(citations.map((c) => c.blockId)).toContain('building-spec/volunteer-badges');
    expect((await modelPrompts(user, projectId))[0]?.prompt).toMatch(/scan their badge/);
  });

  it('generating again makes a new revision of the same document; every type can be generated', async () => {
    const user = await createUser(t);
    const projectId = await project(user);
    await seedModel(user, projectId);
    const first = await finished(user, (await api('POST', `/projects/${projectId}/documents/generate`, user, { type: 'prd' })).data.jobId);
    const second = await finished(user, (await api('POST', `/projects/${projectId}/documents/generate`, user, { type: 'prd', instructions: 'Focus on coordinators.' })).data.jobId);
    expect(first.result).toMatchObject({ rev: 1, created: true });
    expect(second.result).toMatchObject({ documentId: first.result!.documentId, rev: 2, created: false });
    expect(second.result!.generationId).not.toBe(first.result!.generationId);
    const revisions = await api('GET', `/projects/${projectId}/documents/${first.result!.documentId}/revisions`, user);
    expect(revisions.data.items.map((r: { rev: number; generationId: string }) => [r.rev, r.generationId])).toEqual([
      [2, second.result!.generationId],
      [1, first.result!.generationId],
    ]);
    const prd = await api('GET', `/projects/${projectId}/documents/${first.result!.documentId}`, user);
    expect(prd.data.contentMarkdown).toMatch(/As a volunteer, I want/);
    expect(prd.data.contentMarkdown).toMatch(/## Requirement pool/);

    for (const type of ['overview', 'marketing', 'tech', 'tasks'] as const) {
      const job = await finished(user, (await api('POST', `/projects/${projectId}/documents/generate`, user, { type })).data.jobId);
      expect(job.status, `${type}: ${JSON.stringify(job.error)}`).toBe('succeeded');
      const doc = await api('GET', `/projects/${projectId}/documents/${job.result!.documentId}`, user);
      expect(doc.data).toMatchObject({ type, status: 'generated' });
      expect(doc.data.contentMarkdown).toMatch(/volunteers?/i);
    }
    const list = await api('GET', `/projects/${projectId}/documents?limit=50`, user);
    expect(list.data.items).toHaveLength(5);

    const audit = await api('GET', `/audit?organizationId=${user.personalOrgId}&limit=200`, user);
    const actions = audit.data.items.map((e: { action: string }) => e.action);
    expect(actions).toEqual(expect.arrayContaining(['document_generation_requested', 'document_generated', 'document_created', 'document_revised']));
  });

  it('refuses other types naming the field, viewers with 403 and other tenants with 404', async () => {
    const { projectId, editor, viewer } = await team();
    const bad = await api('POST', `/projects/${projectId}/documents/generate`, editor, { type: 'risk_register' });
    expect(bad.statusCode).toBe(400);
    expect(bad.data.error.details.map((d: { field: string }) => d.field)).toContain('type');
    const missing = await api('POST', `/projects/${projectId}/documents/generate`, editor, {});
    expect(missing.statusCode).toBe(400);
    const extra = await api('POST', `/projects/${projectId}/documents/generate`, editor, { type: 'srs', tone: 'fun' });
    expect(extra.statusCode).toBe(400);
    const long = await api('POST', `/projects/${projectId}/documents/generate`, editor, { type: 'srs', instructions: 'x'.repeat(4001) });
    expect(long.statusCode).toBe(400);
    expect(long.data.error.details[0].field).toBe('instructions');

    expect((await api('POST', `/projects/${projectId}/documents/generate`, viewer, { type: 'srs' })).statusCode).toBe(403);
    const stranger = await createUser(t);
    expect((await api('POST', `/projects/${projectId}/documents/generate`, stranger, { type: 'srs' })).statusCode).toBe(404);
    expect((await api('POST', '/projects/not-a-uuid/documents/generate', editor, { type: 'srs' })).statusCode).toBe(404);
    expect((await api('POST', `/projects/${projectId}/documents/generate`, undefined, { type: 'srs' })).statusCode).toBe(401);

    const ok = await api('POST', `/projects/${projectId}/documents/generate`, editor, { type: 'tech' });
    expect(ok.statusCode).toBe(202);
    const job = await finished(editor, ok.data.jobId);
    expect(job.status).toBe('succeeded');
    // Members of the organization, viewers included, read the result; nobody else sees the job.
    expect((await api('GET', `/projects/${projectId}/documents/${job.result!.documentId}`, viewer)).statusCode).toBe(200);
    expect((await api('GET', `/jobs/${ok.data.jobId}`, stranger)).statusCode).toBe(404);
  });

  it('a locked document fails the job with LOCKED and stays as it was', async () => {
    const user = await createUser(t);
    const projectId = await project(user);
    const first = await finished(user, (await api('POST', `/projects/${projectId}/documents/generate`, user, { type: 'overview' })).data.jobId);
    const documentId = first.result!.documentId as string;
    expect((await api('POST', `/projects/${projectId}/documents/${documentId}/lock`, user)).statusCode).toBe(200);
    const second = await finished(user, (await api('POST', `/projects/${projectId}/documents/generate`, user, { type: 'overview' })).data.jobId);
    expect(second.status).toBe('failed');
    expect(second.error).toMatchObject({ code: 'LOCKED' });
    const doc = await api('GET', `/projects/${projectId}/documents/${documentId}`, user);
    expect(doc.data.currentRev).toBe(1);
    const rows = await withUser(t.database.db, user.id, (tx) => tx.execute(sql`SELECT count(*)::int AS n FROM app.document_revisions WHERE document_id = ${documentId}`));
    expect(((rows as { rows?: Array<{ n: number }> }).rows ?? (rows as Array<{ n: number }>))[0]!.n).toBe(1);
  });
});

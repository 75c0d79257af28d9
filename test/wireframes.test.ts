import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withUser } from '../src/core/db/tenancy.js';
import type { JobRunner } from '../src/core/jobs/index.js';
import { saveProjectModel } from '../src/modules/project-model/index.js';
import { lendingLibraryModel } from './support/lending-library-model.js';
import { startFakeOpenAi, type FakeOpenAiServer } from './support/fake-openai-server.js';
import { apiHarness } from './support/api-harness.js';
import { createUser } from './support/factories.js';
import { createTestApp, type TestApp } from './support/test-app.js';
import { testDrivers } from './support/test-db.js';

/** Wireframes through the API: CRUD sanitized on save, access rules, offline generation and the self-contained download. */

const description =
  'A shared calendar where volunteers sign up for food bank shifts. Coordinators must approve each shift swap. ' +
  'Each shift has a date, a start time and a location. Volunteers should get a reminder the day before.';

describe.each(testDrivers)('wireframes on %s', (kind) => {
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

  it('creates, lists by template, reads, edits and deletes a wireframe; every save is sanitized and says what it removed', async () => {
    const { projectId, editor, viewer } = await team();
    const created = await api('POST', `/projects/${projectId}/wireframes`, editor, {
      title: 'Shift list',
      htmlContent: '<h1 onclick="steal()">Shifts</h1><script>alert(1)</script><img src="http://evil.example/x.png" alt="logo"><a href="javascript:alert(1)">x</a>',
      cssContent: '@import url(http://evil.example/a.css); h1 { color: #333; background: url(http://evil.example/b.png) }',
      templateType: 'list',
    });
    expect(created.statusCode, JSON.stringify(created.data)).toBe(201);
    expect(created.data.htmlContent).toBe('<h1>Shifts</h1><img alt="logo"><a>x</a>');
    expect(created.data.cssContent).not.toMatch(/@import|url\(|evil/);
    expect(created.data.cssContent).toContain('color:#333');
    const removed: string[] = created.data.sanitized.removed;
    expect(removed.join('\n')).toMatch(/onclick/);
    expect(removed.join('\n')).toMatch(/<script>/);
    expect(removed.join('\n')).toMatch(/http:\/\/evil\.example\/x\.png/);
    expect(removed.join('\n')).toMatch(/javascript: URL/);
    expect(removed.join('\n')).toMatch(/@import/);

    const form = await api('POST', `/projects/${projectId}/wireframes`, editor, { title: 'New shift', htmlContent: '<form><label>Date <input type="date"></label></form>', templateType: 'form' });
    expect(form.statusCode).toBe(201);
    expect(form.data.sanitized.removed).toEqual([]);
    expect(form.data.htmlContent).toBe('<form><label>Date <input type="date"></label></form>');

    const all = await api('GET', `/projects/${projectId}/wireframes?limit=1`, viewer);
    expect(all.statusCode).toBe(200);
    expect(all.data.items.map((w: { title: string }) => w.title)).toEqual(['New shift']);
    const next = await api('GET', `/projects/${projectId}/wireframes?limit=1&cursor=${all.data.nextCursor}`, viewer);
    expect(next.data.items.map((w: { title: string }) => w.title)).toEqual(['Shift list']);
    expect(next.data.nextCursor).toBeNull();
    const lists = await api('GET', `/projects/${projectId}/wireframes?templateType=list`, viewer);
    expect(lists.data.items.map((w: { id: string }) => w.id)).toEqual([created.data.id]);

    const read = await api('GET', `/projects/${projectId}/wireframes/${created.data.id}`, viewer);
    expect(read.statusCode).toBe(200);
    expect(read.data.htmlContent).toBe(created.data.htmlContent);

    const edited = await api('PATCH', `/projects/${projectId}/wireframes/${created.data.id}`, editor, {
      htmlContent: '<h1>All shifts</h1><iframe src="https://evil.example"></iframe>',
      baseUpdatedAt: read.data.updatedAt,
    });
    expect(edited.statusCode, JSON.stringify(edited.data)).toBe(200);
    expect(edited.data.htmlContent).toBe('<h1>All shifts</h1>');
    expect(edited.data.sanitized.removed).toEqual(['<iframe> element']);
    const stale = await api('PATCH', `/projects/${projectId}/wireframes/${created.data.id}`, editor, { title: 'Late edit', baseUpdatedAt: read.data.updatedAt });
    expect(stale.statusCode).toBe(409);
    expect(stale.data.error.details.wireframe.htmlContent).toBe('<h1>All shifts</h1>');

    const gone = await api('DELETE', `/projects/${projectId}/wireframes/${form.data.id}`, editor);
    expect(gone.statusCode).toBe(204);
    expect((await api('GET', `/projects/${projectId}/wireframes/${form.data.id}`, viewer)).statusCode).toBe(404);

    const audit = await api('GET', `/audit?limit=50`, editor);
    expect(audit.statusCode).toBe(200);
    const actions = (audit.data.items as Array<{ action: string }>).map((e) => e.action);
    expect(actions).toEqual(expect.arrayContaining(['wireframe_created', 'wireframe_updated', 'wireframe_deleted']));
  });

  it('refuses bad input naming the field, viewers writing, and another organization’s project', async () => {
    const { projectId, editor, viewer } = await team();
    const badType = await api('POST', `/projects/${projectId}/wireframes`, editor, { title: 'X', htmlContent: '<p>x</p>', templateType: 'carousel' });
    expect(badType.statusCode).toBe(400);
    expect(JSON.stringify(badType.data.error)).toContain('templateType');
    const noTitle = await api('POST', `/projects/${projectId}/wireframes`, editor, { title: ' ', htmlContent: '<p>x</p>' });
    expect(noTitle.statusCode).toBe(400);
    expect(JSON.stringify(noTitle.data.error)).toContain('title');
    const empty = await api('POST', `/projects/${projectId}/wireframes`, editor, { title: 'X', htmlContent: '  \n' });
    expect(empty.statusCode).toBe(400);
    expect(empty.data.error.details[0]).toMatchObject({ field: 'htmlContent', message: expect.stringContaining('must not be empty') });
    const onlyScript = await api('POST', `/projects/${projectId}/wireframes`, editor, { title: 'X', htmlContent: '<script>alert(1)</script>' });
    expect(onlyScript.statusCode).toBe(400);
    expect(JSON.stringify(onlyScript.data.error)).toContain('htmlContent');
    // Escaping on save lengthens this past the column's limit: refused up front, never a database error.
    const swelling = await api('POST', `/projects/${projectId}/wireframes`, editor, { title: 'X', htmlContent: `<p title="${'<'.repeat(130_000)}">x</p>` });
    expect(swelling.statusCode).toBe(400);
    expect(JSON.stringify(swelling.data.error)).toContain('htmlContent');
    const badSource = await api('POST', `/projects/${projectId}/wireframes/generate`, editor, { from: '00000000-0000-7000-8000-000000000000' });
    expect(badSource.statusCode).toBe(400);
    expect(JSON.stringify(badSource.data.error)).toContain('from');
    const badTemplate = await api('POST', `/projects/${projectId}/wireframes/generate`, editor, { templateType: 'custom' });
    expect(badTemplate.statusCode).toBe(400);
    expect(JSON.stringify(badTemplate.data.error)).toContain('templateType');

    const asViewer = await api('POST', `/projects/${projectId}/wireframes`, viewer, { title: 'X', htmlContent: '<p>x</p>' });
    expect(asViewer.statusCode).toBe(403);
    expect((await api('POST', `/projects/${projectId}/wireframes/generate`, viewer, {})).statusCode).toBe(403);

    const mine = await api('POST', `/projects/${projectId}/wireframes`, editor, { title: 'Mine', htmlContent: '<p>x</p>' });
    expect(mine.statusCode).toBe(201);
    expect((await api('PATCH', `/projects/${projectId}/wireframes/${mine.data.id}`, viewer, { title: 'Viewer edit' })).statusCode).toBe(403);
    expect((await api('DELETE', `/projects/${projectId}/wireframes/${mine.data.id}`, viewer)).statusCode).toBe(403);

    const stranger = await createUser(t);
    expect((await api('GET', `/projects/${projectId}/wireframes`, stranger)).statusCode).toBe(404);
    expect((await api('GET', `/projects/${projectId}/wireframes/${mine.data.id}`, stranger)).statusCode).toBe(404);
    expect((await api('GET', `/projects/${projectId}/wireframes/${mine.data.id}/download`, stranger)).statusCode).toBe(404);
    expect((await api('PATCH', `/projects/${projectId}/wireframes/${mine.data.id}`, stranger, { title: 'Hijack' })).statusCode).toBe(404);
    expect((await api('POST', `/projects/${projectId}/wireframes`, stranger, { title: 'X', htmlContent: '<p>x</p>' })).statusCode).toBe(404);
    // Another project's wireframe under this project's URL is just as missing.
    const own = await api('POST', '/projects', stranger, { name: 'Elsewhere' });
    expect((await api('GET', `/projects/${own.data.id}/wireframes/${mine.data.id}`, stranger)).statusCode).toBe(404);
  });

  it('generates one screen offline from the project model, and a set: sign-in, dashboard, and list, detail and form per entity', async () => {
    const { projectId, editor, viewer, orgId } = await team();
    await withUser(t.database.db, editor.id, (tx) => saveProjectModel(tx, editor.id, orgId, projectId, lendingLibraryModel(), { note: 'Corrected in the Model tab' }));
    const one = await api('POST', `/projects/${projectId}/wireframes/generate`, editor, { screen: 'Loan list', templateType: 'list' });
    expect(one.statusCode, JSON.stringify(one.data)).toBe(202);
    const job = await finished(editor, one.data.jobId);
    expect(job.status, JSON.stringify(job.error)).toBe('succeeded');
    const ids = job.result!.wireframeIds as string[];
    expect(ids).toHaveLength(1);
    const list = await api('GET', `/projects/${projectId}/wireframes/${ids[0]}`, viewer);
    expect(list.data).toMatchObject({ title: 'Loan list', templateType: 'list', generationId: expect.any(String) });
    // The table's columns are the loan's attributes in the model.
    for (const header of ['Tool', 'Borrower', 'Starts on', 'Due on', 'Status']) expect(list.data.htmlContent).toContain(`<th scope="col">${header}</th>`);
    expect(list.data.htmlContent).toContain('<h1>Loans</h1>');
    expect(list.data.metadata).toMatchObject({ generatedBy: { task: 'generate-wireframe', provider: 'builtin' } });
    expect(list.data.metadata.sanitized).toBeUndefined();

    const set = await api('POST', `/projects/${projectId}/wireframes/generate`, editor);
    expect(set.statusCode).toBe(202);
    const setJob = await finished(editor, set.data.jobId);
    expect(setJob.status, JSON.stringify(setJob.error)).toBe('succeeded');
    expect(setJob.progress).toBe(100);
    const setIds = setJob.result!.wireframeIds as string[];
    expect(setIds).toHaveLength(11);
    const page = await api('GET', `/projects/${projectId}/wireframes?limit=50`, viewer);
    const generated = (page.data.items as Array<{ id: string; templateType: string; title: string; htmlContent: string }>).filter((w) => setIds.includes(w.id));
    expect(generated.map((w) => w.title).sort()).toEqual(['Dashboard', 'Loan details', 'Loans', 'Member details', 'Members', 'New loan', 'New member', 'New tool', 'Sign in', 'Tool details', 'Tools']);
    const auth = generated.find((w) => w.templateType === 'auth')!;
    expect(auth.htmlContent).toContain('Sign in to ShiftShare');
    expect(auth.htmlContent).toMatch(/Member/);
    expect(auth.htmlContent).toMatch(/Coordinator/);
    const form = generated.find((w) => w.title === 'New tool')!;
    expect(form.htmlContent).toContain('<option>Garden</option>');
    expect(form.htmlContent).toContain('type="file"');
    expect(generated.find((w) => w.title === 'Dashboard')!.htmlContent).toContain('Loans per month');
  });

  it('without a model, builds one for the screens and saves it before drawing', async () => {
    const { projectId, editor } = await team();
    const job = await finished(editor, (await api('POST', `/projects/${projectId}/wireframes/generate`, editor, { templateType: 'dashboard' })).data.jobId);
    expect(job.status, JSON.stringify(job.error)).toBe('succeeded');
    const [revision] = await t.database.db.withAdmin((client) => client.query<{ note: string }>('SELECT note FROM app.project_model_revisions WHERE project_id = $1', [projectId]));
    expect(revision?.note).toBe('Built for wireframes');
  });

  it('downloads a wireframe as one self-contained HTML file that allows no request', async () => {
    const { projectId, editor, viewer } = await team();
    const created = await api('POST', `/projects/${projectId}/wireframes`, editor, {
      title: 'Shift list',
      htmlContent: '<main><h1>Shifts</h1><img src="data:image/png;base64,iVBORw0KGgo=" alt="dot"></main>',
      cssContent: 'h1 { font-size: 20px }',
    });
    const res = await api('GET', `/projects/${projectId}/wireframes/${created.data.id}/download`, viewer);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/html/);
    expect(res.headers['content-disposition']).toBe('attachment; filename="shift-list.html"');
    const html = res.body;
    expect(html).toMatch(/^<!doctype html>/);
    expect(html).toContain(`<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:; form-action 'none'; base-uri 'none'">`);
    expect(html).toContain('<style>\nh1 { font-size: 20px }\n</style>');
    expect(html).toContain('<h1>Shifts</h1>');
    expect(html).toContain('<title>Shift list</title>');
    // Nothing in the file points anywhere: no src or href other than data: and fragments, no link or script element.
    expect(html).not.toMatch(/<(?:script|link|iframe)\b/i);
    for (const match of html.matchAll(/\b(?:src|href)="([^"]*)"/g)) expect(match[1]).toMatch(/^(?:data:image\/|#)/);
  });
});

describe('wireframes drawn by a remote model', () => {
  let fake: FakeOpenAiServer;
  let t: TestApp;
  let runner: JobRunner;
  const { api, finished, startJobRunner } = apiHarness(() => t);

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


  it('sends the source document and the screen to the model, and saves its markup sanitized, noting what was removed', async () => {
    const user = await createUser(t);
    const project = await api('POST', '/projects', user, { name: 'ShiftShare', description });
    const projectId = project.data.id as string;
    // A saved model, so the only call to the model is the screen's.
    await withUser(t.database.db, user.id, (tx) => saveProjectModel(tx, user.id, user.personalOrgId, projectId, lendingLibraryModel(), { note: 'Corrected in the Model tab' }));
    const srs = await api('POST', `/projects/${projectId}/documents`, user, { type: 'srs', title: 'ShiftShare SRS', contentMarkdown: '# ShiftShare SRS\n\nFR-7: Coordinators approve each shift swap within a day.\n' });
    expect(srs.statusCode).toBe(201);
    fake.queue({
      content: JSON.stringify({
        title: 'Swap approvals',
        description: 'Coordinators approve swaps',
        html:
          '<!doctype html><html><head><title>Swaps</title><style>h1{color:#222}</style><script src="https://cdn.example/x.js"></script></head>' +
          '<body><h1 onmouseover="steal()">Swap approvals</h1><img src="https://images.example/avatar.png" alt="avatar"><button formaction="https://evil.example">Approve</button></body></html>',
        css: '@import url(https://fonts.example/f.css); body{font-family:sans-serif}',
        templateType: 'list',
      }),
    });
    const queued = await api('POST', `/projects/${projectId}/wireframes/generate`, user, { from: srs.data.id, screen: 'Swap approvals' });
    expect(queued.statusCode).toBe(202);
    const job = await finished(user, queued.data.jobId);
    expect(job.status, JSON.stringify(job.error)).toBe('succeeded');
    const prompt = JSON.stringify(fake.requests.at(-1)!.body.messages);
    expect(prompt).toContain('FR-7: Coordinators approve each shift swap within a day.');
    expect(prompt).toContain('Swap approvals');
    expect(prompt).toContain('Approve a loan');

    const [id] = job.result!.wireframeIds as string[];
    const saved = await api('GET', `/projects/${projectId}/wireframes/${id}`, user);
    expect(saved.data).toMatchObject({ title: 'Swap approvals', templateType: 'list', sourceDocumentId: srs.data.id });
    expect(saved.data.htmlContent).toBe('<h1>Swap approvals</h1><img alt="avatar"><button>Approve</button>');
    // The @import made the stylesheet be cleaned, and so generated again, compact.
    expect(saved.data.cssContent).toBe('body{font-family:sans-serif}h1{color:#222}');
    expect(saved.data.metadata.generatedBy).toMatchObject({ provider: 'openai-compatible', model: 'fake-gpt' });
    const removed = (saved.data.metadata.sanitized.removed as string[]).join('\n');
    expect(removed).toMatch(/onmouseover/);
    expect(removed).toMatch(/images\.example\/avatar\.png/);
    expect(removed).toMatch(/formaction/);
    expect(removed).toMatch(/@import/);
  });
});

import { strFromU8, unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser, type TestUser } from './support/factories.js';
import { call, createTestApp, type TestApp } from './support/test-app.js';
import { testDrivers } from './support/test-db.js';

/** The whole project as a ZIP: every document, diagram and wireframe, with a README that indexes them. */

describe.each(testDrivers)('project export on %s', (kind) => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp(kind);
  });
  afterAll(async () => {
    await t?.close();
  });

  const api = (method: 'GET' | 'POST', url: string, user: TestUser, body?: unknown) =>
    call(t.app, method, `/api/v1${url}`, { token: user.token, ...(body === undefined ? {} : { body }) });

  async function download(projectId: string, user: TestUser): Promise<{ status: number; disposition: string | undefined; files: Record<string, string> }> {
    const res = await t.app.inject({ method: 'GET', url: `/api/v1/projects/${projectId}/export.zip`, headers: { authorization: `Bearer ${user.token}` } });
    if (res.statusCode !== 200) return { status: res.statusCode, disposition: undefined, files: {} };
    expect(res.headers['content-type']).toBe('application/zip');
    const entries = unzipSync(new Uint8Array(res.rawPayload));
    return {
      status: res.statusCode,
      disposition: res.headers['content-disposition'],
      files: Object.fromEntries(Object.entries(entries).map(([path, bytes]) => [path, strFromU8(bytes)])),
    };
  }

  it('zips every document, diagram and wireframe with a README index; colliding titles get distinct file names', async () => {
    const owner = await createUser(t);
    const org = await api('POST', '/organizations', owner, { name: 'Food bank' });
    const viewer = await createUser(t);
    await api('POST', `/organizations/${org.data.id}/members`, owner, { email: viewer.email, role: 'viewer' });
    const project = await api('POST', '/projects', owner, { name: 'ShiftShare', key: 'SHIFT', description: 'Volunteers sign up for food bank shifts.', organizationId: org.data.id });
    expect(project.statusCode, JSON.stringify(project.data)).toBe(201);
    const projectId = project.data.id as string;

    const prd = await api('POST', `/projects/${projectId}/documents`, owner, { type: 'prd', title: 'Requirements', contentMarkdown: '# Requirements\n\nVolunteers book shifts.\n' });
    const notes1 = await api('POST', `/projects/${projectId}/documents`, owner, { type: 'other', title: 'Notes', contentMarkdown: 'First notes' });
    const notes2 = await api('POST', `/projects/${projectId}/documents`, owner, { type: 'other', title: 'Notes', contentMarkdown: 'Second notes' });
    for (const res of [prd, notes1, notes2]) expect(res.statusCode, JSON.stringify(res.data)).toBe(201);
    const diagram = await api('POST', `/projects/${projectId}/diagrams`, owner, { type: 'flowchart', title: 'Sign-up flow', mermaidCode: 'flowchart TD\n  A[Sign up] --> B[Pick a shift]' });
    expect(diagram.statusCode, JSON.stringify(diagram.data)).toBe(201);
    const code = diagram.data.mermaidCode as string;
    expect(code).toContain('A[Sign up] --> B[Pick a shift]');
    const wireframe = await api('POST', `/projects/${projectId}/wireframes`, owner, { title: 'Shift list', htmlContent: '<h1>Shifts</h1><table><tbody><tr><td>12 Mar</td></tr></tbody></table>', cssContent: 'h1{font-size:20px}', templateType: 'list' });
    const wireframe2 = await api('POST', `/projects/${projectId}/wireframes`, owner, { title: 'Shift list', htmlContent: '<h1>Shifts again</h1>' });
    expect(wireframe.statusCode).toBe(201);
    expect(wireframe2.statusCode).toBe(201);

    const zip = await download(projectId, viewer);
    expect(zip.status).toBe(200);
    expect(zip.disposition).toBe('attachment; filename="shift-export.zip"');
    expect(Object.keys(zip.files).sort()).toEqual([
      'README.md',
      'diagrams/sign-up-flow.mmd',
      'documents/notes-2.md',
      'documents/notes.md',
      'documents/requirements.md',
      'wireframes/shift-list-2.html',
      'wireframes/shift-list.html',
    ]);
    expect(zip.files['documents/requirements.md']).toBe('# Requirements\n\nVolunteers book shifts.\n');
    expect(zip.files['documents/notes.md']).toBe('First notes');
    expect(zip.files['documents/notes-2.md']).toBe('Second notes');
    expect(zip.files['diagrams/sign-up-flow.mmd']).toBe(code);
    const html = zip.files['wireframes/shift-list.html']!;
    expect(html).toMatch(/^<!doctype html>/);
    expect(html).toContain(`content="default-src 'none'; style-src 'unsafe-inline'; img-src data:; form-action 'none'; base-uri 'none'"`);
    expect(html).toContain('<h1>Shifts</h1>');
    expect(html).toContain('h1{font-size:20px}');
    expect(zip.files['wireframes/shift-list-2.html']).toContain('<h1>Shifts again</h1>');

    // The index names the project and lists every file with its title, type and date.
    const readme = zip.files['README.md']!;
    expect(readme).toMatch(/^# ShiftShare\n/);
    expect(readme).toContain('Volunteers sign up for food bank shifts.');
    expect(readme).toMatch(/Generated: \d{4}-\d{2}-\d{2}T/);
    for (const path of Object.keys(zip.files).filter((p) => p !== 'README.md')) expect(readme).toContain(`[${path}](${path})`);
    expect(readme).toMatch(/\| \[documents\/requirements\.md\]\(documents\/requirements\.md\) \| Requirements \| prd \| \d{4}-/);
    expect(readme).toMatch(/\| \[diagrams\/sign-up-flow\.mmd\]\(diagrams\/sign-up-flow\.mmd\) \| Sign-up flow \| flowchart diagram \|/);
    expect(readme).toMatch(/\| \[wireframes\/shift-list\.html\]\(wireframes\/shift-list\.html\) \| Shift list \| list wireframe \|/);
  });

  it('exports an empty project as just its index, and hides other organizations’ projects', async () => {
    const owner = await createUser(t);
    const project = await api('POST', '/projects', owner, { name: 'Empty one' });
    const zip = await download(project.data.id, owner);
    expect(zip.status).toBe(200);
    expect(Object.keys(zip.files)).toEqual(['README.md']);
    expect(zip.files['README.md']).toContain('Files: 0');
    const stranger = await createUser(t);
    expect((await download(project.data.id, stranger)).status).toBe(404);
    expect((await download('not-a-uuid', owner)).status).toBe(404);
  });
});

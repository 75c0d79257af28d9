import { JSDOM } from 'jsdom';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { JobRunner } from '../src/core/jobs/index.js';
import { WIREFRAME_CSP } from '../src/shared/wireframe-csp.js';
import { startFakeOpenAi, type FakeOpenAiServer } from './support/fake-openai-server.js';
import { apiHarness } from './support/api-harness.js';
import { createUser } from './support/factories.js';
import { cssProblems, hostileCss, hostileHtml, markupProblems } from './support/hostile-content.js';
import { createTestApp, type TestApp } from './support/test-app.js';
import { toolLibraryModel } from './support/project-model-fixture.js';

/**
 * Content that tried to reach outside, through the API: hostile wireframe CSS and HTML is stored inert, the response
 * says what was removed, and the download keeps every byte of CSS inside its <style> element; a diagram whose
 * Mermaid configuration carries CSS or addresses, or whose labels or styles load files, is refused with 422 naming
 * the line, typed or generated.
 */

const ORIGIN = 'http://127.0.0.1:9';
const description = 'A shared calendar where volunteers sign up for food bank shifts. Coordinators must approve each shift swap.';
const flowchart = 'flowchart LR\n  A[Request swap] --> B{Approved?}';
const hostileDirective = `%%{init: {"themeCSS": ".node rect { fill: url(${ORIGIN}/theme.svg#g) }", "fontFamily": "x; background: url(${ORIGIN}/font)"}}%%`;

describe('hostile content through the API', () => {
  let t: TestApp;
  const { api, team } = apiHarness(() => t);

  beforeAll(async () => {
    t = await createTestApp('pglite');
  });
  afterAll(async () => {
    await t?.close();
  });

  it('stores hostile wireframe CSS and HTML inert, reports the removals, and downloads files that keep their CSS in <style>', async () => {
    const { projectId, editor, viewer } = await team({ name: 'ShiftShare', description });
    const cases = [
      ...hostileCss(ORIGIN).map((c) => ({ name: c.name, htmlContent: '<main><h1>Shifts</h1></main>', cssContent: c.css })),
      ...hostileHtml(ORIGIN).map((h) => ({ name: h.name, htmlContent: `<h1>Shifts</h1>${h.html}`, cssContent: null })),
    ];
    for (const { name, htmlContent, cssContent } of cases) {
      const created = await api('POST', `/projects/${projectId}/wireframes`, editor, { title: name.slice(0, 200), htmlContent, cssContent });
      expect(created.statusCode, `${name}: ${JSON.stringify(created.data)}`).toBe(201);
      expect(cssProblems(created.data.cssContent ?? ''), name).toEqual([]);
      expect(markupProblems(created.data.htmlContent), name).toEqual([]);
      expect(created.data.htmlContent, name).toContain('<h1>Shifts</h1>');

      const download = await api('GET', `/projects/${projectId}/wireframes/${created.data.id}/download`, viewer);
      expect(download.statusCode).toBe(200);
      expect(download.headers['content-security-policy']).toBe(`${WIREFRAME_CSP}; sandbox`);
      expect(markupProblems(download.body, { document: true }), name).toEqual([]);
      const { document } = new JSDOM(download.body).window;
      expect(document.querySelectorAll('style').length, name).toBeGreaterThanOrEqual(1);
      expect(document.head.querySelector('style')!.textContent, name).toBe(`\n${created.data.cssContent ?? ''}\n`);
      expect(document.querySelector('meta[http-equiv="Content-Security-Policy"]')!.getAttribute('content')).toBe(WIREFRAME_CSP);
      expect(document.querySelectorAll('form[action], meta[http-equiv=refresh], base'), name).toHaveLength(0);
    }
  });

  it('says what it removed from the CSS of the reported payloads, which used to pass as nothing removed', async () => {
    const { projectId, editor } = await team({ name: 'ShiftShare', description });
    const imported = await api('POST', `/projects/${projectId}/wireframes`, editor, { title: 'Import', htmlContent: '<p>x</p>', cssContent: `/**/@import/**/url(${ORIGIN}/a.css);p{color:red}` });
    expect(imported.data.cssContent).toBe('p{color:red}');
    expect(imported.data.sanitized.removed).toEqual([`@import: @import url(${ORIGIN}/a.css); (in the CSS)`]);
    const split = await api('POST', `/projects/${projectId}/wireframes`, editor, {
      title: 'Split',
      htmlContent: '<p>x</p>',
      cssContent: `p{color:red}</sty/**/le><meta http-equiv=refresh content="0;url=${ORIGIN}/r"><form action="${ORIGIN}/f"></form>`,
    });
    expect(split.data.cssContent).toBe('p{color:red}');
    expect(split.data.sanitized.removed).toEqual([expect.stringMatching(/^"<" in CSS \(could close the <style> element\): <\/sty\/\*\*\/le><meta .*\(in the CSS\)$/)]);
  });

  it('refuses a diagram whose configuration or content would load files, naming the line, and accepts a plain directive', async () => {
    const { projectId, editor } = await team({ name: 'ShiftShare', description });
    const hostile = await api('POST', `/projects/${projectId}/diagrams`, editor, { type: 'flowchart', title: 'Swap', mermaidCode: `${hostileDirective}\n${flowchart}` });
    expect(hostile.statusCode).toBe(422);
    expect(hostile.data.error.code).toBe('INVALID_DIAGRAM');
    expect(hostile.data.error.message).toMatch(/^The Mermaid code was refused \(line 1\): .*"themeCSS"/);
    expect(hostile.data.error.details[0]).toMatchObject({ field: 'mermaidCode', line: 1, message: expect.stringMatching(/themeCSS/) });

    const frontMatter = await api('POST', `/projects/${projectId}/diagrams`, editor, {
      type: 'flowchart',
      title: 'Swap',
      mermaidCode: `---\ntitle: Swaps\nconfig:\n  securityLevel: loose\n---\n${flowchart}`,
    });
    expect(frontMatter.statusCode).toBe(422);
    expect(frontMatter.data.error.details[0]).toMatchObject({ field: 'mermaidCode', line: 4, message: expect.stringMatching(/securityLevel/) });
    expect((await api('GET', `/projects/${projectId}/diagrams`, editor)).data.items).toEqual([]);

    const safe = `%%{init: {"theme": "dark"}}%%\n${flowchart}`;
    const created = await api('POST', `/projects/${projectId}/diagrams`, editor, { type: 'flowchart', title: 'Swap', mermaidCode: safe });
    expect(created.statusCode, JSON.stringify(created.data)).toBe(201);
    expect(created.data.mermaidCode).toBe(safe);

    // Content that loads when shown: an <img> in a label, url() in a class diagram's style.
    const label = await api('POST', `/projects/${projectId}/diagrams`, editor, { type: 'flowchart', title: 'Img', mermaidCode: `flowchart LR\n  A["<img src='${ORIGIN}/a.png'>"] --> B` });
    expect(label.statusCode).toBe(422);
    expect(label.data.error.details[0]).toMatchObject({ field: 'mermaidCode', line: 2, column: 6, message: expect.stringMatching(/<img>/) });
    const style = await api('POST', `/projects/${projectId}/diagrams`, editor, { type: 'class', title: 'Style', mermaidCode: `classDiagram\n  class Shift\n  style Shift fill:url(${ORIGIN}/f.svg#g)` });
    expect(style.statusCode).toBe(422);
    expect(style.data.error.message).toMatch(/^The Mermaid code was refused \(line 3, column 20\)/);

    const edit = await api('PATCH', `/projects/${projectId}/diagrams/${created.data.id}`, editor, { mermaidCode: `${flowchart}\n  %%{init: {"fontFamily": "url(${ORIGIN}/f)"}}%%` });
    expect(edit.statusCode).toBe(422);
    expect(edit.data.error.details[0]).toMatchObject({ field: 'mermaidCode', line: 3 });
    expect((await api('GET', `/projects/${projectId}/diagrams/${created.data.id}`, editor)).data).toMatchObject({ currentRev: 1, mermaidCode: safe });
  });
});

describe('a generated diagram with a hostile directive', () => {
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

  it('goes back to the model like code that does not parse, and is never saved', async () => {
    const user = await createUser(t);
    const projectId = (await api('POST', '/projects', user, { name: 'ShiftShare', description })).data.id as string;
    // The project has a model already, so the model's only calls are for the diagram.
    expect((await api('PUT', `/projects/${projectId}/model`, user, { baseRev: 0, model: toolLibraryModel() })).statusCode).toBe(200);
    fake.requests.length = 0;
    fake.queue(reply(`${hostileDirective}\n${flowchart}`), reply(`%%{init: {"theme": "forest"}}%%\n${flowchart}`));
    const job = await finished(user, (await api('POST', `/projects/${projectId}/diagrams/generate`, user, { type: 'flowchart' })).data.jobId);
    expect(job.status, JSON.stringify(job.error)).toBe('succeeded');
    expect(job.result).toMatchObject({ repairs: 1 });
    expect(JSON.stringify(fake.requests[1]!.body.messages)).toMatch(/line 1: The diagram's Mermaid configuration.*themeCSS/);
    const diagram = await api('GET', `/projects/${projectId}/diagrams/${job.result!.diagramId}`, user);
    expect(diagram.data.mermaidCode).toBe(`%%{init: {"theme": "forest"}}%%\n${flowchart}`);

    fake.queue(...[1, 2, 3].map(() => reply(`${hostileDirective}\n${flowchart}`)));
    const failed = await finished(user, (await api('POST', `/projects/${projectId}/diagrams/generate`, user, { type: 'flowchart' })).data.jobId);
    expect(failed.status).toBe('failed');
    expect(failed.error!.code).toBe('DIAGRAM_INVALID');
    expect(failed.result).toMatchObject({ parserError: { line: 1, message: expect.stringMatching(/themeCSS/) } });
    expect((await api('GET', `/projects/${projectId}/diagrams`, user)).data.items).toHaveLength(1);
  });
});

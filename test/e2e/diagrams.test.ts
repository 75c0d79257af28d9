/**
 * End to end in a real browser, with the built-in offline engine: a project gets an SRS, a sequence diagram is
 * generated from it (drawn from the project model) in the diagrams tab and opens rendered as SVG; broken code shows the parser's error inline, a
 * save the server refuses says so, and a valid edit becomes revision 2 that the history can restore.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { browserSuite, SCREENSHOTS, signUp, skipWithoutChromium } from './support.js';

const skip = skipWithoutChromium();

describe.skipIf(skip)('diagrams in the browser', () => {
  const suite = browserSuite();
  const { pageErrors } = suite;
  const runId = Date.now().toString(36);

  it('generates a sequence diagram from the SRS and renders it; broken code shows the parse error inline', { timeout: 240_000 }, async () => {
    const { server } = suite;
    const page = await suite.newPage();
    await signUp(page, server.dataDir, 'Grace Hopper', `grace.${runId}@example.com`);

    await page.getByTestId('new-project').click();
    const dialog = page.getByTestId('project-dialog');
    await dialog.getByLabel('Name', { exact: true }).fill(`ShiftShare ${runId}`);
    await dialog
      .getByLabel('Description')
      .fill('A shared calendar where volunteers sign up for food bank shifts. Coordinators must approve each shift swap. Each shift has a date, a start time and a location.');
    await dialog.getByTestId('project-submit').click();
    await page.getByTestId('project-row').filter({ hasText: `ShiftShare ${runId}` }).getByTestId('project-name').click();
    await page.getByTestId('project-detail').waitFor();
    const projectId = new URL(page.url()).pathname.split('/')[2]!;

    // An SRS, generated through the API as the signed-in person (same session cookie).
    const queued = await page.request.post(`/api/v1/projects/${projectId}/documents/generate`, { data: { type: 'srs' } });
    expect(queued.status()).toBe(202);
    const { jobId } = (await queued.json()) as { jobId: string };
    for (let i = 0; i < 120; i++) {
      const job = (await (await page.request.get(`/api/v1/jobs/${jobId}`)).json()) as { status: string };
      if (job.status === 'succeeded') break;
      expect(['queued', 'running']).toContain(job.status);
      await page.waitForTimeout(250);
    }

    // The diagrams tab: empty, then a sequence diagram generated from the SRS.
    await page.getByTestId('project-tab-diagrams').click();
    await page.getByTestId('diagrams-empty').waitFor();
    await page.getByTestId('generate-diagram').click();
    const generate = page.getByTestId('generate-diagram-dialog');
    await generate.getByTestId('generate-diagram-type').selectOption('sequence');
    const source = generate.getByTestId('generate-diagram-source');
    await source.locator('option', { hasText: 'Software Requirements Specification' }).waitFor({ state: 'attached' });
    const srsOption = await source.locator('option', { hasText: 'Software Requirements Specification' }).getAttribute('value');
    await source.selectOption(srsOption);
    await generate.getByTestId('generate-diagram-submit').click();
    await page.waitForURL(/\/diagrams\/[0-9a-f-]{36}$/, { timeout: 60_000 });

    // The editor: code on the left, the rendered SVG on the right, drawn from the project model: a use case of the
    // idea (coordinators approve each shift swap) between its actor and the product.
    const preview = page.getByTestId('diagram-preview');
    await preview.locator('svg').first().waitFor({ timeout: 30_000 });
    const drawn = (await preview.locator('svg').first().textContent()) ?? '';
    expect(drawn).toMatch(/Coordinator/);
    expect(drawn).toMatch(/shift swap/i);
    expect(await page.getByTestId('diagram-code').inputValue()).toMatch(/^sequenceDiagram/);
    await page.screenshot({ path: path.join(SCREENSHOTS, 'diagram-editor.png'), fullPage: false });

    // Broken code: the parser's error appears inline with its line; the server refuses the save with its own line.
    const code = page.getByTestId('diagram-code');
    await code.fill('sequenceDiagram\n  Volunteer->>App: Sign up\n  App->>Volunteer');
    const error = page.getByTestId('diagram-parse-error');
    await error.waitFor();
    expect(await error.textContent()).toMatch(/Line 3/);
    expect(await error.textContent()).toMatch(/Parse error on line 3/);
    await page.screenshot({ path: path.join(SCREENSHOTS, 'diagram-parse-error.png'), fullPage: false });
    await page.getByTestId('diagram-save').click();
    await page.getByTestId('diagram-save-error').filter({ hasText: 'line 3' }).waitFor();
    expect(await page.locator('[data-testid="diagram-page"]').getAttribute('data-rev')).toBe('1');

    // A valid edit renders and saves as revision 2; the history restores revision 1.
    await code.fill('sequenceDiagram\n  Volunteer->>App: Sign up for a shift\n  App-->>Volunteer: Confirmed');
    await error.waitFor({ state: 'detached' });
    await preview.getByText('Sign up for a shift').waitFor();
    await page.getByTestId('diagram-save').click();
    await page.locator('[data-testid="diagram-page"][data-rev="2"]').waitFor();
    await page.getByTestId('diagram-history-toggle').click();
    await page.getByTestId('diagram-history').getByTestId('diagram-revision').nth(1).waitFor();
    await page.getByTestId('restore-rev-1').click();
    await page.locator('[data-testid="diagram-page"][data-rev="3"]').waitFor();
    expect(await code.inputValue()).toMatch(/Coordinator/);

    // The .mmd download is the saved code.
    const mmd = await page.request.get((await page.getByTestId('download-mmd').getAttribute('href'))!);
    expect(mmd.status()).toBe(200);
    expect(await mmd.text()).toMatch(/^sequenceDiagram/);

    // Every other type, generated offline from the same SRS, renders in the gallery's cards.
    const others = ['architecture', 'usecase', 'flowchart', 'class', 'activity', 'er', 'state', 'gantt'];
    for (const type of others) {
      const started = await page.request.post(`/api/v1/projects/${projectId}/diagrams/generate`, { data: { type } });
      expect(started.status()).toBe(202);
      const { jobId: diagramJob } = (await started.json()) as { jobId: string };
      let job: { status: string; error?: unknown } = { status: 'queued' };
      for (let i = 0; i < 120 && (job.status === 'queued' || job.status === 'running'); i++) {
        await page.waitForTimeout(200);
        job = (await (await page.request.get(`/api/v1/jobs/${diagramJob}`)).json()) as typeof job;
      }
      // A failure names the type and the job's error.
      expect(job.status, `${type}: ${JSON.stringify(job.error ?? null)}`).toBe('succeeded');
    }
    await page.goto(`/projects/${projectId}/diagrams`);
    const cards = page.getByTestId('diagram-card');
    await cards.nth(8).waitFor();
    expect(await cards.count()).toBe(9);
    for (let i = 0; i < 9; i++) await cards.nth(i).locator('.diagram-thumb svg').first().waitFor({ timeout: 30_000 });
    expect(await page.locator('.diagram-thumb-empty').count()).toBe(0);
    await page.screenshot({ path: path.join(SCREENSHOTS, 'diagram-gallery.png'), fullPage: true });

    // The type filter narrows the gallery and stays in the address.
    await page.getByTestId('diagram-filter-type').selectOption('er');
    await page.waitForURL(/\?type=er$/);
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="diagram-card"]').length === 1);
    expect(await cards.first().textContent()).toContain('Entity relationship');
    await page.getByTestId('diagram-filter-type').selectOption('');
    await cards.nth(8).waitFor();

    expect(pageErrors).toEqual([]);
  });
});

/**
 * Hostile wireframe content in a real browser. Every payload of the corpus (test/support/hostile-content.ts) is saved
 * through the API with its URLs pointing at a local listener; each wireframe's download is written to disk and opened
 * from file:// (as downloaded, and once more without its Content-Security-Policy, so the sanitizer alone is shown to
 * hold), and each is opened in the app's preview. The listener must receive nothing, no page may navigate, no dialog
 * may open. A control file, unsanitized, proves the listener would have heard a request.
 */
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hostileCss, hostileHtml } from '../support/hostile-content.js';
import { browserSuite, signUp, skipWithoutChromium } from './support.js';

const skip = skipWithoutChromium();

describe.skipIf(skip)('hostile wireframes in the browser', () => {
  const suite = browserSuite();
  const runId = Date.now().toString(36);
  /** Every request the listener received, as method and path. */
  const received: string[] = [];
  const dialogs: string[] = [];
  /** Main-frame navigations after a page was first loaded, and windows opened. */
  const navigations: string[] = [];
  let listener: http.Server;
  let origin = '';
  let folder = '';

  beforeAll(async () => {
    listener = http.createServer((request, response) => {
      received.push(`${request.method} ${request.url}`);
      response.writeHead(200, { 'content-type': 'text/plain' });
      response.end('heard');
    });
    await new Promise<void>((resolve) => listener.listen(0, '127.0.0.1', resolve));
    const address = listener.address();
    origin = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
    folder = fs.mkdtempSync(path.join(os.tmpdir(), 'atelier-hostile-'));
  });

  afterAll(async () => {
    listener.closeAllConnections();
    await new Promise((resolve) => listener.close(resolve));
    fs.rmSync(folder, { recursive: true, force: true });
  });

  /**
   * Records dialogs (dismissing them), windows opened, and navigations of the main frame while armed: after a page
   * was loaded by the test, until the test loads the next one. `label` names what is open.
   */
  function watch(page: Page, label: () => string): { arm(): void; disarm(): void } {
    let armed = false;
    page.on('dialog', (dialog) => {
      dialogs.push(`${label()}: ${dialog.type()} ${dialog.message()}`);
      void dialog.dismiss();
    });
    page.on('framenavigated', (frame) => {
      if (armed && frame === page.mainFrame()) navigations.push(`${label()}: ${frame.url()}`);
    });
    page.on('popup', (popup) => navigations.push(`${label()}: opened ${popup.url()}`));
    return { arm: () => (armed = true), disarm: () => (armed = false) };
  }

  it('saves the corpus, and neither the downloaded files nor the preview load, navigate or alert anything', { timeout: 600_000 }, async () => {
    const page = await suite.newPage();
    await signUp(page, suite.server.dataDir, 'Ada Lovelace', `ada.${runId}@example.com`);
    const project = await page.request.post('/api/v1/projects', { data: { name: `Hostile ${runId}`, description: 'Volunteers book food bank shifts.' } });
    expect(project.status()).toBe(201);
    const projectId = ((await project.json()) as { id: string }).id;

    // The control: the same kinds of payload, unsanitized, reach the listener from a file:// page, and a refresh
    // navigates it away.
    const control = path.join(folder, 'control.html');
    fs.writeFileSync(
      control,
      `<!doctype html><meta http-equiv="refresh" content="1;url=${origin}/control-refresh"><style>p{background:url(${origin}/control-css.png)}</style><p>x</p><img src="${origin}/control.png">`,
    );
    const controlPage = await suite.newPage();
    await controlPage.goto(pathToFileURL(control).href, { waitUntil: 'load' });
    // Once refreshed onto the listener's origin, Chromium may also ask that origin for /favicon.ico.
    const controlRequests = () => received.filter((request) => request !== 'GET /favicon.ico').sort();
    await expect.poll(controlRequests, { timeout: 15_000 }).toEqual(['GET /control-css.png', 'GET /control-refresh', 'GET /control.png']);
    await expect.poll(() => controlPage.url(), { timeout: 15_000 }).toBe(`${origin}/control-refresh`);
    await controlPage.close();
    received.length = 0;

    const cases = [
      ...hostileCss(origin).map((c) => ({ name: c.name, htmlContent: '<main><h1>Shifts</h1></main>', cssContent: c.css })),
      ...hostileHtml(origin).map((h) => ({ name: h.name, htmlContent: `<h1>Shifts</h1>${h.html}`, cssContent: null })),
    ];
    const saved: Array<{ name: string; id: string }> = [];
    for (const { name, htmlContent, cssContent } of cases) {
      const created = await page.request.post(`/api/v1/projects/${projectId}/wireframes`, { data: { title: name, htmlContent, cssContent } });
      expect(created.status(), name).toBe(201);
      const body = (await created.json()) as { id: string; sanitized: { removed: string[] } };
      saved.push({ name, id: body.id });
    }

    // Downloaded and opened from disk: as served, and without its CSP, where only the sanitizer stands.
    const files = await suite.newPage();
    let opened = '';
    const filesWatch = watch(files, () => opened);
    const openFile = async (file: string, label: string) => {
      filesWatch.disarm();
      opened = label;
      await files.goto(pathToFileURL(file).href, { waitUntil: 'load' });
      filesWatch.arm();
      // A refresh, an autofocused form or a late load gets a moment to act.
      await files.waitForTimeout(150);
      expect(files.url(), label).toBe(pathToFileURL(file).href);
      expect(await files.locator('h1').textContent(), label).toBe('Shifts');
    };
    for (const [index, { name, id }] of saved.entries()) {
      const download = await page.request.get(`/api/v1/projects/${projectId}/wireframes/${id}/download`);
      expect(download.status(), name).toBe(200);
      expect(download.headers()['content-security-policy']).toContain("form-action 'none'; base-uri 'none'");
      const html = await download.text();
      const asDownloaded = path.join(folder, `${index}.html`);
      fs.writeFileSync(asDownloaded, html);
      await openFile(asDownloaded, `${name} (file)`);
      const withoutCsp = path.join(folder, `${index}-no-csp.html`);
      fs.writeFileSync(withoutCsp, html.replace(/<meta http-equiv="Content-Security-Policy"[^>]*>/, ''));
      await openFile(withoutCsp, `${name} (file, no CSP)`);
      expect(await files.locator('form[action], meta[http-equiv="refresh"], base, script').count(), name).toBe(0);
    }
    filesWatch.disarm();

    // The app's preview of each.
    let previewed = '';
    const pageWatch = watch(page, () => previewed);
    for (const { name, id } of saved) {
      pageWatch.disarm();
      previewed = `${name} (preview)`;
      await page.goto(`/projects/${projectId}/wireframes/${id}`);
      await page.getByTestId('wireframe-preview').waitFor();
      await expect.poll(() => page.frameLocator('[data-testid="wireframe-preview"]').locator('h1').textContent(), { timeout: 15_000 }).toBe('Shifts');
      pageWatch.arm();
      await page.waitForTimeout(100);
      expect(page.frames().filter((frame) => frame !== page.mainFrame()).map((frame) => frame.url()), previewed).toEqual(['about:srcdoc']);
    }

    // Anything late (a refresh, a lazy image) has had time to arrive.
    await page.waitForTimeout(1500);
    expect(received).toEqual([]);
    expect(dialogs).toEqual([]);
    expect(navigations).toEqual([]);
    expect(suite.pageErrors).toEqual([]);
  });
});

/**
 * End to end in a real browser, with the built-in offline engine: a set of wireframes is generated from the project's
 * description, the gallery shows them, and one opens in a preview iframe that is sandboxed (no scripts, no same
 * origin) and makes no request to any other host. A hand-written wireframe with hostile markup is saved and the page
 * says what was removed.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { browserSuite, SCREENSHOTS, signUp, skipWithoutChromium } from './support.js';

const skip = skipWithoutChromium();

const DESCRIPTION =
  'A shared calendar where volunteers sign up for food bank shifts. Coordinators must approve each shift swap. ' +
  'Each shift has a date, a start time and a location. Volunteers should get a reminder the day before.';

describe.skipIf(skip)('wireframes in the browser', () => {
  const suite = browserSuite();
  const { pageErrors } = suite;
  /** Every request the page (or any frame in it) made, as host + path. */
  const requests: string[] = [];
  const runId = Date.now().toString(36);

  /** A page whose requests are all recorded, and refused when they would leave for another host. */
  const newPage = () =>
    suite.newPage(async (context) => {
      const origin = new URL(suite.server.baseUrl).origin;
      await context.route('**/*', async (route) => {
        const url = new URL(route.request().url());
        requests.push(url.href);
        if (url.origin !== origin && url.protocol !== 'data:' && url.href !== 'about:srcdoc') await route.abort();
        else await route.continue();
      });
    });

  it('generates wireframes offline, opens one in a sandboxed preview that shows its heading and loads nothing from elsewhere', { timeout: 120_000 }, async () => {
    const { server } = suite;
    const page = await newPage();
    await signUp(page, server.dataDir, 'Grace Hopper', `grace.${runId}@example.com`);

    await page.getByTestId('new-project').click();
    const dialog = page.getByTestId('project-dialog');
    await dialog.getByLabel('Name', { exact: true }).fill(`ShiftShare ${runId}`);
    await dialog.getByLabel('Description').fill(DESCRIPTION);
    await dialog.getByTestId('project-submit').click();
    const row = page.getByTestId('project-row').filter({ hasText: `ShiftShare ${runId}` });
    await row.waitFor();
    await row.locator('a').first().click();
    await page.waitForURL(/\/projects\/[0-9a-f-]{36}$/);
    await page.getByTestId('project-detail').waitFor();
    expect(await page.getByTestId('export-project').getAttribute('href')).toMatch(/\/export\.zip$/);

    // The gallery starts empty; Generate with nothing chosen draws the set of main screens.
    await page.getByTestId('project-tab-wireframes').click();
    await page.getByTestId('wireframes-empty').waitFor();
    await page.getByTestId('generate-wireframes').click();
    const generate = page.getByTestId('generate-wireframes-dialog');
    await generate.getByTestId('generate-wireframes-submit').click();
    await generate.getByTestId('wireframes-job-progress').waitFor();
    await generate.waitFor({ state: 'hidden', timeout: 60_000 });

    const cards = page.getByTestId('wireframe-card');
    await cards.first().waitFor();
    // Sign-in, the dashboard, then a list, a detail and a form for each of up to three records of the project.
    const titles = await page.getByTestId('wireframe-card-title').allTextContents();
    expect(await cards.count()).toBe(titles.length);
    expect(titles).toEqual(expect.arrayContaining(['Sign in', 'Dashboard', 'Shifts', 'Shift details', 'New shift']));
    const records = titles.filter((title) => title.endsWith(' details')).map((title) => title.slice(0, -' details'.length));
    expect(records.length).toBeGreaterThanOrEqual(1);
    expect(records.length).toBeLessThanOrEqual(3);
    expect(titles).toHaveLength(2 + 3 * records.length);
    for (const record of records) expect(titles).toContain(`New ${record.toLowerCase()}`);
    // Thumbnails are sandboxed iframes too.
    for (const sandbox of await page.getByTestId('wireframe-thumb').evaluateAll((frames) => frames.map((f) => f.getAttribute('sandbox')))) expect(sandbox).toBe('');
    // Each thumbnail renders its screen (the sign-in screen's heading names the project).
    for (let i = 0; i < titles.length; i++) await page.getByTestId('wireframe-thumb').nth(i).contentFrame().locator('h1').waitFor();
    await page.screenshot({ path: path.join(SCREENSHOTS, 'wireframes-gallery.png') });

    // Open the list screen: its preview shows the template's heading and the shift's fields as columns.
    await page.getByTestId('wireframe-card-title').filter({ hasText: /^Shifts$/ }).click();
    await page.waitForURL(/\/wireframes\/[0-9a-f-]{36}$/);
    await page.getByTestId('wireframe-page').waitFor();
    const frame = page.getByTestId('wireframe-preview');
    await frame.waitFor();
    expect(await frame.getAttribute('sandbox')).toBe('');
    const sandbox = await frame.evaluate((el) => Array.from((el as HTMLIFrameElement).sandbox));
    expect(sandbox).not.toContain('allow-same-origin');
    expect(sandbox).not.toContain('allow-scripts');
    const srcdoc = (await frame.getAttribute('srcdoc')) ?? '';
    expect(srcdoc).toMatch(/^<!doctype html><html lang="en"><head><meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:; form-action 'none'; base-uri 'none'">/);
    const preview = page.frameLocator('[data-testid="wireframe-preview"]');
    await expect.poll(() => preview.locator('h1').textContent()).toBe('Shifts');
    expect(await preview.locator('th').allTextContents()).toEqual(['Date', 'Start time', 'Location', 'Actions']);
    // The sandbox gives the preview an opaque origin: it cannot reach the app's storage or cookies.
    await page.screenshot({ path: path.join(SCREENSHOTS, 'wireframe-desktop.png') });

    await page.getByTestId('viewport-mobile').click();
    await expect.poll(() => frame.evaluate((el) => (el as HTMLIFrameElement).getBoundingClientRect().width)).toBeLessThanOrEqual(392);
    await page.screenshot({ path: path.join(SCREENSHOTS, 'wireframe-mobile.png') });

    // A hand-edit with hostile markup: saved without it, and the page says what was removed.
    await page.getByTestId('wireframe-edit').click();
    const htmlEditor = page.getByTestId('wireframe-html-editor');
    await htmlEditor.fill('<h1>Shifts this week</h1><img src="http://tracker.example/pixel.gif" alt="pixel"><script>alert(1)</script>');
    await page.getByTestId('wireframe-save').click();
    await page.getByTestId('wireframe-removed').waitFor();
    const removed = (await page.getByTestId('wireframe-removed').textContent()) ?? '';
    expect(removed).toContain('<script> element');
    expect(removed).toContain('http://tracker.example/pixel.gif');
    await expect.poll(() => preview.locator('h1').textContent()).toBe('Shifts this week');
    expect(await preview.locator('img').getAttribute('src')).toBeNull();

    // The page and every frame in it only ever talked to the app's own origin.
    const origin = new URL(server.baseUrl).origin;
    const foreign = requests.filter((url) => !url.startsWith(origin) && !url.startsWith('data:') && url !== 'about:srcdoc' && !url.startsWith('about:'));
    expect(foreign).toEqual([]);
    expect(pageErrors).toEqual([]);
  });
});

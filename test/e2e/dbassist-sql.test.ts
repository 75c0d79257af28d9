/**
 * The SQL workspace and the mock-data dialog in a real browser, on the embedded sample shop and the offline engine: a
 * question becomes SQL in the editor, Ctrl+Enter runs it, the result pages and exports as CSV and JSON, the run is in
 * the history and the query is saved; a statement that writes is refused on the read-only sample and the data stays
 * as it was. A table's mock-data dialog previews ten rows (its parents named) and makes a CSV file to download. At
 * 390 px wide nothing scrolls sideways. On Chinook in PostgreSQL, through a read-write connection: "How many tracks are
 * in each genre?" gives one row per genre, a write runs only after its plan was shown and confirmed, two statements in
 * one are refused, a long query is cancelled, and a saved query gets index advice.
 */
import path from 'node:path';
import pg from 'pg';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { loadPostgresSample } from '../support/sample-dbs.js';
import { browserSuite, SCREENSHOTS, signUp, skipWithoutChromium, UI_TIMEOUT } from './support.js';

const skip = skipWithoutChromium();
const PHONE = { width: 390, height: 844 };
const wait = { timeout: UI_TIMEOUT };

async function pageWidth(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth);
}

/** Replaces the editor's text, as typing would (CodeMirror, or its stand-in while it loads). */
async function typeSql(page: Page, sql: string): Promise<void> {
  const input = page.getByTestId('sql-editor-input');
  await input.click();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.press('Delete');
  await page.keyboard.insertText(sql);
}

/** The number of orders in the sample, read through the API (a run of its own). */
async function orderCount(page: Page, connectionId: string): Promise<number> {
  const answer = await page.request.post(`/api/v1/connections/${connectionId}/execute`, { data: { sql: 'SELECT COUNT(*) AS n FROM orders' } });
  expect(answer.status(), await answer.text()).toBe(200);
  const execution = (await answer.json()) as { rows: unknown[][] };
  return Number(execution.rows[0]![0]);
}

/** Waits for a result other than the one on screen before (a new run), with this status; answers its id. */
async function newResult(page: Page, previousId: string | null, status: string): Promise<string> {
  const selector = `[data-testid="execution-result"][data-status="${status}"]${previousId ? `:not([data-execution-id="${previousId}"])` : ''}`;
  await page.locator(selector).waitFor({ timeout: 30_000 });
  return (await page.locator(selector).getAttribute('data-execution-id'))!;
}

async function organizationId(page: Page): Promise<string> {
  const response = await page.request.get('/api/v1/organizations');
  expect(response.status(), await response.text()).toBe(200);
  return ((await response.json()) as { items: Array<{ id: string }> }).items[0]!.id;
}

/** Takes the connection's first snapshot through the API and waits for the job. */
async function ingest(page: Page, connectionId: string): Promise<void> {
  const started = await page.request.post(`/api/v1/connections/${connectionId}/ingest`, { data: {} });
  expect(started.status(), await started.text()).toBeLessThan(300);
  const { jobId } = (await started.json()) as { jobId: string };
  await expect
    .poll(async () => ((await (await page.request.get(`/api/v1/jobs/${jobId}`)).json()) as { status: string }).status, { timeout: 60_000 })
    .toBe('succeeded');
}

/** One value read straight from the database, beside the app. */
async function scalar(uri: string, sql: string): Promise<unknown> {
  const client = new pg.Client({ connectionString: uri });
  await client.connect();
  try {
    return ((await client.query(sql)).rows[0] as Record<string, unknown>).value;
  } finally {
    await client.end();
  }
}

describe.skipIf(skip)('the SQL workspace in the browser', () => {
  const suite = browserSuite();
  const { pageErrors } = suite;
  const runId = Date.now().toString(36);

  it('question → SQL → Ctrl+Enter → paged rows → CSV/JSON → history and saved; a write is refused; mock data preview and file; at 390 px', { timeout: 300_000 }, async () => {
    const { server } = suite;
    const page = await suite.newPage();
    await signUp(page, server.dataDir, 'Donald Chamberlin', `donald.${runId}@example.com`);

    // The sample shop, ingested: its SQL tab.
    await page.goto('/databases');
    await page.getByTestId('try-sample').first().click();
    const card = page.getByTestId('connection-card');
    await card.waitFor();
    const connectionId = (await card.getAttribute('data-connection-id'))!;
    await card.getByTestId('connection-ingest').click();
    await page.waitForURL(new RegExp(`/databases/${connectionId}/schemas/[0-9a-f-]{36}$`), { timeout: 60_000 });
    const schemaId = (await page.getByTestId('schema-browser').getAttribute('data-schema-id'))!;
    await page.getByTestId('tab-sql').click();
    await page.getByTestId('sql-workspace').waitFor();
    await page.locator('[data-testid="sql-editor"][data-loaded="true"]').waitFor();

    // A question: SQL in the editor, with what it was read as and the tables it reads.
    await page.getByTestId('ask-question').fill('How many orders per customer?');
    await page.getByTestId('ask-question').press('Enter');
    const answer = page.locator('[data-testid="ask-answer"][data-has-sql="true"]');
    await answer.waitFor({ timeout: 30_000 });
    expect((await answer.getByTestId('ask-table').allTextContents()).join(' ')).toMatch(/orders/);
    const editor = page.getByTestId('sql-editor-input');
    expect(await editor.textContent()).toMatch(/select/i);
    expect(await editor.textContent()).toMatch(/orders/i);

    // Ctrl+Enter in the editor runs it: one row per customer with orders, a page at a time.
    await editor.click();
    await page.keyboard.press('Control+Enter');
    const result = page.locator('[data-testid="execution-result"][data-status="success"]');
    await result.waitFor({ timeout: 30_000 });
    const executionId = (await result.getAttribute('data-execution-id'))!;
    const rowCount = Number((await result.getByTestId('execution-summary').textContent())!.match(/([\d,]+) rows?/)![1]!.replace(/,/g, ''));
    expect(rowCount).toBeGreaterThan(50);
    expect(rowCount).toBeLessThanOrEqual(150);
    expect(await result.getByTestId('result-row').count()).toBe(50);
    expect(await result.getByTestId('result-range').textContent()).toBe(`Rows 1–50 of ${rowCount}`);
    const firstPage = await result.getByTestId('result-row').first().textContent();
    await result.getByTestId('result-next').click();
    await expect.poll(() => result.getByTestId('result-range').textContent(), wait).toBe(`Rows 51–100 of ${rowCount}`);
    expect(await result.getByTestId('result-row').first().textContent()).not.toBe(firstPage);
    await result.getByTestId('result-previous').click();
    await expect.poll(() => result.getByTestId('result-range').textContent(), wait).toBe(`Rows 1–50 of ${rowCount}`);
    await page.screenshot({ path: path.join(SCREENSHOTS, 'dbassist-sql-desktop.png'), fullPage: true });

    // The exports carry every row of the result, not only the page on screen.
    const csv = await page.request.get((await result.getByTestId('export-csv').getAttribute('href'))!);
    expect(csv.status()).toBe(200);
    const lines = (await csv.text()).trim().split(/\r?\n/);
    expect(lines).toHaveLength(rowCount + 1);
    const json = await page.request.get((await result.getByTestId('export-json').getAttribute('href'))!);
    expect(json.status()).toBe(200);
    const exported = JSON.parse(await json.text()) as Array<Record<string, unknown>>;
    expect(exported).toHaveLength(rowCount);
    expect(Object.keys(exported[0]!).length).toBeGreaterThanOrEqual(2);

    // The run is in the history; the query is saved with its question and found by a search.
    await page.getByTestId('side-history').click();
    const run = page.locator(`[data-testid="history-item"][data-execution-id="${executionId}"]`);
    await run.waitFor();
    expect(await run.getAttribute('data-status')).toBe('success');
    await page.getByTestId('sql-save').click();
    await page.getByTestId('save-query-dialog').getByTestId('save-query-confirm').click();
    await page.getByTestId('saved-queries').waitFor();
    await page.getByTestId('saved-search').fill('orders per customer');
    await expect.poll(() => page.getByTestId('saved-query').count(), wait).toBe(1);
    await page.getByTestId('saved-search').fill('no query says this');
    await page.getByTestId('saved-empty').waitFor();

    // A write on the read-only sample: refused, named, recorded as failed, and the orders are all still there.
    const ordersBefore = await orderCount(page, connectionId);
    await typeSql(page, 'DELETE FROM orders');
    await page.getByTestId('sql-run').click();
    const refused = page.getByTestId('sql-refused');
    await refused.waitFor();
    expect((await refused.textContent())?.length).toBeGreaterThan('Not allowed on this connection'.length);
    expect(await orderCount(page, connectionId)).toBe(ordersBefore);

    // A table's mock data: ten preview rows with its parent named; the target offers no connection (the sample is
    // read-only). Then a table without parents: a CSV file of the rows asked for, with its header line.
    await page.goto(`/databases/${connectionId}/schemas/${schemaId}`);
    await page.locator('[data-testid="table-item"][data-table$=".orders"] a').click();
    await page.locator('[data-testid="table-detail"][data-table$=".orders"]').waitFor();
    await page.getByTestId('mock-data').click();
    const mock = page.getByTestId('mock-dialog');
    const preview = mock.getByTestId('mock-preview-table');
    await preview.waitFor({ timeout: 30_000 });
    expect(await preview.getByTestId('result-row').count()).toBe(10);
    expect(await mock.getByTestId('mock-parents').textContent()).toContain('customers');
    expect(await mock.getByTestId('mock-target').locator('option').count()).toBe(1);
    await page.keyboard.press('Escape');
    await page.locator('[data-testid="table-item"][data-table$=".suppliers"] a').click();
    await page.locator('[data-testid="table-detail"][data-table$=".suppliers"]').waitFor();
    await page.getByTestId('mock-data').click();
    await mock.getByTestId('mock-preview-table').waitFor({ timeout: 30_000 });
    expect(await mock.getByTestId('mock-parents').count()).toBe(0);
    await mock.getByTestId('mock-rows').fill('120');
    await mock.getByTestId('mock-generate').click();
    await mock.getByTestId('mock-progress').waitFor();
    const download = mock.getByTestId('mock-download');
    await download.waitFor({ timeout: 60_000 });
    const file = await page.request.get((await download.getAttribute('href'))!);
    expect(file.status()).toBe(200);
    expect((await file.text()).trim().split(/\r?\n/)).toHaveLength(121);
    await page.screenshot({ path: path.join(SCREENSHOTS, 'dbassist-mock-desktop.png'), fullPage: true });
    await page.keyboard.press('Escape');

    // On a phone: the workspace in one column, a result wider than the screen scrolls inside its frame.
    await page.setViewportSize(PHONE);
    await page.goto(`/databases/${connectionId}/sql`);
    await page.locator('[data-testid="sql-editor"][data-loaded="true"]').waitFor();
    await typeSql(page, 'SELECT * FROM customers');
    await page.keyboard.press('Control+Enter');
    await newResult(page, null, 'success');
    expect(await pageWidth(page)).toBeLessThanOrEqual(PHONE.width);
    await page.screenshot({ path: path.join(SCREENSHOTS, 'dbassist-sql-phone.png'), fullPage: true });

    expect(pageErrors).toEqual([]);
  });

  it('Chinook on PostgreSQL: tracks per genre, a confirmed write, a refused pair of statements, a cancelled query, index advice, a mock preview', { timeout: 300_000 }, async () => {
    const chinook = await loadPostgresSample('chinook');
    try {
      const page = await suite.newPage();
      await signUp(page, suite.server.dataDir, 'Raymond Boyce', `raymond.${runId}@example.com`);
      const organization = await organizationId(page);
      const created = await page.request.post(`/api/v1/organizations/${organization}/connections`, {
        data: { name: 'Chinook', dbType: 'postgres', connectionUri: chinook.uri, mode: 'read-write' },
      });
      expect(created.status(), await created.text()).toBe(201);
      const connectionId = ((await created.json()) as { id: string }).id;
      await ingest(page, connectionId);
      const genres = Number(await scalar(chinook.uri, 'SELECT count(*) AS value FROM genre'));

      // The question of the issue: SQL that runs, one row per genre.
      await page.goto(`/databases/${connectionId}/sql`);
      await page.locator('[data-testid="sql-editor"][data-loaded="true"]').waitFor();
      await page.getByTestId('ask-question').fill('How many tracks are in each genre?');
      await page.getByTestId('ask-submit').click();
      await page.locator('[data-testid="ask-answer"][data-has-sql="true"]').waitFor({ timeout: 30_000 });
      await page.getByTestId('sql-editor-input').click();
      await page.keyboard.press('Control+Enter');
      const genreRun = await newResult(page, null, 'success');
      const result = page.getByTestId('execution-result');
      expect(await result.getByTestId('result-row').count()).toBe(genres);
      expect(await result.getByTestId('execution-summary').textContent()).toContain(`${genres} rows`);
      await page.getByTestId('sql-save').click();
      await page.getByTestId('save-description').fill('Tracks per genre');
      await page.getByTestId('save-query-confirm').click();
      await page.getByTestId('open-query').waitFor();

      // A write: nothing happens until its plan was shown and the person confirmed it.
      await typeSql(page, "UPDATE genre SET name = name || ' (edited)' WHERE genre_id = 1");
      await page.keyboard.press('Control+Enter');
      const confirm = page.getByTestId('write-confirm-dialog');
      await confirm.getByTestId('write-plan').waitFor();
      expect(await confirm.getByTestId('write-plan').textContent()).toMatch(/update/i);
      expect(await scalar(chinook.uri, 'SELECT name AS value FROM genre WHERE genre_id = 1')).not.toMatch(/\(edited\)$/);
      await confirm.getByTestId('write-confirm').click();
      const writeRun = await newResult(page, genreRun, 'success');
      expect(await scalar(chinook.uri, 'SELECT name AS value FROM genre WHERE genre_id = 1')).toMatch(/\(edited\)$/);

      // Two statements are refused, even on a read-write connection, and the second one never ran.
      await typeSql(page, 'SELECT 1; DROP TABLE invoice_line');
      await page.getByTestId('sql-run').click();
      expect(((await page.getByTestId('sql-refused').textContent()) ?? '').length).toBeGreaterThan('Not allowed on this connection'.length);
      expect(Number(await scalar(chinook.uri, "SELECT count(*) AS value FROM pg_tables WHERE tablename = 'invoice_line'"))).toBe(1);

      // A long query is cancelled from the page and recorded as such.
      await typeSql(page, 'SELECT count(*) FROM generate_series(1, 200000) a CROSS JOIN generate_series(1, 200000) b');
      await page.getByTestId('sql-run').click();
      await page.getByTestId('sql-cancel').click();
      await newResult(page, writeRun, 'cancelled');
      await page.getByTestId('side-history').click();
      await page.locator('[data-testid="history-item"][data-status="cancelled"]').first().waitFor();

      // Index advice on the saved query: an answer either way (proposals with hypopg, or why there are none).
      await page.getByTestId('side-saved').click();
      await page.getByTestId('saved-query').first().getByTestId('index-advice').click();
      const advice = page.getByTestId('index-advice-result');
      await advice.waitFor({ timeout: 30_000 });
      expect(((await advice.textContent()) ?? '').trim().length).toBeGreaterThan(10);
      await page.keyboard.press('Escape');

      // Mock rows for a table with a required parent: the preview names it; a read-write connection may take the rows.
      const schema = ((await (await page.request.get(`/api/v1/connections/${connectionId}`)).json()) as { latestSchema: { id: string } }).latestSchema.id;
      await page.goto(`/databases/${connectionId}/schemas/${schema}`);
      await page.locator('[data-testid="table-item"][data-table$=".track"] a').click();
      await page.getByTestId('mock-data').click();
      const mock = page.getByTestId('mock-dialog');
      await mock.getByTestId('mock-preview-table').waitFor({ timeout: 30_000 });
      expect(await mock.getByTestId('mock-preview-table').getByTestId('result-row').count()).toBe(10);
      expect(await mock.getByTestId('mock-parents').textContent()).toContain('media_type');
      expect(await mock.getByTestId('mock-target').locator('option').count()).toBe(2);
      await page.keyboard.press('Escape');

      // On a phone: a wide result scrolls inside its frame, the page itself never sideways.
      await page.setViewportSize(PHONE);
      await page.goto(`/databases/${connectionId}/sql`);
      await page.locator('[data-testid="sql-editor"][data-loaded="true"]').waitFor();
      await typeSql(page, 'SELECT * FROM track JOIN album USING (album_id)');
      await page.keyboard.press('Control+Enter');
      await newResult(page, null, 'success');
      expect(await pageWidth(page)).toBeLessThanOrEqual(PHONE.width);
      await page.screenshot({ path: path.join(SCREENSHOTS, 'dbassist-sql-chinook-phone.png'), fullPage: true });
      expect(pageErrors).toEqual([]);
    } finally {
      await chinook.drop();
    }
  });
});

/**
 * The database assistant in a real browser, on the built-in offline engine and the embedded sample database: a new
 * person opens Databases, tries the sample, tests and ingests it, and the schema browser opens; a table page shows its
 * columns, keys and relationships; a search for a column finds the tables that have it; documentation is generated
 * (coverage goes to 100%) and a column's description is edited in place and kept; after the sample changes, a
 * re-ingest makes a second version whose diff shows the new column and its SQL; the ER diagram renders with Mermaid,
 * of a viewpoint too, and is saved to a project. At 390 px wide nothing scrolls sideways and the table list folds.
 */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { browserSuite, SCREENSHOTS, signUp, skipWithoutChromium, UI_TIMEOUT } from './support.js';

const skip = skipWithoutChromium();
const PHONE = { width: 390, height: 844 };
const wait = { timeout: UI_TIMEOUT };
const EMAIL_DESCRIPTION = 'Where order confirmations go; unique per customer.';

async function pageWidth(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth);
}

/** The path of the sample's SQLite file under the server's data directory (the only file there). */
function sampleFile(dataDir: string): string {
  const found: string[] = [];
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (/\.(db|sqlite3?)$/.test(entry.name)) found.push(full);
    }
  };
  walk(path.join(dataDir, 'dbassist'));
  expect(found, 'one sample database file').toHaveLength(1);
  return found[0]!;
}

/** Ingests from the Databases page and waits for the schema browser it opens. */
async function ingestFromDatabases(page: Page, connectionId: string): Promise<string> {
  await page.goto('/databases');
  const card = page.locator(`[data-testid="connection-card"][data-connection-id="${connectionId}"]`);
  await card.getByTestId('connection-ingest').click();
  await card.getByTestId('ingest-progress').waitFor();
  await page.waitForURL(new RegExp(`/databases/${connectionId}/schemas/[0-9a-f-]{36}$`), { timeout: 60_000 });
  await page.getByTestId('schema-browser').waitFor();
  return (await page.getByTestId('schema-browser').getAttribute('data-schema-id'))!;
}

describe.skipIf(skip)('the database assistant in the browser', () => {
  const suite = browserSuite();
  const { pageErrors } = suite;
  const runId = Date.now().toString(36);

  it('sample database → ingest → browse and search → document and edit → version diff → ER diagram, at 1440 and 390 px', { timeout: 300_000 }, async () => {
    const { server } = suite;
    const page = await suite.newPage();
    await signUp(page, server.dataDir, 'Edgar Codd', `edgar.${runId}@example.com`);
    const created = await page.request.post('/api/v1/projects', { data: { name: `Shop ${runId}`, key: 'SHOP', description: 'The web shop and its order database.' } });
    expect(created.status(), await created.text()).toBe(201);
    const projectId = ((await created.json()) as { id: string }).id;

    // Databases, from the navigation: nothing yet, and the way to start.
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Databases' }).click();
    await page.getByTestId('databases-page').waitFor();
    const empty = page.getByTestId('databases-empty');
    await empty.waitFor();
    expect(await empty.textContent()).toContain('No connections yet — add one or try the sample database');

    // A connection whose URI is missing is refused, with the message under the field; nothing is added.
    await page.getByTestId('add-connection').click();
    const dialog = page.getByTestId('connection-dialog');
    await dialog.getByTestId('connection-name').fill('Forgot the URI');
    expect(await dialog.getByTestId('connection-uri').getAttribute('type')).toBe('password');
    await dialog.getByTestId('connection-save').click();
    await dialog.getByTestId('field-error').filter({ hasText: 'Connection URI' }).waitFor();
    await page.keyboard.press('Escape');
    await expect.poll(() => dialog.isVisible(), wait).toBe(false);
    expect(await page.getByTestId('connection-card').count()).toBe(0);

    // The sample database: created on demand, tested (server version, user, whether it can write).
    await empty.getByTestId('try-sample').click();
    const card = page.getByTestId('connection-card');
    await card.waitFor();
    expect(await card.textContent()).toContain('Sample');
    const connectionId = (await card.getAttribute('data-connection-id'))!;
    await card.getByTestId('connection-test-button').click();
    await card.locator('[data-testid="connection-test"][data-ok="true"]').waitFor();
    expect((await card.getByTestId('connection-server-version').textContent())?.trim()).not.toBe('');
    expect(await card.getByTestId('connection-can-write').isVisible()).toBe(true);
    // No connection answer ever carries the URI; the card shows only the target.
    const listed = await page.request.get(`/api/v1/connections/${connectionId}`);
    expect(Object.keys((await listed.json()) as object)).not.toContain('connectionUri');

    // Ingest: progress, then the schema browser on the new version.
    const firstVersion = await ingestFromDatabases(page, connectionId);
    await page.getByTestId('schema-overview').waitFor();
    await page.getByTestId('coverage-tables').waitFor();
    expect(await page.getByTestId('coverage-tables').textContent()).toBe('0%');
    const items = page.getByTestId('table-item');
    expect(await items.count()).toBeGreaterThanOrEqual(7);
    // The view is badged as one.
    expect(await page.locator('[data-testid="table-item"][data-table$=".order_totals"]').getByTestId('kind-badge').textContent()).toBe('View');

    // A table page: columns with keys, the foreign key links to the table it references, relationships both ways.
    await page.locator('[data-testid="table-item"][data-table$=".orders"] a').click();
    const orders = page.locator('[data-testid="table-detail"][data-table$=".orders"]');
    await orders.waitFor();
    const customerColumn = orders.locator('[data-testid="column-row"][data-column="customer_id"]');
    expect(await customerColumn.textContent()).toContain('FK');
    expect(await orders.getByTestId('relationship-out').first().textContent()).toContain('customers');
    expect(await orders.getByTestId('relationship-in').first().textContent()).toContain('order_items');
    expect(await orders.getByTestId('indexes-section').textContent()).toContain('orders_customer_idx');
    await customerColumn.getByRole('link', { name: /customers/ }).click();
    await page.locator('[data-testid="table-detail"][data-table$=".customers"]').waitFor();

    // Search a column: the tables that have one are listed, the column named under them and highlighted on the page.
    await page.getByTestId('table-search').fill('email');
    await expect.poll(() => items.count(), wait).toBeLessThan(7);
    const hitTables = await items.evaluateAll((elements) => elements.map((e) => e.getAttribute('data-table')));
    expect(hitTables.some((t) => t?.endsWith('.customers'))).toBe(true);
    expect(hitTables.some((t) => t?.endsWith('.suppliers'))).toBe(true);
    expect(hitTables.some((t) => t?.endsWith('.orders'))).toBe(false);
    expect(await page.locator('[data-testid="table-item"][data-table$=".suppliers"]').getByTestId('column-hit').textContent()).toBe('contact_email');
    const emailRow = page.locator('[data-testid="column-row"][data-column="email"]');
    expect(await emailRow.getAttribute('data-hit')).toBe('true');
    await page.screenshot({ path: path.join(SCREENSHOTS, 'dbassist-table-desktop.png'), fullPage: true });

    // Generate documentation: the job's progress, then every table and column documented.
    await page.getByTestId('generate-docs').click();
    const generate = page.getByTestId('generate-docs-dialog');
    await generate.getByTestId('docs-template').selectOption('full');
    await generate.getByTestId('docs-generate').click();
    await generate.getByTestId('docs-progress').waitFor();
    await expect.poll(() => generate.isVisible(), { timeout: 120_000 }).toBe(false);
    await expect.poll(() => page.getByTestId('coverage-tables').textContent(), wait).toBe('100%');
    expect(await page.getByTestId('coverage-columns').textContent()).toBe('100%');
    await expect.poll(async () => ((await emailRow.getByTestId('column-doc-text').textContent()) ?? '').trim().length, wait).toBeGreaterThan(3);

    // Edit a description in place: Escape leaves it as it was, Enter saves it, and it is there after a reload.
    const before = await emailRow.getByTestId('column-doc-text').textContent();
    await emailRow.getByTestId('column-doc-edit').click();
    await emailRow.getByTestId('column-doc-input').fill('Not this');
    await emailRow.getByTestId('column-doc-input').press('Escape');
    expect(await emailRow.getByTestId('column-doc-text').textContent()).toBe(before);
    await emailRow.getByTestId('column-doc-edit').click();
    await emailRow.getByTestId('column-doc-input').fill(EMAIL_DESCRIPTION);
    await emailRow.getByTestId('column-doc-input').press('Enter');
    await expect.poll(() => emailRow.getByTestId('column-doc-text').textContent(), wait).toBe(EMAIL_DESCRIPTION);
    await page.reload();
    await expect.poll(() => page.locator('[data-testid="column-row"][data-column="email"]').getByTestId('column-doc-text').textContent(), wait).toBe(EMAIL_DESCRIPTION);
    await page.screenshot({ path: path.join(SCREENSHOTS, 'dbassist-docs-desktop.png'), fullPage: true });

    // A re-ingest of an unchanged database makes no new version, and says so.
    expect(await ingestFromDatabases(page, connectionId)).toBe(firstVersion);
    await page.getByTestId('toast').filter({ hasText: 'no new version was made' }).waitFor();

    // The sample changes; a re-ingest makes version 2, whose diff with version 1 shows the column and its SQL.
    const sample = new Database(sampleFile(server.dataDir));
    sample.exec('ALTER TABLE customers ADD COLUMN loyalty_tier TEXT');
    sample.close();
    const secondVersion = await ingestFromDatabases(page, connectionId);
    expect(secondVersion).not.toBe(firstVersion);
    await page.getByTestId('tab-history').click();
    await page.getByTestId('version-history').waitFor();
    await expect.poll(() => page.getByTestId('version-row').count(), wait).toBe(2);
    await page.getByTestId('compare-previous').first().click();
    const diff = page.getByTestId('schema-diff');
    await diff.waitFor();
    expect(await diff.getByTestId('diff-changed-table').count()).toBe(1);
    expect(await diff.getByTestId('diff-column-added').textContent()).toContain('loyalty_tier');
    expect(await diff.getByTestId('diff-sql').textContent()).toMatch(/ALTER TABLE[\s\S]*customers[\s\S]*ADD COLUMN[\s\S]*loyalty_tier/i);
    // The edited description survived the re-ingest.
    await page.goto(`/databases/${connectionId}/schemas/${secondVersion}/tables/${encodeURIComponent((await page.locator('[data-testid="diff-changed-table"]').getAttribute('data-table'))!)}`);
    await expect.poll(() => page.locator('[data-testid="column-row"][data-column="email"]').getByTestId('column-doc-text').textContent(), wait).toBe(EMAIL_DESCRIPTION);

    // The ER diagram: rendered by Mermaid, every table; then a viewpoint of two, saved into the project.
    await page.getByTestId('tab-erd').click();
    const diagram = page.getByTestId('erd-diagram');
    await diagram.locator('svg').waitFor({ timeout: 30_000 });
    expect(await page.getByTestId('erd-code').textContent()).toContain('erDiagram');
    await page.locator('[data-testid="erd-table"][data-table$=".orders"]').check();
    await page.locator('[data-testid="erd-table"][data-table$=".customers"]').check();
    await page.getByTestId('erd-draw').click();
    await expect.poll(() => page.getByTestId('erd-scope').textContent(), wait).toMatch(/^2 of \d+ tables$/);
    await expect.poll(async () => (await page.getByTestId('erd-code').textContent())?.includes('order_items'), wait).toBe(false);
    await diagram.locator('svg').waitFor();
    await page.screenshot({ path: path.join(SCREENSHOTS, 'dbassist-erd-desktop.png'), fullPage: true });
    await page.getByTestId('erd-save').click();
    const save = page.getByTestId('erd-save-dialog');
    await save.getByTestId('erd-project').selectOption(projectId);
    await save.getByTestId('erd-save-confirm').click();
    await save.getByTestId('erd-saved').waitFor();
    const diagrams = (await (await page.request.get(`/api/v1/projects/${projectId}/diagrams`)).json()) as { items: Array<{ mermaidCode: string }> };
    expect(diagrams.items).toHaveLength(1);
    expect(diagrams.items[0]!.mermaidCode).toContain('erDiagram');

    // On a phone: one column, nothing wider than the screen, and the table list folds away behind its toggle.
    await page.setViewportSize(PHONE);
    for (const url of ['/databases', `/databases/${connectionId}/schemas/${secondVersion}`, `/databases/${connectionId}/history?from=${firstVersion}&to=${secondVersion}`, `/databases/${connectionId}/schemas/${secondVersion}/erd`]) {
      await page.goto(url);
      await page.locator('[data-testid="connection-card"], [data-testid="schema-overview"], [data-testid="schema-diff"], [data-testid="erd-diagram"] svg').first().waitFor();
      expect(await pageWidth(page), url).toBeLessThanOrEqual(PHONE.width);
    }
    await page.goto(`/databases/${connectionId}/schemas/${secondVersion}`);
    await page.locator('[data-testid="table-item"][data-table$=".customers"] a').click();
    const toggle = page.getByTestId('table-list-toggle');
    await page.getByTestId('table-detail').waitFor();
    expect(await toggle.getAttribute('aria-expanded')).toBe('false');
    expect(await page.getByTestId('table-search').isVisible()).toBe(false);
    expect(await pageWidth(page)).toBeLessThanOrEqual(PHONE.width);
    await page.screenshot({ path: path.join(SCREENSHOTS, 'dbassist-table-phone.png'), fullPage: true });
    await toggle.click();
    expect(await page.getByTestId('table-search').isVisible()).toBe(true);

    expect(pageErrors).toEqual([]);
  });

  it('a viewer browses the connections and schema but is offered nothing that changes them', { timeout: 180_000 }, async () => {
    const owner = await suite.newPage();
    await signUp(owner, suite.server.dataDir, 'Grace Owner', `grace.${runId}@example.com`);
    const created = await owner.request.post('/api/v1/organizations', { data: { name: `Harbour ${runId}`, slug: `harbour-${runId}` } });
    expect(created.status(), await created.text()).toBe(201);
    const organization = ((await created.json()) as { id: string }).id;
    const sample = await owner.request.post(`/api/v1/organizations/${organization}/connections/sample`, { data: {} });
    expect(sample.status(), await sample.text()).toBe(201);
    const connectionId = ((await sample.json()) as { id: string }).id;

    const viewer = await suite.newPage();
    const email = `linus.${runId}@example.com`;
    await signUp(viewer, suite.server.dataDir, 'Linus Viewer', email);
    const added = await owner.request.post(`/api/v1/organizations/${organization}/members`, { data: { email, role: 'viewer' } });
    expect(added.status(), await added.text()).toBe(201);
    await viewer.evaluate((id) => localStorage.setItem('atelier.organizationId', id), organization);
    await viewer.goto('/databases');
    const card = viewer.getByTestId('connection-card');
    await card.waitFor();
    expect(await card.getAttribute('data-connection-id')).toBe(connectionId);
    for (const action of ['add-connection', 'try-sample', 'connection-edit', 'connection-delete', 'connection-ingest']) {
      expect(await viewer.getByTestId(action).count(), action).toBe(0);
    }
    // A connection of an organization the person is not in is not found.
    await owner.goto(`/databases/${connectionId}`);
    await owner.getByTestId('connection-page').waitFor();
    const stranger = await suite.newPage();
    await signUp(stranger, suite.server.dataDir, 'Ada Stranger', `ada.${runId}@example.com`);
    await stranger.goto(`/databases/${connectionId}`);
    await stranger.getByTestId('connection-not-found').waitFor();
    expect(pageErrors).toEqual([]);
  });
});

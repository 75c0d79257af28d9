/**
 * Unsaved edits are never lost without a word: leaving an editor with changes (a breadcrumb, a sidebar link, the back
 * button) asks first, staying keeps the text, and leaving keeps it as a draft in the browser that the editor offers
 * back when it opens again on the same revision. Saving or discarding forgets the draft.
 */
import path from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { browserSuite, SCREENSHOTS, signUp, skipWithoutChromium } from './support.js';

const skip = skipWithoutChromium();

const DRAFT_LINE = 'Reminders go out three days before the due date, then every week.';

describe.skipIf(skip)('unsaved edits', () => {
  const suite = browserSuite();
  const { pageErrors } = suite;
  const runId = Date.now().toString(36);

  async function newProject(page: Page, name: string): Promise<string> {
    const created = await page.request.post('/api/v1/projects', { data: { name } });
    expect(created.status(), await created.text()).toBe(201);
    return ((await created.json()) as { id: string }).id;
  }

  it('the document editor asks before a breadcrumb leaves it, and offers the text back as a draft', { timeout: 120_000 }, async () => {
    const page = await suite.newPage();
    await signUp(page, suite.server.dataDir, 'Frances Allen', `frances.${runId}@example.com`);
    const projectId = await newProject(page, `Ledger ${runId}`);
    const created = await page.request.post(`/api/v1/projects/${projectId}/documents`, {
      data: { type: 'prd', title: 'Invoice reminders', contentMarkdown: '# Invoice reminders\n\nShops send reminders.\n' },
    });
    expect(created.status(), await created.text()).toBe(201);
    const documentId = ((await created.json()) as { id: string }).id;
    const documentPath = `/projects/${projectId}/documents/${documentId}`;

    await page.goto(documentPath);
    await page.getByTestId('edit-document').click();
    const editor = page.getByTestId('document-editor');
    const textarea = editor.getByTestId('editor-textarea');
    await textarea.waitFor();
    const original = await textarea.inputValue();
    const edited = `${original}\n${DRAFT_LINE}\n`;
    await textarea.fill(edited);
    const toDocuments = page.locator('.breadcrumb').getByRole('link', { name: 'Documents', exact: true });

    // A breadcrumb asks; staying keeps the editor and the text.
    await toDocuments.click();
    const leave = page.getByTestId('leave-dialog');
    await leave.getByText('Leave without saving?').waitFor();
    await page.screenshot({ path: path.join(SCREENSHOTS, 'unsaved-leave-dialog.png'), fullPage: false });
    await leave.getByTestId('leave-dialog-cancel').click();
    await leave.waitFor({ state: 'hidden' });
    expect(new URL(page.url()).pathname).toBe(documentPath);
    expect(await textarea.inputValue()).toBe(edited);

    // So does the back button.
    await page.goBack();
    await leave.getByText('Leave without saving?').waitFor();
    await leave.getByTestId('leave-dialog-cancel').click();
    await leave.waitFor({ state: 'hidden' });
    expect(await textarea.inputValue()).toBe(edited);

    // Leaving goes where the breadcrumb points.
    await toDocuments.click();
    await leave.getByTestId('leave-dialog-confirm').click();
    await page.waitForURL(new RegExp(`/projects/${projectId}/documents$`));
    await page.getByTestId('documents-tab').waitFor();

    // Opening the editor again offers the draft; restoring it brings the text back.
    await page.getByTestId('document-row').getByTestId('document-title').click();
    await page.getByTestId('edit-document').click();
    const offer = page.getByTestId('draft-offer');
    await offer.getByText(/You have an unsaved draft from \d/).waitFor();
    expect(await textarea.inputValue()).toBe(original);
    await page.screenshot({ path: path.join(SCREENSHOTS, 'unsaved-draft-offer.png'), fullPage: false });
    await offer.getByTestId('draft-restore').click();
    await offer.waitFor({ state: 'hidden' });
    expect(await textarea.inputValue()).toBe(edited);

    // Saved, it leaves unasked and the draft is gone.
    await editor.getByTestId('editor-save').click();
    await page.locator('[data-testid="document-page"][data-rev="2"]').waitFor();
    await page.getByTestId('document-content').getByText(DRAFT_LINE).waitFor();
    await page.getByTestId('edit-document').click();
    await textarea.waitFor();
    expect(await page.getByTestId('draft-offer').count()).toBe(0);
    await toDocuments.click();
    await page.waitForURL(new RegExp(`/projects/${projectId}/documents$`));

    // Cancel asks too, and discarding leaves no draft behind.
    await page.goto(`${documentPath}?edit=1`);
    await textarea.fill('Nothing worth keeping.');
    await editor.getByTestId('editor-cancel').click();
    await page.getByTestId('discard-dialog').getByTestId('discard-dialog-confirm').click();
    await page.getByTestId('document-content').waitFor();
    await page.getByTestId('edit-document').click();
    await textarea.waitFor();
    expect(await page.getByTestId('draft-offer').count()).toBe(0);
    expect(await textarea.inputValue()).toBe(edited);

    expect(pageErrors).toEqual([]);
  });

  it('the diagram editor asks before a sidebar link leaves it, and the draft survives', { timeout: 90_000 }, async () => {
    const page = await suite.newPage();
    await signUp(page, suite.server.dataDir, 'Kathleen Booth', `kathleen.${runId}@example.com`);
    const projectId = await newProject(page, `Assembler ${runId}`);
    const created = await page.request.post(`/api/v1/projects/${projectId}/diagrams`, {
      data: { type: 'flowchart', title: 'Assembly', mermaidCode: 'flowchart TD\n  A[Source] --> B[Assembler]' },
    });
    expect(created.status(), await created.text()).toBe(201);
    const diagramPath = `/projects/${projectId}/diagrams/${((await created.json()) as { id: string }).id}`;

    await page.goto(diagramPath);
    const code = page.getByTestId('diagram-code');
    await code.waitFor();
    const edited = 'flowchart TD\n  A[Source] --> B[Assembler]\n  B --> C[Machine code]';
    await code.fill(edited);

    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Projects' }).click();
    const leave = page.getByTestId('leave-dialog');
    await leave.getByTestId('leave-dialog-confirm').click();
    await page.getByTestId('projects-page').waitFor();

    await page.goto(diagramPath);
    await page.getByTestId('draft-offer').getByTestId('draft-restore').click();
    expect(await code.inputValue()).toBe(edited);

    expect(pageErrors).toEqual([]);
  });
});

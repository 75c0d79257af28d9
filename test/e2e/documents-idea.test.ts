/**
 * End to end in a real browser, with the built-in offline engine (no AI configuration): a project started from an
 * idea asks its clarifying questions, writes the five workspace documents, and the PRD goes through an edit, its diff
 * in the history and a restore; a search for a word of the idea opens the matching section.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { browserSuite, SCREENSHOTS, signUp, skipWithoutChromium } from './support.js';

const skip = skipWithoutChromium();

const IDEA =
  'A marketplace where busy dog owners book vetted neighbourhood walkers, follow each walk live on a map and pay per walk.';
const ADDED_LINE = 'Walkers can accept a rebooking from the same owner with one tap.';

describe.skipIf(skip)('documents from an idea in the browser', () => {
  const suite = browserSuite();
  const { pageErrors } = suite;
  const runId = Date.now().toString(36);

  it('idea → questions → six documents → edit the PRD → diff → restore → search', { timeout: 90_000 }, async () => {
    const { server } = suite;
    const page = await suite.newPage();
    await signUp(page, server.dataDir, 'Barbara Liskov', `barbara.${runId}@example.com`);

    // A new project, started from an idea.
    await page.getByTestId('new-project').click();
    const dialog = page.getByTestId('project-dialog');
    await dialog.getByTestId('start-from-idea').click();
    await dialog.getByLabel('Name', { exact: true }).fill(`Pawwalk ${runId}`);
    await dialog.getByLabel('Your idea').fill(IDEA);
    await dialog.getByTestId('project-submit').click();
    await page.waitForURL(/\/projects\/[0-9a-f-]{36}$/);
    await page.getByTestId('project-detail').waitFor();
    const projectPath = new URL(page.url()).pathname;

    // The clarifying questions, answered.
    const form = page.getByTestId('clarifications-form');
    await form.waitFor();
    const answers = form.getByTestId('clarification-answer');
    const count = await answers.count();
    expect(count).toBeGreaterThanOrEqual(2);
    expect(count).toBeLessThanOrEqual(3);
    const replies = [
      'On a phone, in the browser; about 2,000 dog owners in the first year, in one city.',
      'Repeat bookings: 60% of owners book a second walk within a month.',
      'Each booking keeps the walk route, the walker and the price, visible to the owner and the walker, for two years.',
    ];
    for (let i = 0; i < count; i++) await answers.nth(i).fill(replies[i] ?? replies[0]!);
    await page.screenshot({ path: path.join(SCREENSHOTS, 'idea-questions.png'), fullPage: false });
    await page.getByTestId('submit-clarifications').click();

    // The pipeline is followed live, then the workspace shows the six documents as tabs.
    const workspace = page.getByTestId('idea-workspace');
    await workspace.waitFor({ timeout: 60_000 });
    const tabs = workspace.getByTestId('workspace-tab');
    expect(await tabs.allTextContents()).toEqual(['Overview', 'PRD', 'SRS', 'Marketing', 'Tech', 'Tasks']);
    await workspace.getByTestId('workspace-document').filter({ hasText: 'dog owners' }).first().waitFor();
    // Ready once the documents are written, which reads as any other active project.
    await page.locator('[data-testid="project-status"][data-status="ready"]').filter({ hasText: 'Active' }).waitFor();
    await page.screenshot({ path: path.join(SCREENSHOTS, 'idea-workspace.png'), fullPage: false });

    // The PRD, from its tab, in the editor.
    await tabs.filter({ hasText: 'PRD' }).click();
    const prd = workspace.locator('[data-testid="workspace-document"][data-type="prd"]');
    await prd.waitFor();
    expect(await prd.textContent()).toContain('walkers');
    await prd.getByTestId('edit-document').click();
    await page.waitForURL(/\/documents\/[0-9a-f-]{36}\?edit=1$/);
    const editor = page.getByTestId('document-editor');
    await editor.waitFor();
    const textarea = editor.getByTestId('editor-textarea');
    const original = await textarea.inputValue();
    expect(original).toContain('# ');
    await textarea.fill(`${original.trimEnd()}\n\n${ADDED_LINE}\n`);
    // The preview follows the text.
    await editor.getByTestId('editor-preview').getByText(ADDED_LINE).waitFor();
    await editor.getByTestId('editor-note').fill('Rebooking with one tap');
    await page.screenshot({ path: path.join(SCREENSHOTS, 'document-editor.png'), fullPage: false });
    await editor.getByTestId('editor-save').click();

    // Saved as revision 2, shown rendered.
    await page.locator('[data-testid="document-page"][data-rev="2"]').waitFor();
    await page.getByTestId('document-content').getByText(ADDED_LINE).waitFor();
    expect(await page.getByTestId('document-rev').textContent()).toBe('Rev 2');

    // The history shows the added line between revisions 1 and 2.
    await page.getByTestId('open-history').click();
    const history = page.getByTestId('history');
    await history.waitFor();
    await history.locator('[data-testid="revision"][data-rev="2"]').filter({ hasText: 'Rebooking with one tap' }).waitFor();
    const added = history.getByTestId('diff-view').getByTestId('diff-added');
    await added.filter({ hasText: ADDED_LINE }).waitFor();
    expect(await history.getByTestId('diff-view').getByTestId('diff-removed').count()).toBe(0);
    expect(await history.getByTestId('diff-stats').textContent()).toContain('+');
    await page.screenshot({ path: path.join(SCREENSHOTS, 'document-history.png'), fullPage: false });

    // Side by side shows the same line on the right.
    await history.getByTestId('diff-split').click();
    await history.locator('[data-testid="diff-view"][data-mode="split"]').getByTestId('diff-added').filter({ hasText: ADDED_LINE }).waitFor();
    await history.getByTestId('diff-inline').click();

    // Restoring revision 1 makes revision 3, with the line gone again.
    await history.locator('[data-testid="revision"][data-rev="1"]').getByTestId('restore-revision').click();
    await page.getByTestId('restore-dialog').getByRole('button', { name: 'Restore', exact: true }).click();
    await page.locator('[data-testid="document-page"][data-rev="3"]').waitFor();
    await history.locator('[data-testid="revision"][data-rev="3"]').filter({ hasText: 'Restored from rev 1' }).waitFor();
    await history.getByTestId('diff-view').getByTestId('diff-removed').filter({ hasText: ADDED_LINE }).waitFor();
    await page.getByTestId('close-history').click();
    await page.getByTestId('document-content').waitFor();
    expect(await page.getByTestId('document-content').textContent()).not.toContain(ADDED_LINE);
    expect(await page.getByTestId('document-rev').textContent()).toBe('Rev 3');

    // The documents list has the six documents.
    await page.goto(`${projectPath}/documents`);
    await page.getByTestId('document-list').waitFor();
    expect(await page.getByTestId('document-row').count()).toBe(6);
    await page.locator('[data-testid="document-row"][data-type="prd"]').getByTestId('document-rev').filter({ hasText: 'Rev 3' }).waitFor();

    // Search: "/" focuses the box; a word of the idea finds a section, which opens highlighted.
    await page.locator('body').press('/');
    const search = page.getByTestId('document-search');
    expect(await search.evaluate((element) => element === document.activeElement)).toBe(true);
    await search.fill('walkers');
    const hit = page.getByTestId('search-hit').first();
    await hit.waitFor();
    const section = (await hit.getByTestId('search-hit-section').textContent())?.trim() ?? '';
    expect(section).not.toBe('');
    expect(await hit.innerHTML()).toContain('<mark>');
    await page.screenshot({ path: path.join(SCREENSHOTS, 'document-search.png'), fullPage: false });
    await hit.click();
    await page.waitForURL(/\/documents\/[0-9a-f-]{36}\?section=/);
    const highlighted = page.getByTestId('document-content').locator('[data-highlighted="true"]');
    await highlighted.waitFor();
    expect((await highlighted.textContent())?.trim()).toBe(section);
    expect(await highlighted.isVisible()).toBe(true);
    await page.screenshot({ path: path.join(SCREENSHOTS, 'document-section.png'), fullPage: false });

    expect(pageErrors).toEqual([]);
  });

  it('a stale save opens the conflict dialog and keeps the text; a generated document opens when written', { timeout: 90_000 }, async () => {
    const { server } = suite;
    const page = await suite.newPage();
    await signUp(page, server.dataDir, 'Frances Allen', `frances.${runId}@example.com`);

    // A blank project and a document written by hand.
    await page.getByTestId('new-project').click();
    const dialog = page.getByTestId('project-dialog');
    await dialog.getByLabel('Name', { exact: true }).fill(`Ledger ${runId}`);
    await dialog.getByLabel('Description').fill('Small shops keep their invoices, payments and reminders in one shared ledger.');
    await dialog.getByTestId('project-submit').click();
    await page.getByTestId('project-row').filter({ hasText: `Ledger ${runId}` }).getByTestId('project-name').click();
    await page.getByTestId('project-detail').waitFor();
    const projectId = new URL(page.url()).pathname.split('/')[2]!;
    await page.getByTestId('project-tab-documents').click();
    await page.getByTestId('documents-empty').waitFor();
    await page.getByTestId('new-document').click();
    await page.getByTestId('new-document-title').fill('Invoice reminders');
    await page.getByTestId('new-document-submit').click();
    const editor = page.getByTestId('document-editor');
    await editor.waitFor();
    const documentId = new URL(page.url()).pathname.split('/')[4]!;
    await editor.getByTestId('editor-textarea').fill('# Invoice reminders\n\n## Goals\n\nShops send a reminder a week after the due date.\n');
    await editor.getByTestId('editor-save').click();
    await page.locator('[data-testid="document-page"][data-rev="2"]').waitFor();

    // Someone else saves revision 3 while this person edits revision 2.
    await page.getByTestId('edit-document').click();
    await editor.waitFor();
    const mine = '# Invoice reminders\n\n## Goals\n\nShops send a reminder three days after the due date.\n';
    await editor.getByTestId('editor-textarea').fill(mine);
    const other = await page.request.patch(`/api/v1/projects/${projectId}/documents/${documentId}`, {
      data: { baseRev: 2, contentMarkdown: '# Invoice reminders\n\n## Goals\n\nShops send a reminder on the due date.\n', note: 'Earlier reminder' },
    });
    expect(other.status()).toBe(200);
    await editor.getByTestId('editor-save').click();
    const conflict = page.getByTestId('conflict-dialog');
    await conflict.getByText('You started from revision 2; the document is now at revision 3').waitFor();
    await conflict.getByTestId('conflict-diff').getByTestId('diff-added').filter({ hasText: 'three days after' }).waitFor();
    await conflict.getByTestId('conflict-diff').getByTestId('diff-removed').filter({ hasText: 'on the due date' }).waitFor();
    await page.screenshot({ path: path.join(SCREENSHOTS, 'document-conflict.png'), fullPage: false });
    // Nothing typed is lost, and saving on top of revision 3 makes revision 4.
    expect(await editor.getByTestId('editor-textarea').inputValue()).toBe(mine);
    await conflict.getByTestId('conflict-overwrite').click();
    await page.locator('[data-testid="document-page"][data-rev="4"]').waitFor();
    await page.getByTestId('document-content').getByText('three days after the due date').waitFor();

    // Generating an SRS follows the job and opens the new document, which cites the sections it drew on.
    await page.goto(`/projects/${projectId}/documents`);
    await page.getByTestId('generate-document').click();
    const generate = page.getByTestId('generate-dialog');
    await generate.getByLabel('Document').selectOption('srs');
    await generate.getByTestId('generate-instructions').fill('Emphasise reminders.');
    // The offline engine may finish before the progress is even drawn: the document opening is what counts.
    await generate.getByTestId('generate-submit').click();
    await page.waitForURL(/\/documents\/[0-9a-f-]{36}$/, { timeout: 60_000 });
    await page.getByTestId('document-content').waitFor();
    expect(await page.getByTestId('document-type').first().textContent()).toBe('SRS');
    await page.getByTestId('document-generated-by').waitFor();
    await page.getByTestId('document-provenance').waitFor();
    await page.screenshot({ path: path.join(SCREENSHOTS, 'document-generated.png'), fullPage: false });

    expect(pageErrors).toEqual([]);
  });
});

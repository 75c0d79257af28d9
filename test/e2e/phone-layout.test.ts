/**
 * On a 390 × 844 phone, every page fits the screen: nothing scrolls sideways but what is meant to (a row of tabs, a
 * wide table in its frame), whatever the length of a project's name, a document's table or a chat answer. The
 * current project tab stays in sight, and the audit log names what happened to whom.
 */
import path from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { browserSuite, SCREENSHOTS, signUp, skipWithoutChromium } from './support.js';

const skip = skipWithoutChromium();
const PHONE = { width: 390, height: 844 };

const PROJECT_NAME = 'Neighbourhood food bank volunteer shift scheduling and swapping for coordinators';
const WIDE_MARKDOWN = [
  '# Shift swaps',
  '',
  '| Volunteer | Shift | Location | Coordinator | Approved | Notes |',
  '|---|---|---|---|---|---|',
  '| Ada Lovelace | Saturday morning | Warehouse on Harbour Street | Charles Babbage | yes | Brings the van and the spare crates |',
  '',
  '```',
  'a-long-code-line-that-does-not-wrap-by-itself-and-goes-on-and-on-and-on-and-on-and-on-and-on',
  '```',
  '',
  'https://example.com/a/very/long/address/without/any/space/in/it/that/must/wrap/somewhere/on/a/phone',
].join('\n');

async function pageWidth(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth);
}

describe.skipIf(skip)('on a phone', () => {
  const suite = browserSuite({ viewport: PHONE });
  const { pageErrors } = suite;
  const runId = Date.now().toString(36);

  it('every page fits 390 px without sideways scrolling, and the current project tab is in sight', { timeout: 180_000 }, async () => {
    const page = await suite.newPage();
    await signUp(page, suite.server.dataDir, 'Ada Lovelace-Byron', `ada.${runId}@example.com`);

    // What a long-named project holds, made through the API as the signed-in person.
    const created = await page.request.post('/api/v1/projects', { data: { name: PROJECT_NAME, description: 'Volunteers sign up for shifts; coordinators approve swaps.' } });
    expect(created.status(), await created.text()).toBe(201);
    const projectId = ((await created.json()) as { id: string }).id;
    const base = `/projects/${projectId}`;
    const made = async (url: string, data: unknown) => {
      const response = await page.request.post(`/api/v1${url}`, { data });
      expect(response.status(), await response.text()).toBe(201);
      return ((await response.json()) as { id: string }).id;
    };
    const documentId = await made(`${base}/documents`, { type: 'prd', title: 'Shift swaps between volunteers, approved by the coordinator on duty', contentMarkdown: WIDE_MARKDOWN });
    const diagramId = await made(`${base}/diagrams`, {
      type: 'flowchart',
      title: 'How a volunteer swaps a shift with another volunteer',
      mermaidCode: 'flowchart TD\n  A[Volunteer asks for a swap] --> B[Coordinator approves]\n  B --> C[Shift moves to the other volunteer]',
    });
    const wireframeId = await made(`${base}/wireframes`, { title: 'Shift calendar', htmlContent: '<main><h1>Shifts this week</h1><p>Saturday morning</p></main>' });

    // A conversation with a question and its answer.
    await page.goto(`${base}/chat`);
    await page.getByTestId('chat-tab').waitFor();
    await page.getByTestId('chat-input').fill('How does a volunteer swap a shift? https://example.com/a/very/long/address/without/any/space/in/it');
    await page.getByTestId('chat-input').press('Enter');
    await page.waitForURL(new RegExp(`${base}/chat/[0-9a-f-]{36}$`));
    await page.getByTestId('chat-answer').first().waitFor();
    await page.getByTestId('chat-send').waitFor();
    const conversationPath = new URL(page.url()).pathname;

    const pages: Array<[string, string]> = [
      ['/projects', 'projects-page'],
      [base, 'project-detail'],
      [`${base}/documents`, 'documents-tab'],
      [`${base}/diagrams`, 'diagrams-tab'],
      [`${base}/wireframes`, 'wireframes-tab'],
      [`${base}/chat`, 'chat-tab'],
      [conversationPath, 'chat-answer'],
      [`${base}/documents/${documentId}`, 'document-content'],
      [`${base}/documents/${documentId}?edit=1`, 'document-editor'],
      [`${base}/documents/${documentId}?view=history`, 'history'],
      [`${base}/diagrams/${diagramId}`, 'diagram-preview'],
      [`${base}/wireframes/${wireframeId}`, 'wireframe-page'],
      ['/members', 'members-page'],
      ['/audit', 'audit-table'],
      ['/usage', 'usage-page'],
      ['/settings', 'settings-page'],
      ['/settings/ai', 'ai-settings-page'],
      ['/account', 'account-page'],
      ['/trash', 'trash-page'],
    ];
    const tooWide: string[] = [];
    for (const [url, ready] of pages) {
      await page.goto(url);
      await page.getByTestId(ready).first().waitFor();
      await page.waitForLoadState('networkidle');
      const width = await pageWidth(page);
      if (width > PHONE.width) tooWide.push(`${url}: ${width} px`);
    }
    expect(tooWide).toEqual([]);

    // The project’s tabs: all in sight on the overview (they wrap on a phone), and the Chat tab still in sight when it is current.
    for (const url of [base, conversationPath]) {
      await page.goto(url);
      const chatTab = page.getByTestId('project-tab-chat');
      await chatTab.waitFor();
      await expect.poll(async () => (await chatTab.boundingBox())?.x ?? -1).toBeGreaterThanOrEqual(0);
      const box = await chatTab.boundingBox();
      expect(box!.x + box!.width, url).toBeLessThanOrEqual(PHONE.width);
    }
    await page.screenshot({ path: path.join(SCREENSHOTS, 'phone-chat.png'), fullPage: false });

    expect(pageErrors).toEqual([]);
  });

  it('the audit log names the person and the project instead of ids', { timeout: 90_000 }, async () => {
    const page = await suite.newPage();
    await signUp(page, suite.server.dataDir, 'Grace Hopper', `grace.${runId}@example.com`);
    const created = await page.request.post('/api/v1/projects', { data: { name: `Compiler ${runId}` } });
    expect(created.status(), await created.text()).toBe(201);
    const projectId = ((await created.json()) as { id: string }).id;

    await page.goto('/audit');
    const row = page.locator('[data-testid="audit-row"][data-action="project_created"]');
    await row.waitFor();
    expect(await row.getByTestId('audit-actor').textContent()).toBe('Grace Hopper');
    expect(await row.textContent()).toContain('Created project');
    const resource = row.getByTestId('audit-resource');
    expect(await resource.textContent()).toContain(`Compiler ${runId}`);
    expect(await resource.getAttribute('href')).toBe(`/projects/${projectId}`);
    expect(await row.textContent()).not.toContain(projectId.slice(-8));
    expect(await pageWidth(page)).toBeLessThanOrEqual(PHONE.width);
    await page.screenshot({ path: path.join(SCREENSHOTS, 'phone-audit.png'), fullPage: false });

    expect(pageErrors).toEqual([]);
  });
});

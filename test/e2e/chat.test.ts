/**
 * End to end in a real browser, with the built-in offline engine: a project with a generated SRS, a question in the
 * Chat tab, the answer streamed in with citation chips, a section chip opening the cited section of the SRS and a
 * model chip opening the Model tab.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { browserSuite, SCREENSHOTS, signUp, skipWithoutChromium } from './support.js';

const skip = skipWithoutChromium();

const DESCRIPTION =
  'A booking service where dog owners book vetted neighbourhood walkers, follow each walk live on a map and pay per walk by card.';

describe.skipIf(skip)('project chat in the browser', () => {
  const suite = browserSuite();
  const { pageErrors } = suite;
  const runId = Date.now().toString(36);

  it('asks a question and follows the streamed answer’s citation to the SRS section', { timeout: 120_000 }, async () => {
    const { server } = suite;
    const page = await suite.newPage();
    await signUp(page, server.dataDir, 'Frances Allen', `frances.${runId}@example.com`);

    // A project with a generated SRS, through the API as the signed-in user.
    const project = await page.request.post('/api/v1/projects', { data: { name: `Walkies ${runId}`, description: DESCRIPTION } });
    expect(project.status(), await project.text()).toBe(201);
    const projectId = ((await project.json()) as { id: string }).id;
    const generate = await page.request.post(`/api/v1/projects/${projectId}/documents/generate`, { data: { type: 'srs' } });
    expect(generate.status(), await generate.text()).toBe(202);
    const { jobId } = (await generate.json()) as { jobId: string };
    let status = 'queued';
    for (let i = 0; i < 240 && !['succeeded', 'failed', 'cancelled'].includes(status); i++) {
      await new Promise((resolve) => setTimeout(resolve, 250));
      status = ((await (await page.request.get(`/api/v1/jobs/${jobId}`)).json()) as { status: string }).status;
    }
    expect(status).toBe('succeeded');
    const documents = (await (await page.request.get(`/api/v1/projects/${projectId}/documents`)).json()) as { items: Array<{ id: string; type: string }> };
    const srs = documents.items.find((d) => d.type === 'srs');
    expect(srs).toBeDefined();

    // The Chat tab of the project: ask with words of the SRS.
    await page.goto(`/projects/${projectId}`);
    await page.getByTestId('project-tab-chat').click();
    await page.getByTestId('chat-tab').waitFor();
    await expect.poll(async () => page.getByTestId('chat-credits').textContent()).toContain('10 of 10 left');
    await page.getByTestId('chat-input').fill('How do dog owners pay for a walk?');
    const streamed = page.waitForResponse((response) => response.url().endsWith('/messages') && response.request().method() === 'POST');
    await page.getByTestId('chat-input').press('Enter');
    const stream = await streamed;
    expect(stream.headers()['content-type']).toContain('text/event-stream');
    const body = await stream.text();
    expect((body.match(/^event: delta$/gm) ?? []).length).toBeGreaterThan(10);
    expect(body).toMatch(/^event: done$/m);

    // The question shows at once; the answer streams in and ends with its sources.
    await page.getByTestId('chat-message-user').first().waitFor();
    expect(await page.getByTestId('chat-message-user').first().textContent()).toContain('How do dog owners pay for a walk?');
    const answer = page.getByTestId('chat-answer').first();
    await answer.waitFor();
    await expect.poll(async () => answer.textContent()).toContain('says:');
    // The answer cites the SRS section it drew on (facts of the project model may be cited before it).
    const chip = page.locator('[data-testid="chat-citation"][data-kind="section"]').first();
    await chip.waitFor();
    await expect.poll(async () => page.getByTestId('chat-send').isVisible()).toBe(true);
    expect(await page.getByTestId('chat-interrupted').count()).toBe(0);
    await expect.poll(async () => page.getByTestId('chat-credits').textContent()).toContain('9 of 10 left');
    await page.waitForURL(new RegExp(`/projects/${projectId}/chat/[0-9a-f-]{36}$`));
    // The first question names the conversation.
    await expect.poll(async () => page.getByTestId('chat-conversations').textContent()).toContain('How do dog owners pay for a walk?');
    await page.screenshot({ path: path.join(SCREENSHOTS, 'chat-answer.png'), fullPage: false });

    // The chip opens the cited section of the SRS, highlighted.
    await chip.click();
    await page.waitForURL(new RegExp(`/projects/${projectId}/documents/${srs!.id}\\?section=`));
    await page.getByTestId('document-content').waitFor();
    await page.locator('[data-highlighted="true"]').first().waitFor();
    const section = new URL(page.url()).searchParams.get('section');
    expect(section).toBeTruthy();
    expect(await page.locator('[data-highlighted="true"]').first().getAttribute('data-block-id')).toBe(section);
    await page.screenshot({ path: path.join(SCREENSHOTS, 'chat-citation-section.png'), fullPage: false });

    // Back in the conversation, the stored thread shows the same answer with its citation.
    await page.goBack();
    await page.getByTestId('chat-citation').first().waitFor();
    // The fact of the project model it cites opens the Model tab, where it can be checked and corrected.
    const fact = page.locator('[data-testid="chat-citation"][data-kind="model"]').first();
    await fact.click();
    await page.waitForURL(new RegExp(`/projects/${projectId}/model$`));
    expect(pageErrors).toEqual([]);
  });
});

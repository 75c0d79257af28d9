/**
 * End to end in a real browser: an organization connects its own OpenAI-compatible server (a local fake that takes
 * 1.5 s to answer), tests the connection, generates a project brief as a background job whose progress the page
 * follows live, and finds the call on the usage page.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeOpenAi, type FakeOpenAiServer, type FakeRequest } from '../support/fake-openai-server.js';
import { browserSuite, SCREENSHOTS, signUp, skipWithoutChromium } from './support.js';

const skip = skipWithoutChromium();

const MODEL_DELAY_MS = 1500;

const brief = {
  title: 'Pawpal: dog walks on demand',
  summary: 'Pawpal lets busy dog owners book vetted walkers nearby and follow every walk live.',
  problem: 'Dog owners with long working days struggle to find a walker they trust at short notice.',
  goals: ['Book a trusted walker in under a minute', 'Give owners peace of mind during every walk'],
  targetUsers: [
    { name: 'Dog owners', needs: ['Find a walker nearby', 'See where their dog is'] },
    { name: 'Dog walkers', needs: ['Fill their schedule', 'Get paid on time'] },
  ],
  features: [
    { name: 'Book a walk', description: 'Owners pick a time slot and a nearby walker.', priority: 'must' },
    { name: 'Live walk map', description: 'Owners follow the walk on a map in real time.', priority: 'should' },
    { name: 'Walker reviews', description: 'Owners rate walkers after each walk.', priority: 'could' },
  ],
  risks: [{ risk: 'Not enough walkers at launch', mitigation: 'Recruit walkers in one neighbourhood first' }],
  successMetrics: ['500 walks booked in the first month', '80% of owners book again within 30 days'],
};

function userText(request: FakeRequest): string {
  return (request.body.messages ?? [])
    .filter((message) => message.role === 'user')
    .map((message) => (typeof message.content === 'string' ? message.content : JSON.stringify(message.content)))
    .join('\n');
}

describe.skipIf(skip)('AI settings, a live brief job and usage in the browser', () => {
  let fake: FakeOpenAiServer | undefined;
  let pricingDir: string | undefined;
  const runId = Date.now().toString(36);

  beforeAll(async () => {
    fake = await startFakeOpenAi({
      fallback: (request) =>
        // The connection test asks for one word; everything else is the brief, slow enough to watch it run.
        /single word: ready/.test(userText(request))
          ? { content: 'ready', promptTokens: 12, completionTokens: 1 }
          : { content: JSON.stringify(brief), delayMs: MODEL_DELAY_MS, promptTokens: 840, completionTokens: 410 },
    });
  });
  afterAll(async () => {
    await fake?.close();
    if (pricingDir) fs.rmSync(pricingDir, { recursive: true, force: true });
  });

  const suite = browserSuite({
    viewport: { width: 1280, height: 900 },
    env: () => {
      pricingDir = fs.mkdtempSync(path.join(os.tmpdir(), 'atelier-e2e-pricing-'));
      const pricingFile = path.join(pricingDir, 'pricing.json');
      fs.writeFileSync(pricingFile, JSON.stringify({ 'fake-gpt': { inputPerMillion: 2, outputPerMillion: 10 } }));
      return { AI_PRICING_FILE: pricingFile };
    },
  });
  const { pageErrors } = suite;

  it('connects a model, follows a brief job live and counts the call', { timeout: 90_000 }, async () => {
    const { server } = suite;
    if (!fake) throw new Error('The fake model did not start');
    const page = await suite.newPage();
    await signUp(page, server.dataDir, 'Katherine Johnson', `katherine.${runId}@example.com`);

    // Out of the box the organization uses the server's default: the offline engine, said plainly.
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'AI provider', exact: true }).click();
    await page.getByTestId('ai-settings-page').waitFor();
    expect(await page.getByTestId('ai-effective-provider').textContent()).toBe('Built-in offline engine');
    await page.getByTestId('offline-note').waitFor();

    await page.getByLabel('Provider', { exact: true }).selectOption('openai-compatible');
    await page.getByLabel('Model', { exact: true }).fill('fake-gpt');
    await page.getByLabel('Base URL', { exact: true }).fill(fake.url);
    await page.getByTestId('save-ai-settings').click();
    await page.getByTestId('ai-effective-provider').filter({ hasText: 'OpenAI-compatible server' }).waitFor();
    expect(await page.getByTestId('ai-effective').textContent()).toContain('fake-gpt');
    expect(await page.getByTestId('offline-note').count()).toBe(0);

    await page.getByTestId('test-connection').click();
    const result = page.getByTestId('connection-result');
    await result.waitFor();
    expect(await result.getAttribute('data-ok')).toBe('true');
    expect(await result.textContent()).toContain('Connection works');
    await page.screenshot({ path: path.join(SCREENSHOTS, 'ai-settings.png'), fullPage: true });

    // A project, and its brief as a background job.
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Projects', exact: true }).click();
    await page.getByTestId('new-project').click();
    const dialog = page.getByTestId('project-dialog');
    const projectName = `Pawpal ${runId}`;
    await dialog.getByLabel('Name', { exact: true }).fill(projectName);
    await dialog.getByLabel('Description').fill('Busy dog owners book trusted walkers in their neighbourhood and follow each walk live.');
    await dialog.getByTestId('project-submit').click();
    await page.getByTestId('project-row').filter({ hasText: projectName }).getByTestId('project-name').click();
    await page.getByTestId('project-detail').waitFor();
    await page.getByTestId('brief-empty').waitFor();
    await page.getByTestId('brief-engine').filter({ hasText: 'fake-gpt via OpenAI-compatible server' }).waitFor();

    const requestsBefore = fake.requests.length;
    await page.getByTestId('generate-brief').click();

    // While the model thinks, the job is running and the page says so.
    const progress = page.locator('[data-testid="job-progress"][data-status="running"]');
    await progress.waitFor();
    expect(await progress.getByTestId('job-status').textContent()).toContain('Running');
    // The job says what it does once its handler starts, a moment after it is claimed (the model takes 1.5 s).
    await expect.poll(async () => progress.getByTestId('job-message').textContent()).toMatch(/Writing the project brief/);
    const bar = progress.getByRole('progressbar');
    expect(Number(await bar.getAttribute('aria-valuenow'))).toBeGreaterThanOrEqual(0);
    expect(await progress.getByTestId('job-cancel').isVisible()).toBe(true);

    // Then the finished brief replaces it, with the model's features and who wrote it.
    await page.getByTestId('project-brief').waitFor();
    expect(await page.getByTestId('job-progress').count()).toBe(0);
    expect(await page.getByTestId('brief-title').textContent()).toBe(brief.title);
    const features = await page.getByTestId('brief-feature').allTextContents();
    expect(features).toHaveLength(brief.features.length);
    for (const [index, feature] of brief.features.entries()) expect(features[index]).toContain(feature.name);
    const provenance = page.getByTestId('brief-provenance');
    await provenance.filter({ hasText: 'fake-gpt' }).waitFor();
    expect(await provenance.textContent()).toContain('OpenAI-compatible server');
    expect(fake.requests.slice(requestsBefore).some((request) => request.body.model === 'fake-gpt')).toBe(true);
    await page.screenshot({ path: path.join(SCREENSHOTS, 'project-brief.png'), fullPage: true });

    // A reload finds the brief again.
    await page.reload();
    await page.getByTestId('project-brief').waitFor();

    // The usage page counts the call, under the organization's model.
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Usage', exact: true }).click();
    await page.getByTestId('usage-page').waitFor();
    const calls = page.getByTestId('usage-total-calls');
    await calls.waitFor();
    expect(Number((await calls.textContent())?.replace(/\D/g, ''))).toBeGreaterThanOrEqual(1);
    await page.getByTestId('usage-by-model').getByText('openai-compatible/fake-gpt').waitFor();
    await page.getByTestId('usage-by-feature').getByText('Project brief').waitFor();
    const call = page.getByTestId('ai-call-row').filter({ hasText: 'openai-compatible/fake-gpt' }).first();
    await call.waitFor();
    await call.click();
    expect(await page.getByTestId('ai-call-detail').first().textContent()).toContain('Pawpal');
    await page.getByTestId('usage-chart').waitFor();
    await page.screenshot({ path: path.join(SCREENSHOTS, 'usage.png'), fullPage: true });

    expect(pageErrors).toEqual([]);
  });
});

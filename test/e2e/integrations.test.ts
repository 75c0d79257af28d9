/**
 * Settings → Integrations in a real browser, as a new admin uses it: an outgoing webhook added through the form
 * (pointing at a receiver this test runs on 127.0.0.1), tested, sent a test event that the delivery log shows as
 * delivered with HTTP 200 and that the receiver can verify with the signing secret the form showed; then disabled.
 * On a 390 px phone the page and its add form fit the screen. A project's overview shows the Google Analytics card
 * and, without an integration, says where to add one.
 */
import crypto from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserSuite, SCREENSHOTS, signUp, skipWithoutChromium, UI_TIMEOUT } from './support.js';

const skip = skipWithoutChromium();
const PHONE = { width: 390, height: 844 };
const wait = { timeout: UI_TIMEOUT };

type Received = { headers: http.IncomingHttpHeaders; body: string };

/** A webhook receiver on 127.0.0.1: keeps every request's headers and raw body and answers 200. */
function startReceiver(): Promise<{ url: string; received: Received[]; close(): Promise<void> }> {
  const received: Received[] = [];
  const server = http.createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      received.push({ headers: request.headers, body: Buffer.concat(chunks).toString('utf8') });
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end('{"received":true}');
    });
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      resolve({
        url: `http://127.0.0.1:${port}/atelier-events`,
        received,
        close: () => new Promise<void>((done) => server.close(() => done())),
      });
    });
  });
}

/** What a receiver does with a request: recompute `v1=HMAC-SHA256(secret, "timestamp.body")` and compare. */
function signatureVerifies(request: Received, secret: string): boolean {
  const timestamp = String(request.headers['x-atelier-timestamp'] ?? '');
  const signature = String(request.headers['x-atelier-signature'] ?? '');
  if (!/^\d+$/.test(timestamp) || Math.abs(Date.now() / 1000 - Number(timestamp)) > 300) return false;
  const expected = `v1=${crypto.createHmac('sha256', secret).update(`${timestamp}.${request.body}`).digest('hex')}`;
  return signature.split(',').some((part) => part.trim() === expected);
}

async function pageWidth(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth);
}

/** The elements reaching past the right edge of the screen, outside any frame that scrolls sideways by itself. */
async function tooWide(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const scrollsByItself = (element: Element) => {
      for (let parent = element.parentElement; parent && parent !== document.body; parent = parent.parentElement) {
        const overflow = getComputedStyle(parent).overflowX;
        if (overflow === 'auto' || overflow === 'scroll' || overflow === 'hidden') return true;
      }
      return false;
    };
    return [...document.body.querySelectorAll('*')]
      .filter((element) => element.getBoundingClientRect().right > window.innerWidth + 0.5 && !scrollsByItself(element))
      .map((element) => `${element.tagName.toLowerCase()}.${[...element.classList].join('.')} → ${Math.round(element.getBoundingClientRect().right)} px`);
  });
}

/** Opens Settings from the navigation, then its Integrations tab. */
async function openIntegrations(page: Page): Promise<void> {
  await page.goto('/settings');
  await page.getByTestId('settings-page').waitFor();
  await page.getByRole('navigation', { name: 'Settings sections' }).getByRole('link', { name: 'Integrations' }).click();
  await page.waitForURL(/\/settings\/integrations$/);
  await page.getByTestId('integrations-page').waitFor();
}

describe.skipIf(skip)('Settings → Integrations in the browser', () => {
  const suite = browserSuite();
  const { pageErrors } = suite;
  const runId = Date.now().toString(36);
  let receiver: Awaited<ReturnType<typeof startReceiver>>;

  beforeAll(async () => {
    receiver = await startReceiver();
  });
  afterAll(async () => {
    await receiver?.close();
  });

  it('a webhook added from the form is tested, sent a signed test event the delivery log shows, and disabled', { timeout: 240_000 }, async () => {
    const page = await suite.newPage();
    await signUp(page, suite.server.dataDir, 'Katherine Johnson', `katherine.${runId}@example.com`);
    await openIntegrations(page);

    // Nothing yet: the empty state offers to add one.
    await page.getByTestId('integrations-empty').waitFor();
    await page.getByTestId('add-integration').click();
    const dialog = page.getByTestId('integration-dialog');
    await dialog.waitFor();

    // The form, from the keyboard: the name field has the focus; a webhook is the type chosen first.
    const name = dialog.getByLabel('Name', { exact: true });
    await expect.poll(() => name.evaluate((element) => element === document.activeElement), wait).toBe(true);
    expect(await dialog.getByLabel('Type', { exact: true }).inputValue()).toBe('webhook');
    await page.keyboard.type('Release notes bot');
    await page.keyboard.press('Tab');
    await page.keyboard.type(receiver.url);
    expect(await dialog.getByLabel('URL', { exact: true }).inputValue()).toBe(receiver.url);

    // Events: "Story created" is chosen already; "Sprint completed" added with a click.
    expect(await dialog.getByRole('checkbox', { name: 'Story created' }).isChecked()).toBe(true);
    await dialog.getByRole('checkbox', { name: 'Sprint completed' }).click();
    expect(await dialog.getByRole('checkbox', { name: 'Sprint completed' }).isChecked()).toBe(true);

    // A signing secret generated by the form and shown once to copy for the receiver.
    await dialog.getByTestId('generate-secret').click();
    const shown = dialog.locator('.integration-secret-value');
    await shown.waitFor();
    const secret = (await shown.textContent())?.trim() ?? '';
    expect(secret.length).toBeGreaterThanOrEqual(16);
    expect(await dialog.getByLabel('Signing secret', { exact: true }).inputValue()).toBe(secret);

    await dialog.getByTestId('integration-save').click();
    await dialog.waitFor({ state: 'hidden' });

    const card = page.getByTestId('integration-card').filter({ hasText: 'Release notes bot' });
    await card.waitFor();
    expect(await card.getByTestId('integration-state').textContent()).toBe('Enabled');
    expect(await card.textContent()).toContain(receiver.url);
    expect(await card.textContent()).toContain('Sends: Story created, Sprint completed');
    expect(await card.textContent()).toContain('Not used yet');
    // The secret is never shown again.
    expect(await page.content()).not.toContain(secret);

    // "Test": the receiver gets a signed test event, and the card says it was delivered.
    const before = receiver.received.length;
    await card.getByTestId('integration-test').click();
    const result = card.getByTestId('integration-test-result');
    await result.waitFor();
    expect(await result.textContent()).toContain('Delivered a signed test event (HTTP 200)');
    expect(await card.textContent()).toContain('Last success');
    expect(receiver.received.length).toBe(before + 1);
    const tested = receiver.received[before]!;
    expect(signatureVerifies(tested, secret), 'the test request verifies with the signing secret').toBe(true);
    expect(signatureVerifies(tested, `${secret}x`)).toBe(false);
    expect((JSON.parse(tested.body) as { type: string }).type).toBe('test');

    // "Send test event": queued, delivered by the outbox, logged with its answer.
    await card.getByTestId('integration-send-test-event').click();
    const log = card.getByTestId('delivery-log');
    await log.waitFor();
    expect(await card.getByTestId('integration-log-toggle').getAttribute('aria-expanded')).toBe('true');
    const row = log.getByTestId('delivery-row').first();
    await row.waitFor();
    // Queued first (unless already sent); the open log follows it to its answer without a click on Refresh.
    expect(await row.locator('.tag').textContent()).toMatch(/^(Queued|Delivered)$/);
    await expect.poll(() => row.locator('.tag').textContent(), { timeout: 60_000 }).toBe('Delivered');
    const rowText = (await row.textContent()) ?? '';
    expect(rowText).toContain('test');
    expect(rowText).toContain('1 · 200');

    // The receiver got that event, with the id the log shows, signed with the secret the form showed.
    const eventId = (await row.locator('.integration-event-id').textContent())?.trim() ?? '';
    expect(eventId).not.toBe('');
    await expect.poll(() => receiver.received.some((request) => request.headers['x-atelier-event-id'] === eventId), wait).toBe(true);
    const event = receiver.received.find((request) => request.headers['x-atelier-event-id'] === eventId)!;
    expect(event.headers['content-type']).toContain('application/json');
    expect(signatureVerifies(event, secret), 'the test event verifies with the signing secret').toBe(true);
    expect((JSON.parse(event.body) as { id: string; type: string })).toMatchObject({ id: eventId, type: 'test' });

    await page.screenshot({ path: path.join(SCREENSHOTS, 'integrations-desktop.png'), fullPage: true });

    // Disabled: shown so, it takes no test events, and it stays so after a reload.
    await card.getByTestId('integration-toggle').click();
    await expect.poll(() => card.getByTestId('integration-state').textContent(), wait).toBe('Disabled');
    expect(await card.getByTestId('integration-toggle').textContent()).toBe('Enable');
    expect(await card.getByTestId('integration-send-test-event').isDisabled()).toBe(true);
    await page.reload();
    await card.waitFor();
    expect(await card.getByTestId('integration-state').textContent()).toBe('Disabled');
    expect(await card.getByTestId('integration-toggle').getAttribute('aria-pressed')).toBe('false');

    expect(pageErrors).toEqual([]);
  });

  it('on a 390 px phone the page and its add form fit the screen', { timeout: 180_000 }, async () => {
    const page = await suite.newPage();
    await page.setViewportSize(PHONE);
    await signUp(page, suite.server.dataDir, 'Dorothy Vaughan', `dorothy.${runId}@example.com`);
    await openIntegrations(page);
    await page.getByTestId('integrations-empty').waitFor();
    expect(await pageWidth(page)).toBeLessThanOrEqual(PHONE.width);

    // The add form: every field within the screen width, the save button reachable.
    await page.getByTestId('add-integration').click();
    const dialog = page.getByTestId('integration-dialog');
    await dialog.waitFor();
    await dialog.getByLabel('Name', { exact: true }).fill('Zap for the support team with a rather long name');
    await dialog.getByLabel('URL', { exact: true }).fill(receiver.url);
    await dialog.getByRole('checkbox', { name: 'Document published' }).click();
    await dialog.getByTestId('generate-secret').click();
    await dialog.locator('.integration-secret-value').waitFor();
    const outside: string[] = [];
    for (const control of await dialog.locator('input, select, button').all()) {
      if (!(await control.isVisible())) continue;
      const box = await control.boundingBox();
      if (box && (box.x < 0 || box.x + box.width > PHONE.width + 0.5)) {
        outside.push(`${await control.evaluate((element) => element.outerHTML.slice(0, 120))}: ${box.x}–${box.x + box.width}`);
      }
    }
    expect(outside).toEqual([]);
    expect(await pageWidth(page), (await tooWide(page)).join('\n')).toBeLessThanOrEqual(PHONE.width);
    await page.screenshot({ path: path.join(SCREENSHOTS, 'integrations-phone-form.png'), fullPage: false });
    const save = dialog.getByTestId('integration-save');
    await save.scrollIntoViewIfNeeded();
    await save.click();
    await dialog.waitFor({ state: 'hidden' });

    // The card with its delivery log open: the log's table may scroll in its frame, the page does not.
    const card = page.getByTestId('integration-card').first();
    await card.waitFor();
    await card.getByTestId('integration-send-test-event').click();
    expect(await card.locator('.integration-health').textContent()).toBe('Not used yet');
    const row = card.getByTestId('delivery-row').first();
    await expect.poll(() => row.locator('.tag').textContent(), { timeout: 60_000 }).toBe('Delivered');
    // The card's health follows the delivery it just watched.
    await expect.poll(() => card.locator('.integration-health').textContent(), wait).toContain('Last success');
    await page.waitForLoadState('networkidle');
    expect(await pageWidth(page), (await tooWide(page)).join('\n')).toBeLessThanOrEqual(PHONE.width);
    const actions = await card.getByRole('group', { name: /^Actions for/ }).boundingBox();
    expect(actions!.x + actions!.width).toBeLessThanOrEqual(PHONE.width);
    await page.screenshot({ path: path.join(SCREENSHOTS, 'integrations-phone.png'), fullPage: true });

    expect(pageErrors).toEqual([]);
  });

  it("a project's overview shows the Google Analytics card, which says how to add one", { timeout: 120_000 }, async () => {
    const page = await suite.newPage();
    await signUp(page, suite.server.dataDir, 'Mary Jackson', `mary.${runId}@example.com`);
    const created = await page.request.post('/api/v1/projects', { data: { name: `Wind tunnel ${runId}`, description: 'Bookings for the wind tunnel.' } });
    expect(created.status(), await created.text()).toBe(201);
    const projectId = ((await created.json()) as { id: string }).id;

    await page.goto(`/projects/${projectId}`);
    const card = page.getByTestId('project-analytics');
    await card.waitFor();
    expect(await card.getByRole('heading').first().textContent()).toBe('Success metrics in Google Analytics');
    const note = card.getByTestId('analytics-not-configured');
    await note.waitFor();
    expect(await note.textContent()).toContain('Settings → Integrations');

    expect(pageErrors).toEqual([]);
  });
});

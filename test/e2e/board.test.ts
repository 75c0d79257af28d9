/**
 * The board in a real browser, on the built-in offline engine: a question tied to a project is asked from the
 * project's Board tab; the room fills live (persona cards, rounds, options, votes) and completes with a Borda tally
 * drawn as a chart and a decision record with a minority report and both baselines, downloadable and saved to the
 * project; on a phone the room and the lists fit the screen. A second server runs no job worker, so a session stays
 * where the controls put it (an offline deliberation otherwise ends in about two seconds): it is paused, resumed and
 * killed from the room, a pause made elsewhere reaches the room through its event stream, and the kill reason stays.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { browserSuite, SCREENSHOTS, signUp, skipWithoutChromium, UI_TIMEOUT } from './support.js';

const skip = skipWithoutChromium();
const PHONE = { width: 390, height: 844 };
const QUESTION = 'Should we launch in one city or three?';
/** How long a poll waits for the page to catch up. */
const wait = { timeout: UI_TIMEOUT };
/** A whole offline deliberation: framing, panel, rounds, votes and synthesis. */
const DELIBERATION_MS = 120_000;

type Detail = {
  id: string;
  status: string;
  phase: string;
  roundNumber: number;
  totalCost: number;
  totalTokens: number;
  spentUsd: number;
  spentTokens: number;
  killReason: string | null;
  killedBy: string | null;
  panel: Array<{ code: string; family: string }>;
  contributions: Array<{ cost: number; tokens: number; personaCode: string; roundNumber: number }>;
  votes: unknown[];
  decision: { tally: { rule: string; winner: string | null; scores: Array<{ optionId: string; points: number }> } } | null;
};

async function createProject(page: Page, name: string): Promise<string> {
  const created = await page.request.post('/api/v1/projects', {
    data: {
      name,
      key: 'RIDE',
      description: 'Commuters book e-bike rides from docking stations; station operators rebalance bikes; we track weekly active riders.',
    },
  });
  expect(created.status(), await created.text()).toBe(201);
  return ((await created.json()) as { id: string }).id;
}

async function sessionOf(page: Page, id: string): Promise<Detail> {
  const response = await page.request.get(`/api/v1/board/sessions/${id}`);
  expect(response.status(), await response.text()).toBe(200);
  return (await response.json()) as Detail;
}

function sessionIdOf(page: Page): string {
  const match = /\/board\/sessions\/([0-9a-f-]{36})$/.exec(new URL(page.url()).pathname);
  if (!match) throw new Error(`Not in a board room: ${page.url()}`);
  return match[1]!;
}

/** Answers the clarifying questions the board asks (if it asks any), so the deliberation goes on. */
async function answerIfAsked(page: Page): Promise<boolean> {
  const form = page.getByTestId('room-clarifications');
  if (!(await form.isVisible())) return false;
  const answers = form.getByTestId('board-clarification-answer');
  const count = await answers.count();
  for (let i = 0; i < count; i += 1) await answers.nth(i).fill('Budget is €400k for the first year; we must launch before the spring season; 2,000 riders signed the waiting list.');
  await form.getByTestId('send-clarifications').click();
  await form.waitFor({ state: 'detached' });
  return true;
}

async function pageWidth(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth);
}

describe.skipIf(skip)('the board in the browser', () => {
  const suite = browserSuite();
  const { pageErrors } = suite;
  const runId = Date.now().toString(36);

  it('a question tied to a project fills the room live and ends with a Borda tally and a decision record', { timeout: 300_000 }, async () => {
    const page = await suite.newPage();
    const streams: string[] = [];
    page.on('request', (request) => {
      if (/\/api\/v1\/board\/sessions\/[0-9a-f-]{36}\/events/.test(request.url())) streams.push(request.url());
    });
    await signUp(page, suite.server.dataDir, 'Grace Hopper', `grace.${runId}@example.com`);
    const projectId = await createProject(page, `E-bike share ${runId}`);

    // The Board in the navigation lists the organization's sessions; none yet.
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Board' }).click();
    await page.getByTestId('board-page').waitFor();
    await page.getByTestId('board-empty').waitFor();

    // From the project's Board tab, a new session is tied to the project.
    await page.goto(`/projects/${projectId}`);
    await page.getByTestId('project-tab-board').click();
    await page.getByTestId('project-board-tab').getByTestId('board-empty').waitFor();
    await page.getByTestId('project-board-tab').getByTestId('new-session').click();
    await page.getByTestId('new-session-page').waitFor();
    await expect.poll(() => page.getByTestId('session-project').inputValue(), wait).toBe(projectId);

    // Nothing asked: the form names the field and sends nothing.
    await page.getByTestId('start-session').click();
    await page.getByTestId('field-error').filter({ hasText: 'Problem statement is required' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/board/new');

    await page.getByTestId('problem-statement').fill(QUESTION);
    expect(await page.getByTestId('problem-counter').textContent()).toBe(`${QUESTION.length} / 4000`);
    await page.getByTestId('problem-context').fill('Cities considered: Lyon, Lille, Nantes\nFleet: 600 e-bikes');
    await page.getByTestId('start-session').click();
    await page.waitForURL(/\/board\/sessions\/[0-9a-f-]{36}$/);
    const sessionId = sessionIdOf(page);
    await page.getByTestId('board-room').waitFor();
    expect(await page.getByTestId('room-problem').textContent()).toBe(QUESTION);
    // The room fills and completes by itself, without reloading: it follows the session's event stream. What it
    // shows is sampled on the way (an offline deliberation takes a few seconds).
    const seen: Array<{ status: string | null; contributions: number }> = [];
    const done = page.locator('[data-testid="board-room"][data-status="completed"]');
    const deadline = Date.now() + DELIBERATION_MS;
    let answered = false;
    while (!(await done.isVisible())) {
      if (Date.now() > deadline) throw new Error(`The session did not complete: ${JSON.stringify(await sessionOf(page, sessionId))}`);
      seen.push({ status: await page.getByTestId('board-room').getAttribute('data-status'), contributions: await page.getByTestId('contribution').count() });
      if (!answered) answered = await answerIfAsked(page);
      await page.waitForTimeout(150);
    }
    expect(new URL(page.url()).pathname).toBe(`/board/sessions/${sessionId}`);
    expect(streams.length, 'the room follows the event stream').toBeGreaterThan(0);
    expect(seen.some((sample) => sample.status === 'active'), 'the room showed the session running').toBe(true);
    const final = await page.getByTestId('contribution').count();
    expect(seen.some((sample) => sample.contributions < final), 'contributions arrived while the room was open').toBe(true);
    await page.screenshot({ path: path.join(SCREENSHOTS, 'board-room-desktop.png'), fullPage: true });

    const session = await sessionOf(page, sessionId);
    expect(session.status).toBe('completed');
    expect(session.decision?.tally.rule).toBe('borda');

    // The session's totals are summed from its contributions; the header shows everything spent against the cap.
    expect(await page.getByTestId('room-round').textContent()).toMatch(/^Round \d+ of \d+$/);
    expect(session.totalTokens).toBe(session.contributions.reduce((sum, c) => sum + c.tokens, 0));
    expect(session.totalCost).toBeCloseTo(session.contributions.reduce((sum, c) => sum + c.cost, 0), 6);
    expect(session.spentTokens).toBeGreaterThan(session.totalTokens);
    expect(Number(await page.getByTestId('room-cost').getAttribute('data-cost'))).toBeCloseTo(session.spentUsd, 6);
    expect(await page.getByTestId('room-tokens').textContent()).toContain(session.spentTokens.toLocaleString());

    // 3–5 persona cards from different disciplines, each filled with its latest claim and position.
    const cards = page.getByTestId('persona-card');
    const seated = await cards.count();
    expect(seated).toBeGreaterThanOrEqual(3);
    expect(seated).toBeLessThanOrEqual(5);
    expect(new Set(session.panel.map((p) => p.family)).size).toBeGreaterThan(1);
    expect(await page.locator('[data-testid="persona-card"][data-filled="true"]').count()).toBe(seated);
    for (let i = 0; i < seated; i += 1) {
      expect((await cards.nth(i).getByTestId('persona-latest').textContent())?.trim().length ?? 0).toBeGreaterThan(10);
    }

    // At least two rounds, each contribution with its persona, round and claim.
    const rounds = page.getByTestId('round');
    expect(await rounds.count()).toBeGreaterThanOrEqual(2);
    expect(await rounds.first().getByTestId('contribution').count()).toBe(seated);
    const claims = await page.getByTestId('contribution-claim').allTextContents();
    expect(new Set(claims).size, 'every persona says something of its own').toBeGreaterThanOrEqual(seated);

    // The tally: one bar per option under the rule named, the winner marked and leading.
    const chart = page.getByTestId('tally-chart');
    expect(await chart.getAttribute('data-rule')).toBe('borda');
    expect(await page.getByTestId('tally-rule').textContent()).toContain('Borda count');
    const bars = chart.getByTestId('tally-bar');
    expect(await bars.count()).toBe(session.decision!.tally.scores.length);
    expect(await bars.count()).toBeGreaterThanOrEqual(2);
    const winner = session.decision!.tally.winner!;
    expect(await chart.getAttribute('data-winner')).toBe(winner);
    expect(await chart.locator('.tally-winner').getAttribute('data-option')).toBe(winner);
    const points = await bars.evaluateAll((elements) => elements.map((e) => Number(e.getAttribute('data-points'))));
    expect(Math.max(...points)).toBe(points[0]);

    // The decision record: the recommendation, a minority report naming a dissenter, and both baselines.
    const record = page.getByTestId('decision-record');
    expect((await record.getByTestId('recommendation').textContent())?.length ?? 0).toBeGreaterThan(20);
    const minority = (await record.getByTestId('minority-report').textContent()) ?? '';
    expect(minority).toContain('argues for');
    const single = (await record.getByTestId('baseline-single').textContent()) ?? '';
    const roundOne = (await record.getByTestId('baseline-round-one').textContent()) ?? '';
    expect(single).not.toContain('Not computed');
    expect(roundOne).not.toContain('No positions');
    expect((await record.getByTestId('what-changed').textContent())?.length ?? 0).toBeGreaterThan(30);

    // decision.md downloads with the question in it.
    const [download] = await Promise.all([page.waitForEvent('download'), record.getByTestId('download-decision').click()]);
    const file = await download.path();
    const markdown = fs.readFileSync(file, 'utf8');
    expect(markdown).toContain(QUESTION);
    expect(markdown.toLowerCase()).toContain('minority');

    // Saved to the project: a document of the project, opened from the room.
    await record.getByTestId('save-decision').click();
    await record.getByTestId('saved-decision').click();
    await page.waitForURL(new RegExp(`/projects/${projectId}/documents/[0-9a-f-]{36}$`));
    await page.getByTestId('document-content').waitFor();
    expect(await page.getByTestId('document-content').textContent()).toContain(QUESTION);

    // The project's Board tab and the Board list both show the session, completed, with its recommendation.
    await page.goto(`/projects/${projectId}/board`);
    const row = page.getByTestId('project-board-tab').getByTestId('session-row');
    await row.first().waitFor();
    expect(await row.count()).toBe(1);
    expect(await row.getAttribute('data-status')).toBe('completed');
    expect(await row.textContent()).toContain('Recommends');
    await page.goto('/board');
    await page.getByTestId('session-row').first().waitFor();
    expect(await page.getByTestId('session-row').first().getAttribute('data-session-id')).toBe(sessionId);

    // On a phone: nothing scrolls sideways, and the rounds are a timeline, one under the other.
    await page.setViewportSize(PHONE);
    for (const url of ['/board', `/projects/${projectId}/board`, `/board/new?projectId=${projectId}`, `/board/sessions/${sessionId}`]) {
      await page.goto(url);
      await page.locator('[data-testid="session-row"], [data-testid="new-session-page"], [data-testid="tally-chart"]').first().waitFor();
      if (url === '/board/new?projectId=' + projectId) {
        await page.getByTestId('advanced-toggle').click();
        await page.getByTestId('persona-picker').waitFor();
      }
      expect(await pageWidth(page), url).toBeLessThanOrEqual(PHONE.width);
    }
    await page.screenshot({ path: path.join(SCREENSHOTS, 'board-room-phone.png'), fullPage: true });
    const tops = await page.getByTestId('round').evaluateAll((elements) => elements.map((e) => e.getBoundingClientRect().top));
    expect(tops[1]!).toBeGreaterThan(tops[0]!);

    expect(pageErrors).toEqual([]);
  });

});

describe.skipIf(skip)('the board room controls', () => {
  // No job worker: sessions wait in the queue, so every status the room shows is the one the controls set.
  const suite = browserSuite({ env: () => ({ JOBS_CONCURRENCY: '0' }) });
  const { pageErrors } = suite;
  const runId = Date.now().toString(36);

  it('pause, resume and kill from the room, a pause made elsewhere arrives live, and the kill reason stays', { timeout: 180_000 }, async () => {
    const page = await suite.newPage();
    await signUp(page, suite.server.dataDir, 'Katherine Johnson', `katherine.${runId}@example.com`);
    const projectId = await createProject(page, `Bike fleet ${runId}`);

    await page.goto(`/board/new?projectId=${projectId}`);
    await page.getByTestId('problem-statement').fill('Should we rebalance bikes overnight or during the day?');
    await page.getByTestId('advanced-toggle').click();
    await page.getByTestId('max-rounds').fill('12');
    await page.getByTestId('start-session').click();
    // Twelve rounds is past the hard cap: the server's message sits under the field it names.
    await page.getByTestId('field-error').filter({ hasText: 'Max rounds must be at most 10' }).waitFor();
    await page.getByTestId('max-rounds').fill('8');

    // The panel chosen by hand: three personas from the picker; past five the others are disabled.
    const options = page.getByTestId('persona-option');
    await options.first().waitFor();
    for (let i = 0; i < 5; i += 1) await options.nth(i).check();
    expect(await options.nth(5).isDisabled()).toBe(true);
    await options.nth(4).uncheck();
    await options.nth(3).uncheck();
    const chosen = await Promise.all([0, 1, 2].map(async (i) => (await options.nth(i).getAttribute('data-code'))!));
    const spare = (await options.nth(3).getAttribute('data-code'))!;
    expect(await page.getByTestId('persona-count').textContent()).toBe('3 of at most 5 chosen');
    await page.getByTestId('start-session').click();
    await page.waitForURL(/\/board\/sessions\/[0-9a-f-]{36}$/);
    const sessionId = sessionIdOf(page);
    const inStatus = (status: string) => page.locator(`[data-testid="board-room"][data-status="${status}"]`);
    await inStatus('active').waitFor();
    expect(await page.getByTestId('room-round').textContent()).toBe('Up to 8 rounds');
    const seatedCodes = () => page.getByTestId('persona-card').evaluateAll((cards) => cards.map((card) => card.getAttribute('data-code')));
    expect(await seatedCodes()).toEqual(chosen);

    // Running: pause and kill apply, resume does not. Paused from the keyboard.
    expect(await page.getByTestId('resume-session').isDisabled()).toBe(true);
    expect(await page.getByTestId('kill-session').isEnabled()).toBe(true);
    await page.getByTestId('pause-session').focus();
    await page.keyboard.press('Enter');
    await inStatus('paused').waitFor();
    expect((await sessionOf(page, sessionId)).status).toBe('paused');
    expect(await page.getByTestId('pause-session').isDisabled()).toBe(true);

    // Paused before round 2, the panel can change: one persona swapped for another.
    await page.getByTestId('swap-panel').click();
    const swap = page.getByTestId('panel-dialog');
    await swap.locator(`[data-testid="persona-option"][data-code="${chosen[0]}"]`).uncheck();
    await swap.locator(`[data-testid="persona-option"][data-code="${spare}"]`).check();
    await swap.getByTestId('panel-confirm').click();
    await swap.waitFor({ state: 'hidden' });
    await expect.poll(async () => (await seatedCodes()).sort(), wait).toEqual([chosen[1]!, chosen[2]!, spare].sort());

    // Resumed from the room.
    await page.getByTestId('resume-session').click();
    await inStatus('active').waitFor();
    expect((await sessionOf(page, sessionId)).status).toBe('active');

    // Paused from elsewhere (another tab, the API): the room hears it on its event stream, without a reload.
    // A mark on the window, gone if the page were reloaded.
    await page.evaluate(() => {
      (window as unknown as { beforePause: boolean }).beforePause = true;
    });
    const paused = await page.request.post(`/api/v1/board/sessions/${sessionId}/pause`, { data: {} });
    expect(paused.status(), await paused.text()).toBe(200);
    await inStatus('paused').waitFor();
    expect(await page.evaluate(() => (window as unknown as { beforePause?: boolean }).beforePause)).toBe(true);

    // Killed with a reason typed in the dialog, all from the keyboard.
    await page.getByTestId('kill-session').focus();
    await page.keyboard.press('Enter');
    const dialog = page.getByTestId('kill-dialog');
    // The reason field has the focus as the dialog opens: the reason is typed straight away.
    await expect.poll(() => dialog.getByTestId('kill-reason').evaluate((element) => element === document.activeElement), wait).toBe(true);
    await page.keyboard.type('The pricing question was settled elsewhere');
    await dialog.getByTestId('kill-confirm').click();
    await inStatus('killed').waitFor();
    expect(await page.getByTestId('kill-reason-shown').textContent()).toBe('Reason: The pricing question was settled elsewhere');
    for (const control of ['pause-session', 'resume-session', 'kill-session']) expect(await page.getByTestId(control).isDisabled()).toBe(true);

    const killed = await sessionOf(page, sessionId);
    expect(killed.status).toBe('killed');
    expect(killed.killReason).toBe('The pricing question was settled elsewhere');
    expect(killed.killedBy).not.toBeNull();

    // Still there after a reload, and in the project's list with the reason.
    await page.reload();
    expect(await page.getByTestId('kill-reason-shown').textContent()).toContain('settled elsewhere');
    await page.goto(`/projects/${projectId}/board`);
    const row = page.getByTestId('session-row').first();
    await row.waitFor();
    expect(await row.getAttribute('data-status')).toBe('killed');
    expect(await row.textContent()).toContain('Killed: The pricing question was settled elsewhere');

    // An admin stops every running session of the organization from the Board page.
    await page.goto('/board/new');
    await page.getByTestId('problem-statement').fill('Do we open a second depot?');
    await page.getByTestId('start-session').click();
    await page.waitForURL(/\/board\/sessions\/[0-9a-f-]{36}$/);
    const secondId = sessionIdOf(page);
    await inStatus('active').waitFor();
    await page.goto('/board');
    await page.getByTestId('kill-all').click();
    await page.getByTestId('kill-all-reason').fill('Quarterly budget freeze');
    await page.getByTestId('kill-all-dialog-confirm').click();
    await page.getByTestId('toast').filter({ hasText: 'Stopped 1 session' }).waitFor();
    await page.locator(`[data-testid="session-row"][data-session-id="${secondId}"][data-status="killed"]`).waitFor();
    expect((await sessionOf(page, secondId)).killReason).toBe('Quarterly budget freeze');

    expect(pageErrors).toEqual([]);
  });
});

/**
 * The backlog in a real browser: stories written from the keyboard in the backlog list (c, type, Enter; j/k and x to
 * select; a likely duplicate named while typing), moved into a sprint with the bulk edit, the sprint started, a story
 * dragged to Done on the board — saved at once, still there after a reload — and the sprint's burndown showing the
 * points it took off; completing the sprint records its velocity. Phase tasks complete and reopen; proposals
 * generated from a PRD are reviewed and accepted. On a phone, the backlog's pages fit the screen.
 */
import path from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { browserSuite, SCREENSHOTS, signUp, skipWithoutChromium, UI_TIMEOUT } from './support.js';

const skip = skipWithoutChromium();
const PHONE = { width: 390, height: 844 };
/** How long a poll waits for the page (or the server) to catch up. */
const wait = { timeout: UI_TIMEOUT };

type Story = { id: string; key: string; title: string; status: string; storyPoints: number | null; sprintId: string | null };

async function projectWithKey(page: Page, name: string, key: string): Promise<string> {
  const created = await page.request.post('/api/v1/projects', { data: { name, key, description: 'Volunteers sign up for food bank shifts; coordinators approve swaps.' } });
  expect(created.status(), await created.text()).toBe(201);
  return ((await created.json()) as { id: string }).id;
}

async function storiesOf(page: Page, projectId: string): Promise<Story[]> {
  const response = await page.request.get(`/api/v1/projects/${projectId}/stories?limit=200`);
  expect(response.status(), await response.text()).toBe(200);
  return ((await response.json()) as { items: Story[] }).items;
}

/** Presses `c`, types a title, picks the points and presses Enter: the story appears as the list's first row. */
async function writeStory(page: Page, title: string, points: number): Promise<void> {
  await page.locator('body').press('c');
  const input = page.getByTestId('composer-title');
  await expect.poll(() => input.evaluate((element) => element === document.activeElement), wait).toBe(true);
  await page.keyboard.type(title);
  await page.getByTestId('composer-points').selectOption(String(points));
  await input.press('Enter');
  await page.getByTestId('story-row').filter({ hasText: title }).waitFor();
  expect(await input.inputValue()).toBe('');
}

describe.skipIf(skip)('the backlog in the browser', () => {
  const suite = browserSuite();
  const { pageErrors } = suite;
  const runId = Date.now().toString(36);

  it('stories from the keyboard, a sprint started, a card dragged to Done and the burndown moves', { timeout: 180_000 }, async () => {
    const page = await suite.newPage();
    await signUp(page, suite.server.dataDir, 'Margaret Hamilton', `margaret.${runId}@example.com`);
    const projectId = await projectWithKey(page, `Shift swaps ${runId}`, 'SWAP');

    // The Backlog tab of the project, empty at first.
    await page.goto(`/projects/${projectId}`);
    await page.getByTestId('project-tab-backlog').click();
    await page.getByTestId('backlog-empty').waitFor();

    // Three stories written from the keyboard; each gets the next key.
    await writeStory(page, 'Volunteer signs up for a shift', 3);
    await writeStory(page, 'Coordinator approves a shift swap', 5);
    await writeStory(page, 'Volunteer sees the week’s shifts', 2);
    const rows = page.getByTestId('story-row');
    await expect.poll(() => rows.count(), wait).toBe(3);
    const keys = await rows.evaluateAll((elements) => elements.map((element) => element.getAttribute('data-key')).sort());
    expect(keys).toEqual(['SWAP-1', 'SWAP-2', 'SWAP-3']);

    // While a title like an open story's is typed, the duplicate is named before anything is saved.
    await page.getByTestId('composer-title').fill('Coordinator approves the shift swaps');
    await page.getByTestId('duplicate-warning').filter({ hasText: 'SWAP-2' }).waitFor();
    expect(await page.getByTestId('duplicate-warning').textContent()).toContain('Coordinator approves a shift swap');

    // A title typed and not added is not lost by leaving: the app asks first.
    await page.getByTestId('backlog-view-board').click();
    const leave = page.getByTestId('leave-dialog');
    await leave.getByText('Leave without saving?').waitFor();
    await leave.getByTestId('leave-dialog-cancel').click();
    await leave.waitFor({ state: 'hidden' });
    expect(new URL(page.url()).pathname).toBe(`/projects/${projectId}/backlog`);
    expect(await page.getByTestId('composer-title').inputValue()).toBe('Coordinator approves the shift swaps');
    await page.getByTestId('composer-title').fill('');
    await page.getByTestId('composer-title').press('Escape');

    // j/k move through the rows and x selects: the bulk bar counts the selection; Escape clears it.
    await page.locator('body').press('j');
    await page.keyboard.press('x');
    await page.keyboard.press('j');
    await page.keyboard.press('x');
    await expect.poll(async () => page.getByTestId('bulk-count').textContent(), wait).toBe('2 selected');
    await page.keyboard.press('k');
    await page.keyboard.press('x');
    await expect.poll(async () => page.getByTestId('bulk-count').textContent(), wait).toBe('1 selected');
    await page.keyboard.press('Escape');
    await page.getByTestId('bulk-bar').waitFor({ state: 'detached' });

    // A sprint, planned from the Sprints view.
    await page.getByTestId('backlog-view-sprints').click();
    await page.getByTestId('sprints-page').waitFor();
    await page.getByTestId('new-sprint').click();
    const sprintDialog = page.getByTestId('sprint-dialog');
    await sprintDialog.getByTestId('sprint-name').fill('Sprint 1');
    await sprintDialog.getByTestId('sprint-goal').fill('Volunteers can swap shifts');
    await sprintDialog.getByTestId('sprint-submit').click();
    await page.waitForURL(/\/backlog\/sprints\/[0-9a-f-]{36}$/);
    const sprintUrl = new URL(page.url()).pathname;
    const sprintId = sprintUrl.split('/').pop()!;
    await page.locator('[data-testid="sprint-page"][data-status="planning"]').waitFor();

    // Every story moved into the sprint with the bulk edit.
    await page.getByTestId('backlog-view-list').click();
    await expect.poll(() => rows.count(), wait).toBe(3);
    await page.getByTestId('select-all').check();
    await page.getByTestId('bulk-sprint').selectOption(sprintId);
    await expect.poll(async () => (await storiesOf(page, projectId)).filter((s) => s.sprintId === sprintId).length, wait).toBe(3);

    // Started: the burndown begins at the 10 points committed.
    await page.goto(sprintUrl);
    await page.getByTestId('start-sprint').click();
    await page.locator('[data-testid="sprint-page"][data-status="active"]').waitFor();
    const burndown = page.getByTestId('burndown-chart');
    await burndown.waitFor();
    expect(await burndown.getAttribute('data-remaining')).toBe('10');
    await page.screenshot({ path: path.join(SCREENSHOTS, 'backlog-sprint-started.png'), fullPage: true });

    // The board of the active sprint: every story in To do.
    await page.getByTestId('sprint-board-link').click();
    await page.getByTestId('board').waitFor();
    const todo = page.getByTestId('board-column-todo');
    const done = page.getByTestId('board-column-done');
    await expect.poll(async () => todo.getByTestId('column-count').textContent(), wait).toBe('3');
    expect(await done.getByTestId('column-count').textContent()).toBe('0');

    // Dragged with the mouse to Done: the move is saved at once.
    const card = todo.getByTestId('board-card').filter({ hasText: 'Coordinator approves a shift swap' });
    const from = (await card.boundingBox())!;
    const to = (await done.boundingBox())!;
    const saved = page.waitForResponse((response) => response.url().endsWith('/move') && response.request().method() === 'POST');
    await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
    await page.mouse.down();
    await page.mouse.move(from.x + from.width / 2 + 12, from.y + from.height / 2 + 4, { steps: 4 });
    await page.mouse.move(to.x + to.width / 2, to.y + 70, { steps: 20 });
    await page.mouse.move(to.x + to.width / 2, to.y + 72, { steps: 2 });
    await page.mouse.up();
    expect((await saved).status()).toBe(200);
    await expect.poll(async () => done.getByTestId('column-count').textContent(), wait).toBe('1');
    expect(await todo.getByTestId('column-count').textContent()).toBe('2');
    expect(await done.getByTestId('column-points').textContent()).toBe('5 pts');
    await page.screenshot({ path: path.join(SCREENSHOTS, 'backlog-board.png'), fullPage: true });

    // Still in Done after a reload: the server has it.
    await page.reload();
    await done.getByTestId('board-card').filter({ hasText: 'Coordinator approves a shift swap' }).waitFor();
    const moved = (await storiesOf(page, projectId)).find((s) => s.title === 'Coordinator approves a shift swap')!;
    expect(moved.status).toBe('done');

    // The burndown took the 5 points off today's remaining work.
    await page.goto(sprintUrl);
    await page.getByTestId('burndown-chart').waitFor();
    await expect.poll(async () => page.getByTestId('burndown-chart').getAttribute('data-remaining'), wait).toBe('5');
    expect(await page.getByTestId('sprint-points').textContent()).toBe('5/10');
    await page.screenshot({ path: path.join(SCREENSHOTS, 'backlog-burndown.png'), fullPage: true });

    // The story's own page tells the move in its history.
    await page.goto(`/projects/${projectId}/backlog/stories/${moved.id}`);
    await page.locator('[data-testid="activity-entry"][data-field="status"]').first().waitFor();
    expect(await page.locator('[data-testid="activity-entry"][data-field="status"]').first().textContent()).toMatch(/Margaret Hamilton changed status from To do to Done/);

    // Completed, the unfinished stories going to the next sprint: the velocity is the 5 points done.
    await page.goto(sprintUrl);
    await page.getByTestId('complete-sprint').click();
    const complete = page.getByTestId('complete-sprint-dialog');
    await complete.getByTestId('complete-to-next').check();
    await complete.getByTestId('complete-sprint-confirm').click();
    await page.locator('[data-testid="sprint-page"][data-status="completed"]').waitFor();
    expect(await page.getByTestId('sprint-velocity').textContent()).toBe('5');
    const after = await storiesOf(page, projectId);
    const unfinished = after.filter((s) => s.status !== 'done');
    expect(unfinished).toHaveLength(2);
    expect(new Set(unfinished.map((s) => s.sprintId)).size).toBe(1);
    expect(unfinished[0]!.sprintId).not.toBe(sprintId);
    expect(unfinished[0]!.sprintId).not.toBeNull();

    // The velocity chart: one completed sprint, committed 10, completed 5.
    await page.getByTestId('backlog-view-sprints').click();
    const velocity = page.getByTestId('velocity-chart');
    await velocity.waitFor();
    expect(await velocity.getAttribute('data-average')).toBe('5');
    expect(await velocity.getByTestId('velocity-sprint').count()).toBe(1);
    expect(await velocity.locator('svg').getAttribute('aria-label')).toContain('Sprint 1 5 of 10 points');
    await page.screenshot({ path: path.join(SCREENSHOTS, 'backlog-velocity.png'), fullPage: true });

    expect(pageErrors).toEqual([]);
  });

  it('a card moves to Done from the keyboard too', { timeout: 120_000 }, async () => {
    const page = await suite.newPage();
    await signUp(page, suite.server.dataDir, 'Katherine Johnson', `katherine.${runId}@example.com`);
    const projectId = await projectWithKey(page, `Rota ${runId}`, 'ROTA');
    const made = await page.request.post(`/api/v1/projects/${projectId}/stories`, { data: { title: 'Coordinator publishes the rota', storyPoints: 3 } });
    expect(made.status(), await made.text()).toBe(201);

    // The backlog's board (no sprint yet): the card's menu moves it to Done.
    await page.goto(`/projects/${projectId}/backlog/board`);
    const done = page.getByTestId('board-column-done');
    await page.getByTestId('board-card').waitFor();
    await page.getByTestId('card-menu').focus();
    await page.keyboard.press('Enter');
    await page.getByTestId('move-to-done').waitFor();
    await page.getByTestId('move-to-done').focus();
    await page.keyboard.press('Enter');
    await expect.poll(async () => done.getByTestId('column-count').textContent(), wait).toBe('1');
    await expect.poll(async () => (await storiesOf(page, projectId))[0]?.status, wait).toBe('done');

    expect(pageErrors).toEqual([]);
  });
});

describe.skipIf(skip)('phase tasks in the browser', () => {
  const suite = browserSuite();
  const { pageErrors } = suite;
  const runId = Date.now().toString(36);

  it('tasks are grouped by phase, completed and reopened with a click', { timeout: 120_000 }, async () => {
    const page = await suite.newPage();
    await signUp(page, suite.server.dataDir, 'Mary Jackson', `mary.${runId}@example.com`);
    const projectId = await projectWithKey(page, `Launch ${runId}`, 'LAUNCH');
    for (const [phase, title] of [[1, 'Interview three coordinators'], [1, 'Draft the shift calendar'], [2, 'Pilot with one food bank']] as const) {
      const made = await page.request.post(`/api/v1/projects/${projectId}/tasks`, { data: { phase, title } });
      expect(made.status(), await made.text()).toBe(201);
    }
    const taskState = async (title: string) => {
      const page1 = (await (await page.request.get(`/api/v1/projects/${projectId}/tasks?limit=50`)).json()) as { items: Array<{ title: string; completed: boolean }> };
      return page1.items.find((t) => t.title === title)?.completed;
    };

    await page.goto(`/projects/${projectId}/backlog/tasks`);
    const phases = page.getByTestId('task-phase');
    await expect.poll(() => phases.count(), wait).toBe(2);
    expect(await phases.nth(0).getByTestId('task-row').count()).toBe(2);
    expect(await phases.nth(1).getByTestId('task-row').count()).toBe(1);

    const row = page.getByTestId('task-row').filter({ hasText: 'Draft the shift calendar' });
    await row.getByTestId('task-toggle').click();
    await expect.poll(() => row.getAttribute('data-completed'), wait).toBe('true');
    expect(await taskState('Draft the shift calendar')).toBe(true);
    expect(await phases.nth(0).textContent()).toContain('1/2 done');

    await row.getByTestId('task-toggle').click();
    await expect.poll(() => row.getAttribute('data-completed'), wait).toBe('false');
    expect(await taskState('Draft the shift calendar')).toBe(false);

    expect(pageErrors).toEqual([]);
  });
});

describe.skipIf(skip)('stories generated from the PRD', () => {
  const suite = browserSuite();
  const { pageErrors } = suite;
  const runId = Date.now().toString(36);

  it('the review lists proposals by epic; the accepted ones become stories keyed KEY-1…, the rejected one does not', { timeout: 180_000 }, async () => {
    const page = await suite.newPage();
    await signUp(page, suite.server.dataDir, 'Frances Allen', `frances.${runId}@example.com`);
    const created = await page.request.post('/api/v1/projects', {
      data: {
        name: `Food bank ${runId}`,
        key: 'FOOD',
        description:
          'A shared calendar where volunteers sign up for food bank shifts. Volunteers can cancel a shift they signed up for. Coordinators must approve each shift swap. Coordinators publish the weekly rota. Each shift has a date, a start time and a location.',
      },
    });
    expect(created.status(), await created.text()).toBe(201);
    const projectId = ((await created.json()) as { id: string }).id;
    const queued = await page.request.post(`/api/v1/projects/${projectId}/documents/generate`, { data: { type: 'prd' } });
    expect(queued.status()).toBe(202);
    const { jobId } = (await queued.json()) as { jobId: string };
    let status = 'queued';
    for (let i = 0; i < 240 && (status === 'queued' || status === 'running'); i++) {
      await page.waitForTimeout(250);
      status = ((await (await page.request.get(`/api/v1/jobs/${jobId}`)).json()) as { status: string }).status;
    }
    expect(status).toBe('succeeded');

    await page.goto(`/projects/${projectId}/backlog`);
    await page.getByTestId('backlog-empty').waitFor();
    await page.getByTestId('generate-stories').click();
    const dialog = page.getByTestId('generate-stories-dialog');
    await expect.poll(async () => dialog.getByTestId('generate-stories-source').locator('option').first().textContent(), wait).toMatch(/Product Requirements/);
    await dialog.getByTestId('generate-stories-submit').click();
    await dialog.getByTestId('proposal-review').waitFor({ timeout: 60_000 });
    const proposals = dialog.getByTestId('proposal');
    const count = await proposals.count();
    expect(count).toBeGreaterThan(1);
    expect(await dialog.getByTestId('proposal-epic').count()).toBeGreaterThan(0);
    expect(await proposals.first().textContent()).toMatch(/Given .*when .*then/i);

    // One edited, one rejected (when there are two or more), the rest accepted.
    await proposals.first().getByTestId('proposal-edit').click();
    await dialog.getByTestId('proposal-title-input').fill('Edited proposal title');
    await dialog.getByTestId('proposal-save').click();
    await proposals.nth(1).getByTestId('proposal-reject').click();
    expect(await proposals.nth(1).getAttribute('data-decision')).toBe('reject');
    const rejectedTitle = (await proposals.nth(1).getByTestId('proposal-title').textContent())!;
    const accepted = count - 1;
    await dialog.getByTestId('proposals-accept').click();
    await dialog.waitFor({ state: 'hidden' });
    await expect.poll(() => page.getByTestId('story-row').count(), wait).toBe(accepted);
    const stories = await storiesOf(page, projectId);
    expect(stories.map((s) => s.key).sort()).toEqual(Array.from({ length: accepted }, (_, i) => `FOOD-${i + 1}`).sort());
    expect(stories.map((s) => s.title)).toContain('Edited proposal title');
    expect(stories.map((s) => s.title)).not.toContain(rejectedTitle);
    await page.screenshot({ path: path.join(SCREENSHOTS, 'backlog-generated.png'), fullPage: true });

    expect(pageErrors).toEqual([]);
  });
});

describe.skipIf(skip)('the backlog on a phone', () => {
  const suite = browserSuite({ viewport: PHONE });
  const { pageErrors } = suite;
  const runId = Date.now().toString(36);

  it('the backlog, board, sprint and story pages fit 390 px, and the seven project tabs are in sight', { timeout: 120_000 }, async () => {
    const page = await suite.newPage();
    await signUp(page, suite.server.dataDir, 'Annie Easley', `annie.${runId}@example.com`);
    const projectId = await projectWithKey(page, 'Neighbourhood food bank volunteer shift scheduling and swapping for coordinators', 'FOOD');
    const api = `/api/v1/projects/${projectId}`;
    const sprint = await page.request.post(`${api}/sprints`, { data: { name: 'First fortnight of volunteer swaps' } });
    expect(sprint.status(), await sprint.text()).toBe(201);
    const sprintId = ((await sprint.json()) as { id: string }).id;
    const story = await page.request.post(`${api}/stories`, {
      data: { title: 'A coordinator on duty approves a shift swap between two volunteers who asked for it before the deadline', storyPoints: 8, priority: 'high', sprintId },
    });
    expect(story.status(), await story.text()).toBe(201);
    const storyId = ((await story.json()) as { id: string }).id;

    const base = `/projects/${projectId}/backlog`;
    const pages: Array<[string, string]> = [
      [base, 'story-row'],
      [`${base}/board`, 'board'],
      [`${base}/sprints`, 'sprint-row'],
      [`${base}/sprints/${sprintId}`, 'sprint-page'],
      [`${base}/epics`, 'epics-page'],
      [`${base}/stories/${storyId}`, 'story-page'],
    ];
    const tooWide: string[] = [];
    for (const [url, ready] of pages) {
      await page.goto(url);
      await page.getByTestId(ready).first().waitFor();
      await page.waitForLoadState('networkidle');
      const width = await page.evaluate(() => document.documentElement.scrollWidth);
      if (width > PHONE.width) tooWide.push(`${url}: ${width} px`);
    }
    expect(tooWide).toEqual([]);

    // The tab bar holds all seven tabs on the overview, Chat included.
    await page.goto(`/projects/${projectId}`);
    for (const tab of ['project-tab-backlog', 'project-tab-chat']) {
      const box = (await page.getByTestId(tab).boundingBox())!;
      expect(box.x, tab).toBeGreaterThanOrEqual(0);
      expect(box.x + box.width, tab).toBeLessThanOrEqual(PHONE.width);
    }
    await page.goto(`${base}/board`);
    await page.getByTestId('board').waitFor();
    await page.screenshot({ path: path.join(SCREENSHOTS, 'phone-backlog-board.png'), fullPage: false });

    expect(pageErrors).toEqual([]);
  });
});

/**
 * The organization's board settings in a real browser: an admin reaches them from the Settings tabs, changes the
 * default budget, rounds, vote rule and one persona's model with the keyboard and the mouse, saves, and finds them
 * again after a reload and in the API; a value the API refuses is shown next to its field and changes nothing; a
 * member who is not an admin sees the values read-only; on a phone the page fits the screen.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { browserSuite, SCREENSHOTS, signUp, skipWithoutChromium, UI_TIMEOUT } from './support.js';

const skip = skipWithoutChromium();
const wait = { timeout: UI_TIMEOUT };

type Settings = { defaultBudgetUsd: number; defaultTokenCap: number | null; defaultMaxRounds: number; voteRule: string; personaModels: Record<string, string> };

async function organizationId(page: Page): Promise<string> {
  const response = await page.request.get('/api/v1/organizations');
  expect(response.status(), await response.text()).toBe(200);
  const { items } = (await response.json()) as { items: Array<{ id: string }> };
  return items[0]!.id;
}

async function settingsOf(page: Page, organization: string): Promise<Settings> {
  const response = await page.request.get(`/api/v1/board/settings/${organization}`);
  expect(response.status(), await response.text()).toBe(200);
  return (await response.json()) as Settings;
}

/** The field (label, input, message) holding the input with this test id. */
const fieldOf = (page: Page, testId: string) => page.locator('.field', { has: page.getByTestId(testId) });

describe.skipIf(skip)('board settings in the browser', () => {
  const suite = browserSuite();
  const { pageErrors } = suite;
  const runId = Date.now().toString(36);

  it('an admin changes the defaults and a persona model; they survive a reload, reach the API, and a refused value is shown at its field', { timeout: 180_000 }, async () => {
    const page = await suite.newPage();
    await signUp(page, suite.server.dataDir, 'Ada Lovelace', `ada.${runId}@example.com`);
    const organization = await organizationId(page);
    const personas = await page.request.get('/api/v1/board/personas', { params: { organizationId: organization } });
    expect(personas.status(), await personas.text()).toBe(200);
    const persona = ((await personas.json()) as { items: Array<{ code: string; name: string }> }).items[0]!;

    // Settings → Board.
    await page.goto('/settings');
    await page.getByRole('navigation', { name: 'Settings sections' }).getByRole('link', { name: 'Board' }).click();
    await page.waitForURL(/\/settings\/board$/);
    await page.getByTestId('board-settings-page').waitFor();

    // The defaults of an organization that never changed them.
    expect(await page.getByTestId('board-budget').inputValue()).toBe('1');
    expect(await page.getByTestId('board-token-cap').inputValue()).toBe('');
    expect(await page.getByTestId('board-max-rounds').inputValue()).toBe('6');
    expect(await page.getByTestId('vote-rule-borda').isChecked()).toBe(true);
    await page.getByTestId('persona-models-empty').waitFor();
    expect(await page.getByTestId('save-board-settings').isDisabled()).toBe(true);
    expect(await page.getByTestId('board-settings-read-only').count()).toBe(0);
    // Each rule says what it counts.
    const rules = page.locator('.vote-rule-field');
    expect(await rules.textContent()).toContain('Counts full rankings');
    expect(await rules.textContent()).toContain('Counts acceptable options');
    expect(await rules.textContent()).toContain('Counts first choices');

    await page.getByTestId('board-budget').fill('0.5');
    await page.getByTestId('board-max-rounds').fill('4');
    // The vote rule by keyboard: from Borda, the arrow key moves to approval.
    await page.getByTestId('vote-rule-borda').focus();
    await page.keyboard.press('ArrowDown');
    expect(await page.getByTestId('vote-rule-approval').isChecked()).toBe(true);

    // A new row takes the focus on its persona; the model is typed in the next field.
    await page.getByTestId('add-persona-model').click();
    const row = page.getByTestId('persona-model-row');
    expect(await row.count()).toBe(1);
    expect(await row.getByTestId('persona-model-persona').evaluate((select) => select === document.activeElement)).toBe(true);
    await row.getByTestId('persona-model-persona').selectOption(persona.code);
    await row.getByTestId('persona-model-name').fill('gpt-4o-mini');
    // A second, empty row is dropped when saving rather than refused.
    await page.getByTestId('add-persona-model').click();
    expect(await row.count()).toBe(2);

    await page.getByTestId('save-board-settings').click();
    await page.getByTestId('toast').filter({ hasText: 'Board settings saved' }).waitFor();
    await expect.poll(() => row.count(), wait).toBe(1);

    // The API has them.
    const saved = await settingsOf(page, organization);
    expect(saved).toMatchObject({ defaultBudgetUsd: 0.5, defaultTokenCap: null, defaultMaxRounds: 4, voteRule: 'approval' });
    expect(saved.personaModels).toEqual({ [persona.code]: 'gpt-4o-mini' });

    // So does the page after a reload.
    await page.reload();
    await page.getByTestId('board-settings-page').waitFor();
    await expect.poll(() => page.getByTestId('board-budget').inputValue(), wait).toBe('0.5');
    expect(await page.getByTestId('board-max-rounds').inputValue()).toBe('4');
    expect(await page.getByTestId('vote-rule-approval').isChecked()).toBe(true);
    expect(await row.count()).toBe(1);
    expect(await row.getByTestId('persona-model-persona').inputValue()).toBe(persona.code);
    expect(await row.getByTestId('persona-model-name').inputValue()).toBe('gpt-4o-mini');

    // Eleven rounds: the API refuses, the message sits at the rounds field, nothing else is flagged and nothing changed.
    await page.getByTestId('board-max-rounds').fill('11');
    await page.getByTestId('save-board-settings').click();
    const roundsError = fieldOf(page, 'board-max-rounds').getByTestId('field-error');
    await roundsError.waitFor();
    expect(await roundsError.textContent()).toBe('Max rounds must be at most 10');
    expect(await page.getByTestId('board-max-rounds').getAttribute('aria-invalid')).toBe('true');
    expect(await page.getByTestId('field-error').count()).toBe(1);
    expect(await page.getByTestId('board-settings-form').locator('.banner-error').count()).toBe(0);
    expect((await settingsOf(page, organization)).defaultMaxRounds).toBe(4);
    // Editing the field clears its message.
    await page.getByTestId('board-max-rounds').fill('5');
    expect(await roundsError.count()).toBe(0);

    // A removed row is gone once saved.
    await row.getByTestId('remove-persona-model').click();
    await page.getByTestId('persona-models-empty').waitFor();
    await page.getByTestId('save-board-settings').click();
    await page.getByTestId('toast').filter({ hasText: 'Board settings saved' }).waitFor();
    expect(await settingsOf(page, organization)).toMatchObject({ defaultMaxRounds: 5, personaModels: {} });

    // On a phone, with a row being edited, the page fits the screen.
    await page.setViewportSize({ width: 390, height: 844 });
    await page.getByTestId('add-persona-model').click();
    await row.getByTestId('persona-model-name').fill('a-rather-long-model-name-from-a-self-hosted-server-v2');
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await page.screenshot({ path: `${SCREENSHOTS}/board-settings-admin-phone.png`, fullPage: true });

    expect(pageErrors).toEqual([]);
  });

  it('a member who is not an admin sees the values read-only, and the page fits a phone', { timeout: 180_000 }, async () => {
    const owner = await suite.newPage();
    await signUp(owner, suite.server.dataDir, 'Grace Owner', `grace.${runId}@example.com`);
    const created = await owner.request.post('/api/v1/organizations', { data: { name: `Harbour ${runId}`, slug: `harbour-${runId}` } });
    expect(created.status(), await created.text()).toBe(201);
    const organization = ((await created.json()) as { id: string }).id;
    const personas = await owner.request.get('/api/v1/board/personas', { params: { organizationId: organization } });
    const persona = ((await personas.json()) as { items: Array<{ code: string }> }).items[0]!;
    const put = await owner.request.put(`/api/v1/board/settings/${organization}`, {
      data: { defaultBudgetUsd: 2.5, defaultMaxRounds: 3, voteRule: 'plurality', personaModels: { [persona.code]: 'claude-haiku', '*': 'llama3.1' } },
    });
    expect(put.status(), await put.text()).toBe(200);

    const member = await suite.newPage();
    const email = `linus.${runId}@example.com`;
    await signUp(member, suite.server.dataDir, 'Linus Member', email);
    const added = await owner.request.post(`/api/v1/organizations/${organization}/members`, { data: { email, role: 'editor' } });
    expect(added.status(), await added.text()).toBe(201);

    await member.setViewportSize({ width: 390, height: 844 });
    // The organization the app opens on is the one last chosen in this browser.
    await member.evaluate((id) => localStorage.setItem('atelier.organizationId', id), organization);
    await member.goto('/settings/board');
    await member.getByTestId('board-settings-page').waitFor();
    await expect.poll(() => member.getByTestId('current-organization').textContent(), wait).toBe(`Harbour ${runId}`);
    await member.getByTestId('board-settings-read-only').waitFor();
    await expect.poll(() => member.getByTestId('board-budget').inputValue(), wait).toBe('2.5');
    expect(await member.getByTestId('board-budget').isDisabled()).toBe(true);
    expect(await member.getByTestId('board-max-rounds').inputValue()).toBe('3');
    expect(await member.getByTestId('vote-rule-plurality').isChecked()).toBe(true);
    expect(await member.getByTestId('vote-rule-borda').isDisabled()).toBe(true);
    const rows = member.getByTestId('persona-model-row');
    expect(await rows.count()).toBe(2);
    expect(await rows.nth(0).getByTestId('persona-model-name').inputValue()).toBe('claude-haiku');
    expect(await rows.nth(1).getByTestId('persona-model-persona').inputValue()).toBe('*');
    expect(await rows.nth(1).getByTestId('persona-model-name').inputValue()).toBe('llama3.1');
    expect(await member.getByTestId('save-board-settings').count()).toBe(0);
    expect(await member.getByTestId('add-persona-model').count()).toBe(0);
    expect(await member.getByTestId('remove-persona-model').count()).toBe(0);

    expect(await member.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await member.screenshot({ path: `${SCREENSHOTS}/board-settings-phone.png`, fullPage: true });
    expect(pageErrors).toEqual([]);
  });
});


/**
 * End to end in a real browser: the Model tab of a project shows what was understood, an editor renames an entity in
 * place, the new name shows and the history has a new entry saying so; on a phone the tab fits the screen.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { toolLibraryModel } from '../support/project-model-fixture.js';
import { browserSuite, SCREENSHOTS, signUp, skipWithoutChromium } from './support.js';

const skip = skipWithoutChromium();

describe.skipIf(skip)('the Model tab in the browser', () => {
  const suite = browserSuite();
  const { pageErrors } = suite;
  const runId = Date.now().toString(36);

  it('renames an entity and shows the new name and a new history entry', { timeout: 180_000 }, async () => {
    const page = await suite.newPage();
    await signUp(page, suite.server.dataDir, 'Lin Tool', `lin.${runId}@example.com`);
    const created = await page.request.post('/api/v1/projects', { data: { name: `Tool library ${runId}`, description: 'Neighbours lend each other tools.' } });
    expect(created.status(), await created.text()).toBe(201);
    const projectId = ((await created.json()) as { id: string }).id;

    // Before a model exists the tab says how one comes about.
    await page.goto(`/projects/${projectId}`);
    await page.getByTestId('project-tab-model').click();
    await page.getByTestId('model-empty').waitFor();
    expect(await page.getByTestId('model-empty').textContent()).toContain('No model yet');

    // A model as the builder would have saved it, written through the API as the signed-in person.
    const saved = await page.request.put(`/api/v1/projects/${projectId}/model`, { data: { baseRev: 0, model: toolLibraryModel(), note: 'Built from the idea' } });
    expect(saved.status(), await saved.text()).toBe(200);
    await page.reload();
    const booking = page.locator('[data-testid="model-entity"][data-entity-id="booking"]');
    await booking.waitFor();
    expect(await page.getByTestId('model-actor').count()).toBe(3);
    expect(await booking.getByTestId('model-attribute').count()).toBe(2);

    // Rename with the keyboard: open the form, type, press Enter.
    await booking.getByTestId('model-rename-entity').click();
    const name = booking.getByTestId('model-entity-new-name');
    await name.fill('Reservation request');
    await name.press('Enter');
    await expect.poll(() => booking.getByTestId('model-entity-name').textContent()).toBe('Reservation request');
    expect(await page.getByTestId('model-rev').textContent()).toContain('Revision 2');
    // References show the new name wherever the entity is used.
    expect(await page.getByTestId('model-entities').textContent()).toContain('Reservation confirms Reservation request');

    await page.getByTestId('model-view-history').click();
    const newest = page.getByTestId('model-revision').first();
    await newest.waitFor();
    expect(await newest.getAttribute('data-rev')).toBe('2');
    expect(await newest.textContent()).toContain('Renamed entity Booking to Reservation request');
    expect(await page.getByTestId('model-revision').count()).toBe(2);
    await expect.poll(async () => (await page.getByTestId('model-diff').textContent()) ?? '').toContain('Reservation request');

    await page.screenshot({ path: path.join(SCREENSHOTS, 'model-history.png'), fullPage: false });
    await page.getByTestId('model-view-model').click();
    await booking.waitFor();
    await page.screenshot({ path: path.join(SCREENSHOTS, 'model-tab.png'), fullPage: true });

    // On a phone the tab fits the width.
    await page.setViewportSize({ width: 390, height: 844 });
    await booking.waitFor();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await page.screenshot({ path: path.join(SCREENSHOTS, 'model-tab-phone.png'), fullPage: false });
    expect(pageErrors).toEqual([]);
  });
});

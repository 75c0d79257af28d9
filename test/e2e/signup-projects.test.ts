/**
 * End to end in a real browser: the built server (API + web app) on a fresh data directory, driven through Debian's
 * Chromium. Two people sign up through the outbox; the second must not see the first one's project.
 */
import path from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { browserSuite, SCREENSHOTS, signUp as signUpIn, skipWithoutChromium } from './support.js';

const skip = skipWithoutChromium();

describe.skipIf(skip)('sign-up to projects in the browser', () => {
  const suite = browserSuite({ viewport: { width: 1280, height: 800 } });
  const { pageErrors, newPage } = suite;
  const runId = Date.now().toString(36);

  /** Register, follow the emailed link, log in: the person ends on their projects page. */
  const signUp = (page: Page, name: string, email: string) => signUpIn(page, suite.server.dataDir, name, email);

  let projectUrl = '';
  const projectName = `Mobile banking app ${runId}`;

  it('registers, verifies through the outbox, logs in and creates a project', { timeout: 120_000 }, async () => {
    const page = await newPage();
    const email = `ada.${runId}@example.com`;
    await signUp(page, 'Ada Lovelace', email);

    expect(await page.getByTestId('current-organization').textContent()).toBeTruthy();
    await page.getByTestId('projects-empty').waitFor();

    await page.getByTestId('new-project').click();
    const dialog = page.getByTestId('project-dialog');
    await dialog.getByLabel('Name', { exact: true }).fill(projectName);
    await dialog.getByLabel('Description').fill('Requirements, backlog and release plan for the new mobile bank.');
    await dialog.getByTestId('project-submit').click();

    const row = page.getByTestId('project-row').filter({ hasText: projectName });
    await row.waitFor();
    expect(await row.count()).toBe(1);

    // The list comes from the server, not only from local state: it survives a reload.
    await page.reload();
    await page.getByTestId('project-row').filter({ hasText: projectName }).waitFor();

    await page.screenshot({ path: path.join(SCREENSHOTS, 'projects.png'), fullPage: true });

    // An expired access cookie is renewed through the refresh cookie without sending the person to the login page.
    await page.context().clearCookies({ name: 'atelier_session' });
    expect((await page.context().cookies()).map((cookie) => cookie.name)).not.toContain('atelier_session');
    await page.reload();
    await page.getByTestId('project-row').filter({ hasText: projectName }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/projects');

    await page.getByTestId('project-row').filter({ hasText: projectName }).getByTestId('project-name').click();
    await page.waitForURL(/\/projects\/[0-9a-f-]{36}$/);
    await page.getByTestId('project-detail').waitFor();
    expect(await page.getByTestId('project-title').textContent()).toBe(projectName);
    projectUrl = new URL(page.url()).pathname;
    expect(pageErrors).toEqual([]);
  });

  it('a second person neither lists nor opens the first person’s project', { timeout: 120_000 }, async () => {
    expect(projectUrl, 'the first test must create a project').toMatch(/^\/projects\//);
    const page = await newPage();
    await signUp(page, 'Grace Hopper', `grace.${runId}@example.com`);

    await page.getByTestId('projects-empty').waitFor();
    expect(await page.getByText(projectName).count()).toBe(0);

    // Searching does not reveal it either.
    await page.getByTestId('project-search').fill('banking');
    await page.waitForURL(/q=banking/);
    await page.getByText('No projects match').waitFor();
    expect(await page.getByText(projectName).count()).toBe(0);

    await page.goto(projectUrl);
    await page.getByTestId('project-not-found').waitFor();
    expect(await page.getByText(projectName).count()).toBe(0);

    // Logging out ends the session: the app is closed until the next log in.
    await page.getByTestId('account-menu').click();
    await page.getByTestId('logout').click();
    await page.waitForURL(/\/login$/);
    await page.goto('/projects');
    await page.waitForURL(/\/login\?next=/);
    expect(pageErrors).toEqual([]);
  });
});

/**
 * The page policy in a real browser: the API reference renders under it, the app's pages carry it, and Chromium
 * enforces it (an injected inline script does not run, and the suite's violation check notices). The other browser
 * suites check, through support.ts, that the app itself never trips over it.
 */
import { describe, expect, it } from 'vitest';
import { PAGE_CSP } from '../../src/core/http/security-headers.js';
import { browserSuite, skipWithoutChromium } from './support.js';

const skip = skipWithoutChromium();

describe.skipIf(skip)('the page policy in the browser', () => {
  const suite = browserSuite();

  it('the API reference at /api/docs renders under it', async () => {
    const page = await suite.newPage();
    const response = await page.goto('/api/docs');
    expect(response?.status()).toBe(200);
    expect(response?.headers()['content-security-policy']).toBe(PAGE_CSP);
    // Operations are drawn under the policy. (How many Swagger UI draws at once is its own affair: past about 130
    // operations it draws the first tags only, with or without the policy, so the count is not this test's concern.)
    await page.locator('.swagger-ui .opblock').nth(4).waitFor();
    expect(suite.pageErrors).toEqual([]);
  });

  it('the app’s pages carry it and the browser enforces it', async () => {
    const page = await suite.newPage();
    const response = await page.goto('/login');
    const headers = response?.headers() ?? {};
    expect(headers['content-security-policy']).toBe(PAGE_CSP);
    expect(headers['x-frame-options']).toBe('DENY');
    expect(headers['x-content-type-options']).toBe('nosniff');
    expect(headers['referrer-policy']).toBe('no-referrer');
    await page.getByLabel('Email', { exact: true }).waitFor();

    // An inline script (what an injection would add) is refused, and the violation is noticed.
    await page.evaluate(() => {
      const script = document.createElement('script');
      script.textContent = 'window.injected = true';
      document.body.append(script);
    });
    expect(await page.evaluate(() => (window as unknown as { injected?: boolean }).injected)).toBeUndefined();
    await expect.poll(() => suite.cspViolations.length).toBeGreaterThan(0);
    expect(suite.cspViolations[0]).toContain("script-src 'self'");
    suite.cspViolations.splice(0); // expected here; every other test must end with none
  });
});

/**
 * What the browser suites share: the built server on a fresh data directory, Debian's Chromium, the mail outbox and
 * signing up through it.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, expect } from 'vitest';
import { PAGE_CSP } from '../../src/core/http/security-headers.js';

export const CHROMIUM = '/usr/bin/chromium';
export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const SCREENSHOTS = path.join(ROOT, '.test-tmp', 'e2e');
export const PASSWORD = 'Violet-Harbour-Lantern-73';
export const UI_TIMEOUT = 15_000;

/**
 * True when the suite should be skipped: on a developer machine without Chromium. In CI a missing browser is a
 * failure, so the suite runs (and fails) there.
 */
export function skipWithoutChromium(): boolean {
  const skip = !fs.existsSync(CHROMIUM) && !process.env.CI;
  if (skip) {
    console.warn(`[e2e] skipped: ${CHROMIUM} is not installed (apt-get install -y chromium). CI always runs this suite.`);
  }
  return skip;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

export async function waitForHealth(baseUrl: string, server: ChildProcess, output: () => string, timeoutMs = 90_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (server.exitCode !== null) throw new Error(`The server exited with code ${server.exitCode}:\n${output()}`);
    try {
      const response = await fetch(`${baseUrl}/health`);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`The server did not answer /health within ${timeoutMs} ms:\n${output()}`);
}

/** Undoes quoted-printable: soft line breaks (`=` at a line end) and `=XX` escapes such as `=3D`. */
export function decodeQuotedPrintable(text: string): string {
  return text.replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/gi, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

/** The path and query of the newest link to `linkPath` mailed to `email`, read from the outbox's .eml files. */
export async function linkFromOutbox(outbox: string, email: string, linkPath: string, timeoutMs = 15_000): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  const pattern = new RegExp(`https?://[^\\s"'<>]+${linkPath.replace(/[/-]/g, '\\$&')}\\?[^\\s"'<>]+`);
  while (Date.now() < deadline) {
    const files = fs.existsSync(outbox)
      ? fs
          .readdirSync(outbox)
          .filter((name) => name.endsWith('.eml'))
          .map((name) => path.join(outbox, name))
          .sort((a, b) => fs.statSync(b).mtimeMs - fs.statSync(a).mtimeMs || b.localeCompare(a))
      : [];
    for (const file of files) {
      const message = decodeQuotedPrintable(fs.readFileSync(file, 'utf8'));
      if (!message.toLowerCase().includes(email.toLowerCase())) continue;
      const match = pattern.exec(message);
      if (match) {
        const url = new URL(match[0].replace(/&amp;/g, '&'));
        return `${url.pathname}${url.search}`;
      }
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`No ${linkPath} link for ${email} in ${outbox}`);
}

export type AtelierServer = {
  baseUrl: string;
  dataDir: string;
  /** The last 20 kB the server printed. */
  output(): string;
  /** Stops the server (SIGTERM, SIGKILL after 10 s) and removes its data directory. */
  stop(): Promise<void>;
};

/**
 * `node dist/main.js` on a fresh data directory: embedded PGlite, the file outbox and the built-in AI engine,
 * whatever the surrounding environment configures, plus `env` on top.
 */
export async function startAtelier(env: Record<string, string> = {}): Promise<AtelierServer> {
  for (const built of ['dist/main.js', 'dist/web/index.html']) {
    if (!fs.existsSync(path.join(ROOT, built))) throw new Error(`${built} is missing: run \`npm run build\` first`);
  }
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'atelier-e2e-'));
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const inherited = Object.fromEntries(
    Object.entries(process.env).filter(([name]) => name !== 'DATABASE_URL' && name !== 'SMTP_URL' && !name.startsWith('AI_')),
  );
  const server = spawn(process.execPath, ['dist/main.js'], {
    cwd: ROOT,
    env: { ...inherited, PORT: String(port), HOST: '127.0.0.1', PUBLIC_URL: baseUrl, DATA_DIR: dataDir, LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const collect = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-20_000);
  };
  server.stdout?.on('data', collect);
  server.stderr?.on('data', collect);

  const stop = async () => {
    if (server.exitCode === null && server.signalCode === null) {
      const exited = new Promise<void>((resolve) => server.once('exit', () => resolve()));
      server.kill('SIGTERM');
      const timer = setTimeout(() => server.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(timer);
    }
    fs.rmSync(dataDir, { recursive: true, force: true });
  };
  try {
    await waitForHealth(baseUrl, server, () => output);
  } catch (error) {
    await stop();
    throw error;
  }
  return { baseUrl, dataDir, output: () => output, stop };
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/** Register, follow the emailed link, log in: the person ends on their projects page. */
export async function signUp(page: Page, dataDir: string, name: string, email: string): Promise<void> {
  await page.goto('/register');
  await page.getByLabel('Full name', { exact: true }).fill(name);
  await page.getByLabel('Work email', { exact: true }).fill(email);
  await page.getByLabel('Password', { exact: true }).fill(PASSWORD);
  await page.getByRole('button', { name: 'Create account' }).click();
  await page.getByTestId('check-email').waitFor();
  expect(await page.getByTestId('check-email').textContent()).toContain(email);

  const verifyLink = await linkFromOutbox(path.join(dataDir, 'outbox'), email, '/verify-email');
  await page.goto(verifyLink);
  await page.getByTestId('verify-success').waitFor();
  await page.getByTestId('continue-to-login').click();

  await page.waitForURL(/\/login/);
  expect(await page.getByLabel('Email', { exact: true }).inputValue()).toBe(email);
  await page.getByLabel('Password', { exact: true }).fill(PASSWORD);
  await page.getByRole('button', { name: 'Log in' }).click();
  await page.waitForURL(/\/projects$/);
  await page.getByTestId('projects-page').waitFor();
}

/**
 * The directives of the server's page policy. Chromium reports every blocked load or inline style on the console,
 * naming the directive; one of these means the app (not a wireframe's own stricter policy) tripped over the CSP.
 */
const PAGE_DIRECTIVES = PAGE_CSP.split('; ');

/**
 * The Content-Security-Policy violation a console message reports, when it reports one of the page policy. Chromium
 * quotes the directive two ways: `directive: "img-src 'self'"` and `directive 'script-src 'self''`.
 */
export function pagePolicyViolation(text: string): string | undefined {
  if (!text.includes('Content Security Policy directive')) return undefined;
  const named = PAGE_DIRECTIVES.some((directive) => text.includes(`directive: "${directive}"`) || text.includes(`directive '${directive}'`));
  return named ? text : undefined;
}

export type BrowserSuite = {
  /** The running server; only inside tests (it starts in the suite's beforeAll). */
  readonly server: AtelierServer;
  /** A page in a context of its own (own cookies); `prepare` can route or watch the context before the page opens. */
  newPage(prepare?: (context: BrowserContext) => Promise<void>): Promise<Page>;
  /** Uncaught errors of every page the suite opened. */
  readonly pageErrors: string[];
  /** Content-Security-Policy violations of the page policy on every page the suite opened; each test ends with none. */
  readonly cspViolations: string[];
};

/**
 * One built server on a fresh data directory and one Chromium for the calling describe block: started before its
 * tests, closed after them, and the server's output printed when it said anything (it logs at warn level, so
 * whatever it said is worth reading next to a failure).
 */
export function browserSuite(options: { env?: () => Record<string, string>; viewport?: { width: number; height: number } } = {}): BrowserSuite {
  let server: AtelierServer | undefined;
  let browser: Browser | undefined;
  const contexts: BrowserContext[] = [];
  const pageErrors: string[] = [];
  const cspViolations: string[] = [];

  beforeAll(async () => {
    fs.mkdirSync(SCREENSHOTS, { recursive: true });
    server = await startAtelier(options.env?.() ?? {});
    browser = await launchChromium();
  });

  afterAll(async () => {
    for (const context of contexts) await context.close().catch(() => undefined);
    await browser?.close().catch(() => undefined);
    const output = server?.output() ?? '';
    await server?.stop();
    if (output.trim()) console.warn(`[e2e] server output:\n${output}`);
  });

  // The app must work under its own Content-Security-Policy: a test that made the browser block something fails.
  afterEach(() => {
    expect(cspViolations.splice(0), 'Content-Security-Policy violations').toEqual([]);
  });

  return {
    get server() {
      if (!server) throw new Error('The server did not start');
      return server;
    },
    async newPage(prepare) {
      if (!browser || !server) throw new Error('The browser or the server did not start');
      const context = await browser.newContext({ baseURL: server.baseUrl, viewport: options.viewport ?? { width: 1440, height: 900 } });
      context.setDefaultTimeout(UI_TIMEOUT);
      contexts.push(context);
      await prepare?.(context);
      const page = await context.newPage();
      page.on('pageerror', (error) => pageErrors.push(error.message));
      page.on('console', (message) => {
        // A wireframe preview (a sandboxed srcdoc frame) inherits the page policy; what it blocks there is user
        // markup the policy is meant to stop, not the app tripping over it.
        if (message.location().url === 'about:srcdoc') return;
        const violation = message.type() === 'error' ? pagePolicyViolation(message.text()) : undefined;
        if (violation) cspViolations.push(`${page.url()}: ${violation}`);
      });
      return page;
    },
    pageErrors,
    cspViolations,
  };
}

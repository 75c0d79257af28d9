import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { MAX_MERMAID_LENGTH } from '../../shared/diagram-limits.js';
import { locate } from '../../shared/mermaid-location.js';
import { checkMermaidConfig } from './mermaid-config-check.js';
import { checkMermaidContent } from './mermaid-content-check.js';

/**
 * Validates Mermaid code with Mermaid's own parser. Mermaid expects a browser: some grammars (classDiagram) need
 * DOMPurify with a window. A jsdom window on the server's globalThis would make other libraries believe they run in
 * a browser, so Mermaid runs in one long-lived worker thread that sets up jsdom globals only for itself. The worker
 * starts on first use, is unref'd (it never keeps the process alive), restarts after a crash and answers each
 * request by id within a timeout. Code is also refused when its %%{init}%% directives or front matter configure
 * Mermaid to load files from elsewhere (mermaid-config-check.ts), or its labels, styles or image shapes would
 * (mermaid-content-check.ts).
 */
export type MermaidValidation =
  | { ok: true; diagramType: string }
  | { ok: false; line: number | null; column?: number; message: string };

/** The first import of Mermaid takes about a second on a slow machine; later parses take milliseconds. */
const PARSE_TIMEOUT_MS = 15_000;
const STARTUP_TIMEOUT_MS = 60_000;
export { MAX_MERMAID_LENGTH };

// Plain JavaScript evaluated in the worker: it runs the same under tsx, vitest and the compiled server.
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const ready = (async () => {
  const { JSDOM } = await import(workerData.jsdomUrl);
  const dom = new JSDOM('<!doctype html><html><body></body></html>', { pretendToBeVisual: true });
  const g = globalThis;
  g.window = dom.window;
  g.document = dom.window.document;
  for (const name of ['Element', 'HTMLElement', 'SVGElement', 'Node', 'DOMParser', 'XMLSerializer', 'getComputedStyle']) {
    if (!(name in g)) g[name] = dom.window[name];
  }
  const mermaid = (await import(workerData.mermaidUrl)).default;
  mermaid.initialize({ startOnLoad: false, securityLevel: 'strict' });
  return mermaid;
})();
ready.catch(() => undefined);
parentPort.on('message', async ({ id, code }) => {
  try {
    const mermaid = await ready;
    const result = await mermaid.parse(code);
    // The configuration Mermaid read from directives and front matter, as plain data, for mermaid-config-check.ts.
    const config = result && result.config ? JSON.parse(JSON.stringify(result.config)) : {};
    parentPort.postMessage({ id, ok: true, diagramType: result && result.diagramType ? result.diagramType : 'unknown', config });
  } catch (error) {
    const message = error && error.message ? String(error.message) : String(error);
    const loc = error && error.hash && error.hash.loc ? error.hash.loc : null;
    parentPort.postMessage({
      id,
      ok: false,
      message,
      line: loc && typeof loc.first_line === 'number' ? loc.first_line : null,
      column: loc && typeof loc.first_column === 'number' ? loc.first_column + 1 : null,
    });
  }
});
`;

type WorkerReply = { id: number; ok: true; diagramType: string; config: unknown } | { id: number; ok: false; message: string; line: number | null; column: number | null };
/** The worker's verdict; a diagram that parses also carries the configuration Mermaid read from it. */
type Parsed = MermaidValidation & { config?: unknown };
type Pending = { resolve(value: Parsed): void; reject(error: Error): void; timer: NodeJS.Timeout };

let worker: Worker | null = null;
let started = false;
let nextId = 1;
const pending = new Map<number, Pending>();

function moduleUrls(): { mermaidUrl: string; jsdomUrl: string } {
  const require = createRequire(import.meta.url);
  // mermaid publishes only an ESM entry; resolve its package.json and point at the module it exports.
  const mermaidPackage = require.resolve('mermaid/package.json');
  return {
    mermaidUrl: pathToFileURL(mermaidPackage.replace(/package\.json$/, 'dist/mermaid.core.mjs')).href,
    jsdomUrl: pathToFileURL(require.resolve('jsdom')).href,
  };
}

function failAll(error: Error): void {
  for (const [id, entry] of pending) {
    clearTimeout(entry.timer);
    entry.reject(error);
    pending.delete(id);
  }
}

function startWorker(): Worker {
  const created = new Worker(WORKER_SOURCE, { eval: true, workerData: moduleUrls() });
  created.unref();
  started = false;
  created.on('message', (reply: WorkerReply) => {
    started = true;
    const entry = pending.get(reply.id);
    if (!entry) return;
    pending.delete(reply.id);
    clearTimeout(entry.timer);
    entry.resolve(
      reply.ok
        ? { ok: true, diagramType: reply.diagramType, config: reply.config }
        : { ok: false, ...locate(reply.message, reply.line, reply.column), message: cleanMessage(reply.message) },
    );
  });
  const forget = (error: Error) => {
    if (worker === created) worker = null;
    failAll(error);
  };
  created.on('error', (error) => forget(new Error(`The Mermaid parser crashed: ${error.message}`)));
  created.on('exit', (code) => forget(new Error(`The Mermaid parser stopped (exit code ${code})`)));
  return created;
}

export { locate };

/** The parser's message without trailing whitespace and at a readable length. */
function cleanMessage(message: string): string {
  const trimmed = message.trim().replace(/\n{3,}/g, '\n\n');
  return trimmed.length > 2000 ? `${trimmed.slice(0, 1999)}…` : trimmed || 'The Mermaid parser rejected the code';
}

/** Parses Mermaid code; `ok: false` carries the parser's line (1-based), column when known, and message. */
export async function validateMermaid(code: string): Promise<MermaidValidation> {
  if (code.trim() === '') return { ok: false, line: 1, message: 'The diagram is empty: write Mermaid code, e.g. "flowchart LR" and a node' };
  if (code.length > MAX_MERMAID_LENGTH) return { ok: false, line: null, message: `The diagram is longer than ${MAX_MERMAID_LENGTH} characters` };
  worker ??= startWorker();
  const current = worker;
  const id = nextId++;
  const timeoutMs = started ? PARSE_TIMEOUT_MS : STARTUP_TIMEOUT_MS;
  return new Promise<MermaidValidation>((resolve, reject) => {
    const timer = setTimeout(() => {
      pending.delete(id);
      // A parse that never ends blocks every later one: start over with a fresh worker.
      if (worker === current) worker = null;
      void current.terminate();
      reject(new Error(`The Mermaid parser did not answer within ${timeoutMs / 1000} s`));
    }, timeoutMs);
    timer.unref();
    const lines = code.split('\n').length;
    // Code that would load files from elsewhere, through its configuration or its content, is refused like a parse
    // error, and named first even when the code does not parse (Mermaid empties some such settings, and the parser
    // then fails on the empty value).
    const settle = (result: Parsed): MermaidValidation => {
      const refusal = checkMermaidConfig(result.ok ? result.config : null, code) ?? checkMermaidContent(code);
      if (refusal) return refusal;
      // An error at the end of the input can be reported past the last line: point at the last line instead.
      if (!result.ok) return result.line !== null && result.line > lines ? { ...result, line: lines } : result;
      return { ok: true, diagramType: result.diagramType };
    };
    pending.set(id, { resolve: (result) => resolve(settle(result)), reject, timer });
    current.postMessage({ id, code });
  });
}

/** Stops the worker (on shutdown); the next validation starts a new one. */
export async function closeMermaidValidator(): Promise<void> {
  const current = worker;
  worker = null;
  if (current) await current.terminate();
}

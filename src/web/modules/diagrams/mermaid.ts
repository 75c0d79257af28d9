/**
 * Mermaid in the browser: imported on demand so it stays out of the main bundle, and run one render at a time.
 */
import type mermaidModule from 'mermaid';
import { isRecord } from '../../api/http';
import { locate } from '../../../shared/mermaid-location';

/** Where a diagram's code fails to parse, from the browser's Mermaid or from the server's 422 INVALID_DIAGRAM. */
export type ParseProblem = { line: number | null; column?: number; message: string };

type MermaidApi = typeof mermaidModule;
let mermaidPromise: Promise<MermaidApi> | null = null;

/** Mermaid, loaded once on first use (a separate chunk). */
export function loadMermaid(): Promise<MermaidApi> {
  mermaidPromise ??= import('mermaid').then(({ default: mermaid }) => {
    mermaid.initialize({ startOnLoad: false, securityLevel: 'strict', theme: 'default', fontFamily: 'inherit' });
    return mermaid;
  });
  return mermaidPromise;
}

let renderSequence = 0;

export type RenderResult = { ok: true; svg: string } | { ok: false; problem: ParseProblem };

/** Where a Mermaid error happened, from its location or its message ("Parse error on line 3", "line 2, column 13"). */
export function problemOf(error: unknown): ParseProblem {
  const message = error instanceof Error ? error.message : String(error);
  const hash = isRecord(error) && isRecord(error.hash) && isRecord(error.hash.loc) ? error.hash.loc : null;
  const line = hash && typeof hash.first_line === 'number' ? hash.first_line : null;
  return { ...locate(message, line, null), message: message.trim() || 'The Mermaid code does not parse' };
}

let renderQueue: Promise<unknown> = Promise.resolve();

/**
 * Parses, then renders to an SVG string; a parse error comes back with its line instead of throwing. Renders run one
 * at a time: Mermaid keeps global state while it draws.
 */
export function renderMermaid(code: string): Promise<RenderResult> {
  const run = renderQueue.then(() => renderNow(code));
  renderQueue = run.catch(() => undefined);
  return run;
}

async function renderNow(code: string): Promise<RenderResult> {
  const mermaid = await loadMermaid();
  if (code.trim() === '') return { ok: false, problem: { line: 1, message: 'The diagram is empty' } };
  try {
    await mermaid.parse(code);
    renderSequence += 1;
    const { svg } = await mermaid.render(`mermaid-render-${renderSequence}`, code);
    return { ok: true, svg };
  } catch (error) {
    // A failed render leaves its scratch element behind.
    document.getElementById(`dmermaid-render-${renderSequence}`)?.remove();
    return { ok: false, problem: problemOf(error) };
  }
}

import type { WorkerFunctions } from '../../core/workers/worker-host.js';
import type { Offload } from '../../core/workers/offload.js';
import { sanitizeWireframe } from './html-sanitizer.js';

/** Markup as it is stored, and what the sanitizer removed from what was given. */
export type CleanMarkup = ReturnType<typeof sanitizeWireframe>;

const SANITIZE_WIREFRAME = 'wireframes.sanitize';

/** The module's worker functions: sanitizing a large wireframe takes about a second of CPU. */
export const wireframeWorkerFunctions: WorkerFunctions = {
  [SANITIZE_WIREFRAME]: (payload) => sanitizeWireframe(payload as Parameters<typeof sanitizeWireframe>[0]),
};

/**
 * Sanitizes HTML and CSS in a worker thread, so requests answered meanwhile do not wait for it. Called before the
 * transaction that stores the result, which then holds no lock while the markup is read.
 */
export function sanitizeOffThread(offload: Offload, html: string, css: string | null | undefined, signal?: AbortSignal): Promise<CleanMarkup> {
  return offload.run<CleanMarkup>(SANITIZE_WIREFRAME, { html, css }, signal);
}

import type { AppContext } from '../../app.js';
import type { ZodApp } from '../../core/http/request-context.js';

/** AI settings per organization, usage, credits, task runs. */
export async function aiRoutes(_api: ZodApp, _context: AppContext): Promise<void> {}

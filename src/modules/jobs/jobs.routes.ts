import type { AppContext } from '../../app.js';
import type { ZodApp } from '../../core/http/request-context.js';

/** GET /jobs/{id}, GET /jobs/{id}/events (Server-Sent Events), POST /jobs/{id}/cancel, GET /jobs. */
export async function jobsRoutes(_api: ZodApp, _context: AppContext): Promise<void> {}

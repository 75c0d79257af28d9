import type { AppContext } from '../../app.js';
import type { ZodApp } from '../../core/http/request-context.js';

export async function diagramsRoutes(_api: ZodApp, _context: AppContext): Promise<void> {}

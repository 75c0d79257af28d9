import type { AppContext } from '../app.js';
import type { ZodApp } from '../core/http/request-context.js';

/** Every module's routes, mounted under /api/v1. */
export async function registerModules(api: ZodApp, context: AppContext): Promise<void> {
  void api;
  void context;
}

import type { AppContext } from '../../app.js';
import type { ZodApp } from '../../core/http/request-context.js';

export async function auditRoutes(api: ZodApp, context: AppContext): Promise<void> {
  void api;
  void context;
}

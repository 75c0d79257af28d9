import type { AppContext } from '../../../core/context.js';
import type { ZodApp } from '../../../core/http/request-context.js';
import { registerIntegrationType } from '../integration-types.js';
import { registerAnalyticsRoutes } from './analytics.routes.js';
import { googleAnalyticsHandler } from './analytics.service.js';

/** Google Analytics (type google_analytics): its "test" action and GET /projects/{projectId}/analytics. */
export async function registerGoogleAnalytics(api: ZodApp, context: AppContext): Promise<void> {
  registerIntegrationType(googleAnalyticsHandler);
  await registerAnalyticsRoutes(api, context);
}

/** Google Analytics (type google_analytics): its "test" action (a token, then a one-day report) and GET /projects/{projectId}/analytics. */
export { registerAnalyticsRoutes } from './analytics.routes.js';
export { googleAnalyticsHandler } from './analytics.service.js';

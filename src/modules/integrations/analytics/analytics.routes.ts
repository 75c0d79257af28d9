import type { AppContext } from '../../../core/context.js';
import { requireAuth, type ZodApp } from '../../../core/http/request-context.js';
import { analyticsParams, analyticsQuery, analyticsReportSchema } from './analytics.contract.js';
import { projectAnalytics } from './analytics.service.js';

/** GET /projects/{projectId}/analytics. */
export async function registerAnalyticsRoutes(api: ZodApp, context: AppContext): Promise<void> {
  api.get(
    '/projects/:projectId/analytics',
    {
      schema: {
        tags: ['integrations'],
        summary:
          'Daily active users, sessions and conversions (GA4 key events) of the project’s Google Analytics property for a date range (members); configured: false when the organization has none',
        params: analyticsParams,
        querystring: analyticsQuery,
        response: { 200: analyticsReportSchema },
      },
    },
    async (request) => {
      const { userId } = requireAuth(request);
      return projectAnalytics(context, userId, request.params.projectId, request.query);
    },
  );
}

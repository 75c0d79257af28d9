import { apiRequest, enc } from '../../api/http';
import type { RequestOf, ResponseOf } from '../../api/contract-types';
import type { analyticsQuery, analyticsReportSchema } from '../../../modules/integrations/analytics/analytics.contract';

/** A project's Google Analytics numbers (the organization's google_analytics integration). */

export type AnalyticsReport = ResponseOf<typeof analyticsReportSchema>;
export type AnalyticsQuery = RequestOf<typeof analyticsQuery>;

export const analyticsApi = {
  project: (projectId: string, query: AnalyticsQuery, signal?: AbortSignal) =>
    apiRequest<AnalyticsReport>('GET', `/projects/${enc(projectId)}/analytics`, { query, signal }),
};

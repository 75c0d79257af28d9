import { and, asc, eq } from 'drizzle-orm';
import type { AppContext } from '../../../core/context.js';
import { withUser } from '../../../core/db/tenancy.js';
import { AppError, defineErrorCode } from '../../../core/errors.js';
import { requireProjectAccess } from '../../projects/index.js';
import type { IntegrationTestOutcome, IntegrationTypeHandler, OpenedIntegration } from '../integration-types.js';
import { integrations } from '../integrations.schema.js';
import { openSecrets } from '../integrations.service.js';
import { outboundGuardOf } from '../outgoing-url.js';
import { MAX_ANALYTICS_DAYS, type AnalyticsQuery, type AnalyticsReport } from './analytics.contract.js';
import { GoogleApiError, runDailyReport, type ConversionMetric, type GaConnection } from './ga-client.js';
import { parseServiceAccountKey } from './service-account.js';

/** Google's side refused or failed; the message says what Google said (never a token or the key). */
export const GOOGLE_ANALYTICS_ERROR = defineErrorCode('GOOGLE_ANALYTICS_ERROR', 502);

const DAY_MS = 86_400_000;
const isoDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** The range asked, with defaults: `to` yesterday (today's numbers are still coming in), `from` 27 days before `to`. */
export function analyticsRange(query: AnalyticsQuery, nowMs = Date.now()): { from: string; to: string } {
  const to = query.to ?? isoDay(Date.parse(isoDay(nowMs)) - DAY_MS);
  const from = query.from ?? isoDay(Date.parse(to) - 27 * DAY_MS);
  const invalid = (field: string, message: string) =>
    new AppError('VALIDATION_FAILED', `Invalid querystring: ${field}: ${message}`, { details: [{ field, message }] });
  if (from > to) throw invalid(query.from ? 'from' : 'to', 'from must be on or before to');
  if ((Date.parse(to) - Date.parse(from)) / DAY_MS + 1 > MAX_ANALYTICS_DAYS) {
    throw invalid('from', `from and to may span at most ${MAX_ANALYTICS_DAYS} days`);
  }
  return { from, to };
}

type GaConfig = { propertyId?: unknown; apiBaseUrl?: unknown; tokenUrl?: unknown; projectId?: unknown; conversionMetric?: unknown };

/** The connection an integration describes, or the sentence saying what is missing. */
function connectionOf(context: Pick<AppContext, 'config'>, config: GaConfig, secrets: Record<string, string>): GaConnection | { problem: string } {
  if (typeof config.propertyId !== 'string' || !config.propertyId) return { problem: 'The integration names no GA4 property id' };
  const keyText = secrets.serviceAccountKey;
  if (!keyText) return { problem: 'The integration has no service account key' };
  const parsed = parseServiceAccountKey(keyText);
  if ('problem' in parsed) return { problem: `The service account key ${parsed.problem}` };
  const guard = outboundGuardOf(context);
  return {
    propertyId: config.propertyId,
    key: parsed.key,
    ...(typeof config.apiBaseUrl === 'string' ? { apiBaseUrl: config.apiBaseUrl } : {}),
    ...(typeof config.tokenUrl === 'string' ? { tokenUrl: config.tokenUrl } : {}),
    ...(config.conversionMetric === 'conversions' ? { conversionMetric: 'conversions' as ConversionMetric } : {}),
    checkUrl: async (url) => {
      const refusal = await guard.refusal(url);
      if (refusal) throw new GoogleApiError(refusal, null, 'bad_request');
    },
  };
}

function notConfigured(from: string, to: string, message: string): AnalyticsReport {
  return { configured: false, message, integrationId: null, integrationName: null, propertyId: null, from, to, conversionMetric: null, days: [], totals: null };
}

/**
 * The project's analytics: the organization's enabled google_analytics integration that names this project, else the
 * one that names no project (an organization-wide property). Members of the project read it. The integration is read
 * in a short transaction and Google is asked after it, so a slow answer holds no database connection.
 */
export async function projectAnalytics(context: AppContext, userId: string, projectId: string, query: AnalyticsQuery): Promise<AnalyticsReport> {
  const found = await withUser(context.db, userId, async (tx) => {
    const { project } = await requireProjectAccess(tx, userId, projectId, 'read', '');
    const candidates = await tx
      .select()
      .from(integrations)
      .where(and(eq(integrations.organizationId, project.organizationId), eq(integrations.type, 'google_analytics'), eq(integrations.enabled, true)))
      .orderBy(asc(integrations.createdAt), asc(integrations.id));
    const projectOf = (row: (typeof candidates)[number]) => (row.metadata as GaConfig).projectId;
    return { row: candidates.find((c) => projectOf(c) === projectId) ?? candidates.find((c) => !projectOf(c)), others: candidates.length };
  });
  const { from, to } = analyticsRange(query);
  const row = found.row;
  if (!row) {
    return notConfigured(
      from,
      to,
      found.others > 0
        ? 'The organization’s Google Analytics integrations are set up for other projects'
        : 'No Google Analytics integration is enabled for this organization: an admin can add one in Settings → Integrations',
    );
  }

  let secrets: Record<string, string>;
  try {
    secrets = openSecrets(context, row);
  } catch {
    throw new AppError(GOOGLE_ANALYTICS_ERROR, `The secrets of integration “${row.name}” cannot be opened with this server’s ATELIER_SECRET_KEY; an admin can enter them again`);
  }
  const connection = connectionOf(context, row.metadata, secrets);
  if ('problem' in connection) throw new AppError(GOOGLE_ANALYTICS_ERROR, `Integration “${row.name}”: ${connection.problem}`);
  try {
    const report = await runDailyReport(connection, from, to);
    return {
      configured: true,
      message: report.rowCount === 0 ? 'Google Analytics has no data for these dates' : null,
      integrationId: row.id,
      integrationName: row.name,
      propertyId: report.propertyId,
      from,
      to,
      conversionMetric: report.conversionMetric,
      days: report.days,
      totals: report.totals,
    };
  } catch (error) {
    if (error instanceof GoogleApiError) throw new AppError(GOOGLE_ANALYTICS_ERROR, `Integration “${row.name}”: ${error.message}`);
    throw error;
  }
}

/** The "test" action of google_analytics integrations: a token, then yesterday's report. Never throws. */
export const googleAnalyticsHandler: IntegrationTypeHandler = {
  types: ['google_analytics'],
  async test(context: AppContext, integration: OpenedIntegration): Promise<IntegrationTestOutcome> {
    const connection = connectionOf(context, integration.config, integration.secrets);
    if ('problem' in connection) return { ok: false, message: connection.problem, statusCode: null };
    const { to } = analyticsRange({});
    try {
      const report = await runDailyReport(connection, to, to);
      return {
        ok: true,
        message: `Google Analytics answered for property ${report.propertyId}: ${report.totals.activeUsers} active users on ${to}`,
        statusCode: 200,
      };
    } catch (error) {
      if (error instanceof GoogleApiError) return { ok: false, message: error.message, statusCode: error.status };
      return { ok: false, message: 'Google Analytics could not be asked', statusCode: null };
    }
  },
};

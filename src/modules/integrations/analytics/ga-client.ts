import { createHash } from 'node:crypto';
import { ANALYTICS_READONLY_SCOPE, JWT_BEARER_GRANT, signServiceAccountJwt, type ServiceAccountKey } from './service-account.js';

/**
 * A client of the Google Analytics Data API v1beta (developers.google.com/analytics/devguides/reporting/data/v1):
 * `POST {apiBaseUrl}/v1beta/properties/{propertyId}:runReport` with a bearer token from the service account's JWT
 * grant. It asks one report, by `date`, of `activeUsers`, `sessions` and `keyEvents` (what GA4 called `conversions`
 * until 2024; the older name is still accepted by the API and can be chosen), and reads the documented response:
 * `dimensionHeaders`, `metricHeaders`, `rows[].dimensionValues[].value`, `rows[].metricValues[].value` (numbers as
 * strings), `rowCount`. Rows for days without data are absent; the report fills them with zeros.
 */

export const DEFAULT_TOKEN_URL = 'https://oauth2.googleapis.com/token';
export const DEFAULT_API_BASE_URL = 'https://analyticsdata.googleapis.com';

export type ConversionMetric = 'keyEvents' | 'conversions';

export type GaConnection = {
  propertyId: string;
  key: ServiceAccountKey;
  tokenUrl?: string;
  apiBaseUrl?: string;
  conversionMetric?: ConversionMetric;
  /** Refuses an address the server may not reach (throws); called with every URL before it is fetched. */
  checkUrl?: (url: string) => Promise<void>;
  timeoutMs?: number;
};

export type GaDay = { date: string; activeUsers: number; sessions: number; conversions: number };
export type GaReport = {
  propertyId: string;
  from: string;
  to: string;
  /** The metric the conversions column came from. */
  conversionMetric: ConversionMetric;
  days: GaDay[];
  /** activeUsers here: distinct users over the range (the Data API's TOTAL row), not the sum of the days. */
  totals: { activeUsers: number; sessions: number; conversions: number };
  /** Rows the Data API reported (days with data). */
  rowCount: number;
};

/** A refusal or failure of Google's side, with a message a person can act on (no token, no key). */
export class GoogleApiError extends Error {
  constructor(
    message: string,
    readonly status: number | null,
    readonly kind: 'auth' | 'permission' | 'not_found' | 'rate_limited' | 'bad_request' | 'unavailable',
  ) {
    super(message);
    this.name = 'GoogleApiError';
  }
}

type CachedToken = { token: string; expiresAt: number };
/** Access tokens by (token URL, account, key): reused until a minute before they expire. */
const tokenCache = new Map<string, CachedToken>();

function cacheKey(tokenUrl: string, key: ServiceAccountKey): string {
  return createHash('sha256').update(`${tokenUrl}\n${key.client_email}\n${key.private_key}`).digest('hex');
}

function kindOf(status: number): GoogleApiError['kind'] {
  if (status === 401) return 'auth';
  if (status === 403) return 'permission';
  if (status === 404) return 'not_found';
  if (status === 429) return 'rate_limited';
  if (status >= 400 && status < 500) return 'bad_request';
  return 'unavailable';
}

async function post(url: string, init: RequestInit, connection: GaConnection, what: string): Promise<{ status: number; json: unknown }> {
  await connection.checkUrl?.(url);
  let response: Response;
  try {
    response = await fetch(url, { ...init, method: 'POST', redirect: 'error', signal: AbortSignal.timeout(connection.timeoutMs ?? 15_000) });
  } catch (error) {
    const reason = (error as Error).name === 'TimeoutError' ? 'timed out' : 'could not be reached';
    throw new GoogleApiError(`The ${what} at ${new URL(url).host} ${reason}`, null, 'unavailable');
  }
  const text = await response.text();
  let json: unknown;
  try {
    json = text ? JSON.parse(text) : {};
  } catch {
    json = undefined;
  }
  return { status: response.status, json };
}

/** A bearer token for the Data API: cached, else from the JWT grant. */
export async function accessToken(connection: GaConnection, nowMs = Date.now()): Promise<string> {
  const tokenUrl = connection.tokenUrl ?? DEFAULT_TOKEN_URL;
  const keyOfCache = cacheKey(tokenUrl, connection.key);
  const cached = tokenCache.get(keyOfCache);
  if (cached && cached.expiresAt - 60_000 > nowMs) return cached.token;

  const assertion = signServiceAccountJwt(connection.key, tokenUrl, ANALYTICS_READONLY_SCOPE, Math.floor(nowMs / 1000));
  const { status, json } = await post(
    tokenUrl,
    { headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams({ grant_type: JWT_BEARER_GRANT, assertion }).toString() },
    connection,
    'Google token endpoint',
  );
  const body = (json ?? {}) as { access_token?: unknown; expires_in?: unknown; error?: unknown; error_description?: unknown };
  if (status !== 200 || typeof body.access_token !== 'string') {
    const detail = typeof body.error_description === 'string' ? body.error_description : typeof body.error === 'string' ? body.error : `HTTP ${status}`;
    throw new GoogleApiError(`Google refused the service account key: ${detail.slice(0, 300)}`, status, status >= 500 ? 'unavailable' : 'auth');
  }
  const lifetime = typeof body.expires_in === 'number' && body.expires_in > 0 ? body.expires_in : 3600;
  tokenCache.set(keyOfCache, { token: body.access_token, expiresAt: nowMs + lifetime * 1000 });
  return body.access_token;
}

/** Forgets cached tokens (a key was replaced or removed). */
export function forgetAccessTokens(): void {
  tokenCache.clear();
}

type RunReportResponse = {
  dimensionHeaders?: Array<{ name?: string }>;
  metricHeaders?: Array<{ name?: string; type?: string }>;
  rows?: Array<{ dimensionValues?: Array<{ value?: string }>; metricValues?: Array<{ value?: string }> }>;
  totals?: Array<{ dimensionValues?: Array<{ value?: string }>; metricValues?: Array<{ value?: string }> }>;
  rowCount?: number;
};

/** Every date from `from` to `to` inclusive, as YYYY-MM-DD. */
export function datesBetween(from: string, to: string): string[] {
  const dates: string[] = [];
  for (let at = Date.parse(`${from}T00:00:00Z`), end = Date.parse(`${to}T00:00:00Z`); at <= end; at += 86_400_000) {
    dates.push(new Date(at).toISOString().slice(0, 10));
  }
  return dates;
}

/** Daily active users, sessions and conversions of `propertyId` from `from` to `to` (YYYY-MM-DD, inclusive). */
export async function runDailyReport(connection: GaConnection, from: string, to: string): Promise<GaReport> {
  const conversionMetric = connection.conversionMetric ?? 'keyEvents';
  const metrics = ['activeUsers', 'sessions', conversionMetric];
  const base = (connection.apiBaseUrl ?? DEFAULT_API_BASE_URL).replace(/\/+$/, '');
  const url = `${base}/v1beta/properties/${encodeURIComponent(connection.propertyId)}:runReport`;
  const request = {
    dateRanges: [{ startDate: from, endDate: to }],
    dimensions: [{ name: 'date' }],
    metrics: metrics.map((name) => ({ name })),
    orderBys: [{ dimension: { dimensionName: 'date' } }],
    // The totals row counts a user active on several days once.
    metricAggregations: ['TOTAL'],
    limit: 1000,
  };
  const send = async () =>
    post(
      url,
      { headers: { authorization: `Bearer ${await accessToken(connection)}`, 'content-type': 'application/json' }, body: JSON.stringify(request) },
      connection,
      'Google Analytics Data API',
    );
  let answer = await send();
  if (answer.status === 401) {
    // A token revoked or expired early: one fresh token, one more try.
    tokenCache.delete(cacheKey(connection.tokenUrl ?? DEFAULT_TOKEN_URL, connection.key));
    answer = await send();
  }
  if (answer.status !== 200) {
    const error = (answer.json as { error?: { message?: unknown; status?: unknown } } | undefined)?.error;
    const message = typeof error?.message === 'string' ? error.message.slice(0, 300) : `HTTP ${answer.status}`;
    throw new GoogleApiError(`Google Analytics answered ${answer.status}${typeof error?.status === 'string' ? ` ${error.status}` : ''}: ${message}`, answer.status, kindOf(answer.status));
  }
  return readReport(answer.json as RunReportResponse, connection.propertyId, from, to, conversionMetric);
}

/** The documented RunReportResponse as days; columns are found by their headers' names, not assumed positions. */
export function readReport(response: RunReportResponse, propertyId: string, from: string, to: string, conversionMetric: ConversionMetric): GaReport {
  const dateColumn = (response.dimensionHeaders ?? []).findIndex((header) => header.name === 'date');
  const metricColumns = (response.metricHeaders ?? []).map((header) => header.name);
  const column = (name: string) => metricColumns.indexOf(name);
  if (response.rows?.length && (dateColumn < 0 || column('activeUsers') < 0)) {
    throw new GoogleApiError('Google Analytics answered a report without the date dimension or the activeUsers metric', 200, 'unavailable');
  }
  const byDate = new Map<string, GaDay>();
  for (const row of response.rows ?? []) {
    const raw = row.dimensionValues?.[dateColumn]?.value ?? '';
    const match = /^(\d{4})(\d{2})(\d{2})$/.exec(raw);
    if (!match) continue;
    const date = `${match[1]}-${match[2]}-${match[3]}`;
    const value = (name: string) => {
      const at = column(name);
      const number = at < 0 ? 0 : Number(row.metricValues?.[at]?.value ?? 0);
      return Number.isFinite(number) ? number : 0;
    };
    byDate.set(date, { date, activeUsers: value('activeUsers'), sessions: value('sessions'), conversions: value(conversionMetric) });
  }
  const days = datesBetween(from, to).map((date) => byDate.get(date) ?? { date, activeUsers: 0, sessions: 0, conversions: 0 });
  const summed = days.reduce(
    (sum, day) => ({ activeUsers: sum.activeUsers + day.activeUsers, sessions: sum.sessions + day.sessions, conversions: sum.conversions + day.conversions }),
    { activeUsers: 0, sessions: 0, conversions: 0 },
  );
  // The Data API's TOTAL row, when it sent one: its activeUsers are distinct users over the range, not a sum of days.
  const totalRow = response.totals?.[0]?.metricValues;
  const total = (name: string, fallback: number) => {
    const at = column(name);
    const number = at < 0 || !totalRow ? Number.NaN : Number(totalRow[at]?.value);
    return Number.isFinite(number) ? number : fallback;
  };
  const totals = {
    activeUsers: total('activeUsers', summed.activeUsers),
    sessions: total('sessions', summed.sessions),
    conversions: total(conversionMetric, summed.conversions),
  };
  return { propertyId, from, to, conversionMetric, days, totals, rowCount: response.rowCount ?? byDate.size };
}

import crypto from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A local stand-in for Google's OAuth 2.0 token endpoint and the Analytics Data API v1beta, speaking their documented
 * shapes:
 * - `POST /token` (form-encoded `grant_type=urn:ietf:params:oauth:grant-type:jwt-bearer&assertion=<jwt>`): the JWT must
 *   be RS256-signed by the service account's key (checked with its public key), with `iss` the account's email, `aud`
 *   this endpoint's URL, the analytics.readonly `scope` and `exp` at most an hour after `iat`; answers
 *   `{access_token, expires_in, token_type: "Bearer"}` or `{error: "invalid_grant", error_description}` (400).
 * - `POST /v1beta/properties/{id}:runReport` with `Authorization: Bearer <token>`: answers a RunReportResponse
 *   (`dimensionHeaders`, `metricHeaders`, `rows[].dimensionValues/metricValues` with numbers as strings, `totals`,
 *   `rowCount`, `metadata`, `kind`), or Google's error body `{error: {code, message, status}}`.
 */

export type ServiceAccount = {
  /** The key file's JSON, as a user pastes it. */
  keyJson: string;
  clientEmail: string;
  publicKey: crypto.KeyObject;
};

/** A fresh service account with an RSA key pair (2048 bits, as Google issues). */
export function makeServiceAccount(email = 'atelier-reader@atelier-test.iam.gserviceaccount.com'): ServiceAccount {
  const { privateKey, publicKey } = crypto.generateKeyPairSync('rsa', { modulusLength: 2048 });
  const keyJson = JSON.stringify({
    type: 'service_account',
    project_id: 'atelier-test',
    private_key_id: crypto.randomBytes(20).toString('hex'),
    private_key: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
    client_email: email,
    client_id: '100000000000000000001',
    auth_uri: 'https://accounts.google.com/o/oauth2/auth',
    token_uri: 'https://oauth2.googleapis.com/token',
  });
  return { keyJson, clientEmail: email, publicKey };
}

export type DayData = { activeUsers: number; sessions: number; keyEvents: number };

export type FakeGoogle = {
  /** Base URL of the Data API (config apiBaseUrl). */
  apiBaseUrl: string;
  /** The token endpoint (config tokenUrl). */
  tokenUrl: string;
  /** Accounts whose JWTs the token endpoint accepts. */
  trust(account: ServiceAccount): void;
  /** The property's numbers by date (YYYY-MM-DD); a date without an entry has no row, as in GA. */
  setProperty(propertyId: string, days: Record<string, DayData>, options?: { readers?: string[] }): void;
  tokenRequests: Array<{ claims: Record<string, unknown>; header: Record<string, unknown> }>;
  reportRequests: Array<{ propertyId: string; body: Record<string, unknown>; token: string }>;
  close(): Promise<void>;
};

function readBody(request: http.IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    request.on('error', reject);
  });
}

function send(response: http.ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, { 'content-type': 'application/json; charset=UTF-8' });
  response.end(JSON.stringify(body));
}

function googleError(response: http.ServerResponse, code: number, status: string, message: string): void {
  send(response, code, { error: { code, message, status } });
}

const decode = (part: string) => JSON.parse(Buffer.from(part, 'base64url').toString('utf8')) as Record<string, unknown>;

export async function startFakeGoogle(): Promise<FakeGoogle> {
  const accounts = new Map<string, ServiceAccount>();
  const properties = new Map<string, { days: Record<string, DayData>; readers: string[] | undefined }>();
  const tokens = new Map<string, { email: string; expiresAt: number }>();
  const tokenRequests: FakeGoogle['tokenRequests'] = [];
  const reportRequests: FakeGoogle['reportRequests'] = [];
  let tokenUrl = '';

  function issueToken(form: URLSearchParams): { status: number; body: unknown } {
    const invalid = (description: string) => ({ status: 400, body: { error: 'invalid_grant', error_description: description } });
    if (form.get('grant_type') !== 'urn:ietf:params:oauth:grant-type:jwt-bearer') {
      return { status: 400, body: { error: 'unsupported_grant_type', error_description: 'Invalid grant_type' } };
    }
    const parts = (form.get('assertion') ?? '').split('.');
    if (parts.length !== 3) return invalid('Invalid JWT: Token must be a short-lived token and in a reasonable timeframe');
    let header: Record<string, unknown>;
    let claims: Record<string, unknown>;
    try {
      header = decode(parts[0]!);
      claims = decode(parts[1]!);
    } catch {
      return invalid('Invalid JWT');
    }
    tokenRequests.push({ header, claims });
    const account = accounts.get(String(claims.iss));
    if (header.alg !== 'RS256' || !account) return invalid('Invalid JWT Signature.');
    const verified = crypto.verify('RSA-SHA256', Buffer.from(`${parts[0]}.${parts[1]}`), account.publicKey, Buffer.from(parts[2]!, 'base64url'));
    if (!verified) return invalid('Invalid JWT Signature.');
    const now = Math.floor(Date.now() / 1000);
    const iat = Number(claims.iat);
    const exp = Number(claims.exp);
    if (claims.aud !== tokenUrl) return invalid(`Invalid JWT: aud must be ${tokenUrl}`);
    if (!(typeof claims.scope === 'string' ? claims.scope : '').split(' ').includes('https://www.googleapis.com/auth/analytics.readonly')) return invalid('Invalid JWT: scope');
    if (!(exp > now && exp - iat <= 3600 && iat <= now + 300)) return invalid('Invalid JWT: Token must be a short-lived token (60 minutes) and in a reasonable timeframe');
    const token = `ya29.fake-${crypto.randomBytes(16).toString('hex')}`;
    tokens.set(token, { email: account.clientEmail, expiresAt: Date.now() + 3599_000 });
    return { status: 200, body: { access_token: token, expires_in: 3599, token_type: 'Bearer' } };
  }

  function runReport(propertyId: string, body: Record<string, unknown>, email: string, response: http.ServerResponse): void {
    const property = properties.get(propertyId);
    if (!property || (property.readers && !property.readers.includes(email))) {
      return googleError(response, 403, 'PERMISSION_DENIED', 'User does not have sufficient permissions for this property. To learn more about Property ID, see https://developers.google.com/analytics/devguides/reporting/data/v1/property-id.');
    }
    const range = (body.dateRanges as Array<{ startDate?: string; endDate?: string }> | undefined)?.[0];
    const dimensions = (body.dimensions as Array<{ name: string }> | undefined) ?? [];
    const metrics = (body.metrics as Array<{ name: string }> | undefined) ?? [];
    const known = ['activeUsers', 'sessions', 'keyEvents', 'conversions'];
    const unknown = metrics.find((metric) => !known.includes(metric.name));
    if (!range?.startDate || !range.endDate || metrics.length === 0 || unknown || dimensions.some((d) => d.name !== 'date')) {
      return googleError(response, 400, 'INVALID_ARGUMENT', unknown ? `Field ${unknown.name} is not a valid metric.` : 'Did you mean to set dateRanges and metrics?');
    }
    const dates = Object.keys(property.days).filter((date) => date >= range.startDate! && date <= range.endDate!).sort();
    const valueOf = (day: DayData, name: string) => String(name === 'conversions' ? day.keyEvents : day[name as keyof DayData]);
    const rows = dates.map((date) => ({
      dimensionValues: [{ value: date.replace(/-/g, '') }],
      metricValues: metrics.map((metric) => ({ value: valueOf(property.days[date]!, metric.name) })),
    }));
    const sum = (name: string) => dates.reduce((total, date) => total + Number(valueOf(property.days[date]!, name)), 0);
    const aggregations = (body.metricAggregations as string[] | undefined) ?? [];
    send(response, 200, {
      dimensionHeaders: dimensions.map((d) => ({ name: d.name })),
      metricHeaders: metrics.map((metric) => ({ name: metric.name, type: 'TYPE_INTEGER' })),
      ...(rows.length ? { rows } : {}),
      ...(aggregations.includes('TOTAL') && rows.length
        ? {
            // Distinct users over several days are fewer than the sum of the days' (returning users count once).
            totals: [
              {
                dimensionValues: [{ value: 'RESERVED_TOTAL' }],
                metricValues: metrics.map((m) => ({ value: String(m.name === 'activeUsers' && rows.length > 1 ? Math.ceil(sum(m.name) * 0.8) : sum(m.name)) })),
              },
            ],
          }
        : {}),
      ...(rows.length ? { rowCount: rows.length } : {}),
      metadata: { currencyCode: 'USD', timeZone: 'Etc/UTC' },
      kind: 'analyticsData#runReport',
    });
  }

  const server = http.createServer((request, response) => void handle(request, response));
  async function handle(request: http.IncomingMessage, response: http.ServerResponse): Promise<void> {
    const body = await readBody(request);
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    if (request.method === 'POST' && url.pathname === '/token') {
      if (!String(request.headers['content-type'] ?? '').startsWith('application/x-www-form-urlencoded')) {
        return send(response, 400, { error: 'invalid_request', error_description: 'Bad Request' });
      }
      const answer = issueToken(new URLSearchParams(body));
      return send(response, answer.status, answer.body);
    }
    const report = /^\/v1beta\/properties\/([^/:]+):runReport$/.exec(url.pathname);
    if (request.method === 'POST' && report) {
      const token = /^Bearer (.+)$/.exec(String(request.headers.authorization ?? ''))?.[1] ?? '';
      const grant = tokens.get(token);
      if (!grant || grant.expiresAt < Date.now()) {
        return googleError(response, 401, 'UNAUTHENTICATED', 'Request had invalid authentication credentials. Expected OAuth 2 access token, login cookie or other valid authentication credential.');
      }
      let json: Record<string, unknown>;
      try {
        json = JSON.parse(body) as Record<string, unknown>;
      } catch {
        return googleError(response, 400, 'INVALID_ARGUMENT', 'Invalid JSON payload received.');
      }
      const propertyId = decodeURIComponent(report[1]!);
      reportRequests.push({ propertyId, body: json, token });
      return runReport(propertyId, json, grant.email, response);
    }
    googleError(response, 404, 'NOT_FOUND', `The requested URL ${url.pathname} was not found on this server.`);
  }
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  tokenUrl = `${base}/token`;
  return {
    apiBaseUrl: base,
    tokenUrl,
    trust: (account) => void accounts.set(account.clientEmail, account),
    setProperty: (propertyId, days, options = {}) => void properties.set(propertyId, { days, readers: options.readers }),
    tokenRequests,
    reportRequests,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GoogleApiError, forgetAccessTokens, runDailyReport, type GaConnection } from '../src/modules/integrations/analytics/ga-client.js';
import { parseServiceAccountKey, type ServiceAccountKey } from '../src/modules/integrations/analytics/service-account.js';
import { makeServiceAccount, startFakeGoogle, type FakeGoogle, type ServiceAccount } from './support/fake-google.js';

/** The GA4 Data API client against the local fake of Google's token endpoint and runReport. */

function keyOf(account: ServiceAccount): ServiceAccountKey {
  const parsed = parseServiceAccountKey(account.keyJson);
  if (!('key' in parsed)) throw new Error(parsed.problem);
  return parsed.key;
}

describe('Google Analytics Data API client', () => {
  let google: FakeGoogle;
  const account = makeServiceAccount();
  beforeAll(async () => {
    google = await startFakeGoogle();
    google.trust(account);
    google.setProperty('123456789', {
      '2026-11-01': { activeUsers: 120, sessions: 180, keyEvents: 7 },
      '2026-11-03': { activeUsers: 95, sessions: 130, keyEvents: 4 },
      '2026-11-09': { activeUsers: 1, sessions: 1, keyEvents: 0 },
    });
  });
  afterAll(async () => google.close());

  const connection = (overrides: Partial<GaConnection> = {}): GaConnection => ({
    propertyId: '123456789',
    key: keyOf(account),
    tokenUrl: google.tokenUrl,
    apiBaseUrl: google.apiBaseUrl,
    ...overrides,
  });

  it('signs in with the service account JWT, asks runReport by date and fills days without data with zeros', async () => {
    forgetAccessTokens();
    const report = await runDailyReport(connection(), '2026-11-01', '2026-11-04');
    expect(report.days).toEqual([
      { date: '2026-11-01', activeUsers: 120, sessions: 180, conversions: 7 },
      { date: '2026-11-02', activeUsers: 0, sessions: 0, conversions: 0 },
      { date: '2026-11-03', activeUsers: 95, sessions: 130, conversions: 4 },
      { date: '2026-11-04', activeUsers: 0, sessions: 0, conversions: 0 },
    ]);
    // Distinct users over the range come from the TOTAL row, not the sum of the days.
    expect(report.totals).toEqual({ activeUsers: 172, sessions: 310, conversions: 11 });
    expect(report).toMatchObject({ rowCount: 2, conversionMetric: 'keyEvents' });

    const [grant] = google.tokenRequests.slice(-1);
    expect(grant!.header).toMatchObject({ alg: 'RS256', typ: 'JWT' });
    expect(grant!.claims).toMatchObject({ iss: account.clientEmail, aud: google.tokenUrl, scope: 'https://www.googleapis.com/auth/analytics.readonly' });
    expect(Number(grant!.claims.exp) - Number(grant!.claims.iat)).toBe(3600);
    expect(google.reportRequests.at(-1)!.body).toMatchObject({
      dateRanges: [{ startDate: '2026-11-01', endDate: '2026-11-04' }],
      dimensions: [{ name: 'date' }],
      metrics: [{ name: 'activeUsers' }, { name: 'sessions' }, { name: 'keyEvents' }],
    });
  });

  it('reuses the access token until it expires, and can ask the older conversions metric', async () => {
    forgetAccessTokens();
    const before = google.tokenRequests.length;
    await runDailyReport(connection(), '2026-11-01', '2026-11-01');
    const report = await runDailyReport(connection({ conversionMetric: 'conversions' }), '2026-11-01', '2026-11-01');
    expect(google.tokenRequests.length - before).toBe(1);
    expect(report.days[0]).toMatchObject({ conversions: 7 });
    expect(google.reportRequests.at(-1)!.body.metrics).toEqual([{ name: 'activeUsers' }, { name: 'sessions' }, { name: 'conversions' }]);
  });

  it('reports a key Google does not trust and a property the account cannot read as errors that say so', async () => {
    forgetAccessTokens();
    const stranger = makeServiceAccount('stranger@elsewhere.iam.gserviceaccount.com');
    const refused = await runDailyReport(connection({ key: keyOf(stranger) }), '2026-11-01', '2026-11-02').catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(GoogleApiError);
    expect(refused).toMatchObject({ kind: 'auth', message: expect.stringMatching(/Invalid JWT Signature/) });

    const denied = await runDailyReport(connection({ propertyId: '999' }), '2026-11-01', '2026-11-02').catch((e: unknown) => e);
    expect(denied).toMatchObject({ kind: 'permission', status: 403, message: expect.stringMatching(/PERMISSION_DENIED/) });
    // Nothing secret in what a person reads.
    expect(String((denied as Error).message)).not.toMatch(/ya29|PRIVATE KEY/);
  });

  it('reads an empty report (no rows, no rowCount) as zeros', async () => {
    const report = await runDailyReport(connection(), '2026-10-01', '2026-10-02');
    expect(report.days.map((d) => d.activeUsers)).toEqual([0, 0]);
    expect(report.totals).toEqual({ activeUsers: 0, sessions: 0, conversions: 0 });
    expect(report.rowCount).toBe(0);
  });

  it('refuses a key file that is not a service account key, naming what is wrong', () => {
    expect(parseServiceAccountKey('not json')).toEqual({ problem: expect.stringMatching(/JSON/) });
    expect(parseServiceAccountKey(JSON.stringify({ type: 'authorized_user' }))).toEqual({ problem: expect.stringMatching(/^type /) });
    expect(parseServiceAccountKey(JSON.stringify({ type: 'service_account', client_email: 'a@b.test', private_key: 'nope' }))).toEqual({
      problem: expect.stringMatching(/^private_key /),
    });
  });
});

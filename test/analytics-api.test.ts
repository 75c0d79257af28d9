import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { forgetAccessTokens } from '../src/modules/integrations/analytics/ga-client.js';
import { apiHarness, type Team } from './support/api-harness.js';
import { createUser, type TestUser } from './support/factories.js';
import { makeServiceAccount, startFakeGoogle, type FakeGoogle } from './support/fake-google.js';
import { createTestApp, type TestApp } from './support/test-app.js';
import { testDrivers } from './support/test-db.js';

/**
 * Acceptance 4 of issue 17: a google_analytics integration's GA4 numbers, read through the local fake of Google's
 * token endpoint and Analytics Data API, appear for the project through GET /projects/{projectId}/analytics.
 */
describe.each(testDrivers)('project analytics from Google Analytics on %s', (kind) => {
  let t: TestApp;
  let team: Team;
  let outsider: TestUser;
  let google: FakeGoogle;
  const harness = apiHarness(() => t);
  const { api } = harness;
  const account = makeServiceAccount();
  const stranger = makeServiceAccount('stranger@elsewhere.iam.gserviceaccount.com');

  const gaIntegration = (overrides: { config?: Record<string, unknown>; secrets?: Record<string, unknown>; name?: string } = {}) => ({
    type: 'google_analytics',
    name: overrides.name ?? 'Marketing site',
    config: { propertyId: '271828', apiBaseUrl: google.apiBaseUrl, tokenUrl: google.tokenUrl, ...overrides.config },
    secrets: { serviceAccountKey: account.keyJson, ...overrides.secrets },
  });

  beforeAll(async () => {
    google = await startFakeGoogle();
    google.trust(account);
    google.setProperty('271828', {
      '2026-11-02': { activeUsers: 310, sessions: 402, keyEvents: 12 },
      '2026-11-03': { activeUsers: 287, sessions: 366, keyEvents: 9 },
      '2026-11-05': { activeUsers: 45, sessions: 50, keyEvents: 1 },
    });
    t = await createTestApp(kind);
    team = await harness.team({ name: 'Analytics' });
    outsider = await createUser(t);
    forgetAccessTokens();
  });
  afterAll(async () => {
    await t?.close();
    await google?.close();
  });

  /** POST …/integrations/{id}/test as the organization's owner. */
  const testAction = async (orgId: string, id: string) => {
    const tested = await api('POST', `/organizations/${orgId}/integrations/${id}/test`, team.owner);
    expect(tested.statusCode, tested.body).toBe(200);
    return tested.data as { ok: boolean; message: string; statusCode: number | null };
  };

  const analytics = (user: TestUser, query = '?from=2026-11-02&to=2026-11-05', projectId = team.projectId) =>
    api('GET', `/projects/${projectId}/analytics${query}`, user);

  it('says no integration is set up until an admin adds one, then shows the fake Data API’s numbers to every member', async () => {
    const before = await analytics(team.viewer);
    expect(before.statusCode, before.body).toBe(200);
    expect(before.data).toMatchObject({ configured: false, days: [], totals: null });
    expect(before.data.message).toMatch(/No Google Analytics integration/);

    const created = await api('POST', `/organizations/${team.orgId}/integrations`, team.owner, gaIntegration({ config: { projectId: team.projectId } }));
    expect(created.statusCode, created.body).toBe(201);

    for (const member of [team.viewer, team.editor, team.owner]) {
      const report = await analytics(member);
      expect(report.statusCode, report.body).toBe(200);
      expect(report.data).toMatchObject({
        configured: true,
        message: null,
        integrationId: created.data.id,
        integrationName: 'Marketing site',
        propertyId: '271828',
        from: '2026-11-02',
        to: '2026-11-05',
        conversionMetric: 'keyEvents',
      });
      expect(report.data.days).toEqual([
        { date: '2026-11-02', activeUsers: 310, sessions: 402, conversions: 12 },
        { date: '2026-11-03', activeUsers: 287, sessions: 366, conversions: 9 },
        { date: '2026-11-04', activeUsers: 0, sessions: 0, conversions: 0 },
        { date: '2026-11-05', activeUsers: 45, sessions: 50, conversions: 1 },
      ]);
      expect(report.data.totals).toEqual({ activeUsers: 514, sessions: 818, conversions: 22 });
    }
    // The key never travels back, and the token was asked once and reused.
    const bodies = JSON.stringify((await api('GET', `/organizations/${team.orgId}/integrations/${created.data.id}`, team.owner)).data);
    expect(bodies).not.toContain('PRIVATE KEY');
    expect(google.tokenRequests.filter((r) => r.claims.iss === account.clientEmail)).toHaveLength(1);
    expect(google.reportRequests.at(-1)).toMatchObject({ propertyId: '271828', body: { dateRanges: [{ startDate: '2026-11-02', endDate: '2026-11-05' }] } });

    // The test action asks Google once and says what it found.
    const tested = await testAction(team.orgId, created.data.id as string);
    expect(tested).toMatchObject({ ok: true, statusCode: 200 });
    expect(tested.message).toMatch(/property 271828/);
  });

  it('validates the dates, naming the field', async () => {
    for (const [query, field] of [
      ['?from=2026-13-01&to=2026-11-05', 'from'],
      ['?from=2026-11-05&to=yesterday', 'to'],
      ['?from=2026-11-05&to=2026-11-01', 'from'],
      ['?from=2024-01-01&to=2026-11-05', 'from'],
    ] as const) {
      const answer = await analytics(team.viewer, query);
      expect(answer.statusCode, `${query}: ${answer.body}`).toBe(400);
      expect(answer.data.error.message).toContain(field);
    }
  });

  it('is 404 for someone outside the organization, like a project that does not exist', async () => {
    const outside = await analytics(outsider);
    const missing = await analytics(outsider, '', '01900000-0000-7000-8000-000000000000');
    expect(outside.statusCode).toBe(404);
    expect(outside.data.error.message).toBe(missing.data.error.message);
  });

  it('uses the integration named for the project over an organization-wide one, and none named for other projects', async () => {
    const other = await api('POST', '/projects', team.owner, { name: 'Other product', organizationId: team.orgId });
    expect(other.statusCode).toBe(201);
    // Only integrations naming another project: none for this one.
    const report = await analytics(team.viewer, '?from=2026-11-02&to=2026-11-03', other.data.id);
    expect(report.data).toMatchObject({ configured: false });
    expect(report.data.message).toMatch(/other projects/);

    google.setProperty('314159', { '2026-11-02': { activeUsers: 7, sessions: 8, keyEvents: 0 } });
    const wide = await api('POST', `/organizations/${team.orgId}/integrations`, team.owner, gaIntegration({ name: 'Whole org', config: { propertyId: '314159' } }));
    expect(wide.statusCode, wide.body).toBe(201);
    expect((await analytics(team.viewer, '?from=2026-11-02&to=2026-11-02', other.data.id)).data).toMatchObject({ propertyId: '314159', totals: { activeUsers: 7 } });
    expect((await analytics(team.viewer, '?from=2026-11-02&to=2026-11-02')).data).toMatchObject({ propertyId: '271828' });

    // Disabled: no longer used.
    const disabled = await api('PATCH', `/organizations/${team.orgId}/integrations/${wide.data.id}`, team.owner, { enabled: false });
    expect(disabled.statusCode, disabled.body).toBe(200);
    expect((await analytics(team.viewer, '?from=2026-11-02&to=2026-11-02', other.data.id)).data).toMatchObject({ configured: false });
  });

  it('answers 502 saying what Google said when it refuses the key or the property, with nothing secret', async () => {
    const org = await api('POST', '/organizations', team.owner, { name: 'Refusals' });
    const project = await api('POST', '/projects', team.owner, { name: 'Refused', organizationId: org.data.id });
    const integration = await api('POST', `/organizations/${org.data.id}/integrations`, team.owner, gaIntegration({ secrets: { serviceAccountKey: stranger.keyJson } }));
    expect(integration.statusCode, integration.body).toBe(201);
    const refused = await analytics(team.owner, '?from=2026-11-02&to=2026-11-03', project.data.id);
    expect(refused.statusCode).toBe(502);
    expect(refused.data.error.message).toMatch(/Invalid JWT Signature/);
    expect(refused.body).not.toMatch(/PRIVATE KEY|ya29/);
    expect(await testAction(org.data.id as string, integration.data.id as string)).toMatchObject({ ok: false, statusCode: 400, message: expect.stringMatching(/Invalid JWT Signature/) });

    const denied = await api('PATCH', `/organizations/${org.data.id}/integrations/${integration.data.id}`, team.owner, {
      config: { propertyId: '999', apiBaseUrl: google.apiBaseUrl, tokenUrl: google.tokenUrl },
      secrets: { serviceAccountKey: account.keyJson },
    });
    expect(denied.statusCode, denied.body).toBe(200);
    const answer = await analytics(team.owner, '?from=2026-11-02&to=2026-11-03', project.data.id);
    expect(answer.statusCode).toBe(502);
    expect(answer.data.error.message).toMatch(/403 PERMISSION_DENIED/);
  });
});

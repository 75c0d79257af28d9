import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiHarness, type Team } from './support/api-harness.js';
import { createUser, type TestUser } from './support/factories.js';
import { createTestApp, type TestApp } from './support/test-app.js';
import { testDrivers } from './support/test-db.js';

const SIGNING_SECRET = 'whsec-integration-test-0123456789';
const GITHUB_TOKEN = 'ghp_integrationtesttoken0123456789';

/** Integration records: admins manage them, members read them, secrets never come back. */
describe.each(testDrivers)('integration records on %s', (kind) => {
  let t: TestApp;
  let team: Team;
  let outsider: TestUser;
  const harness = apiHarness(() => t);
  const responses: string[] = [];
  const api: typeof harness.api = async (method, url, user, body) => {
    const response = await harness.api(method, url, user, body);
    responses.push(response.body);
    return response;
  };
  const webhook = (overrides: Record<string, unknown> = {}) => ({
    type: 'webhook',
    name: 'Release notes bot',
    config: { url: 'http://127.0.0.1:4101/hook', events: ['story.created', 'sprint.completed'] },
    secrets: { signingSecret: SIGNING_SECRET },
    ...overrides,
  });

  beforeAll(async () => {
    t = await createTestApp(kind);
    team = await harness.team({ name: 'Integrations' });
    outsider = await createUser(t);
  });
  afterAll(async () => {
    await t.close();
  });

  it('adds, reads, changes and removes an integration as an owner; secrets answer only as set', async () => {
    const created = await api('POST', `/organizations/${team.orgId}/integrations`, team.owner, webhook());
    expect(created.statusCode, created.body).toBe(201);
    expect(created.data).toMatchObject({
      type: 'webhook',
      name: 'Release notes bot',
      enabled: true,
      config: { url: 'http://127.0.0.1:4101/hook', events: ['story.created', 'sprint.completed'] },
      secrets: { signingSecret: true },
      createdBy: team.owner.id,
      lastSuccessAt: null,
      lastError: null,
    });
    const id = created.data.id as string;

    const github = await api('POST', `/organizations/${team.orgId}/integrations`, team.owner, {
      type: 'github',
      name: 'Issues',
      config: { owner: 'atelier-dev', repo: 'product', projectId: team.projectId },
      secrets: { token: GITHUB_TOKEN, webhookSecret: 'gh-hook-secret' },
    });
    expect(github.statusCode, github.body).toBe(201);
    expect(github.data.config).toMatchObject({ baseUrl: 'https://api.github.com', owner: 'atelier-dev', repo: 'product' });
    expect(github.data.secrets).toEqual({ token: true, webhookSecret: true });

    // Viewers read the list and one integration; nothing secret is in either.
    const list = await api('GET', `/organizations/${team.orgId}/integrations`, team.viewer);
    expect(list.statusCode).toBe(200);
    expect(list.data.items.map((item: { id: string }) => item.id)).toEqual([github.data.id, id]);
    expect((await api('GET', `/organizations/${team.orgId}/integrations/${id}`, team.editor)).data.name).toBe('Release notes bot');

    const disabled = await api('PATCH', `/organizations/${team.orgId}/integrations/${id}`, team.owner, { enabled: false, name: 'Changelog bot' });
    expect(disabled.statusCode, disabled.body).toBe(200);
    expect(disabled.data).toMatchObject({ enabled: false, name: 'Changelog bot', secrets: { signingSecret: true } });

    // Replacing one GitHub secret keeps the other.
    const rotated = await api('PATCH', `/organizations/${team.orgId}/integrations/${github.data.id}`, team.owner, { secrets: { token: 'ghp_rotated_token_value_000' } });
    expect(rotated.statusCode, rotated.body).toBe(200);
    expect(rotated.data.secrets).toEqual({ token: true, webhookSecret: true });

    expect((await api('DELETE', `/organizations/${team.orgId}/integrations/${id}`, team.owner)).statusCode).toBe(204);
    expect((await api('GET', `/organizations/${team.orgId}/integrations/${id}`, team.owner)).statusCode).toBe(404);

    const audit = await api('GET', `/audit?organizationId=${team.orgId}&limit=200`, team.owner);
    const actions = (audit.data.items as Array<{ action: string }>).map((item) => item.action);
    expect(actions).toEqual(expect.arrayContaining(['integration_created', 'integration_updated', 'integration_deleted']));

    for (const body of responses) {
      expect(body).not.toContain(SIGNING_SECRET);
      expect(body).not.toContain(GITHUB_TOKEN);
      expect(body).not.toContain('ghp_rotated_token_value_000');
      expect(body).not.toContain('gh-hook-secret');
    }
  });

  it('lets viewers and editors read but not manage (403), and answers outsiders 404', async () => {
    const created = await api('POST', `/organizations/${team.orgId}/integrations`, team.owner, webhook({ name: 'Guarded' }));
    const url = `/organizations/${team.orgId}/integrations/${created.data.id}`;
    for (const user of [team.viewer, team.editor]) {
      expect((await api('POST', `/organizations/${team.orgId}/integrations`, user, webhook())).statusCode).toBe(403);
      expect((await api('PATCH', url, user, { enabled: false })).statusCode).toBe(403);
      expect((await api('DELETE', url, user)).statusCode).toBe(403);
    }
    expect((await api('GET', `/organizations/${team.orgId}/integrations`, outsider)).statusCode).toBe(404);
    expect((await api('GET', url, outsider)).statusCode).toBe(404);
    expect((await api('PATCH', url, outsider, { enabled: false })).statusCode).toBe(404);
    expect((await api('DELETE', url, outsider)).statusCode).toBe(404);
    expect((await api('GET', url, team.owner)).data.enabled).toBe(true);
  });

  it('answers bad configuration with 400 naming the field', async () => {
    const cases: Array<[Record<string, unknown>, string]> = [
      [webhook({ config: { url: 'ftp://example.test/hook', events: ['story.created'] } }), 'config.url'],
      [webhook({ config: { url: 'http://127.0.0.1:4101/hook', events: [] } }), 'config.events'],
      [webhook({ config: { url: 'http://127.0.0.1:4101/hook', events: ['story.deleted'] } }), 'config.events.0'],
      [webhook({ secrets: { signingSecret: 'short' } }), 'secrets.signingSecret'],
      [webhook({ config: { url: 'http://169.254.169.254/latest/meta-data', events: ['story.created'] } }), 'config.url'],
      [webhook({ config: { url: 'http://metadata.google.internal/computeMetadata', events: ['story.created'] } }), 'config.url'],
      [{ type: 'github', name: 'GH', config: { owner: 'a', repo: 'b', baseUrl: 'http://[fe80::1]/api' }, secrets: { token: 't' } }, 'config.baseUrl'],
      [{ type: 'github', name: 'GH', config: { owner: 'a' }, secrets: { token: 't' } }, 'config.repo'],
      [{ type: 'google_analytics', name: 'GA', config: { propertyId: 'G-123' }, secrets: { serviceAccountKey: '{}' } }, 'config.propertyId'],
      [{ type: 'google_analytics', name: 'GA', config: { propertyId: '123' }, secrets: { serviceAccountKey: 'not json' } }, 'secrets.serviceAccountKey'],
      [{ type: 'slack', name: 'S', config: {}, secrets: {} }, 'type'],
    ];
    for (const [body, field] of cases) {
      const response = await api('POST', `/organizations/${team.orgId}/integrations`, team.owner, body);
      expect(response.statusCode, `${field}: ${response.body}`).toBe(400);
      expect(response.data.error.message, response.body).toContain(field);
    }
    const created = await api('POST', `/organizations/${team.orgId}/integrations`, team.owner, webhook({ name: 'Patched' }));
    const patch = await api('PATCH', `/organizations/${team.orgId}/integrations/${created.data.id}`, team.owner, { config: { url: 'http://127.0.0.1:4101/x', events: ['nope'] } });
    expect(patch.statusCode).toBe(400);
    expect(patch.data.error.message).toContain('config.events.0');
    const refused = await api('PATCH', `/organizations/${team.orgId}/integrations/${created.data.id}`, team.owner, { config: { url: 'http://169.254.169.254/', events: ['story.created'] } });
    expect(refused.statusCode).toBe(400);
    expect(refused.data.error.message).toContain('config.url');
  });
});

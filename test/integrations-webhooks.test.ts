import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { JobRunner } from '../src/core/jobs/index.js';
import { verifySignature } from '../src/modules/integrations/index.js';
import { apiHarness, type Team } from './support/api-harness.js';
import { createTestApp, type TestApp } from './support/test-app.js';
import { testDrivers } from './support/test-db.js';
import { startWebhookReceiver, type ReceivedRequest, type WebhookReceiver } from './support/webhook-receiver.js';

const SECRET = 'whsec-outgoing-webhooks-0123456789';

async function until<T>(what: string, probe: () => Promise<T | undefined> | T | undefined, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

function signedCorrectly(request: ReceivedRequest, secret = SECRET): boolean {
  return verifySignature({
    secret,
    body: request.body,
    timestamp: request.headers['x-atelier-timestamp'] as string | undefined,
    signature: request.headers['x-atelier-signature'] as string | undefined,
  });
}

/** Outgoing webhooks against a local receiver: signed events from the outbox, retried with backoff, logged. */
describe.each(testDrivers)('outgoing webhooks on %s', (kind) => {
  let t: TestApp;
  let team: Team;
  let runner: JobRunner;
  const receivers: WebhookReceiver[] = [];
  const harness = apiHarness(() => t);
  const { api } = harness;

  async function receiver(answers: number[] = []) {
    const started = await startWebhookReceiver(answers);
    receivers.push(started);
    return started;
  }

  async function addWebhook(url: string, events: string[], name = 'Hook') {
    const created = await api('POST', `/organizations/${team.orgId}/integrations`, team.owner, {
      type: 'webhook',
      name,
      config: { url, events },
      secrets: { signingSecret: SECRET },
    });
    expect(created.statusCode, created.body).toBe(201);
    return created.data.id as string;
  }

  beforeAll(async () => {
    t = await createTestApp(kind, { INTEGRATIONS_RETRY_BASE_MS: '100', INTEGRATIONS_MAX_ATTEMPTS: '4', INTEGRATIONS_TIMEOUT_MS: '5000' });
    team = await harness.team({ name: 'Webhooks' });
    runner = harness.startJobRunner();
  });
  afterAll(async () => {
    await runner?.stop();
    for (const started of receivers) await started.close();
    await t.close();
  });

  it('delivers a story.created to a receiver that fails twice on the third attempt, with the same event id and a valid signature; the log shows three attempts', async () => {
    const flaky = await receiver([500, 503]);
    const id = await addWebhook(flaky.url, ['story.created'], 'Flaky receiver');

    const story = await api('POST', `/projects/${team.projectId}/stories`, team.editor, { title: 'Export invoices as PDF', acceptanceCriteria: 'Given an invoice, a PDF downloads' });
    expect(story.statusCode, story.body).toBe(201);

    await until('three requests', () => flaky.received.length >= 3 || undefined);
    const log = await until('the delivery to be delivered', async () => {
      const page = await api('GET', `/integrations/${id}/deliveries`, team.viewer);
      return page.data.items[0]?.status === 'delivered' ? page.data : undefined;
    });

    expect(flaky.received).toHaveLength(3);
    const eventIds = flaky.received.map((request) => request.headers['x-atelier-event-id']);
    expect(new Set(eventIds).size).toBe(1);
    for (const request of flaky.received) {
      expect(signedCorrectly(request), 'the signature verifies').toBe(true);
      expect(signedCorrectly(request, 'another-secret-0123456789'), 'a wrong secret does not').toBe(false);
      expect(request.headers['content-type']).toBe('application/json');
    }
    const event = JSON.parse(flaky.received[2]!.body) as { id: string; type: string; projectId: string; data: { story: { title: string; acceptanceCriteria: string } } };
    expect(event).toMatchObject({ id: eventIds[0], type: 'story.created', projectId: team.projectId });
    expect(event.data.story).toMatchObject({ title: 'Export invoices as PDF', acceptanceCriteria: 'Given an invoice, a PDF downloads' });

    expect(log.items).toHaveLength(1);
    const delivery = log.items[0];
    expect(delivery).toMatchObject({ eventId: eventIds[0], eventType: 'story.created', status: 'delivered', attempts: 3, lastStatusCode: 200 });
    expect(delivery.attemptLog.map((attempt: { attempt: number; statusCode: number }) => [attempt.attempt, attempt.statusCode])).toEqual([
      [1, 500],
      [2, 503],
      [3, 200],
    ]);
    // The waits grew: the third attempt came later after the second than the second after the first.
    const at = delivery.attemptLog.map((attempt: { attemptedAt: string }) => Date.parse(attempt.attemptedAt));
    expect(at[1] - at[0]).toBeGreaterThanOrEqual(90);
    expect(at[2] - at[1]).toBeGreaterThanOrEqual(190);

    const integration = await api('GET', `/organizations/${team.orgId}/integrations/${id}`, team.owner);
    expect(integration.data.lastSuccessAt).not.toBeNull();
    expect(integration.data.lastError).toBe('The receiver answered HTTP 503');
  });

  it('sends story.created to a subscribed webhook and not to one that chose other events', async () => {
    const subscribed = await receiver();
    const other = await receiver();
    const subscribedId = await addWebhook(subscribed.url, ['story.created', 'story.moved'], 'Stories');
    const otherId = await addWebhook(other.url, ['sprint.completed', 'document.published'], 'Sprints');

    const story = await api('POST', `/projects/${team.projectId}/stories`, team.editor, { title: 'Search by customer name' });
    expect(story.statusCode).toBe(201);
    const moved = await api('PATCH', `/projects/${team.projectId}/stories/${story.data.id}`, team.editor, { status: 'in_progress' });
    expect(moved.statusCode, moved.body).toBe(200);

    await until('created and moved events', () => (subscribed.received.length >= 2 ? true : undefined));
    const types = subscribed.received.map((request) => (JSON.parse(request.body) as { type: string; data: { story: { id: string } } }));
    expect(types.map((event) => event.type)).toEqual(['story.created', 'story.moved']);
    expect(types.every((event) => event.data.story.id === story.data.id)).toBe(true);
    expect(subscribed.received.every((request) => signedCorrectly(request))).toBe(true);

    // Give the job a moment more: the other receiver still hears nothing and logs no delivery.
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(other.received).toEqual([]);
    expect((await api('GET', `/integrations/${otherId}/deliveries`, team.owner)).data.items).toEqual([]);
    expect((await api('GET', `/integrations/${subscribedId}/deliveries`, team.owner)).data.items).toHaveLength(2);

    // A disabled webhook gets nothing either.
    await api('PATCH', `/organizations/${team.orgId}/integrations/${subscribedId}`, team.owner, { enabled: false });
    await api('POST', `/projects/${team.projectId}/stories`, team.editor, { title: 'Nobody hears this one' });
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(subscribed.received).toHaveLength(2);
    await api('DELETE', `/organizations/${team.orgId}/integrations/${subscribedId}`, team.owner);
    await api('DELETE', `/organizations/${team.orgId}/integrations/${otherId}`, team.owner);
  });

  it('sends a signed test event from "test" at once and from "send test event" through the log; gives up after the last attempt', async () => {
    const hook = await receiver();
    const id = await addWebhook(hook.url, ['sprint.completed'], 'Test me');

    const tested = await api('POST', `/organizations/${team.orgId}/integrations/${id}/test`, team.owner);
    expect(tested.statusCode, tested.body).toBe(200);
    expect(tested.data).toMatchObject({ ok: true, statusCode: 200 });
    expect(hook.received).toHaveLength(1);
    expect(JSON.parse(hook.received[0]!.body)).toMatchObject({ type: 'test' });
    expect(signedCorrectly(hook.received[0]!)).toBe(true);

    const queued = await api('POST', `/integrations/${id}/test-event`, team.owner);
    expect(queued.statusCode, queued.body).toBe(202);
    await until('the test event', () => (hook.received.length >= 2 ? true : undefined));
    expect(hook.received[1]!.headers['x-atelier-event-id']).toBe(queued.data.eventId);
    const log = await until('the test delivery', async () => {
      const page = await api('GET', `/integrations/${id}/deliveries`, team.owner);
      return page.data.items[0]?.status === 'delivered' ? page.data : undefined;
    });
    expect(log.items[0]).toMatchObject({ id: queued.data.deliveryId, eventType: 'test', attempts: 1 });

    // A receiver that never accepts: four attempts (INTEGRATIONS_MAX_ATTEMPTS), then failed.
    hook.answers = [500, 500, 500, 500, 500];
    const failing = await api('POST', `/integrations/${id}/test-event`, team.owner);
    const failed = await until('the delivery to fail', async () => {
      const page = await api('GET', `/integrations/${id}/deliveries?status=failed`, team.owner);
      return page.data.items[0];
    });
    expect(failed).toMatchObject({ eventId: failing.data.eventId, status: 'failed', attempts: 4, lastStatusCode: 500, nextAttemptAt: null });
    expect(failed.attemptLog).toHaveLength(4);

    // Test answers with what went wrong, kept as the last error.
    hook.answers = [404];
    const notFound = await api('POST', `/organizations/${team.orgId}/integrations/${id}/test`, team.owner);
    expect(notFound.data).toMatchObject({ ok: false, statusCode: 404, message: 'The receiver answered HTTP 404' });
    expect((await api('GET', `/organizations/${team.orgId}/integrations/${id}`, team.owner)).data.lastError).toBe('The receiver answered HTTP 404');

    // Only admins send test events and test; the audit log has both.
    expect((await api('POST', `/integrations/${id}/test-event`, team.editor)).statusCode).toBe(403);
    expect((await api('POST', `/organizations/${team.orgId}/integrations/${id}/test`, team.viewer)).statusCode).toBe(403);
    const audit = await api('GET', `/audit?organizationId=${team.orgId}&limit=200`, team.owner);
    const actions = (audit.data.items as Array<{ action: string }>).map((item) => item.action);
    expect(actions).toEqual(expect.arrayContaining(['integration_tested', 'integration_test_event_sent']));
    for (const item of audit.data.items as Array<{ details: unknown }>) expect(JSON.stringify(item.details ?? {})).not.toContain(SECRET);
  });
});

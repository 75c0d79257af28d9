import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stripeSignatureHeader } from '../src/modules/billing/stripe-signature.js';
import { createUser, type TestUser } from './support/factories.js';
import { call, createTestApp, type TestApp } from './support/test-app.js';
import { testDrivers } from './support/test-db.js';

/**
 * Acceptance 3 of issue 17: Stripe's billing webhook, signed as Stripe signs it (t=…,v1=HMAC-SHA256 of "t.body"),
 * with events shaped as Stripe's API reference documents them (Event, Checkout Session, Subscription).
 */

const SECRET = 'whsec_test_0123456789abcdef';
let sequence = 0;

function event(type: string, object: Record<string, unknown>, created = Math.floor(Date.now() / 1000)) {
  sequence += 1;
  return { id: `evt_test_${Date.now()}_${sequence}`, object: 'event', api_version: '2024-06-20', created, livemode: false, type, data: { object } };
}

function checkoutSession(fields: Record<string, unknown>) {
  return {
    id: `cs_test_${sequence}`,
    object: 'checkout.session',
    mode: 'subscription',
    status: 'complete',
    payment_status: 'paid',
    client_reference_id: null,
    customer_email: null,
    customer_details: null,
    ...fields,
  };
}

function subscription(id: string, customer: string, status: string) {
  return { id, object: 'subscription', customer, status, cancel_at_period_end: false, items: { object: 'list', data: [] } };
}

describe.each(testDrivers)('Stripe billing webhook on %s', (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(kind, { STRIPE_WEBHOOK_SECRET: SECRET });
  });
  afterAll(async () => t?.close());

  const post = (body: unknown, options: { secret?: string; timestamp?: number; header?: string | null } = {}) => {
    const payload = typeof body === 'string' ? body : JSON.stringify(body);
    const header = options.header === undefined ? stripeSignatureHeader(payload, options.secret ?? SECRET, options.timestamp) : options.header;
    return call(t.app, 'POST', '/api/v1/billing/stripe/webhook', {
      body: payload,
      headers: { 'content-type': 'application/json; charset=utf-8', 'user-agent': 'Stripe/1.0 (+https://stripe.com/docs/webhooks)', ...(header === null ? {} : { 'stripe-signature': header }) },
    });
  };
  const me = async (user: TestUser) => (await call(t.app, 'GET', '/api/v1/me', { token: user.token })).data;
  const credits = async (user: TestUser) => (await call(t.app, 'GET', '/api/v1/me/credits', { token: user.token })).data;
  const planChanges = async (user: TestUser) =>
    (await call(t.app, 'GET', '/api/v1/audit', { token: user.token })).data.items.filter((e: { action: string }) => e.action === 'billing_plan_changed');

  it('a signed checkout makes the account pro with unlimited credits, once; a forged event answers 400; deletion makes it free', async () => {
    const user = await createUser(t);
    expect(await credits(user)).toMatchObject({ unlimited: false, remaining: 10 });

    const completed = event('checkout.session.completed', checkoutSession({ client_reference_id: user.id, customer: 'cus_A1', subscription: 'sub_A1' }));
    const first = await post(completed);
    expect(first.statusCode, first.body).toBe(200);
    expect(first.data).toMatchObject({ received: true, eventId: completed.id, duplicate: false, outcome: 'applied' });
    expect(await me(user)).toMatchObject({ subscriptionTier: 'pro', isPro: true });
    expect(await credits(user)).toMatchObject({ unlimited: true, remaining: null });
    expect(await planChanges(user)).toHaveLength(1);

    // Stripe delivers at least once: the same event again changes nothing.
    const again = await post(completed);
    expect(again.statusCode).toBe(200);
    expect(again.data).toMatchObject({ duplicate: true, outcome: 'applied' });
    expect(await planChanges(user)).toHaveLength(1);

    // Signed with another secret: refused, and the account stays pro.
    const forged = await post(event('customer.subscription.deleted', subscription('sub_A1', 'cus_A1', 'canceled')), { secret: 'whsec_attacker' });
    expect(forged.statusCode).toBe(400);
    expect(forged.data.error.message).toMatch(/signature/i);
    expect(await me(user)).toMatchObject({ isPro: true });

    const deleted = await post(event('customer.subscription.deleted', subscription('sub_A1', 'cus_A1', 'canceled')));
    expect(deleted.data).toMatchObject({ outcome: 'applied', duplicate: false });
    expect(await me(user)).toMatchObject({ subscriptionTier: 'free', isPro: false });
    expect(await credits(user)).toMatchObject({ unlimited: false });
    expect((await planChanges(user)).map((e: { details: { from: string; to: string } }) => `${e.details.from}>${e.details.to}`).sort()).toEqual(['free>pro', 'pro>free']);
  });

  it('finds the account by the customer email, follows subscription updates, and drops an event older than the status it would undo', async () => {
    const user = await createUser(t);
    const created = Math.floor(Date.now() / 1000);
    const completed = event(
      'checkout.session.completed',
      checkoutSession({ customer: 'cus_B1', subscription: 'sub_B1', customer_details: { email: user.email.toUpperCase(), name: 'B' } }),
      created,
    );
    expect((await post(completed)).data.outcome).toBe('applied');
    expect(await me(user)).toMatchObject({ isPro: true });

    // past_due keeps pro while Stripe retries the card; unpaid ends it.
    expect((await post(event('customer.subscription.updated', subscription('sub_B1', 'cus_B1', 'past_due'), created + 1)))).toMatchObject({ statusCode: 200 });
    expect(await me(user)).toMatchObject({ isPro: true });
    await post(event('customer.subscription.updated', subscription('sub_B1', 'cus_B1', 'unpaid'), created + 3));
    expect(await me(user)).toMatchObject({ isPro: false });

    // An "active" sent before the "unpaid" but delivered after it changes nothing.
    const late = await post(event('customer.subscription.updated', subscription('sub_B1', 'cus_B1', 'active'), created + 2));
    expect(late.data).toMatchObject({ outcome: 'stale' });
    expect(await me(user)).toMatchObject({ isPro: false });

    // A new subscription of the same customer (found by the customer id) makes it pro again; ending the old one does not undo that.
    await post(event('customer.subscription.updated', subscription('sub_B2', 'cus_B1', 'trialing'), created + 4));
    expect(await me(user)).toMatchObject({ isPro: true });
    await post(event('customer.subscription.deleted', subscription('sub_B1', 'cus_B1', 'canceled'), created + 5));
    expect(await me(user)).toMatchObject({ isPro: true });
    expect(await credits(user)).toMatchObject({ unlimited: true });
  });

  it('answers 200 without a change to events it does not act on or that match no account', async () => {
    const user = await createUser(t);
    const ignored = await post(event('invoice.paid', { id: 'in_1', object: 'invoice', customer: 'cus_nobody' }));
    expect(ignored.statusCode).toBe(200);
    expect(ignored.data).toMatchObject({ outcome: 'ignored' });
    const nobody = await post(event('checkout.session.completed', checkoutSession({ customer_email: 'nobody@example.test', customer: 'cus_N' })));
    expect(nobody.data).toMatchObject({ outcome: 'no_account' });
    const unknownCustomer = await post(event('customer.subscription.updated', subscription('sub_N', 'cus_unknown', 'active')));
    expect(unknownCustomer.data).toMatchObject({ outcome: 'no_account' });
    // A checkout whose payment is still on its way (e.g. a bank debit) waits for async_payment_succeeded.
    const pending = await post(event('checkout.session.completed', checkoutSession({ client_reference_id: user.id, customer: 'cus_P', subscription: 'sub_P', payment_status: 'unpaid' })));
    expect(pending.data).toMatchObject({ outcome: 'unchanged' });
    expect(await me(user)).toMatchObject({ isPro: false });
    await post(event('checkout.session.async_payment_succeeded', checkoutSession({ client_reference_id: user.id, customer: 'cus_P', subscription: 'sub_P' })));
    expect(await me(user)).toMatchObject({ isPro: true });
  });

  it('refuses an old timestamp, a missing or malformed signature and an unsigned body change with 400, changing nothing', async () => {
    const user = await createUser(t);
    const completed = event('checkout.session.completed', checkoutSession({ client_reference_id: user.id, customer: 'cus_C1', subscription: 'sub_C1' }));
    const tooOld = await post(completed, { timestamp: Math.floor(Date.now() / 1000) - 301 });
    expect(tooOld.statusCode).toBe(400);
    expect(tooOld.data.error.message).toMatch(/300 seconds/);
    expect((await post(completed, { header: null })).statusCode).toBe(400);
    expect((await post(completed, { header: 'garbage' })).statusCode).toBe(400);
    const payload = JSON.stringify(completed);
    const header = stripeSignatureHeader(payload, SECRET);
    const tampered = await post(payload.replace(user.id, (await createUser(t)).id), { header });
    expect(tampered.statusCode).toBe(400);
    // Signed but not an event: 400 naming the field.
    const notEvent = await post({ hello: 'world' });
    expect(notEvent.statusCode).toBe(400);
    expect(notEvent.data.error.message).toMatch(/id/);
    expect(await me(user)).toMatchObject({ isPro: false });
    // The refused attempts did not claim the event id: it still applies once, properly signed.
    expect((await post(completed)).data).toMatchObject({ duplicate: false, outcome: 'applied' });
  });

  it('without a configured secret answers 503 saying what to set', async () => {
    const saved = t.config.billing.stripeWebhookSecrets;
    t.config.billing.stripeWebhookSecrets = [];
    try {
      const answer = await post(event('invoice.paid', { id: 'in_2', object: 'invoice' }));
      expect(answer.statusCode).toBe(503);
      expect(answer.data.error.message).toMatch(/STRIPE_WEBHOOK_SECRET/);
    } finally {
      t.config.billing.stripeWebhookSecrets = saved;
    }
  });
});

import { and, eq, ne, sql } from 'drizzle-orm';
import { recordAudit, type Actor } from '../../core/audit.js';
import type { Tx } from '../../core/db/database.js';
import { users } from '../../core/db/platform.schema.js';
import type { SubscriptionTier } from '../../shared/account-kinds.js';
import {
  stripeSubscriptionStatuses,
  type StripeEvent,
  type StripeEventOutcome,
  type StripeSubscriptionStatus,
  type StripeWebhookAnswer,
} from './billing.contract.js';
import { stripeEvents, stripeSubscriptions } from './billing.schema.js';

/**
 * What a verified Stripe event does to an account (docs/decisions/018-integrations.md, "Billing and analytics").
 * Runs as atelier_system in one transaction: the event's row is claimed first (its id is the primary key), so a
 * replayed or concurrently redelivered event waits for the first and then finds it done; a failure rolls everything
 * back, the event row included, and Stripe's retry starts afresh.
 */

/** Subscription statuses that keep an account pro. past_due keeps it while Stripe retries the payment. */
const ENTITLED: readonly StripeSubscriptionStatus[] = ['active', 'trialing', 'past_due'];

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

type Account = { id: string; tier: SubscriptionTier; stripeCustomerId: string | null };
type Result = { outcome: StripeEventOutcome; userId: string | null; plan: SubscriptionTier | null; message: string };

/** The id of an expandable field: Stripe sends either the id or, when expanded, the object with its id. */
function idOf(value: unknown): string | null {
  if (typeof value === 'string' && value.length > 0 && value.length <= 255) return value;
  if (value && typeof value === 'object' && typeof (value as { id?: unknown }).id === 'string') return idOf((value as { id: string }).id);
  return null;
}

function textOf(value: unknown): string | null {
  return typeof value === 'string' && value.trim().length > 0 && value.length <= 255 ? value.trim() : null;
}

const accountColumns = { id: users.id, tier: users.subscriptionTier, stripeCustomerId: users.stripeCustomerId };

async function accountById(tx: Tx, id: string): Promise<Account | undefined> {
  const [row] = await tx.select(accountColumns).from(users).where(eq(users.id, id)).for('update');
  return row;
}

async function accountByEmail(tx: Tx, email: string): Promise<Account | undefined> {
  const [row] = await tx.select(accountColumns).from(users).where(sql`lower(${users.email}) = lower(${email})`).for('update');
  return row;
}

async function accountByCustomer(tx: Tx, customerId: string): Promise<Account | undefined> {
  const [row] = await tx.select(accountColumns).from(users).where(eq(users.stripeCustomerId, customerId)).for('update');
  return row;
}

export async function handleStripeEvent(tx: Tx, event: StripeEvent, actor: Omit<Actor, 'userId'>): Promise<StripeWebhookAnswer> {
  const claimed = await tx
    .insert(stripeEvents)
    .values({ id: event.id, type: event.type, livemode: event.livemode ?? false, createdAt: new Date(event.created * 1000), outcome: 'ignored' })
    .onConflictDoNothing({ target: stripeEvents.id })
    .returning({ id: stripeEvents.id });
  if (claimed.length === 0) {
    const [seen] = await tx.select().from(stripeEvents).where(eq(stripeEvents.id, event.id));
    return { received: true, eventId: event.id, duplicate: true, outcome: seen?.outcome ?? 'ignored', message: 'Already received; nothing changed' };
  }

  const result = await apply(tx, event, actor);
  await tx
    .update(stripeEvents)
    .set({ outcome: result.outcome, userId: result.userId, plan: result.plan, message: result.message })
    .where(eq(stripeEvents.id, event.id));
  return { received: true, eventId: event.id, duplicate: false, outcome: result.outcome, message: result.message };
}

async function apply(tx: Tx, event: StripeEvent, actor: Omit<Actor, 'userId'>): Promise<Result> {
  const object = event.data.object;
  switch (event.type) {
    case 'checkout.session.completed':
    case 'checkout.session.async_payment_succeeded':
      return checkoutCompleted(tx, event, object, actor);
    case 'customer.subscription.created':
    case 'customer.subscription.updated':
    case 'customer.subscription.deleted':
      return subscriptionChanged(tx, event, object, actor);
    default:
      return { outcome: 'ignored', userId: null, plan: null, message: `Atelier does not act on ${event.type} events` };
  }
}

/**
 * A Checkout Session paid: the account is the session's client_reference_id (the user id Atelier put there), else the
 * account with the customer's email. It is linked to the Stripe customer and becomes pro.
 */
async function checkoutCompleted(tx: Tx, event: StripeEvent, session: Record<string, unknown>, actor: Omit<Actor, 'userId'>): Promise<Result> {
  if (event.type === 'checkout.session.completed' && session.payment_status === 'unpaid') {
    return { outcome: 'unchanged', userId: null, plan: null, message: 'The payment is not received yet; checkout.session.async_payment_succeeded will follow' };
  }
  const reference = textOf(session.client_reference_id);
  const details = session.customer_details as { email?: unknown } | null | undefined;
  const email = textOf(details?.email) ?? textOf(session.customer_email);
  const account =
    (reference && UUID.test(reference) ? await accountById(tx, reference) : undefined) ?? (email ? await accountByEmail(tx, email) : undefined);
  if (!account) {
    return { outcome: 'no_account', userId: null, plan: null, message: 'No account matches the session’s client_reference_id or customer email' };
  }

  let changed = false;
  const customerId = idOf(session.customer);
  if (customerId && customerId !== account.stripeCustomerId) {
    const [other] = await tx.select({ id: users.id }).from(users).where(and(eq(users.stripeCustomerId, customerId), ne(users.id, account.id)));
    if (other) {
      return { outcome: 'unchanged', userId: account.id, plan: account.tier, message: 'The Stripe customer is linked to another account' };
    }
    await tx.update(users).set({ stripeCustomerId: customerId }).where(eq(users.id, account.id));
    changed = true;
  }

  const subscriptionId = idOf(session.subscription);
  if (subscriptionId) {
    // The session says the subscription exists and is paid for; its own events (which may come first) say more.
    const inserted = await tx
      .insert(stripeSubscriptions)
      .values({ id: subscriptionId, userId: account.id, customerId, status: 'active', statusAt: new Date(event.created * 1000) })
      .onConflictDoNothing({ target: stripeSubscriptions.id })
      .returning({ id: stripeSubscriptions.id });
    changed ||= inserted.length > 0;
  }
  // A one-time payment (no subscription) makes the account pro with nothing to end it later.
  const plan = await settlePlan(tx, account, event, actor, subscriptionId ? undefined : 'pro');
  return finish(account, plan, changed, 'checkout completed');
}

/** A subscription created, changed or ended: found by its id if known, else by the Stripe customer of an account. */
async function subscriptionChanged(tx: Tx, event: StripeEvent, subscription: Record<string, unknown>, actor: Omit<Actor, 'userId'>): Promise<Result> {
  const subscriptionId = idOf(subscription.id);
  const customerId = idOf(subscription.customer);
  const status = (event.type === 'customer.subscription.deleted' ? 'canceled' : subscription.status) as StripeSubscriptionStatus;
  if (!subscriptionId || !stripeSubscriptionStatuses.includes(status)) {
    return { outcome: 'unchanged', userId: null, plan: null, message: 'The subscription has no id or an unknown status' };
  }
  const [known] = await tx.select({ userId: stripeSubscriptions.userId }).from(stripeSubscriptions).where(eq(stripeSubscriptions.id, subscriptionId));
  const account = known ? await accountById(tx, known.userId) : customerId ? await accountByCustomer(tx, customerId) : undefined;
  if (!account) return { outcome: 'no_account', userId: null, plan: null, message: 'No account is linked to the subscription’s Stripe customer' };

  const at = new Date(event.created * 1000);
  const written = await tx
    .insert(stripeSubscriptions)
    .values({ id: subscriptionId, userId: account.id, customerId, status, statusAt: at })
    .onConflictDoUpdate({
      target: stripeSubscriptions.id,
      set: { status, statusAt: at },
      // An event older than the one that set the status arrived late (Stripe does not promise order): it is dropped.
      setWhere: sql`${stripeSubscriptions.statusAt} <= excluded.status_at`,
    })
    .returning({ id: stripeSubscriptions.id });
  if (written.length === 0) {
    return { outcome: 'stale', userId: account.id, plan: account.tier, message: 'A newer event already set this subscription’s status' };
  }
  const plan = await settlePlan(tx, account, event, actor);
  return finish(account, plan, true, `subscription ${status}`);
}

/**
 * The plan the account's subscriptions give it: pro while one is entitled, free once all have ended. Enterprise
 * accounts are arranged by hand and stay so. `direct` sets a plan without a subscription (a one-time payment).
 */
async function settlePlan(
  tx: Tx,
  account: Account,
  event: StripeEvent,
  actor: Omit<Actor, 'userId'>,
  direct?: SubscriptionTier,
): Promise<SubscriptionTier> {
  if (account.tier === 'enterprise') return account.tier;
  let next = direct;
  if (!next) {
    const rows = await tx.select({ status: stripeSubscriptions.status }).from(stripeSubscriptions).where(eq(stripeSubscriptions.userId, account.id));
    if (rows.length === 0) return account.tier;
    next = rows.some((row) => ENTITLED.includes(row.status)) ? 'pro' : 'free';
  }
  if (next === account.tier) return next;
  await tx.update(users).set({ subscriptionTier: next }).where(eq(users.id, account.id));
  await recordAudit(
    tx,
    { ...actor, userId: account.id },
    {
      action: 'billing_plan_changed',
      resourceType: 'user',
      resourceId: account.id,
      details: { from: account.tier, to: next, stripeEventId: event.id, stripeEventType: event.type },
    },
  );
  return next;
}

function finish(account: Account, plan: SubscriptionTier, changed: boolean, what: string): Result {
  const planChanged = plan !== account.tier;
  const message =
    account.tier === 'enterprise'
      ? `Recorded ${what}; enterprise accounts keep their plan`
      : planChanged
        ? `Plan changed from ${account.tier} to ${plan} (${what})`
        : `Recorded ${what}; the plan stays ${plan}`;
  return { outcome: planChanged || changed ? 'applied' : 'unchanged', userId: account.id, plan, message };
}

import { z } from 'zod';

/** What Atelier did with one Stripe event (app.stripe_events.outcome). */
export const stripeEventOutcomes = ['applied', 'unchanged', 'ignored', 'no_account', 'stale'] as const;
export type StripeEventOutcome = (typeof stripeEventOutcomes)[number];

/** Stripe's subscription statuses (the Subscription object's `status`). */
export const stripeSubscriptionStatuses = [
  'incomplete',
  'incomplete_expired',
  'trialing',
  'active',
  'past_due',
  'canceled',
  'unpaid',
  'paused',
] as const;
export type StripeSubscriptionStatus = (typeof stripeSubscriptionStatuses)[number];

/** The answer to Stripe: 2xx tells it to stop retrying; the outcome is for whoever reads the webhook's log in Stripe. */
export const stripeWebhookAnswerSchema = z.object({
  received: z.literal(true),
  eventId: z.string(),
  duplicate: z.boolean().describe('the event was received before; nothing changed this time'),
  outcome: z.enum(stripeEventOutcomes),
  message: z.string().nullable(),
});
export type StripeWebhookAnswer = z.infer<typeof stripeWebhookAnswerSchema>;

/**
 * The parts of a Stripe Event (docs.stripe.com/api/events/object) Atelier reads: `id` (evt_…), `type`, `created` (unix
 * seconds), `livemode`, and `data.object`, the Checkout Session or Subscription the event is about.
 */
export const stripeEventSchema = z.object({
  id: z.string().min(1).max(255),
  object: z.literal('event').optional(),
  type: z.string().min(1).max(255),
  created: z.number().int().nonnegative(),
  livemode: z.boolean().optional(),
  data: z.object({ object: z.record(z.string(), z.unknown()) }),
});
export type StripeEvent = z.infer<typeof stripeEventSchema>;

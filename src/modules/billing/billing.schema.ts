import { boolean, pgSchema, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import type { SubscriptionTier } from '../../shared/account-kinds.js';
import type { StripeEventOutcome, StripeSubscriptionStatus } from './billing.contract.js';

/** Drizzle definitions of migrations/0013_billing.up.sql (the SQL is the source of truth). */
const app = pgSchema('app');

export const stripeEvents = app.table('stripe_events', {
  id: text('id').primaryKey(),
  type: text('type').notNull(),
  livemode: boolean('livemode').notNull().default(false),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  receivedAt: timestamp('received_at', { withTimezone: true }).notNull().defaultNow(),
  userId: uuid('user_id'),
  outcome: text('outcome').$type<StripeEventOutcome>().notNull(),
  plan: text('plan').$type<SubscriptionTier>(),
  message: text('message'),
});

export const stripeSubscriptions = app.table('stripe_subscriptions', {
  id: text('id').primaryKey(),
  userId: uuid('user_id').notNull(),
  customerId: text('customer_id'),
  status: text('status').$type<StripeSubscriptionStatus>().notNull(),
  statusAt: timestamp('status_at', { withTimezone: true }).notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

import { boolean, integer, jsonb, pgSchema, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import type { DeliveryStatus, IntegrationType, OutboxEventType } from './integrations.contract.js';

/** Drizzle definitions of migrations/0012_integrations.up.sql (the SQL is the source of truth). */
const schema = pgSchema('integrations');

const createdAt = () => timestamp('created_at', { withTimezone: true }).notNull().defaultNow();

export const integrations = schema.table('integrations', {
  id: uuid('id').primaryKey(),
  organizationId: uuid('organization_id').notNull(),
  /** Who created it (seed 003's user_id). */
  userId: uuid('user_id'),
  type: text('type').$type<IntegrationType>().notNull(),
  name: text('name').notNull(),
  /** The non-secret configuration. */
  metadata: jsonb('metadata').$type<Record<string, unknown>>().notNull().default({}),
  /** JSON of the secrets, sealed with the secret box; open it only to call the service. */
  sealedSecrets: text('sealed_secrets').notNull(),
  enabled: boolean('enabled').notNull().default(true),
  lastSuccessAt: timestamp('last_success_at', { withTimezone: true }),
  lastError: text('last_error'),
  lastErrorAt: timestamp('last_error_at', { withTimezone: true }),
  createdAt: createdAt(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

export const outbox = schema.table('outbox', {
  id: uuid('id').primaryKey(),
  organizationId: uuid('organization_id').notNull(),
  projectId: uuid('project_id'),
  type: text('type').$type<OutboxEventType>().notNull(),
  /** The whole event as receivers get it: {id, type, organizationId, projectId, createdAt, data}. */
  payload: jsonb('payload').$type<Record<string, unknown>>().notNull(),
  createdAt: createdAt(),
});

export const deliveries = schema.table('deliveries', {
  id: uuid('id').primaryKey(),
  organizationId: uuid('organization_id').notNull(),
  integrationId: uuid('integration_id').notNull(),
  eventId: uuid('event_id').notNull(),
  status: text('status').$type<DeliveryStatus>().notNull().default('pending'),
  attempts: integer('attempts').notNull().default(0),
  nextAttemptAt: timestamp('next_attempt_at', { withTimezone: true }).notNull().defaultNow(),
  lastStatusCode: integer('last_status_code'),
  lastError: text('last_error'),
  createdAt: createdAt(),
  deliveredAt: timestamp('delivered_at', { withTimezone: true }),
});

export const deliveryAttempts = schema.table('delivery_attempts', {
  id: uuid('id').primaryKey(),
  organizationId: uuid('organization_id').notNull(),
  deliveryId: uuid('delivery_id').notNull(),
  attempt: integer('attempt').notNull(),
  statusCode: integer('status_code'),
  error: text('error'),
  durationMs: integer('duration_ms').notNull().default(0),
  attemptedAt: timestamp('attempted_at', { withTimezone: true }).notNull().defaultNow(),
});

export const githubLinks = schema.table('github_links', {
  id: uuid('id').primaryKey(),
  organizationId: uuid('organization_id').notNull(),
  integrationId: uuid('integration_id').notNull(),
  storyId: uuid('story_id').notNull(),
  issueNumber: integer('issue_number').notNull(),
  issueUrl: text('issue_url').notNull(),
  /** Hash of the last pushed title, body and labels. */
  pushedHash: text('pushed_hash').notNull(),
  remoteState: text('remote_state').$type<'open' | 'closed'>().notNull().default('open'),
  syncState: text('sync_state').$type<'synced' | 'pending' | 'error'>().notNull().default('synced'),
  lastError: text('last_error'),
  lastSyncedAt: timestamp('last_synced_at', { withTimezone: true }),
  createdAt: createdAt(),
});

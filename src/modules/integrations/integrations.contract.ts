import { z } from 'zod';
import { atMost, isRequired, oneOf, requiredAs } from '../../shared/contract/messages.js';
import { cursorSchema, limitSchema, pageSchema } from '../../shared/contract/pagination.js';

/**
 * Request and response schemas of integrations (seed 003 `integrations`, issue 17): the records
 * (/organizations/{orgId}/integrations, …/integrations/{id}), their test, outgoing webhook events and the delivery log
 * (/integrations/{id}/test-event, /integrations/{id}/deliveries). Secrets are write-only: answers carry only which
 * secrets are set.
 */

export const integrationTypes = ['github', 'zapier', 'webhook', 'google_analytics'] as const;
export type IntegrationType = (typeof integrationTypes)[number];

/** The events an outgoing webhook can choose (what the outbox triggers write). */
export const webhookEventTypes = ['story.created', 'story.moved', 'story.updated', 'sprint.completed', 'document.published', 'board.decision_made'] as const;
export type WebhookEventType = (typeof webhookEventTypes)[number];
/** Every event type of the outbox: the chosen ones and the `test` event of "send test event". */
export const outboxEventTypes = [...webhookEventTypes, 'test'] as const;
export type OutboxEventType = (typeof outboxEventTypes)[number];

export const deliveryStatuses = ['pending', 'delivered', 'failed'] as const;
export type DeliveryStatus = (typeof deliveryStatuses)[number];

const text = (label: string, max: number) => z.string(requiredAs(label, 'text')).trim().min(1, isRequired(label)).max(max, atMost(label, max));
const secret = (label: string, min: number, max: number) =>
  z
    .string(requiredAs(label, 'text'))
    .min(min, min <= 1 ? isRequired(label) : `${label} must be at least ${min} characters`)
    .max(max, atMost(label, max));
const httpUrl = (label: string) =>
  z
    .string(requiredAs(label, 'a URL'))
    .trim()
    .max(2000, atMost(label, 2000))
    .refine((value) => {
      try {
        const url = new URL(value);
        return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname !== '';
      } catch {
        return false;
      }
    }, `${label} must be an http:// or https:// URL`)
    .transform((value) => value.replace(/\/+$/, ''));
const optionalUuid = (label: string) =>
  z
    .string(requiredAs(label, 'text'))
    .regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i, `${label} must be a project id`)
    .optional();
const timestamp = z.string();

// ── Per-type configuration (stored as metadata) and secrets (sealed) ──────────────────────────────────────────────
/** GitHub or GitHub Enterprise (`baseUrl` https://github.example.com/api/v3); `projectId` is the project whose stories it syncs. */
export const githubConfigSchema = z.object({
  baseUrl: httpUrl('Base URL').default('https://api.github.com'),
  owner: z
    .string(requiredAs('Owner', 'text'))
    .trim()
    .regex(/^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})$/, 'Owner must be a GitHub user or organization name'),
  repo: z
    .string(requiredAs('Repository', 'text'))
    .trim()
    .regex(/^[A-Za-z0-9._-]{1,100}$/, 'Repository must be a GitHub repository name'),
  projectId: optionalUuid('Project'),
});
export const githubSecretsSchema = z.object({
  token: secret('Token', 1, 500),
  /** Checks X-Hub-Signature-256 of GitHub's webhook calls; without it issues are polled. */
  webhookSecret: secret('Webhook secret', 1, 500).optional(),
});

/** An outgoing webhook (Zapier's "Catch Hook" URL or any receiver) and the events it wants. */
export const webhookConfigSchema = z.object({
  url: httpUrl('URL'),
  events: z
    .array(z.enum(webhookEventTypes, oneOf('Event', webhookEventTypes)), requiredAs('Events', 'a list'))
    .min(1, 'Events must name at least one event')
    .transform((events) => [...new Set(events)]),
});
export const webhookSecretsSchema = z.object({
  /** Signs every delivery: X-Atelier-Signature: v1=<hex HMAC-SHA256 of "timestamp.body">. */
  signingSecret: secret('Signing secret', 16, 500),
});

/** A GA4 property read through the Analytics Data API; `projectId` is the project whose page shows its metrics. */
export const googleAnalyticsConfigSchema = z.object({
  propertyId: z
    .string(requiredAs('Property id', 'text'))
    .trim()
    .regex(/^\d{1,20}$/, 'Property id must be the GA4 property number'),
  apiBaseUrl: httpUrl('API base URL').default('https://analyticsdata.googleapis.com'),
  tokenUrl: httpUrl('Token URL').default('https://oauth2.googleapis.com/token'),
  projectId: optionalUuid('Project'),
});
export const googleAnalyticsSecretsSchema = z.object({
  /** The service account's JSON key file, as text. */
  serviceAccountKey: z
    .string(requiredAs('Service account key', 'text'))
    .max(20_000, atMost('Service account key', 20_000))
    .refine((value) => {
      try {
        const key = JSON.parse(value) as Record<string, unknown>;
        return typeof key.client_email === 'string' && typeof key.private_key === 'string';
      } catch {
        return false;
      }
    }, 'Service account key must be the JSON key file with client_email and private_key'),
});

export type GithubConfig = z.infer<typeof githubConfigSchema>;
export type GithubSecrets = z.infer<typeof githubSecretsSchema>;
export type WebhookConfig = z.infer<typeof webhookConfigSchema>;
export type WebhookSecrets = z.infer<typeof webhookSecretsSchema>;
export type GoogleAnalyticsConfig = z.infer<typeof googleAnalyticsConfigSchema>;
export type GoogleAnalyticsSecrets = z.infer<typeof googleAnalyticsSecretsSchema>;

/** The configuration and secrets schemas of each type (PATCH validates against the stored type's). */
export const integrationTypeSchemas = {
  github: { config: githubConfigSchema, secrets: githubSecretsSchema },
  zapier: { config: webhookConfigSchema, secrets: webhookSecretsSchema },
  webhook: { config: webhookConfigSchema, secrets: webhookSecretsSchema },
  google_analytics: { config: googleAnalyticsConfigSchema, secrets: googleAnalyticsSecretsSchema },
} as const;

// ── Records ─────────────────────────────────────────────────────────────────────────────────────────────────────────
const name = text('Name', 100);
const enabled = z.boolean(requiredAs('Enabled', 'true or false'));

export const createIntegrationSchema = z.discriminatedUnion(
  'type',
  [
    z.object({ type: z.literal('github'), name, enabled: enabled.default(true), config: githubConfigSchema, secrets: githubSecretsSchema }),
    z.object({ type: z.literal('zapier'), name, enabled: enabled.default(true), config: webhookConfigSchema, secrets: webhookSecretsSchema }),
    z.object({ type: z.literal('webhook'), name, enabled: enabled.default(true), config: webhookConfigSchema, secrets: webhookSecretsSchema }),
    z.object({
      type: z.literal('google_analytics'),
      name,
      enabled: enabled.default(true),
      config: googleAnalyticsConfigSchema,
      secrets: googleAnalyticsSecretsSchema,
    }),
  ],
  oneOf('Type', integrationTypes),
);
export type CreateIntegrationInput = z.infer<typeof createIntegrationSchema>;

/**
 * Any subset. `config` replaces the configuration (validated for the integration's type); `secrets` replaces the
 * secrets it names and keeps the others.
 */
export const updateIntegrationSchema = z
  .object({
    name: name.optional(),
    enabled: enabled.optional(),
    config: z.record(z.string(), z.unknown(), requiredAs('Config', 'an object')).optional(),
    secrets: z.record(z.string(), z.unknown(), requiredAs('Secrets', 'an object')).optional(),
  })
  .refine((value) => Object.values(value).some((field) => field !== undefined), 'Give at least one of name, enabled, config, secrets');
export type UpdateIntegrationInput = z.infer<typeof updateIntegrationSchema>;

export const integrationSchema = z.object({
  id: z.string(),
  organizationId: z.string(),
  type: z.enum(integrationTypes),
  name: z.string(),
  /** The non-secret configuration (seed 003's metadata). */
  config: z.record(z.string(), z.unknown()),
  /** Which secrets are set, never their values: `{ signingSecret: true }`. */
  secrets: z.record(z.string(), z.boolean()),
  enabled: z.boolean(),
  lastSuccessAt: timestamp.nullable(),
  lastError: z.string().nullable(),
  lastErrorAt: timestamp.nullable(),
  /** Who created it (seed 003's user_id). */
  createdBy: z.string().nullable(),
  createdAt: timestamp,
  updatedAt: timestamp,
});
export type Integration = z.infer<typeof integrationSchema>;

export const integrationListQuerySchema = z.object({ limit: limitSchema, cursor: cursorSchema });
export const integrationPageSchema = pageSchema(integrationSchema);

/** What "test" found: whether the service answered as expected, and what it said. */
export const integrationTestResultSchema = z.object({
  ok: z.boolean(),
  /** A sentence a person reads: "Delivered a signed test event (HTTP 200)". */
  message: z.string(),
  statusCode: z.number().int().nullable(),
  testedAt: timestamp,
});
export type IntegrationTestResult = z.infer<typeof integrationTestResultSchema>;

// ── Outgoing events and the delivery log ────────────────────────────────────────────────────────────────────────────
export const testEventAcceptedSchema = z.object({ eventId: z.string(), deliveryId: z.string() });
export type TestEventAccepted = z.infer<typeof testEventAcceptedSchema>;

export const deliveryAttemptSchema = z.object({
  attempt: z.number().int(),
  statusCode: z.number().int().nullable(),
  error: z.string().nullable(),
  durationMs: z.number().int(),
  attemptedAt: timestamp,
});
export type DeliveryAttempt = z.infer<typeof deliveryAttemptSchema>;

export const deliverySchema = z.object({
  id: z.string(),
  integrationId: z.string(),
  /** The id receivers deduplicate on (X-Atelier-Event-Id). */
  eventId: z.string(),
  eventType: z.enum(outboxEventTypes),
  status: z.enum(deliveryStatuses),
  attempts: z.number().int(),
  nextAttemptAt: timestamp.nullable(),
  lastStatusCode: z.number().int().nullable(),
  lastError: z.string().nullable(),
  createdAt: timestamp,
  deliveredAt: timestamp.nullable(),
  /** Every attempt, first first. */
  attemptLog: z.array(deliveryAttemptSchema),
});
export type Delivery = z.infer<typeof deliverySchema>;

export const deliveryListQuerySchema = z.object({
  limit: limitSchema,
  cursor: cursorSchema,
  status: z.enum(deliveryStatuses, oneOf('Status', deliveryStatuses)).optional(),
});
export const deliveryPageSchema = pageSchema(deliverySchema);

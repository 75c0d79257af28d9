import type { AppContext } from '../../core/context.js';
import type { IntegrationTestResult, IntegrationType } from './integrations.contract.js';
import type { integrations, outbox } from './integrations.schema.js';

/**
 * What each integration type does, registered by the code of that type: the "test" action and, for types that want
 * outbox events (webhooks, GitHub), what delivering one event means. The records, the outbox and the delivery job are
 * shared; a new type registers its behaviour here instead of editing them.
 */

export type IntegrationRow = typeof integrations.$inferSelect;
export type OutboxRow = typeof outbox.$inferSelect;

/** An integration opened for use: its configuration and its secrets (opened from the secret box). */
export type OpenedIntegration = {
  row: IntegrationRow;
  config: Record<string, unknown>;
  secrets: Record<string, string>;
};

export type IntegrationTestOutcome = Omit<IntegrationTestResult, 'testedAt'>;

/** What one attempt at delivering an event came to. */
export type DeliveryOutcome = {
  ok: boolean;
  /** The receiver's HTTP status, when it answered. */
  statusCode: number | null;
  /** Why it failed (a sentence without secrets), or null. */
  error: string | null;
  /** The receiver asked to wait this long before the next attempt (Retry-After, rate-limit reset). */
  retryAfterMs?: number;
  /** Retrying cannot help (e.g. the event no longer concerns the integration): stop now, as failed. */
  giveUp?: boolean;
};

export type IntegrationTypeHandler = {
  types: readonly IntegrationType[];
  /** POST …/integrations/{id}/test: calls the service once and says whether it answered as expected. Never throws. */
  test(context: AppContext, integration: OpenedIntegration): Promise<IntegrationTestOutcome>;
  /** Delivers one outbox event (the delivery job retries failures with backoff). Never throws. */
  deliver?(context: AppContext, integration: OpenedIntegration, event: OutboxRow): Promise<DeliveryOutcome>;
};

const handlers = new Map<IntegrationType, IntegrationTypeHandler>();

/** Registers what a type does (each type once; a second registration replaces the first, e.g. in tests). */
export function registerIntegrationType(handler: IntegrationTypeHandler): void {
  for (const type of handler.types) handlers.set(type, handler);
}

export function integrationTypeHandler(type: IntegrationType): IntegrationTypeHandler | undefined {
  return handlers.get(type);
}

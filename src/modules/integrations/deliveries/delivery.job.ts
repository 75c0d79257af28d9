import { and, eq, inArray, lte, min, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { AppContext } from '../../../core/context.js';
import type { Tx } from '../../../core/db/database.js';
import { asSystem } from '../../../core/db/tenancy.js';
import { newId } from '../../../core/ids.js';
import { defineJobHandler, enqueueJob, jobs, type JobHandler } from '../../../core/jobs/index.js';
import { integrationTypeHandler, type DeliveryOutcome, type IntegrationRow, type OutboxRow } from '../integration-types.js';
import { deliveries, deliveryAttempts, integrations, outbox } from '../integrations.schema.js';
import { openIntegration } from '../integrations.service.js';

/** The job that sends an organization's due deliveries (queued by the outbox triggers and by "send test event"). */
export const DELIVER_JOB = 'integrations.deliver';

/** Deliveries one run claims at a time, and at most per run (the rest go to a follow-up job, so others get a turn). */
const BATCH = 20;
const PER_RUN = 200;

type DeliveryRow = typeof deliveries.$inferSelect;

/** The wait before attempt `attempt + 1`: base · 2^(attempt-1), capped, never shorter than what the receiver asked. */
export function backoffMs(config: AppContext['config']['integrations'], attempt: number, asked?: number): number {
  const exponential = Math.min(config.retryBaseMs * 2 ** Math.max(0, attempt - 1), config.retryMaxMs);
  return Math.min(Math.max(exponential, asked ?? 0), config.retryMaxMs);
}

/**
 * Claims due deliveries by moving their next attempt past the time one attempt can take: another run (or process)
 * skips them, and if this process dies they come due again — delivery is at least once.
 */
async function claimDue(tx: Tx, context: AppContext, organizationId: string, limit: number): Promise<DeliveryRow[]> {
  const leaseMs = context.config.integrations.timeoutMs * 2 + 5_000;
  const due = tx
    .select({ id: deliveries.id })
    .from(deliveries)
    .where(and(eq(deliveries.organizationId, organizationId), eq(deliveries.status, 'pending'), lte(deliveries.nextAttemptAt, sql`now()`)))
    .orderBy(deliveries.createdAt, deliveries.id)
    .limit(limit)
    .for('update', { skipLocked: true });
  const claimed = await tx
    .update(deliveries)
    .set({ nextAttemptAt: sql`now() + ${leaseMs}::float8 * interval '1 millisecond'` })
    .where(inArray(deliveries.id, due))
    .returning();
  // Oldest event first (RETURNING keeps no order); a retried one may still arrive after a newer one.
  return claimed.sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime() || a.id.localeCompare(b.id));
}

/** Writes one attempt: the log row, the delivery's new state and the integration's last success or error. */
async function recordAttempt(tx: Tx, context: AppContext, delivery: DeliveryRow, outcome: DeliveryOutcome, durationMs: number): Promise<void> {
  const attempt = delivery.attempts + 1;
  const error = outcome.error?.slice(0, 2000) ?? null;
  await tx.insert(deliveryAttempts).values({
    id: newId(),
    organizationId: delivery.organizationId,
    deliveryId: delivery.id,
    attempt,
    statusCode: outcome.statusCode,
    error,
    durationMs: Math.max(0, Math.round(durationMs)),
  });
  const settings = context.config.integrations;
  const giveUp = !outcome.ok && (outcome.giveUp === true || attempt >= settings.maxAttempts);
  await tx
    .update(deliveries)
    .set({
      attempts: attempt,
      lastStatusCode: outcome.statusCode,
      lastError: error,
      ...(outcome.ok
        ? { status: 'delivered' as const, deliveredAt: sql`now()` }
        : giveUp
          ? { status: 'failed' as const }
          : { nextAttemptAt: sql`now() + ${backoffMs(settings, attempt, outcome.retryAfterMs)}::float8 * interval '1 millisecond'` }),
    })
    .where(eq(deliveries.id, delivery.id));
  await tx
    .update(integrations)
    .set(outcome.ok ? { lastSuccessAt: sql`now()` } : { lastError: error ?? 'The delivery failed', lastErrorAt: sql`now()` })
    .where(eq(integrations.id, delivery.integrationId));
}

async function attemptDelivery(context: AppContext, delivery: DeliveryRow, integration: IntegrationRow | undefined, event: OutboxRow | undefined) {
  const started = Date.now();
  let outcome: DeliveryOutcome;
  if (!integration || !event) outcome = { ok: false, statusCode: null, error: 'The integration or the event no longer exists', giveUp: true };
  else if (!integration.enabled) outcome = { ok: false, statusCode: null, error: 'The integration is disabled', giveUp: true };
  else {
    const handler = integrationTypeHandler(integration.type);
    if (!handler?.deliver) outcome = { ok: false, statusCode: null, error: `Integrations of type ${integration.type} take no events`, giveUp: true };
    else {
      try {
        outcome = await handler.deliver(context, openIntegration(context, integration), event);
      } catch (error) {
        // A handler's own bug or a secret this server cannot open: logged without details that could hold secrets.
        outcome = { ok: false, statusCode: null, error: error instanceof Error && error.message.includes('Unsupported state') ? 'The secrets cannot be opened with this server’s key: set them again' : 'The delivery failed inside Atelier' };
      }
    }
  }
  await asSystem(context.db, (tx) => recordAttempt(tx, context, delivery, outcome, Date.now() - started));
}

/** Queues the next run for the earliest pending delivery still waiting, unless a run is queued by then already. */
async function scheduleFollowUp(tx: Tx, organizationId: string, createdBy: string): Promise<void> {
  const [next] = await tx
    .select({ at: min(deliveries.nextAttemptAt) })
    .from(deliveries)
    .where(and(eq(deliveries.organizationId, organizationId), eq(deliveries.status, 'pending')));
  if (!next?.at) return;
  const [queued] = await tx
    .select({ id: jobs.id })
    .from(jobs)
    .where(and(eq(jobs.organizationId, organizationId), eq(jobs.type, DELIVER_JOB), eq(jobs.status, 'queued'), lte(jobs.runAt, next.at)))
    .limit(1);
  if (queued) return;
  await enqueueJob(tx, { organizationId, createdBy, type: DELIVER_JOB, payload: {}, maxAttempts: 5, runAt: next.at });
}

/**
 * integrations.deliver: sends the organization's due deliveries, each through its type's handler (a signed POST for
 * webhooks), records every attempt, and retries failures with exponential backoff up to INTEGRATIONS_MAX_ATTEMPTS.
 * Runs as the system (the delivery log and the integrations' last success are kept whoever's change made the event).
 */
export function deliverJob(context: AppContext): JobHandler {
  return defineJobHandler<Record<string, never>>({
    type: DELIVER_JOB,
    payload: z.object({}).strict(),
    maxAttempts: 5,
    async run(job) {
      const { organizationId, createdBy } = job.job;
      let sent = 0;
      while (sent < PER_RUN && !job.signal.aborted) {
        const claimed = await asSystem(context.db, (tx) => claimDue(tx, context, organizationId, Math.min(BATCH, PER_RUN - sent)));
        if (claimed.length === 0) break;
        const { rows, events } = await asSystem(context.db, async (tx) => ({
          rows: await tx.select().from(integrations).where(inArray(integrations.id, [...new Set(claimed.map((d) => d.integrationId))])),
          events: await tx.select().from(outbox).where(inArray(outbox.id, [...new Set(claimed.map((d) => d.eventId))])),
        }));
        for (const delivery of claimed) {
          await attemptDelivery(
            context,
            delivery,
            rows.find((row) => row.id === delivery.integrationId),
            events.find((event) => event.id === delivery.eventId),
          );
          sent++;
        }
      }
      await asSystem(context.db, (tx) => scheduleFollowUp(tx, organizationId, createdBy));
      return { result: { attempted: sent } };
    },
  });
}

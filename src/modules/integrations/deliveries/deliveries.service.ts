import { and, asc, desc, eq, inArray } from 'drizzle-orm';
import { recordAudit, type UserActor } from '../../../core/audit.js';
import type { AppContext } from '../../../core/context.js';
import type { Tx } from '../../../core/db/database.js';
import { AppError } from '../../../core/errors.js';
import { afterCursor, cursorTimestamp, decodeTimestampCursor } from '../../../core/http/keyset-cursor.js';
import { toPage, type Page } from '../../../core/http/pagination.js';
import { newId } from '../../../core/ids.js';
import { enqueueJob } from '../../../core/jobs/index.js';
import { requireOrganizationRole } from '../../organizations/index.js';
import { integrationTypeHandler, type IntegrationRow } from '../integration-types.js';
import type { Delivery, DeliveryStatus, IntegrationTestResult, TestEventAccepted } from '../integrations.contract.js';
import { deliveries, deliveryAttempts, integrations, outbox } from '../integrations.schema.js';
import { integrationToManage, loadIntegration, openIntegration } from '../integrations.service.js';
import { DELIVER_JOB } from './delivery.job.js';

/** GET /integrations/{id}/deliveries: newest first, each with its attempts (members of the organization). */
export async function listDeliveries(
  tx: Tx,
  userId: string,
  integrationId: string,
  query: { limit: number; cursor?: string | undefined; status?: DeliveryStatus | undefined },
): Promise<Page<Delivery>> {
  const integration = await loadIntegration(tx, integrationId);
  await requireOrganizationRole(tx, userId, integration.organizationId, 'viewer');
  const cursor = decodeTimestampCursor(query.cursor);
  const rows = await tx
    .select({ delivery: deliveries, eventType: outbox.type, cursorAt: cursorTimestamp(deliveries.createdAt) })
    .from(deliveries)
    .innerJoin(outbox, eq(outbox.id, deliveries.eventId))
    .where(
      and(
        eq(deliveries.integrationId, integration.id),
        query.status ? eq(deliveries.status, query.status) : undefined,
        cursor ? afterCursor(deliveries.createdAt, deliveries.id, cursor, 'desc') : undefined,
      ),
    )
    .orderBy(desc(deliveries.createdAt), desc(deliveries.id))
    .limit(query.limit + 1);
  const ids = rows.slice(0, query.limit).map((row) => row.delivery.id);
  const attempts =
    ids.length === 0
      ? []
      : await tx.select().from(deliveryAttempts).where(inArray(deliveryAttempts.deliveryId, ids)).orderBy(asc(deliveryAttempts.attempt));
  return toPage(
    rows,
    query.limit,
    ({ delivery, eventType }) => ({
      id: delivery.id,
      integrationId: delivery.integrationId,
      eventId: delivery.eventId,
      eventType,
      status: delivery.status,
      attempts: delivery.attempts,
      nextAttemptAt: delivery.status === 'pending' ? delivery.nextAttemptAt.toISOString() : null,
      lastStatusCode: delivery.lastStatusCode,
      lastError: delivery.lastError,
      createdAt: delivery.createdAt.toISOString(),
      deliveredAt: delivery.deliveredAt?.toISOString() ?? null,
      attemptLog: attempts
        .filter((attempt) => attempt.deliveryId === delivery.id)
        .map((attempt) => ({
          attempt: attempt.attempt,
          statusCode: attempt.statusCode,
          error: attempt.error,
          durationMs: attempt.durationMs,
          attemptedAt: attempt.attemptedAt.toISOString(),
        })),
    }),
    ({ delivery, cursorAt }) => ({ sort: cursorAt, id: delivery.id }),
  );
}

/**
 * POST /integrations/{id}/test-event (admins): a `test` event in the outbox for this integration alone, delivered by
 * the delivery job like any other (signed, retried, logged).
 */
export async function sendTestEvent(tx: Tx, actor: UserActor, integrationId: string): Promise<TestEventAccepted> {
  const integration = await integrationToManage(tx, actor.userId, integrationId);
  if (!integrationTypeHandler(integration.type)?.deliver || integration.type === 'github') {
    throw new AppError('UNPROCESSABLE', `Integrations of type ${integration.type} take no test events: use "test" instead`);
  }
  if (!integration.enabled) throw new AppError('CONFLICT', 'The integration is disabled: enable it to send a test event');
  const eventId = newId();
  const deliveryId = newId();
  await tx.insert(outbox).values({
    id: eventId,
    organizationId: integration.organizationId,
    projectId: null,
    type: 'test',
    payload: {
      id: eventId,
      type: 'test',
      organizationId: integration.organizationId,
      projectId: null,
      createdAt: new Date().toISOString(),
      data: { integrationId: integration.id, message: 'A test event from Atelier' },
    },
  });
  await tx.insert(deliveries).values({ id: deliveryId, organizationId: integration.organizationId, integrationId: integration.id, eventId });
  await enqueueJob(tx, { organizationId: integration.organizationId, createdBy: actor.userId, type: DELIVER_JOB, payload: {}, maxAttempts: 5 });
  await recordAudit(tx, actor, {
    action: 'integration_test_event_sent',
    resourceType: 'integration',
    resourceId: integration.id,
    organizationId: integration.organizationId,
    details: { name: integration.name, type: integration.type, eventId },
  });
  return { eventId, deliveryId };
}

/** POST …/integrations/{id}/test: the type's check, run without a transaction held while the service answers. */
export async function runIntegrationTest(context: AppContext, integration: IntegrationRow): Promise<IntegrationTestResult> {
  const testedAt = new Date().toISOString();
  const handler = integrationTypeHandler(integration.type);
  if (!handler) return { ok: false, message: `Integrations of type ${integration.type} cannot be tested on this server`, statusCode: null, testedAt };
  let opened;
  try {
    opened = openIntegration(context, integration);
  } catch {
    return { ok: false, message: 'The stored secrets cannot be read with this server’s secret key: set them again', statusCode: null, testedAt };
  }
  try {
    return { ...(await handler.test(context, opened)), testedAt };
  } catch {
    return { ok: false, message: 'The test failed inside Atelier', statusCode: null, testedAt };
  }
}

/** Keeps the test's outcome as the integration's last success or last error, and audits it. */
export async function recordIntegrationTest(tx: Tx, actor: UserActor, integration: IntegrationRow, result: IntegrationTestResult): Promise<void> {
  await tx
    .update(integrations)
    .set(result.ok ? { lastSuccessAt: new Date(result.testedAt) } : { lastError: result.message.slice(0, 2000), lastErrorAt: new Date(result.testedAt) })
    .where(eq(integrations.id, integration.id));
  await recordAudit(tx, actor, {
    action: 'integration_tested',
    resourceType: 'integration',
    resourceId: integration.id,
    organizationId: integration.organizationId,
    details: { name: integration.name, type: integration.type, ok: result.ok, statusCode: result.statusCode, message: result.message },
  });
}

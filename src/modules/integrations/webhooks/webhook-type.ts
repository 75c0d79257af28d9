import crypto from 'node:crypto';
import type { AppContext } from '../../../core/context.js';
import type { DeliveryOutcome, IntegrationTypeHandler, OpenedIntegration } from '../integration-types.js';
import { OutgoingRequestError, outgoingRequest, retryAfterMs } from '../outgoing-url.js';
import { signatureHeader } from './signature.js';

/** The headers an outgoing webhook carries. */
export const EVENT_ID_HEADER = 'X-Atelier-Event-Id';
export const TIMESTAMP_HEADER = 'X-Atelier-Timestamp';
export const SIGNATURE_HEADER = 'X-Atelier-Signature';

/** POSTs one event (its JSON exactly as signed) to the integration's URL; a 2xx answer is delivered. */
export async function postEvent(context: AppContext, integration: OpenedIntegration, event: { id: string; type: string; payload: unknown }): Promise<DeliveryOutcome> {
  const url = integration.config.url;
  const secret = integration.secrets.signingSecret;
  if (typeof url !== 'string') return { ok: false, statusCode: null, error: 'The integration has no URL', giveUp: true };
  if (!secret) return { ok: false, statusCode: null, error: 'The integration has no signing secret: set it again', giveUp: true };
  const body = JSON.stringify(event.payload);
  const timestamp = Math.floor(Date.now() / 1000);
  try {
    const response = await outgoingRequest(context, url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'user-agent': 'Atelier-Webhooks/1',
        [EVENT_ID_HEADER]: event.id,
        'X-Atelier-Event-Type': event.type,
        [TIMESTAMP_HEADER]: String(timestamp),
        [SIGNATURE_HEADER]: signatureHeader(secret, timestamp, body),
      },
      body,
    });
    if (response.status >= 200 && response.status < 300) return { ok: true, statusCode: response.status, error: null };
    const wait = retryAfterMs(response.headers);
    return {
      ok: false,
      statusCode: response.status,
      error: `The receiver answered HTTP ${response.status}`,
      ...(wait !== undefined ? { retryAfterMs: wait } : {}),
    };
  } catch (error) {
    if (error instanceof OutgoingRequestError) return { ok: false, statusCode: null, error: error.message, giveUp: error.message.startsWith('Not sent') };
    throw error;
  }
}

/** Outgoing webhooks (any URL, and Zapier's "Catch Hook" URLs): signed events, a signed `test` event as their test. */
export const webhookType: IntegrationTypeHandler = {
  types: ['webhook', 'zapier'],
  async test(context, integration) {
    const id = crypto.randomUUID();
    const payload = {
      id,
      type: 'test',
      organizationId: integration.row.organizationId,
      projectId: null,
      createdAt: new Date().toISOString(),
      data: { integrationId: integration.row.id, message: 'A test event from Atelier' },
    };
    const outcome = await postEvent(context, integration, { id, type: 'test', payload });
    return outcome.ok
      ? { ok: true, message: `Delivered a signed test event (HTTP ${outcome.statusCode})`, statusCode: outcome.statusCode }
      : { ok: false, message: outcome.error ?? 'The test event was not delivered', statusCode: outcome.statusCode };
  },
  deliver: (context, integration, event) => postEvent(context, integration, { id: event.id, type: event.type, payload: event.payload }),
};

import { eq } from 'drizzle-orm';
import type { AppContext } from '../../../core/context.js';
import { asSystem } from '../../../core/db/tenancy.js';
import { AppError } from '../../../core/errors.js';
import { isUuid } from '../../../core/ids.js';
import { integrations } from '../integrations.schema.js';
import { openSecrets } from '../integrations.service.js';
import { applyIssueState, configOf } from './github-sync.service.js';
import { verifyGitHubSignature } from './webhook-signature.js';

/**
 * POST /integrations/{id}/github/webhook, what GitHub calls. Nothing is read from the body before its
 * X-Hub-Signature-256 matches the integration's webhook secret: an unknown integration, one without a secret and a
 * missing or wrong signature all answer the same 401 and change nothing. `ping` answers 200; `issues` closed and
 * reopened move the linked story; every other event or action is acknowledged and ignored.
 */
export type WebhookRequest = {
  integrationId: string;
  rawBody: Buffer;
  contentType: string | undefined;
  headers: { event: string | undefined; signature: string | string[] | undefined; delivery: string | undefined };
  via: { ipAddress: string | null; userAgent: string | null };
};

const refused = () => new AppError('UNAUTHENTICATED', 'The X-Hub-Signature-256 of this delivery does not match the integration’s webhook secret');

type IssuesPayload = { action?: unknown; issue?: { number?: unknown; state?: unknown }; repository?: { full_name?: unknown } };

function payloadOf(rawBody: Buffer, contentType: string | undefined): unknown {
  let text = rawBody.toString('utf8');
  // GitHub's other content type: application/x-www-form-urlencoded with the JSON in `payload`.
  if (contentType?.startsWith('application/x-www-form-urlencoded')) text = new URLSearchParams(text).get('payload') ?? '';
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new AppError('BAD_REQUEST', 'The delivery’s body is not JSON');
  }
}

export async function receiveGitHubWebhook(context: AppContext, request: WebhookRequest): Promise<{ received: string; outcome: string }> {
  if (!isUuid(request.integrationId)) throw refused();
  const [row] = await asSystem(context.db, (tx) => tx.select().from(integrations).where(eq(integrations.id, request.integrationId)));
  if (!row || row.type !== 'github') throw refused();
  let secret: string | undefined;
  try {
    secret = openSecrets(context, row).webhookSecret;
  } catch {
    secret = undefined;
  }
  if (!secret || !verifyGitHubSignature(secret, request.rawBody, request.headers.signature)) throw refused();

  const event = request.headers.event ?? '';
  if (event === 'ping') return { received: 'ping', outcome: 'pong' };
  if (event !== 'issues' || !row.enabled) return { received: event, outcome: 'ignored' };
  const payload = payloadOf(request.rawBody, request.contentType) as IssuesPayload;
  const config = configOf(row);
  const fullName = typeof payload.repository?.full_name === 'string' ? payload.repository.full_name.toLowerCase() : '';
  if (fullName !== `${config.owner}/${config.repo}`.toLowerCase()) return { received: event, outcome: 'ignored' };
  const number = payload.issue?.number;
  const state = payload.issue?.state;
  if ((payload.action !== 'closed' && payload.action !== 'reopened') || typeof number !== 'number' || (state !== 'open' && state !== 'closed')) {
    return { received: event, outcome: 'ignored' };
  }
  const outcome = await applyIssueState(context, row, { number, state }, request.via);
  return { received: event, outcome };
}

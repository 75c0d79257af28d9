import type { AppContext } from '../../core/context.js';
import { createOutboundGuard, type OutboundGuard } from '../../core/http/outbound-guard.js';
import type { IntegrationType } from './integrations.contract.js';
import { invalidField } from './integration-errors.js';

const guards = new WeakMap<AppContext['config'], OutboundGuard>();

/** The guard of this server's INTEGRATIONS_DENY_HOSTS. */
export function outboundGuardOf(context: Pick<AppContext, 'config'>): OutboundGuard {
  let guard = guards.get(context.config);
  if (!guard) {
    guard = createOutboundGuard({ denyHosts: context.config.integrations.denyHosts, setting: 'INTEGRATIONS_DENY_HOSTS' });
    guards.set(context.config, guard);
  }
  return guard;
}

/** The configuration fields of each type that name a URL the server will call. */
const urlFields: Record<IntegrationType, readonly string[]> = {
  webhook: ['url'],
  zapier: ['url'],
  github: ['baseUrl'],
  google_analytics: ['apiBaseUrl', 'tokenUrl'],
};

/** 400 naming the field when a configured URL points where this server may not send requests. */
export async function checkOutgoingUrls(context: Pick<AppContext, 'config'>, type: IntegrationType, config: Record<string, unknown>): Promise<void> {
  const guard = outboundGuardOf(context);
  for (const field of urlFields[type]) {
    const value = config[field];
    if (typeof value !== 'string') continue;
    const refusal = await guard.refusal(value);
    if (refusal) throw invalidField(`config.${field}`, refusal);
  }
}

export type OutgoingResponse = { status: number; headers: Headers; text: string; durationMs: number };

/** A request to a URL an integration names could not be made: refused by the guard, timed out or unreachable. */
export class OutgoingRequestError extends Error {
  constructor(
    message: string,
    readonly durationMs: number,
  ) {
    super(message);
    this.name = 'OutgoingRequestError';
  }
}

/**
 * One request to an outside service for an integration: the URL is checked against INTEGRATIONS_DENY_HOSTS at send
 * time too (a name may resolve elsewhere now), redirects are not followed (one could lead to a refused address), and
 * the answer must come within INTEGRATIONS_TIMEOUT_MS. The body read is capped at 64 KiB.
 */
export async function outgoingRequest(context: Pick<AppContext, 'config'>, url: string, init: RequestInit): Promise<OutgoingResponse> {
  const started = Date.now();
  const refusal = await outboundGuardOf(context).refusal(url);
  if (refusal) throw new OutgoingRequestError(`Not sent: ${refusal}`, 0);
  let response: Response;
  try {
    response = await fetch(url, { ...init, redirect: 'manual', signal: AbortSignal.timeout(context.config.integrations.timeoutMs) });
  } catch (error) {
    const durationMs = Date.now() - started;
    const cause = error instanceof Error && error.cause instanceof Error ? error.cause : error;
    if (error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError')) {
      throw new OutgoingRequestError(`No answer within ${context.config.integrations.timeoutMs} ms`, durationMs);
    }
    const code = cause && typeof cause === 'object' && 'code' in cause ? String((cause).code) : undefined;
    throw new OutgoingRequestError(`Could not reach ${new URL(url).host}${code ? ` (${code})` : ''}`, durationMs);
  }
  let text = '';
  try {
    text = (await response.text()).slice(0, 65_536);
  } catch {
    // The status is what counts; a body cut short is left empty.
  }
  return { status: response.status, headers: response.headers, text, durationMs: Date.now() - started };
}

/** Retry-After (seconds or an HTTP date) in milliseconds, when the answer has one. */
export function retryAfterMs(headers: Headers, now = Date.now()): number | undefined {
  const value = headers.get('retry-after');
  if (!value) return undefined;
  if (/^\d+$/.test(value.trim())) return Number(value.trim()) * 1000;
  const at = Date.parse(value);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}

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

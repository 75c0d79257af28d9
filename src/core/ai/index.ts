import path from 'node:path';
import type { FastifyBaseLogger } from 'fastify';
import type { Config } from '../../config.js';
import type { Database } from '../db/database.js';
import { createAiGateway, type AiGateway } from './gateway.js';
import type { OfflineEngine } from './offline-engine.js';
export { extractJson } from './structured-output.js';
export { recordGenerationOutcome } from './ledger.js';
import { loadPricing } from './pricing.js';
import { createSecretBox, loadSecretKey } from './secret-box.js';

export {
  createAiGateway,
  type AiCallContext,
  type AiGateway,
  type AiObjectStream,
  type AiTextStream,
  type Generation,
} from './gateway.js';
export { creditBalance, FREE_MONTHLY_CREDITS, type CreditBalance } from './credits.js';
export { resolveAiSettings, serverProviderSettings, withServerFallbacks, type ResolvedAiSettings } from './ai-settings.js';
export { defaultModelOf, endpointOf, type ProviderSettings } from './providers.js';
export { providerNames, type ProviderName } from './ai.schema.js';
export type { AiTask, ObjectTask, ProseField, TextTask } from './task.js';
export type { ProseKind } from '../text/quality/index.js';
export {
  answerOffline,
  inThreadOfflineEngine,
  offlineWorkerFunctions,
  pooledOfflineEngine,
  type OfflineAnswer,
  type OfflineEngine,
} from './offline-engine.js';

/**
 * The gateway the configuration describes: pricing from AI_PRICING_FILE, keys sealed under the server's secret, the
 * offline engine where `offline` runs it (default: this thread).
 */
export function createConfiguredGateway(config: Config, db: Database, log?: FastifyBaseLogger, offline?: OfflineEngine): AiGateway {
  const secrets = createSecretBox(loadSecretKey(config.secretKey, path.resolve(config.dataDir)));
  return createAiGateway({
    db,
    config: config.ai,
    secrets,
    pricing: loadPricing(config.ai.pricingFile),
    ...(log ? { log } : {}),
    ...(offline ? { offline } : {}),
  });
}

import { eq } from 'drizzle-orm';
import type { AiConfig } from '../../config.js';
import type { Tx } from '../db/database.js';
import { organizationAiSettings } from './ai.schema.js';
import type { Budgets } from './budgets.js';
import { defaultModelOf, type ProviderSettings } from './providers.js';
import type { SecretBox } from './secret-box.js';

export type ResolvedAiSettings = ProviderSettings & { source: 'organization' | 'server'; budgets: Budgets };

/** The server's own provider, from AI_PROVIDER, AI_MODEL, AI_BASE_URL and AI_API_KEY. */
export function serverProviderSettings(config: AiConfig): ProviderSettings {
  return {
    provider: config.provider,
    model: config.model ?? defaultModelOf(config.provider),
    baseUrl: config.baseUrl,
    apiKey: config.apiKey,
  };
}

/**
 * What an organization's calls use: its own provider when it chose one (with its own key, or the server's key when
 * it chose the server's provider), else the server's; and its spend caps either way.
 */
export async function resolveAiSettings(tx: Tx, organizationId: string, config: AiConfig, box: SecretBox): Promise<ResolvedAiSettings> {
  const [row] = await tx.select().from(organizationAiSettings).where(eq(organizationAiSettings.organizationId, organizationId));
  const budgets: Budgets = { monthlyBudgetUsd: row?.monthlyBudgetUsd ?? null, runBudgetUsd: row?.runBudgetUsd ?? null };
  const server = serverProviderSettings(config);
  if (!row?.provider) return { ...server, source: 'server', budgets };
  const ownKey = row.apiKeyCiphertext ? box.open(row.apiKeyCiphertext) : undefined;
  const sameProvider = row.provider === server.provider;
  return {
    provider: row.provider,
    model: row.model ?? (sameProvider ? server.model : defaultModelOf(row.provider)),
    baseUrl: row.baseUrl ?? (sameProvider ? server.baseUrl : undefined),
    apiKey: ownKey ?? (sameProvider ? server.apiKey : undefined),
    source: 'organization',
    budgets,
  };
}

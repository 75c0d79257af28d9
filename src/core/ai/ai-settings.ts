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

/** An organization's own choice of provider; what it leaves out it takes from the server (a key only for the same provider). */
export type OrganizationProviderChoice = {
  provider: ProviderSettings['provider'];
  model: string | null | undefined;
  baseUrl: string | null | undefined;
  apiKey: string | null | undefined;
};

export function withServerFallbacks(choice: OrganizationProviderChoice, server: ProviderSettings): ProviderSettings {
  const sameProvider = choice.provider === server.provider;
  return {
    provider: choice.provider,
    model: choice.model ?? (sameProvider ? server.model : defaultModelOf(choice.provider)),
    baseUrl: choice.baseUrl ?? (sameProvider ? server.baseUrl : undefined),
    apiKey: choice.apiKey ?? (sameProvider ? server.apiKey : undefined),
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
  const apiKey = row.apiKeyCiphertext ? box.open(row.apiKeyCiphertext) : undefined;
  return { ...withServerFallbacks({ ...row, provider: row.provider, apiKey }, server), source: 'organization', budgets };
}

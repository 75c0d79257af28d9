import { eq } from 'drizzle-orm';
import { recordAudit } from '../../core/audit.js';
import type { AppContext } from '../../core/context.js';
import { organizationAiSettings } from '../../core/ai/ai.schema.js';
import {
  resolveAiSettings,
  serverProviderSettings,
  withServerFallbacks,
  type ProviderSettings,
  type ResolvedAiSettings,
} from '../../core/ai/index.js';
import type { Tx } from '../../core/db/database.js';
import { AppError } from '../../core/errors.js';
import { requireOrganizationRole, type UserActor } from '../organizations/index.js';
import type { AiSettings, UpdateAiSettingsInput } from './ai.contract.js';

type SettingsRow = typeof organizationAiSettings.$inferSelect;

function toAiSettings(
  organizationId: string,
  row: SettingsRow | undefined,
  effective: ResolvedAiSettings,
  server: ProviderSettings,
): AiSettings {
  return {
    organizationId,
    provider: row?.provider ?? null,
    model: row?.model ?? null,
    baseUrl: row?.baseUrl ?? null,
    hasApiKey: Boolean(row?.apiKeyCiphertext),
    monthlyBudgetUsd: row?.monthlyBudgetUsd ?? null,
    runBudgetUsd: row?.runBudgetUsd ?? null,
    effective: { provider: effective.provider, model: effective.model, baseUrl: effective.baseUrl ?? null, source: effective.source },
    serverDefault: { provider: server.provider, model: server.model },
    updatedAt: row?.updatedAt.toISOString() ?? null,
  };
}

async function loadRow(tx: Tx, organizationId: string): Promise<SettingsRow | undefined> {
  const [row] = await tx.select().from(organizationAiSettings).where(eq(organizationAiSettings.organizationId, organizationId));
  return row;
}

/** GET: any member sees which provider the organization uses (never the key). */
export async function getAiSettings(context: AppContext, tx: Tx, userId: string, organizationId: string): Promise<AiSettings> {
  await requireOrganizationRole(tx, userId, organizationId, 'viewer');
  const row = await loadRow(tx, organizationId);
  const effective = await resolveAiSettings(tx, organizationId, context.config.ai, context.ai.secrets);
  return toAiSettings(organizationId, row, effective, serverProviderSettings(context.config.ai));
}

function requireBaseUrl(provider: string | null | undefined, baseUrl: string | null | undefined): void {
  if (provider === 'openai-compatible' && !baseUrl) {
    throw new AppError('VALIDATION_FAILED', 'An openai-compatible provider needs the base URL of its server', {
      details: [{ field: 'baseUrl', message: 'is required when provider is openai-compatible', in: 'body' }],
    });
  }
}

/** PATCH: admins and owners; the key is sealed with AES-256-GCM before it reaches the database. */
export async function updateAiSettings(
  context: AppContext,
  tx: Tx,
  actor: UserActor,
  organizationId: string,
  input: UpdateAiSettingsInput,
): Promise<SettingsRow> {
  await requireOrganizationRole(tx, actor.userId, organizationId, 'admin');
  const current = await loadRow(tx, organizationId);
  const next = {
    provider: input.provider === undefined ? (current?.provider ?? null) : input.provider,
    model: input.model === undefined ? (current?.model ?? null) : input.model,
    baseUrl: input.baseUrl === undefined ? (current?.baseUrl ?? null) : input.baseUrl,
    apiKeyCiphertext:
      input.apiKey === undefined ? (current?.apiKeyCiphertext ?? null) : input.apiKey === null ? null : context.ai.secrets.seal(input.apiKey),
    monthlyBudgetUsd: input.monthlyBudgetUsd === undefined ? (current?.monthlyBudgetUsd ?? null) : input.monthlyBudgetUsd,
    runBudgetUsd: input.runBudgetUsd === undefined ? (current?.runBudgetUsd ?? null) : input.runBudgetUsd,
  };
  requireBaseUrl(next.provider, next.baseUrl);
  const [row] = await tx
    .insert(organizationAiSettings)
    .values({ organizationId, ...next, updatedBy: actor.userId })
    .onConflictDoUpdate({ target: organizationAiSettings.organizationId, set: { ...next, updatedBy: actor.userId } })
    .returning();
  await recordAudit(tx, actor, {
    action: 'ai_settings_updated',
    resourceType: 'organization',
    resourceId: organizationId,
    organizationId,
    // What changed, never the key itself.
    details: {
      fields: Object.keys(input),
      provider: next.provider,
      model: next.model,
      ...(input.apiKey !== undefined ? { apiKey: input.apiKey === null ? 'removed' : 'replaced' } : {}),
    },
  });
  return row!;
}

/**
 * The settings a connection test uses: the organization's saved ones with the body's unsaved changes on top (an
 * absent key keeps the saved one), so an admin can try a provider before saving it.
 */
export async function settingsToTest(
  context: AppContext,
  tx: Tx,
  userId: string,
  organizationId: string,
  input: UpdateAiSettingsInput,
): Promise<ProviderSettings> {
  await requireOrganizationRole(tx, userId, organizationId, 'admin');
  const row = await loadRow(tx, organizationId);
  const server = serverProviderSettings(context.config.ai);
  const provider = input.provider === undefined ? (row?.provider ?? null) : input.provider;
  if (!provider) return server;
  const baseUrl = input.baseUrl === undefined ? (row?.baseUrl ?? null) : input.baseUrl;
  requireBaseUrl(provider, baseUrl);
  const savedKey = row?.apiKeyCiphertext ? context.ai.secrets.open(row.apiKeyCiphertext) : undefined;
  const apiKey = input.apiKey === undefined ? savedKey : (input.apiKey ?? undefined);
  const model = input.model === undefined ? row?.model : input.model;
  return withServerFallbacks({ provider, model, baseUrl, apiKey }, server);
}

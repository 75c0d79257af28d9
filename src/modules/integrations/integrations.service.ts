import { and, desc, eq } from 'drizzle-orm';
import type { z } from 'zod';
import { recordAudit, type UserActor } from '../../core/audit.js';
import type { AppContext } from '../../core/context.js';
import type { Tx } from '../../core/db/database.js';
import { notFound } from '../../core/errors.js';
import { afterCursor, cursorTimestamp, decodeTimestampCursor } from '../../core/http/keyset-cursor.js';
import { toPage, type Page } from '../../core/http/pagination.js';
import { isUuid, newId } from '../../core/ids.js';
import { requireOrganizationRole } from '../organizations/index.js';
import { invalidField } from './integration-errors.js';
import type { IntegrationRow, OpenedIntegration } from './integration-types.js';
import {
  integrationTypeSchemas,
  type CreateIntegrationInput,
  type Integration,
  type UpdateIntegrationInput,
} from './integrations.contract.js';
import { integrations } from './integrations.schema.js';
import { checkOutgoingUrls } from './outgoing-url.js';

/**
 * Integration records (seed 003 `integrations`): members read them, admins and owners add, change, test and remove
 * them. Secrets are sealed with the server's secret box as one JSON object and never leave the server: answers say
 * which secrets are set.
 */

export function toIntegration(row: IntegrationRow, secretNames: readonly string[]): Integration {
  return {
    id: row.id,
    organizationId: row.organizationId,
    type: row.type,
    name: row.name,
    config: row.metadata,
    secrets: Object.fromEntries(secretNames.map((name) => [name, true])),
    enabled: row.enabled,
    lastSuccessAt: row.lastSuccessAt?.toISOString() ?? null,
    lastError: row.lastError,
    lastErrorAt: row.lastErrorAt?.toISOString() ?? null,
    createdBy: row.userId,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

/** The secrets of an integration, opened (throws when this server's key cannot open them). */
export function openSecrets(context: Pick<AppContext, 'ai'>, row: Pick<IntegrationRow, 'sealedSecrets'>): Record<string, string> {
  const parsed: unknown = JSON.parse(context.ai.secrets.open(row.sealedSecrets));
  if (!parsed || typeof parsed !== 'object') throw new Error('The sealed secrets are not an object');
  return Object.fromEntries(Object.entries(parsed).filter((entry): entry is [string, string] => typeof entry[1] === 'string'));
}

export function openIntegration(context: Pick<AppContext, 'ai'>, row: IntegrationRow): OpenedIntegration {
  return { row, config: row.metadata, secrets: openSecrets(context, row) };
}

function secretNamesOf(context: Pick<AppContext, 'ai'>, row: IntegrationRow): string[] {
  try {
    return Object.keys(openSecrets(context, row));
  } catch {
    // Sealed with another key: none is usable, so none is shown as set.
    return [];
  }
}

function present(context: Pick<AppContext, 'ai'>, row: IntegrationRow): Integration {
  return toIntegration(row, secretNamesOf(context, row));
}

function seal(context: Pick<AppContext, 'ai'>, secrets: Record<string, unknown>): string {
  const kept = Object.fromEntries(Object.entries(secrets).filter(([, value]) => typeof value === 'string'));
  return context.ai.secrets.seal(JSON.stringify(kept));
}

/** Parses `value` with a type's schema; the first problem answers 400 naming the field under `prefix`. */
function parseFor<S extends z.ZodType>(schema: S, value: unknown, prefix: string): z.infer<S> {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0]!;
  throw invalidField([prefix, ...issue.path.map(String)].join('.'), issue.message);
}

/** An integration the acting user can see (RLS: members of its organization); 404 otherwise, also for other tenants'. */
export async function loadIntegration(tx: Tx, id: string, organizationId?: string): Promise<IntegrationRow> {
  if (!isUuid(id) || (organizationId !== undefined && !isUuid(organizationId))) throw notFound('Integration');
  const [row] = await tx
    .select()
    .from(integrations)
    .where(and(eq(integrations.id, id), organizationId ? eq(integrations.organizationId, organizationId) : undefined));
  if (!row) throw notFound('Integration');
  return row;
}

/** An integration an admin manages (403 for other members, 404 for everyone else). */
export async function integrationToManage(tx: Tx, userId: string, id: string, organizationId?: string): Promise<IntegrationRow> {
  const row = await loadIntegration(tx, id, organizationId);
  await requireOrganizationRole(tx, userId, row.organizationId, 'admin');
  return row;
}

export async function listIntegrations(
  context: AppContext,
  tx: Tx,
  userId: string,
  organizationId: string,
  query: { limit: number; cursor?: string | undefined },
): Promise<Page<Integration>> {
  await requireOrganizationRole(tx, userId, organizationId, 'viewer');
  const cursor = decodeTimestampCursor(query.cursor);
  const rows = await tx
    .select({ row: integrations, cursorAt: cursorTimestamp(integrations.createdAt) })
    .from(integrations)
    .where(and(eq(integrations.organizationId, organizationId), cursor ? afterCursor(integrations.createdAt, integrations.id, cursor, 'desc') : undefined))
    .orderBy(desc(integrations.createdAt), desc(integrations.id))
    .limit(query.limit + 1);
  return toPage(
    rows,
    query.limit,
    ({ row }) => present(context, row),
    ({ row, cursorAt }) => ({ sort: cursorAt, id: row.id }),
  );
}

export async function getIntegration(context: AppContext, tx: Tx, userId: string, organizationId: string, id: string): Promise<Integration> {
  await requireOrganizationRole(tx, userId, organizationId, 'viewer');
  return present(context, await loadIntegration(tx, id, organizationId));
}

export async function createIntegration(
  context: AppContext,
  tx: Tx,
  actor: UserActor,
  organizationId: string,
  input: CreateIntegrationInput,
): Promise<Integration> {
  await requireOrganizationRole(tx, actor.userId, organizationId, 'admin');
  await checkOutgoingUrls(context, input.type, input.config);
  const [row] = await tx
    .insert(integrations)
    .values({
      id: newId(),
      organizationId,
      userId: actor.userId,
      type: input.type,
      name: input.name,
      metadata: input.config,
      sealedSecrets: seal(context, input.secrets),
      enabled: input.enabled,
    })
    .returning();
  if (!row) throw new Error('The integration was not inserted');
  await recordAudit(tx, actor, {
    action: 'integration_created',
    resourceType: 'integration',
    resourceId: row.id,
    organizationId,
    // The configuration and which secrets were given, never their values.
    details: { name: row.name, type: row.type, config: row.metadata, secrets: Object.keys(input.secrets), enabled: row.enabled },
  });
  return toIntegration(row, Object.keys(input.secrets));
}

export async function updateIntegration(
  context: AppContext,
  tx: Tx,
  actor: UserActor,
  organizationId: string,
  id: string,
  input: UpdateIntegrationInput,
): Promise<Integration> {
  const current = await integrationToManage(tx, actor.userId, id, organizationId);
  const schemas = integrationTypeSchemas[current.type];
  const changes: Partial<typeof integrations.$inferInsert> = {};
  const changed: string[] = [];
  if (input.name !== undefined && input.name !== current.name) {
    changes.name = input.name;
    changed.push('name');
  }
  if (input.enabled !== undefined && input.enabled !== current.enabled) {
    changes.enabled = input.enabled;
    changed.push('enabled');
  }
  if (input.config !== undefined) {
    const config = parseFor(schemas.config, input.config, 'config') as Record<string, unknown>;
    await checkOutgoingUrls(context, current.type, config);
    if (JSON.stringify(config) !== JSON.stringify(current.metadata)) {
      changes.metadata = config;
      changed.push('config');
    }
  }
  let secretNames: string[] | undefined;
  if (input.secrets !== undefined && Object.keys(input.secrets).length > 0) {
    let existing: Record<string, string> = {};
    try {
      existing = openSecrets(context, current);
    } catch {
      // Sealed with another key: the new secrets must then be complete (checked below).
    }
    const merged = parseFor(schemas.secrets, { ...existing, ...input.secrets }, 'secrets') as Record<string, unknown>;
    changes.sealedSecrets = seal(context, merged);
    secretNames = Object.keys(merged).filter((name) => typeof merged[name] === 'string');
    changed.push('secrets');
  }
  if (changed.length === 0) return present(context, current);
  const [row] = await tx.update(integrations).set(changes).where(eq(integrations.id, current.id)).returning();
  if (!row) throw notFound('Integration');
  await recordAudit(tx, actor, {
    action: 'integration_updated',
    resourceType: 'integration',
    resourceId: row.id,
    organizationId: row.organizationId,
    // Which fields changed; for secrets only their names.
    details: { changed, name: row.name, type: row.type, enabled: row.enabled, ...(input.secrets ? { secrets: Object.keys(input.secrets) } : {}) },
  });
  return secretNames ? toIntegration(row, secretNames) : present(context, row);
}

export async function deleteIntegration(tx: Tx, actor: UserActor, organizationId: string, id: string): Promise<void> {
  const current = await integrationToManage(tx, actor.userId, id, organizationId);
  await tx.delete(integrations).where(eq(integrations.id, current.id));
  await recordAudit(tx, actor, {
    action: 'integration_deleted',
    resourceType: 'integration',
    resourceId: current.id,
    organizationId: current.organizationId,
    details: { name: current.name, type: current.type },
  });
}

import crypto from 'node:crypto';
import { and, asc, eq, gt } from 'drizzle-orm';
import type { Actor, UserActor } from '../../core/audit.js';
import { recordAudit } from '../audit/record-audit.js';
import type { Tx } from '../../core/db/database.js';
import { organizationMembers, organizations, type OrganizationRole } from '../../core/db/platform.schema.js';
import { AppError, notFound } from '../../core/errors.js';
import { encodeCursor, type Page } from '../../core/http/pagination.js';
import { newId } from '../../core/ids.js';
import type { CreateOrganizationInput, Organization, UpdateOrganizationInput } from './organizations.contract.js';
import { decodeUuidCursor } from './keyset-cursor.js';
import { forbidden, requireOrganizationRole } from './organization-access.js';
import { isUniqueViolation } from './postgres-error.js';

export type OrganizationRow = typeof organizations.$inferSelect;

/** 'Acme Corp.' → 'acme-corp'; never empty. */
export function slugify(name: string): string {
  const slug = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80);
  return slug || 'org';
}

function withRandomSuffix(slug: string): string {
  return `${slug.slice(0, 80)}-${crypto.randomBytes(3).toString('hex')}`;
}

/**
 * Creates an organization and makes the acting user its owner, in the caller's transaction (which must run as that
 * user: the RLS policies let a user insert an organization they own and then their own first owner membership).
 * Slugs are unique across the instance; an explicit slug that is taken is a conflict, a derived one gets a suffix.
 */
export async function createOrganization(
  tx: Tx,
  actor: Actor & { userId: string },
  input: { name: string; slug?: string; isPersonal?: boolean; settings?: Record<string, unknown> },
): Promise<OrganizationRow> {
  const id = newId();
  const baseSlug = input.slug ?? slugify(input.name);
  const candidates = input.slug ? [input.slug] : [baseSlug, withRandomSuffix(baseSlug), withRandomSuffix(baseSlug)];
  let slug: string | undefined;
  for (const candidate of candidates) {
    // A savepoint per try: a unique violation must not abort the caller's transaction.
    const inserted = await tx
      .transaction(async (sp) => {
        await sp.insert(organizations).values({
          id,
          name: input.name,
          slug: candidate,
          ownerId: actor.userId,
          isPersonal: input.isPersonal ?? false,
          settings: input.settings ?? {},
        });
        return true;
      })
      .catch((error: unknown) => {
        if (isUniqueViolation(error, 'organizations_slug_key')) return false;
        throw error;
      });
    if (inserted) {
      slug = candidate;
      break;
    }
  }
  if (!slug) {
    throw new AppError('CONFLICT', `The slug "${baseSlug}" is already taken; choose another`, {
      details: [{ field: 'slug', message: 'is already taken' }],
    });
  }
  await tx.insert(organizationMembers).values({ id: newId(), organizationId: id, userId: actor.userId, role: 'owner' });
  await recordAudit(tx, actor, {
    action: 'organization_created',
    resourceType: 'organization',
    resourceId: id,
    organizationId: id,
    details: { name: input.name, slug, personal: input.isPersonal ?? false },
  });
  const [row] = await tx.select().from(organizations).where(eq(organizations.id, id));
  if (!row) throw new Error('organization vanished after insert');
  return row;
}

export type { UserActor };

function slugTaken(slug: string): AppError {
  return new AppError('CONFLICT', `The slug "${slug}" is already taken; choose another`, {
    details: [{ field: 'slug', message: 'is already taken' }],
  });
}

export function toOrganization(row: OrganizationRow, role: OrganizationRole): Organization {
  return {
    id: row.id,
    name: row.name,
    slug: row.slug,
    ownerId: row.ownerId,
    isPersonal: row.isPersonal,
    settings: row.settings,
    role,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

/** POST /organizations: the caller becomes the owner. */
export async function createOrganizationForUser(tx: Tx, actor: UserActor, input: CreateOrganizationInput): Promise<Organization> {
  const row = await createOrganization(tx, actor, input);
  return toOrganization(row, 'owner');
}

/**
 * The organizations the user is a member of, in creation order (ids are time-ordered UUIDv7), walking the
 * (user_id, organization_id) membership index.
 */
export async function listOrganizations(
  tx: Tx,
  userId: string,
  query: { limit: number; cursor?: string | undefined },
): Promise<Page<Organization>> {
  const after = decodeUuidCursor(query.cursor);
  const rows = await tx
    .select({ organization: organizations, role: organizationMembers.role })
    .from(organizationMembers)
    .innerJoin(organizations, eq(organizations.id, organizationMembers.organizationId))
    .where(and(eq(organizationMembers.userId, userId), after ? gt(organizationMembers.organizationId, after) : undefined))
    .orderBy(asc(organizationMembers.organizationId))
    .limit(query.limit + 1);
  const hasMore = rows.length > query.limit;
  const pageRows = hasMore ? rows.slice(0, query.limit) : rows;
  const last = pageRows.at(-1);
  return {
    items: pageRows.map((row) => toOrganization(row.organization, row.role)),
    nextCursor: hasMore && last ? encodeCursor({ sort: last.organization.id, id: last.organization.id }) : null,
  };
}

async function loadOrganization(tx: Tx, id: string): Promise<OrganizationRow> {
  const [row] = await tx.select().from(organizations).where(eq(organizations.id, id));
  if (!row) throw notFound('Organization');
  return row;
}

export async function getOrganization(tx: Tx, userId: string, id: string): Promise<Organization> {
  const role = await requireOrganizationRole(tx, userId, id, 'viewer');
  return toOrganization(await loadOrganization(tx, id), role);
}

/** PATCH /organizations/{id}: admins and owners; only the named fields change, settings as a whole. */
export async function updateOrganization(
  tx: Tx,
  actor: UserActor,
  id: string,
  input: UpdateOrganizationInput,
): Promise<Organization> {
  const role = await requireOrganizationRole(tx, actor.userId, id, 'admin');
  const before = await loadOrganization(tx, id);
  const changes: Partial<Pick<OrganizationRow, 'name' | 'slug' | 'settings'>> = {};
  if (input.name !== undefined && input.name !== before.name) changes.name = input.name;
  if (input.slug !== undefined && input.slug !== before.slug) changes.slug = input.slug;
  if (input.settings !== undefined) changes.settings = input.settings;
  if (Object.keys(changes).length === 0) return toOrganization(before, role);
  let updated: OrganizationRow | undefined;
  try {
    [updated] = await tx.update(organizations).set(changes).where(eq(organizations.id, id)).returning();
  } catch (error) {
    if (isUniqueViolation(error, 'organizations_slug_key')) throw slugTaken(input.slug ?? '');
    throw error;
  }
  if (!updated) throw notFound('Organization');
  await recordAudit(tx, actor, {
    action: 'organization_updated',
    resourceType: 'organization',
    resourceId: id,
    organizationId: id,
    details: {
      fields: Object.keys(changes),
      ...(changes.name ? { name: { from: before.name, to: changes.name } } : {}),
      ...(changes.slug ? { slug: { from: before.slug, to: changes.slug } } : {}),
    },
  });
  return toOrganization(updated, role);
}

/** DELETE /organizations/{id}: owners only; a personal organization lives as long as its account. */
export async function deleteOrganization(tx: Tx, actor: UserActor, id: string): Promise<void> {
  await requireOrganizationRole(tx, actor.userId, id, 'owner');
  const organization = await loadOrganization(tx, id);
  if (organization.isPersonal) {
    throw new AppError('CONFLICT', 'A personal organization cannot be deleted; it is removed with its account');
  }
  // The event is written first: it names the organization that the delete is about to remove with its projects.
  await recordAudit(tx, actor, {
    action: 'organization_deleted',
    resourceType: 'organization',
    resourceId: id,
    organizationId: id,
    details: { name: organization.name, slug: organization.slug },
  });
  const deleted = await tx.delete(organizations).where(eq(organizations.id, id)).returning({ id: organizations.id });
  if (deleted.length === 0) throw forbidden('You must be an owner of this organization to delete it');
}

/** The user's personal organization (created with the account), where projects go when no organization is named. */
export async function personalOrganizationIdOf(tx: Tx, userId: string): Promise<string | undefined> {
  const [row] = await tx
    .select({ id: organizations.id })
    .from(organizations)
    .innerJoin(organizationMembers, eq(organizationMembers.organizationId, organizations.id))
    .where(and(eq(organizations.isPersonal, true), eq(organizations.ownerId, userId), eq(organizationMembers.userId, userId)))
    .orderBy(asc(organizations.id))
    .limit(1);
  return row?.id;
}

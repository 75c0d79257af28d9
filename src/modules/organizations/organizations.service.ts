import crypto from 'node:crypto';
import { eq } from 'drizzle-orm';
import { recordAudit, type Actor } from '../../core/audit.js';
import type { Tx } from '../../core/db/database.js';
import { organizationMembers, organizations } from '../../core/db/platform.schema.js';
import { AppError } from '../../core/errors.js';
import { newId } from '../../core/ids.js';

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
        if ((error as { code?: string }).code === '23505') return false;
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

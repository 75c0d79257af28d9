import { and, eq } from 'drizzle-orm';
import type { Tx } from '../../core/db/database.js';
import { organizationMembers, type OrganizationRole } from '../../core/db/platform.schema.js';
import { AppError, notFound } from '../../core/errors.js';
import { isUuid } from '../../core/ids.js';

const roleRank: Record<OrganizationRole, number> = { viewer: 1, editor: 2, admin: 3, owner: 4 };

export function roleAtLeast(role: OrganizationRole, minimum: OrganizationRole): boolean {
  return roleRank[role] >= roleRank[minimum];
}

/** What each minimum role is needed for, for error messages that tell the caller what is missing. */
const roleMeaning: Record<OrganizationRole, string> = {
  viewer: 'a member',
  editor: 'an editor, admin or owner',
  admin: 'an admin or owner',
  owner: 'an owner',
};

/** The acting user's role in an organization, or undefined when they are not a member (or the id is malformed). */
export async function memberRoleOf(tx: Tx, userId: string, organizationId: string): Promise<OrganizationRole | undefined> {
  if (!isUuid(organizationId)) return undefined;
  const [row] = await tx
    .select({ role: organizationMembers.role })
    .from(organizationMembers)
    .where(and(eq(organizationMembers.organizationId, organizationId), eq(organizationMembers.userId, userId)));
  return row?.role;
}

/**
 * The gate of every organization-scoped operation: a non-member gets the same 404 as for a missing organization,
 * a member below the needed role gets 403.
 */
export async function requireOrganizationRole(
  tx: Tx,
  userId: string,
  organizationId: string,
  minimum: OrganizationRole,
): Promise<OrganizationRole> {
  const role = await memberRoleOf(tx, userId, organizationId);
  if (!role) throw notFound('Organization');
  if (!roleAtLeast(role, minimum)) throw forbidden(`You must be ${roleMeaning[minimum]} of this organization to do this`);
  return role;
}

export function forbidden(message: string): AppError {
  return new AppError('FORBIDDEN', message);
}

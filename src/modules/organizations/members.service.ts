import { and, asc, eq, sql } from 'drizzle-orm';
import { recordAudit } from '../../core/audit.js';
import type { Tx } from '../../core/db/database.js';
import { organizationMembers, organizations, users, type OrganizationRole } from '../../core/db/platform.schema.js';
import { isUniqueViolation } from '../../core/db/postgres-error.js';
import { AppError, notFound } from '../../core/errors.js';
import { afterCursor, cursorTimestamp, decodeTimestampCursor } from '../../core/http/keyset-cursor.js';
import { toPage, type Page } from '../../core/http/pagination.js';
import { isUuid, newId } from '../../core/ids.js';
import type { AddMemberInput, Member } from './organizations.contract.js';
import { forbidden, requireOrganizationRole, roleAtLeast } from './organization-access.js';
import type { UserActor } from './organizations.service.js';

const memberColumns = {
  membershipId: organizationMembers.id,
  userId: organizationMembers.userId,
  name: users.name,
  email: users.email,
  role: organizationMembers.role,
  invitedBy: organizationMembers.invitedBy,
  joinedAt: organizationMembers.joinedAt,
  cursorAt: cursorTimestamp(organizationMembers.joinedAt),
};

type MemberRow = { userId: string; name: string; email: string; role: OrganizationRole; invitedBy: string | null; joinedAt: Date };

function toMember(row: MemberRow): Member {
  return {
    userId: row.userId,
    name: row.name,
    email: row.email,
    role: row.role,
    invitedBy: row.invitedBy,
    joinedAt: row.joinedAt.toISOString(),
  };
}

/** Members in the order they joined, on the (organization_id, joined_at, id) index. */
export async function listMembers(
  tx: Tx,
  userId: string,
  organizationId: string,
  query: { limit: number; cursor?: string | undefined },
): Promise<Page<Member>> {
  const cursor = decodeTimestampCursor(query.cursor);
  await requireOrganizationRole(tx, userId, organizationId, 'viewer');
  const rows = await tx
    .select(memberColumns)
    .from(organizationMembers)
    .innerJoin(users, eq(users.id, organizationMembers.userId))
    .where(
      and(
        eq(organizationMembers.organizationId, organizationId),
        cursor ? afterCursor(organizationMembers.joinedAt, organizationMembers.id, cursor, 'asc') : undefined,
      ),
    )
    .orderBy(asc(organizationMembers.joinedAt), asc(organizationMembers.id))
    .limit(query.limit + 1);
  return toPage(rows, query.limit, toMember, (row) => ({ sort: row.cursorAt, id: row.membershipId }));
}

async function loadMember(tx: Tx, organizationId: string, userId: string): Promise<MemberRow | undefined> {
  if (!isUuid(userId)) return undefined;
  const [row] = await tx
    .select(memberColumns)
    .from(organizationMembers)
    .innerJoin(users, eq(users.id, organizationMembers.userId))
    .where(and(eq(organizationMembers.organizationId, organizationId), eq(organizationMembers.userId, userId)));
  return row;
}

/**
 * Locks the organization's owner memberships (in id order, so concurrent callers queue instead of deadlocking) and
 * returns who the owners are. Everything that can take the owner role away from someone calls this first: a second
 * concurrent demotion waits here and then sees the first one's result.
 */
async function lockOwners(tx: Tx, organizationId: string): Promise<string[]> {
  const rows = await tx
    .select({ userId: organizationMembers.userId })
    .from(organizationMembers)
    .where(and(eq(organizationMembers.organizationId, organizationId), eq(organizationMembers.role, 'owner')))
    .orderBy(asc(organizationMembers.id))
    .for('update');
  return rows.map((row) => row.userId);
}

/** A personal organization belongs to its account: that person stays its owner until the account is deleted. */
async function refuseIfPersonalHolder(tx: Tx, organizationId: string, targetUserId: string): Promise<void> {
  const [organization] = await tx
    .select({ isPersonal: organizations.isPersonal, ownerId: organizations.ownerId })
    .from(organizations)
    .where(eq(organizations.id, organizationId));
  if (organization?.isPersonal && organization.ownerId === targetUserId) {
    throw new AppError('CONFLICT', 'A personal organization keeps its account holder as owner; they cannot leave or be demoted');
  }
}

function lastOwner(): AppError {
  return new AppError('LAST_OWNER', 'An organization needs at least one owner; make someone else an owner first');
}

/** organizations.owner_id names an owner; when that person stops being one, the longest-standing owner takes over. */
async function reassignOwnerIfNeeded(tx: Tx, organizationId: string, formerOwner: string): Promise<void> {
  await tx
    .update(organizations)
    .set({
      ownerId: sql`(SELECT m.user_id FROM app.organization_members m
                    WHERE m.organization_id = ${organizationId} AND m.role = 'owner' AND m.user_id <> ${formerOwner}
                    ORDER BY m.joined_at, m.id LIMIT 1)`,
    })
    .where(and(eq(organizations.id, organizationId), eq(organizations.ownerId, formerOwner)));
}

/**
 * POST /organizations/{id}/members: admins add an existing account by email. `userIdForEmail` was looked up
 * beforehand (an account outside the caller's organizations is invisible to them under row level security); it is
 * reported only after the role check, so non-members learn nothing about which emails exist.
 */
export async function addMember(
  tx: Tx,
  actor: UserActor,
  organizationId: string,
  input: AddMemberInput,
  userIdForEmail: string | undefined,
): Promise<Member> {
  const myRole = await requireOrganizationRole(tx, actor.userId, organizationId, 'admin');
  if (input.role === 'owner' && myRole !== 'owner') throw forbidden('Only an owner can make someone an owner');
  if (!userIdForEmail) {
    throw new AppError('NOT_FOUND', 'No account has this email address; ask them to register first', {
      details: [{ field: 'email', message: 'has no account' }],
    });
  }
  const alreadyMember = () =>
    new AppError('CONFLICT', 'This person is already a member of the organization', {
      details: [{ field: 'email', message: 'is already a member' }],
    });
  if (await loadMember(tx, organizationId, userIdForEmail)) throw alreadyMember();
  try {
    await tx.insert(organizationMembers).values({
      id: newId(),
      organizationId,
      userId: userIdForEmail,
      role: input.role,
      invitedBy: actor.userId,
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw alreadyMember();
    throw error;
  }
  await recordAudit(tx, actor, {
    action: 'member_added',
    resourceType: 'organization_member',
    resourceId: userIdForEmail,
    organizationId,
    details: { userId: userIdForEmail, role: input.role },
  });
  const member = await loadMember(tx, organizationId, userIdForEmail);
  if (!member) throw new Error('membership vanished after insert');
  return toMember(member);
}

/** PATCH /organizations/{id}/members/{userId}: admins change roles below owner; owners change any role. */
export async function changeMemberRole(
  tx: Tx,
  actor: UserActor,
  organizationId: string,
  targetUserId: string,
  role: OrganizationRole,
): Promise<Member> {
  // Membership first (404/403 without taking locks), then the owner lock, then every decision on fresh rows.
  await requireOrganizationRole(tx, actor.userId, organizationId, 'admin');
  const owners = await lockOwners(tx, organizationId);
  const myRole = await requireOrganizationRole(tx, actor.userId, organizationId, 'admin');
  const target = await loadMember(tx, organizationId, targetUserId);
  if (!target) throw notFound('Member');
  if (myRole !== 'owner' && (target.role === 'owner' || role === 'owner')) {
    throw forbidden('Only an owner can change an owner’s role or make someone an owner');
  }
  if (target.role === role) return toMember(target);
  if (target.role === 'owner' && owners.filter((id) => id !== target.userId).length === 0) throw lastOwner();
  if (target.role === 'owner') await refuseIfPersonalHolder(tx, organizationId, target.userId);
  // Reassign first: someone demoting themselves loses the right to update the organization with the next statement.
  if (target.role === 'owner') await reassignOwnerIfNeeded(tx, organizationId, target.userId);
  await tx
    .update(organizationMembers)
    .set({ role })
    .where(and(eq(organizationMembers.organizationId, organizationId), eq(organizationMembers.userId, target.userId)));
  await recordAudit(tx, actor, {
    action: 'member_role_changed',
    resourceType: 'organization_member',
    resourceId: target.userId,
    organizationId,
    details: { userId: target.userId, from: target.role, to: role },
  });
  const updated = await loadMember(tx, organizationId, target.userId);
  if (!updated) throw notFound('Member');
  return toMember(updated);
}

/** DELETE /organizations/{id}/members/{userId}: admins remove members below owner, owners anyone, anyone leaves. */
export async function removeMember(tx: Tx, actor: UserActor, organizationId: string, targetUserId: string): Promise<void> {
  const leaving = targetUserId === actor.userId;
  await requireOrganizationRole(tx, actor.userId, organizationId, leaving ? 'viewer' : 'admin');
  const owners = await lockOwners(tx, organizationId);
  const myRole = await requireOrganizationRole(tx, actor.userId, organizationId, leaving ? 'viewer' : 'admin');
  const target = await loadMember(tx, organizationId, targetUserId);
  if (!target) throw notFound('Member');
  if (!leaving && target.role === 'owner' && !roleAtLeast(myRole, 'owner')) {
    throw forbidden('Only an owner can remove an owner');
  }
  if (target.role === 'owner' && owners.filter((id) => id !== target.userId).length === 0) throw lastOwner();
  await refuseIfPersonalHolder(tx, organizationId, target.userId);
  // Reassign while the caller still holds their role (someone leaving loses it with the delete).
  if (target.role === 'owner') await reassignOwnerIfNeeded(tx, organizationId, target.userId);
  await recordAudit(tx, actor, {
    action: 'member_removed',
    resourceType: 'organization_member',
    resourceId: target.userId,
    organizationId,
    // The name too: once removed, the member may be out of the admins' sight, and the log still says who it was.
    details: { userId: target.userId, name: target.name, role: target.role, left: leaving },
  });
  await tx
    .delete(organizationMembers)
    .where(and(eq(organizationMembers.organizationId, organizationId), eq(organizationMembers.userId, target.userId)));
}

/**
 * The account id for an email, looked up as the system role (an account that shares no organization with the
 * caller is invisible to them). Run in its own asSystem transaction before the caller's.
 */
export async function findUserIdByEmail(systemTx: Tx, email: string): Promise<string | undefined> {
  const [row] = await systemTx
    .select({ id: users.id })
    .from(users)
    .where(sql`lower(${users.email}) = lower(${email})`)
    .limit(1);
  return row?.id;
}

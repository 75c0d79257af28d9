import type { Tx } from './db/database.js';
import type { AuditAction } from '../shared/audit-actions.js';
import { auditLog } from './db/platform.schema.js';

/** Who did it and from where; taken from the request once and passed down to services. */
export type Actor = { userId: string | null; ipAddress: string | null; userAgent: string | null };

/** An actor known to be a signed-in user: every request that changes something on someone's behalf. */
export type UserActor = Actor & { userId: string };

/** The actor of a job's effects: its creator, acting through the runner. */
export function jobActor(userId: string): UserActor {
  return { userId, ipAddress: null, userAgent: 'job runner' };
}

/**
 * One event. Its action must be one of src/shared/audit-actions.ts, the one table the server writes and the audit
 * page labels, so a misspelt or unlisted action does not compile.
 */
export type AuditEvent = {
  action: AuditAction;
  resourceType: string;
  resourceId?: string | null;
  organizationId?: string | null;
  details?: Record<string, unknown>;
};

/**
 * Appends to the audit log inside the caller's transaction, so the event exists exactly when the change does.
 * The table refuses UPDATE and DELETE in the database.
 */
export async function recordAudit(tx: Tx, actor: Actor, event: AuditEvent): Promise<void> {
  await tx.insert(auditLog).values({
    userId: actor.userId,
    organizationId: event.organizationId ?? null,
    action: event.action,
    resourceType: event.resourceType,
    resourceId: event.resourceId ?? null,
    details: event.details ?? null,
    ipAddress: actor.ipAddress,
    userAgent: actor.userAgent?.slice(0, 500) ?? null,
  });
}

import type { Tx } from './db/database.js';
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
 * One event. Core names no actions: the application passes its table of them as `Action` (see
 * src/modules/audit/record-audit.ts), so every call site is checked against that one list.
 */
export type AuditEvent<Action extends string = string> = {
  action: Action;
  resourceType: string;
  resourceId?: string | null;
  organizationId?: string | null;
  details?: Record<string, unknown>;
};

/**
 * Appends to the audit log inside the caller's transaction, so the event exists exactly when the change does.
 * The table refuses UPDATE and DELETE in the database.
 */
export async function recordAudit<Action extends string>(tx: Tx, actor: Actor, event: AuditEvent<Action>): Promise<void> {
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

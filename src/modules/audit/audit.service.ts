import { and, desc, eq, lt } from 'drizzle-orm';
import type { Tx } from '../../core/db/database.js';
import { auditLog } from '../../core/db/platform.schema.js';
import { decodeSerialCursor } from '../../core/http/keyset-cursor.js';
import { toPage, type Page } from '../../core/http/pagination.js';
import { requireOrganizationRole } from '../organizations/index.js';
import { resolveAuditNames, type AuditNames } from './audit-names.js';
import type { AuditEvent, ListAuditQuery } from './audit.contract.js';

type AuditRow = typeof auditLog.$inferSelect;

function toEvent(row: AuditRow, names: AuditNames): AuditEvent {
  return {
    id: row.id,
    organizationId: row.organizationId,
    userId: row.userId,
    action: row.action,
    resourceType: row.resourceType,
    resourceId: row.resourceId,
    details: row.details,
    ipAddress: row.ipAddress,
    userAgent: row.userAgent,
    timestamp: row.timestamp.toISOString(),
    ...names,
  };
}

/**
 * Newest first by id (identity order is write order), on (user_id, id) for one's own events and on
 * (organization_id, id) for an organization's, which only its admins and owners read. Each event carries the names a
 * person reads instead of ids: who did it, and what it was done to.
 */
export async function listAuditEvents(tx: Tx, userId: string, query: ListAuditQuery): Promise<Page<AuditEvent>> {
  const before = decodeSerialCursor(query.cursor);
  let scope;
  if (query.organizationId) {
    await requireOrganizationRole(tx, userId, query.organizationId, 'admin');
    scope = eq(auditLog.organizationId, query.organizationId);
  } else {
    scope = eq(auditLog.userId, userId);
  }
  const rows = await tx
    .select()
    .from(auditLog)
    .where(and(scope, before === undefined ? undefined : lt(auditLog.id, before)))
    .orderBy(desc(auditLog.id))
    .limit(query.limit + 1);
  const namesOf = await resolveAuditNames(tx, rows.slice(0, query.limit));
  return toPage(rows, query.limit, (row) => toEvent(row, namesOf(row)), (row) => ({ sort: String(row.id), id: String(row.id) }));
}

import { recordAudit as recordAnyAudit } from '../../core/audit.js';
import type { AuditAction } from '../../shared/audit-actions.js';

/**
 * Appends to the audit log inside the caller's transaction (see core's recordAudit), accepting only the actions
 * src/shared/audit-actions.ts lists, so the audit page has a label for everything the server writes.
 *
 * Modules import this file by its path rather than through the audit module's index: writing an event must not
 * load the audit log's reader, which depends on the organizations module that itself writes events.
 */
export const recordAudit = recordAnyAudit<AuditAction>;

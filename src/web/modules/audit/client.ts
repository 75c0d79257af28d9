import { apiRequest } from '../../api/http';
import type { ListQueryOf, ResponseOf } from '../../api/contract-types';
import type { auditEventSchema, auditPageSchema, listAuditQuery } from '../../../modules/audit/audit.contract';

/** The audit API: your own events, or an organization's (admins and owners). */

export type AuditEvent = ResponseOf<typeof auditEventSchema>;
export type AuditPage = ResponseOf<typeof auditPageSchema>;

export const auditApi = {
  list: (query: ListQueryOf<typeof listAuditQuery>, signal?: AbortSignal) => apiRequest<AuditPage>('GET', '/audit', { query, signal }),
};

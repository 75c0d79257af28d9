export { auditEventSchema, type AuditEvent } from './audit.contract.js';
export { listAuditEvents } from './audit.service.js';

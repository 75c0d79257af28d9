import type { AppModule } from '../../core/module.js';
import { auditRoutes } from './audit.routes.js';

export { auditEventSchema, type AuditEvent } from './audit.contract.js';
export { listAuditEvents } from './audit.service.js';

/** The audit log, as organization admins read it. */
export const auditModule: AppModule = { name: 'audit', routes: auditRoutes };

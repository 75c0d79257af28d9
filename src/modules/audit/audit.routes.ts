import type { AppContext } from '../../core/context.js';
import { withUser } from '../../core/db/tenancy.js';
import { requireAuth, type ZodApp } from '../../core/http/request-context.js';
import { auditPageSchema, listAuditQuery } from './audit.contract.js';
import { listAuditEvents } from './audit.service.js';

export async function auditRoutes(api: ZodApp, context: AppContext): Promise<void> {
  const { db } = context;

  api.get(
    '/audit',
    {
      schema: {
        tags: ['audit'],
        summary: 'Audit events newest first: your own, or an organization’s (admins and owners)',
        querystring: listAuditQuery,
        response: { 200: auditPageSchema },
      },
    },
    async (request) => {
      const { userId } = requireAuth(request);
      return withUser(db, userId, (tx) => listAuditEvents(tx, userId, request.query));
    },
  );
}

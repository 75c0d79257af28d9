import { z } from 'zod';
import { cursorSchema, limitSchema, pageSchema } from '../../shared/contract/pagination.js';

export const listAuditQuery = z
  .object({
    organizationId: z.uuid('Organization id must be a UUID').optional().describe('the organization’s events (admins and owners); default: your own events'),
    limit: limitSchema,
    cursor: cursorSchema,
  })
  .strict();
export type ListAuditQuery = z.infer<typeof listAuditQuery>;

export const auditEventSchema = z.object({
  id: z.number().int().describe('ascending in the order events were written'),
  organizationId: z.string().nullable(),
  userId: z.string().nullable(),
  action: z.string(),
  resourceType: z.string(),
  resourceId: z.string().nullable(),
  details: z.record(z.string(), z.unknown()).nullable(),
  ipAddress: z.string().nullable(),
  userAgent: z.string().nullable(),
  timestamp: z.string(),
  actorName: z.string().nullable().describe('the actor’s name; null for the system, or someone you no longer share an organization with'),
  resourceTitle: z
    .string()
    .nullable()
    .describe('the resource’s name now; once it is deleted, the name recorded with the event, else “deleted <type>”; null for kinds without a name (sessions, jobs)'),
});
export type AuditEvent = z.infer<typeof auditEventSchema>;
export const auditPageSchema = pageSchema(auditEventSchema);

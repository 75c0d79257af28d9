import { z } from 'zod';
import { oneOf } from '../../shared/contract/messages.js';
import { jobStatuses } from '../../shared/job-statuses.js';
import { cursorSchema, limitSchema, pageSchema } from '../../shared/contract/pagination.js';

/** Request and response schemas of /jobs, shared by server and OpenAPI. */

export const jobStatusSchema = z.enum(jobStatuses, oneOf('Status', jobStatuses));

export const jobSchema = z.object({
  id: z.string(),
  organizationId: z.string(),
  projectId: z.string().nullable(),
  type: z.string(),
  status: jobStatusSchema,
  progress: z.number().int().min(0).max(100),
  progressMessage: z.string().nullable(),
  result: z.record(z.string(), z.unknown()).nullable(),
  error: z.object({ code: z.string(), message: z.string() }).nullable().describe('the last failure; kept while a retry is queued'),
  attempts: z.number().int(),
  maxAttempts: z.number().int(),
  createdBy: z.string().nullable(),
  createdAt: z.string(),
  startedAt: z.string().nullable(),
  finishedAt: z.string().nullable(),
  updatedAt: z.string(),
  cancelRequestedAt: z.string().nullable().describe('set while a running job is being cancelled'),
});
export type Job = z.infer<typeof jobSchema>;
export const jobPageSchema = pageSchema(jobSchema);

export const jobParams = z.object({ id: z.string() });

/** The 202 answer of every route that queues a job. */
export const jobAcceptedSchema = z.object({ jobId: z.string().describe('follow it at /jobs/{jobId} and /jobs/{jobId}/events') });

export const listJobsQuery = z
  .object({
    organizationId: z.uuid('Organization id must be a UUID').optional().describe('default: jobs of all your organizations'),
    projectId: z.uuid('Project id must be a UUID').optional(),
    status: jobStatusSchema.optional(),
    limit: limitSchema,
    cursor: cursorSchema,
  })
  .strict();
export type ListJobsQueryInput = z.infer<typeof listJobsQuery>;

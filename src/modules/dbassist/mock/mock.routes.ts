import fs from 'node:fs';
import { z } from 'zod';
import type { AppContext } from '../../../core/context.js';
import { withUser } from '../../../core/db/tenancy.js';
import { requireAuth, requireUserActor, type ZodApp } from '../../../core/http/request-context.js';
import { createMockJobSchema, mockJobCreatedSchema, mockJobListQuerySchema, mockJobPageSchema, mockJobSchema, mockPreviewAnswerSchema, mockPreviewSchema } from '../dbassist.contract.js';
import { createMockJob, listMockJobs, loadMockJob, mockJobFile, previewMock, toMockJob } from './mock.service.js';

const tags = ['databases'];
const idParams = z.object({ id: z.string() });

/** Mock data: create a job for a table (editors), list and read jobs (members), download the file, preview ten rows. */
export async function mockRoutes(api: ZodApp, context: AppContext): Promise<void> {
  const { db } = context;

  api.post(
    '/connections/:id/mock-jobs',
    {
      schema: {
        tags,
        summary: 'Generate mock rows for a table (and, as needed, its parents) as a background job (editors and up): into a CSV or SQL file, or into a read-write connection',
        params: idParams,
        body: createMockJobSchema,
        response: { 202: mockJobCreatedSchema },
      },
    },
    async (request, reply) => {
      const actor = requireUserActor(request);
      const created = await withUser(db, actor.userId, (tx) => createMockJob(tx, actor, request.params.id, request.body));
      return reply.status(202).send(created);
    },
  );

  api.get(
    '/connections/:id/mock-jobs',
    { schema: { tags, summary: "The connection's mock-data jobs, newest first (members)", params: idParams, querystring: mockJobListQuerySchema, response: { 200: mockJobPageSchema } } },
    async (request) => {
      const { userId } = requireAuth(request);
      return withUser(db, userId, (tx) => listMockJobs(tx, userId, request.params.id, request.query));
    },
  );

  api.post(
    '/connections/:id/mock-jobs/preview',
    {
      schema: {
        tags,
        summary: 'Ten rows of the table as a job with this config would make them, and the parent tables it would fill (editors and up); nothing is written',
        params: idParams,
        body: mockPreviewSchema,
        response: { 200: mockPreviewAnswerSchema },
      },
    },
    async (request) => {
      const actor = requireUserActor(request);
      return withUser(db, actor.userId, (tx) => previewMock(tx, actor, request.params.id, request.body));
    },
  );

  api.get(
    '/mock-jobs/:id',
    { schema: { tags, summary: 'One mock-data job: status, result and the file link when it completed (members)', params: idParams, response: { 200: mockJobSchema } } },
    async (request) => {
      const { userId } = requireAuth(request);
      return withUser(db, userId, async (tx) => toMockJob(await loadMockJob(tx, request.params.id)));
    },
  );

  api.get(
    '/mock-jobs/:id/file',
    { schema: { tags, summary: 'The CSV, ZIP of CSVs or SQL file of a completed mock-data job (members)', params: idParams } },
    async (request, reply) => {
      const { userId } = requireAuth(request);
      const file = await withUser(db, userId, (tx) => mockJobFile(tx, context.config.dataDir, request.params.id));
      return reply
        .header('content-type', file.contentType)
        .header('content-length', String(file.size))
        .header('content-disposition', `attachment; filename="${file.fileName}"`)
        .header('cache-control', 'private, no-store')
        .send(fs.createReadStream(file.file));
    },
  );
}

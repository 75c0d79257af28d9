import { z } from 'zod';
import type { AppContext } from '../../../core/context.js';
import { withUser } from '../../../core/db/tenancy.js';
import { requireAuth, requireUserActor, type ZodApp } from '../../../core/http/request-context.js';
import { docListSchema, docSchema, generateDocsSchema, jobStartedSchema, updateDocSchema } from '../dbassist.contract.js';
import { docsSiteSource, enqueueDocGeneration, listDocs, updateDoc } from './docs.service.js';
import { docsSiteZip, siteFileName } from './docs-site.js';

const tags = ['databases'];
const schemaParams = z.object({ id: z.string() });
const docParams = z.object({ id: z.string(), docId: z.string() });

/** Documentation of a schema version: list, generate (a job), a person's edit, and the Markdown site as a ZIP. */
export async function docsRoutes(api: ZodApp, context: AppContext): Promise<void> {
  const { db } = context;

  api.get(
    '/schemas/:id/docs',
    { schema: { tags, summary: "Documentation of the schema version's objects (members): the database, then its tables and columns", params: schemaParams, response: { 200: docListSchema } } },
    async (request) => {
      const { userId } = requireAuth(request);
      return withUser(db, userId, (tx) => listDocs(tx, userId, request.params.id));
    },
  );

  api.post(
    '/schemas/:id/docs/generate',
    {
      schema: {
        tags,
        summary: "Generate documentation as a background job (editors and up), template 'short' or 'full'; a person's text is kept unless overwriteHuman",
        params: schemaParams,
        body: generateDocsSchema,
        response: { 202: jobStartedSchema },
      },
    },
    async (request, reply) => {
      const actor = requireUserActor(request);
      const job = await withUser(db, actor.userId, (tx) => enqueueDocGeneration(tx, actor, request.params.id, request.body));
      return reply.status(202).send({ jobId: job.id });
    },
  );

  api.patch(
    '/schemas/:id/docs/:docId',
    { schema: { tags, summary: "A person's edit of one doc (editors and up): it becomes theirs and is no longer stale", params: docParams, body: updateDocSchema, response: { 200: docSchema } } },
    async (request) => {
      const actor = requireUserActor(request);
      return withUser(db, actor.userId, (tx) => updateDoc(tx, actor, request.params.id, request.params.docId, request.body));
    },
  );

  api.get(
    '/schemas/:id/docs.zip',
    { schema: { tags, summary: 'The documentation as a Markdown site (members): README.md, one page per table, er.md', params: schemaParams } },
    async (request, reply) => {
      const { userId } = requireAuth(request);
      const source = await withUser(db, userId, (tx) => docsSiteSource(tx, userId, request.params.id));
      const zip = docsSiteZip(source);
      return reply
        .header('content-type', 'application/zip')
        .header('content-disposition', `attachment; filename="${siteFileName(source.title, source.version)}"`)
        .header('cache-control', 'private, no-store')
        .send(Buffer.from(zip.buffer, zip.byteOffset, zip.byteLength));
    },
  );
}

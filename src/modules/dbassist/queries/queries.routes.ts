import { z } from 'zod';
import type { AppContext } from '../../../core/context.js';
import { withUser } from '../../../core/db/tenancy.js';
import { requireAuth, requireUserActor, type ZodApp } from '../../../core/http/request-context.js';
import { createQuerySchema, queryListQuerySchema, savedQueryPageSchema, savedQuerySchema, updateQuerySchema } from '../dbassist.contract.js';
import { createSavedQuery, deleteSavedQuery, getSavedQuery, listSavedQueries, updateSavedQuery } from './queries.service.js';

const tags = ['databases'];
const connectionParams = z.object({ id: z.string() });
const queryParams = z.object({ id: z.string() });

/** /connections/{id}/queries and /queries/{id}: saved SQL of a connection. */
export async function registerSavedQueryRoutes(api: ZodApp, context: AppContext): Promise<void> {
  const { db } = context;

  api.get(
    '/connections/:id/queries',
    {
      schema: {
        tags,
        summary: "The connection's saved queries, newest first (members); q searches the SQL, description and question",
        params: connectionParams,
        querystring: queryListQuerySchema,
        response: { 200: savedQueryPageSchema },
      },
    },
    async (request) => {
      const { userId } = requireAuth(request);
      return withUser(db, userId, (tx) => listSavedQueries(tx, userId, request.params.id, request.query));
    },
  );

  api.post(
    '/connections/:id/queries',
    {
      schema: {
        tags,
        summary: 'Save SQL for the connection (editors and up); with a question and its generationId it is saved as an answer',
        params: connectionParams,
        body: createQuerySchema,
        response: { 201: savedQuerySchema },
      },
    },
    async (request, reply) => {
      const actor = requireUserActor(request);
      const query = await withUser(db, actor.userId, (tx) => createSavedQuery(tx, actor, request.params.id, request.body));
      return reply.status(201).send(query);
    },
  );

  api.get(
    '/queries/:id',
    { schema: { tags, summary: 'One saved query with its last run (members)', params: queryParams, response: { 200: savedQuerySchema } } },
    async (request) => {
      const { userId } = requireAuth(request);
      return withUser(db, userId, (tx) => getSavedQuery(tx, request.params.id));
    },
  );

  api.patch(
    '/queries/:id',
    {
      schema: { tags, summary: "Change a saved query's SQL or description (editors and up)", params: queryParams, body: updateQuerySchema, response: { 200: savedQuerySchema } },
    },
    async (request) => {
      const actor = requireUserActor(request);
      return withUser(db, actor.userId, (tx) => updateSavedQuery(tx, actor, request.params.id, request.body));
    },
  );

  api.delete(
    '/queries/:id',
    {
      schema: {
        tags,
        summary: 'Remove a saved query (editors and up); its runs stay in the history',
        params: queryParams,
        response: { 204: z.null().describe('deleted') },
      },
    },
    async (request, reply) => {
      const actor = requireUserActor(request);
      await withUser(db, actor.userId, (tx) => deleteSavedQuery(tx, actor, request.params.id));
      return reply.status(204).send(null);
    },
  );
}

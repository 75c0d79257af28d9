import { z } from 'zod';
import type { AppContext } from '../../../core/context.js';
import { withUser } from '../../../core/db/tenancy.js';
import { requireAuth, requireUserActor, type ZodApp } from '../../../core/http/request-context.js';
import {
  connectionListQuerySchema,
  connectionPageSchema,
  connectionSchema,
  connectionTestSchema,
  createConnectionSchema,
  jobStartedSchema,
  updateConnectionSchema,
} from '../dbassist.contract.js';
import {
  connectionToUse,
  createConnection,
  deleteConnection,
  enqueueIngest,
  ensureSampleConnection,
  getConnection,
  listConnections,
  updateConnection,
  probeConnection,
  recordTest,
  removeSampleFile,
} from './connections.service.js';

const tags = ['databases'];
const organizationParams = z.object({ orgId: z.string() });
const connectionParams = z.object({ id: z.string() });

/** /organizations/{orgId}/connections and /connections/{id}: outside databases, their test and their ingestion. */
export async function registerConnectionRoutes(api: ZodApp, context: AppContext): Promise<void> {
  const { db } = context;

  api.get(
    '/organizations/:orgId/connections',
    {
      schema: {
        tags,
        summary: "The organization's database connections, newest first (members; never the URI)",
        params: organizationParams,
        querystring: connectionListQuerySchema,
        response: { 200: connectionPageSchema },
      },
    },
    async (request) => {
      const { userId } = requireAuth(request);
      return withUser(db, userId, (tx) => listConnections(tx, userId, request.params.orgId, request.query));
    },
  );

  api.post(
    '/organizations/:orgId/connections',
    {
      schema: {
        tags,
        summary: 'Add a database connection (editors and up); the URI is stored encrypted and never returned',
        params: organizationParams,
        body: createConnectionSchema,
        response: { 201: connectionSchema },
      },
    },
    async (request, reply) => {
      const actor = requireUserActor(request);
      const connection = await withUser(db, actor.userId, (tx) => createConnection(tx, context, actor, request.params.orgId, request.body));
      return reply.status(201).send(connection);
    },
  );

  api.post(
    '/organizations/:orgId/connections/sample',
    {
      schema: {
        tags,
        summary: 'Create the sample shop database (embedded SQLite) and its read-only connection, once (editors and up)',
        params: organizationParams,
        response: { 200: connectionSchema, 201: connectionSchema },
      },
    },
    async (request, reply) => {
      const actor = requireUserActor(request);
      const { connection, created } = await withUser(db, actor.userId, (tx) => ensureSampleConnection(tx, context, actor, request.params.orgId));
      return reply.status(created ? 201 : 200).send(connection);
    },
  );

  api.get(
    '/connections/:id',
    {
      schema: { tags, summary: 'One database connection (members; never the URI)', params: connectionParams, response: { 200: connectionSchema } },
    },
    async (request) => {
      const { userId } = requireAuth(request);
      return withUser(db, userId, (tx) => getConnection(tx, request.params.id));
    },
  );

  api.patch(
    '/connections/:id',
    {
      schema: {
        tags,
        summary: 'Rename a connection, change its mode, type or URI (editors and up)',
        params: connectionParams,
        body: updateConnectionSchema,
        response: { 200: connectionSchema },
      },
    },
    async (request) => {
      const actor = requireUserActor(request);
      return withUser(db, actor.userId, (tx) => updateConnection(tx, context, actor, request.params.id, request.body));
    },
  );

  api.delete(
    '/connections/:id',
    {
      schema: {
        tags,
        summary: 'Remove a connection with its schema versions and documentation (editors and up)',
        params: connectionParams,
        response: { 204: z.null().describe('deleted') },
      },
    },
    async (request, reply) => {
      const actor = requireUserActor(request);
      const removed = await withUser(db, actor.userId, (tx) => deleteConnection(tx, actor, request.params.id));
      removeSampleFile(context, removed);
      return reply.status(204).send(null);
    },
  );

  api.post(
    '/connections/:id/test',
    {
      schema: {
        tags,
        summary: 'Connect and report the server version, the user and whether it can write (editors and up); stored as lastTest',
        params: connectionParams,
        response: { 200: connectionTestSchema },
      },
    },
    async (request) => {
      const actor = requireUserActor(request);
      const row = await withUser(db, actor.userId, (tx) => connectionToUse(tx, actor.userId, request.params.id));
      // No transaction is held while the outside server answers (up to the 5 s connect timeout).
      const result = await probeConnection(context, row);
      await withUser(db, actor.userId, (tx) => recordTest(tx, actor, row, result));
      return result;
    },
  );

  api.post(
    '/connections/:id/ingest',
    {
      schema: {
        tags,
        summary: 'Crawl the database into a new schema version, as a job (editors and up); answers the job to follow',
        params: connectionParams,
        response: { 202: jobStartedSchema },
      },
    },
    async (request, reply) => {
      const actor = requireUserActor(request);
      const jobId = await withUser(db, actor.userId, (tx) => enqueueIngest(tx, actor, request.params.id));
      return reply.status(202).send({ jobId });
    },
  );
}

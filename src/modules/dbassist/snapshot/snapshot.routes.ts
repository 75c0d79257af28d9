import { z } from 'zod';
import type { AppContext } from '../../../core/context.js';
import { withUser } from '../../../core/db/tenancy.js';
import { requireAuth, type ZodApp } from '../../../core/http/request-context.js';
import { diffQuerySchema, schemaDetailSchema, schemaDiffSchema, schemaVersionListQuerySchema, schemaVersionPageSchema } from '../dbassist.contract.js';
import { getSchemaDetail, getSchemaDiff, listSchemaVersions } from './snapshot.service.js';

const tags = ['databases'];
const connectionParams = z.object({ connectionId: z.string() });
const schemaParams = z.object({ schemaId: z.string() });

/** Schema versions: readable by every member of the connection's organization (row level security decides). */
export async function snapshotRoutes(api: ZodApp, context: AppContext): Promise<void> {
  const { db } = context;

  api.get(
    '/connections/:connectionId/schemas',
    {
      schema: {
        tags,
        summary: 'Schema versions of a connection, newest first',
        params: connectionParams,
        querystring: schemaVersionListQuerySchema,
        response: { 200: schemaVersionPageSchema },
      },
    },
    async (request) => {
      const { userId } = requireAuth(request);
      return withUser(db, userId, (tx) => listSchemaVersions(tx, request.params.connectionId, request.query));
    },
  );

  api.get(
    '/schemas/:schemaId',
    {
      schema: {
        tags,
        summary: 'A schema version: tables with columns, keys, indexes, constraints, triggers and views',
        params: schemaParams,
        response: { 200: schemaDetailSchema },
      },
    },
    async (request) => {
      const { userId } = requireAuth(request);
      return withUser(db, userId, (tx) => getSchemaDetail(tx, request.params.schemaId));
    },
  );

  api.get(
    '/schemas/:schemaId/diff',
    {
      schema: {
        tags,
        summary: 'What changed from this version to another of the same connection, with the PostgreSQL migration SQL',
        params: schemaParams,
        querystring: diffQuerySchema,
        response: { 200: schemaDiffSchema },
      },
    },
    async (request) => {
      const { userId } = requireAuth(request);
      return withUser(db, userId, (tx) => getSchemaDiff(tx, request.params.schemaId, request.query.to));
    },
  );
}

import { Readable } from 'node:stream';
import { z } from 'zod';
import type { AppContext } from '../../../core/context.js';
import { withUser } from '../../../core/db/tenancy.js';
import { requireAuth, requireUserActor, type ZodApp } from '../../../core/http/request-context.js';
import {
  executeSchema,
  executionListQuerySchema,
  executionPageSchema,
  executionSchema,
  explainAnswerSchema,
  explainSchema,
  rowsPageSchema,
  rowsQuerySchema,
} from '../dbassist.contract.js';
import { cancelExecution, executeSql, explainSql, type OpenSqlRunner } from './execute.service.js';
import { getExecution, getExecutionRows, listExecutions, loadExecution } from './executions.service.js';
import { csvChunks, exportFileName, jsonChunks } from './result-export.js';
import { readResultRows } from './result-store.js';

const tags = ['databases'];
const connectionParams = z.object({ id: z.string() });
const executionParams = z.object({ id: z.string() });

/** /connections/{id}/execute, …/explain, …/executions and /executions/{id}: running SQL, its history and its rows. */
export async function registerExecutionRoutes(api: ZodApp, context: AppContext, openRunner: OpenSqlRunner): Promise<void> {
  const { db, config } = context;

  api.post(
    '/connections/:id/execute',
    {
      schema: {
        tags,
        summary:
          'Run SQL or a saved query (editors and up) and answer the execution with its first page; a refused statement is 422 SQL_NOT_ALLOWED, an unconfirmed write 409 WRITE_NOT_CONFIRMED with its EXPLAIN preview',
        params: connectionParams,
        body: executeSchema,
        response: { 200: executionSchema },
      },
    },
    async (request) => executeSql(context, openRunner, requireUserActor(request), request.params.id, request.body),
  );

  api.post(
    '/connections/:id/explain',
    {
      schema: {
        tags,
        summary: 'Whether the SQL reads or writes, whether it may run here, and the server’s plan; nothing is run (editors and up)',
        params: connectionParams,
        body: explainSchema,
        response: { 200: explainAnswerSchema },
      },
    },
    async (request) => explainSql(context, openRunner, requireUserActor(request), request.params.id, request.body.sql),
  );

  api.get(
    '/connections/:id/executions',
    {
      schema: {
        tags,
        summary: 'Runs on the connection, newest first (members); q searches the SQL and the error, status filters',
        params: connectionParams,
        querystring: executionListQuerySchema,
        response: { 200: executionPageSchema },
      },
    },
    async (request) => {
      const { userId } = requireAuth(request);
      return withUser(db, userId, (tx) => listExecutions(tx, userId, request.params.id, request.query));
    },
  );

  api.get(
    '/executions/:id',
    { schema: { tags, summary: 'One run with its first page of rows (members)', params: executionParams, response: { 200: executionSchema } } },
    async (request) => {
      const { userId } = requireAuth(request);
      return withUser(db, userId, (tx) => getExecution(tx, config.dataDir, request.params.id));
    },
  );

  api.get(
    '/executions/:id/rows',
    {
      schema: {
        tags,
        summary: "A page of a run's rows (members): pass the previous page's nextCursor",
        params: executionParams,
        querystring: rowsQuerySchema,
        response: { 200: rowsPageSchema },
      },
    },
    async (request) => {
      const { userId } = requireAuth(request);
      return withUser(db, userId, (tx) => getExecutionRows(tx, config.dataDir, request.params.id, request.query));
    },
  );

  api.post(
    '/executions/:id/cancel',
    {
      schema: { tags, summary: 'Stop a running statement (editors and up); answers the execution once it is final', params: executionParams, response: { 200: executionSchema } },
    },
    async (request) => cancelExecution(context, requireUserActor(request), request.params.id),
  );

  for (const format of ['csv', 'json'] as const) {
    api.get(
      `/executions/:id.${format}`,
      { schema: { tags, summary: `A run's captured rows as ${format.toUpperCase()} (members)`, params: executionParams } },
      async (request, reply) => {
        const { userId } = requireAuth(request);
        const row = await withUser(db, userId, (tx) => loadExecution(tx, request.params.id));
        const columns = row.columns ?? [];
        const rows = readResultRows(config.dataDir, row.resultPath);
        return reply
          .header('content-type', format === 'csv' ? 'text/csv; charset=utf-8' : 'application/json; charset=utf-8')
          .header('content-disposition', `attachment; filename="${exportFileName(row.id, format)}"`)
          .header('cache-control', 'private, no-store')
          .send(Readable.from(format === 'csv' ? csvChunks(columns, rows) : jsonChunks(columns, rows)));
      },
    );
  }
}

import { z } from 'zod';
import type { AppContext } from '../../../core/context.js';
import { withUser } from '../../../core/db/tenancy.js';
import { requireAuth, type ZodApp } from '../../../core/http/request-context.js';
import { lintReportSchema } from '../dbassist.contract.js';
import { lintReport } from './lint.service.js';

const tags = ['databases'];
const schemaParams = z.object({ schemaId: z.string() });

export async function lintRoutes(api: ZodApp, context: AppContext): Promise<void> {
  const { db } = context;

  api.get(
    '/schemas/:schemaId/lint',
    {
      schema: {
        tags,
        summary:
          'Lint of a schema version, as tbls and SchemaSpy check (tables without a primary key, foreign keys without an index, undeclared foreign keys, nullable unique columns, missing comments, inconsistent naming), and the shares of its tables and columns that are documented',
        params: schemaParams,
        response: { 200: lintReportSchema },
      },
    },
    async (request) => {
      const { userId } = requireAuth(request);
      return withUser(db, userId, (tx) => lintReport(tx, request.params.schemaId));
    },
  );
}

import { z } from 'zod';
import type { AppContext } from '../../../core/context.js';
import { withUser } from '../../../core/db/tenancy.js';
import { requireAuth, type ZodApp } from '../../../core/http/request-context.js';
import { indexAdviceSchema } from '../dbassist.contract.js';
import { adviseQuery, queryToAdvise } from './advice.service.js';

const tags = ['databases'];
const queryParams = z.object({ id: z.string() });

export async function adviceRoutes(api: ZodApp, context: AppContext): Promise<void> {
  const { db } = context;

  api.get(
    '/queries/:id/index-advice',
    {
      schema: {
        tags,
        summary:
          "Index advice for a saved query on PostgreSQL, as Dexter gives it: hypothetical indexes (hypopg) on the columns its WHERE, JOIN and ORDER BY name, less those an index already leads, priced by the server's planner; only indexes that lower the plan cost are proposed, with the cost before and after. Without hypopg, or on another engine, `available` is false and `message` says why (editors and up)",
        params: queryParams,
        response: { 200: indexAdviceSchema },
      },
    },
    async (request) => {
      const { userId } = requireAuth(request);
      const query = await withUser(db, userId, (tx) => queryToAdvise(tx, userId, request.params.id));
      // The outside server is asked after Atelier's transaction has ended: a slow plan holds no connection of ours.
      return adviseQuery(context, query);
    },
  );
}

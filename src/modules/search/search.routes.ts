import type { AppContext } from '../../core/context.js';
import { withUser } from '../../core/db/tenancy.js';
import { requireAuth, type ZodApp } from '../../core/http/request-context.js';
import { searchParams, searchQuery, searchResultSchema } from './search.contract.js';
import { searchProject } from './search.service.js';

const tags = ['search'];

export async function searchRoutes(api: ZodApp, context: AppContext): Promise<void> {
  const { db } = context;

  api.get(
    '/projects/:projectId/search',
    {
      schema: {
        tags,
        summary:
          'Sections of the latest revision of the project’s documents (archived ones left out) that match the words ' +
          'or the meaning of q, best first, each with a highlighted snippet (members, viewers included)',
        params: searchParams,
        querystring: searchQuery,
        response: { 200: searchResultSchema },
      },
    },
    async (request) => {
      const { userId } = requireAuth(request);
      return withUser(db, userId, (tx) => searchProject(tx, userId, request.params.projectId, request.query));
    },
  );
}

import type { AppContext } from '../../../core/context.js';
import { withUser } from '../../../core/db/tenancy.js';
import { requireAuth, requireUserActor, type ZodApp } from '../../../core/http/request-context.js';
import { projectRoleFirst } from '../../projects/index.js';
import { importReportSchema, importStoriesBody, projectBacklogParams } from '../backlog.contract.js';
import { exportStoriesCsv, importStoriesCsv } from './stories-csv.service.js';

const tags = ['backlog'];

/** GET …/stories.csv and POST …/stories/import. */
export async function registerStoriesCsvRoutes(api: ZodApp, context: AppContext): Promise<void> {
  const { db } = context;
  const editorsFirst = projectRoleFirst(db, 'editor');

  api.get(
    '/projects/:projectId/stories.csv',
    { schema: { tags, summary: 'Every story as CSV (Jira’s column names), in backlog order; formula-like cells are quoted with a leading \'', params: projectBacklogParams } },
    async (request, reply) => {
      const { userId } = requireAuth(request);
      const file = await withUser(db, userId, (tx) => exportStoriesCsv(tx, userId, request.params.projectId));
      return reply
        .header('content-type', 'text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="${file.fileName}"`)
        .header('cache-control', 'private, no-store')
        .send(file.csv);
    },
  );

  // The import takes text/csv as well as JSON; the parser is registered in this scope only.
  await api.register(async (scope: ZodApp) => {
    scope.addContentTypeParser('text/csv', { parseAs: 'string' }, (_request, body, done) => done(null, body));
    scope.post(
      '/projects/:projectId/stories/import',
      {
        preValidation: editorsFirst,
        schema: {
          tags,
          summary:
            'Import stories from CSV (editors and up): valid rows land at the bottom of the backlog, epics and sprints are found or created by name, and each refused row is reported with its number and reason',
          params: projectBacklogParams,
          body: importStoriesBody,
          response: { 200: importReportSchema },
        },
      },
      async (request) => {
        const actor = requireUserActor(request);
        const text = typeof request.body === 'string' ? request.body : request.body.csv;
        return withUser(db, actor.userId, (tx) => importStoriesCsv(tx, actor, request.params.projectId, text));
      },
    );
  });
}

import { z } from 'zod';
import type { AppContext } from '../../../core/context.js';
import { withUser } from '../../../core/db/tenancy.js';
import { requireAuth, requireUserActor, type ZodApp } from '../../../core/http/request-context.js';
import { githubLinkListSchema, githubLinksQuery, pushResultSchema, pushStoriesBody, webhookAnswerSchema } from './github.contract.js';
import { listProjectLinks, pushStories } from './github-sync.service.js';
import { receiveGitHubWebhook } from './github-webhook.js';

const tags = ['integrations'];
const integrationParams = z.object({ id: z.string().max(100, 'Integration id must be a UUID') });

/** POST …/github/push, POST …/github/webhook (GitHub calls it; no session) and GET /projects/{id}/github-links. */
export async function registerGitHubRoutes(api: ZodApp, context: AppContext): Promise<void> {
  const { db } = context;

  api.post(
    '/integrations/:id/github/push',
    {
      schema: {
        tags,
        summary:
          'Push stories to GitHub issues (editors of the stories’ project): an unlinked story gets an issue, a linked one is updated only when its issue would change; one result per story',
        params: integrationParams,
        body: pushStoriesBody,
        response: { 200: pushResultSchema },
      },
    },
    async (request) => pushStories(context, requireUserActor(request), request.params.id, request.body.storyIds),
  );

  api.get(
    '/projects/:projectId/github-links',
    {
      schema: {
        tags,
        summary: 'The GitHub issues the project’s stories are linked to, with their sync state (members of the project)',
        params: z.object({ projectId: z.string().max(100) }),
        querystring: githubLinksQuery,
        response: { 200: githubLinkListSchema },
      },
    },
    async (request) => {
      const { userId } = requireAuth(request);
      const items = await withUser(db, userId, (tx) => listProjectLinks(tx, userId, request.params.projectId, request.query.storyId));
      return { items };
    },
  );

  // The signature covers the exact bytes GitHub sent, so this scope keeps bodies raw.
  await api.register(async (scope: ZodApp) => {
    scope.removeContentTypeParser(['application/json', 'application/x-www-form-urlencoded']);
    const raw = (_request: unknown, body: Buffer, done: (error: Error | null, body?: Buffer) => void) => done(null, body);
    scope.addContentTypeParser('application/json', { parseAs: 'buffer' }, raw);
    scope.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'buffer' }, raw);
    scope.post(
      '/integrations/:id/github/webhook',
      {
        schema: {
          tags,
          summary:
            'What GitHub calls (no session): checks X-Hub-Signature-256 against the integration’s webhook secret; `issues` closed moves the linked story to done, reopened moves it back; `ping` answers 200',
          params: integrationParams,
          response: { 200: webhookAnswerSchema },
        },
      },
      async (request) => {
        const header = (name: string) => {
          const value = request.headers[name];
          return Array.isArray(value) ? value[0] : value;
        };
        return receiveGitHubWebhook(context, {
          integrationId: request.params.id,
          rawBody: Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0),
          contentType: header('content-type'),
          headers: { event: header('x-github-event'), signature: request.headers['x-hub-signature-256'], delivery: header('x-github-delivery') },
          via: { ipAddress: request.ip ?? null, userAgent: header('user-agent') ?? null },
        });
      },
    );
  });
}

import { z } from 'zod';
import type { AppContext } from '../../../core/context.js';
import { withUser } from '../../../core/db/tenancy.js';
import { defineJobHandler, type JobHandler } from '../../../core/jobs/index.js';
import type { IntegrationTypeHandler } from '../integration-types.js';
import { GitHubError } from './github-client.js';
import { actingUserOf, ensurePollJob, githubClientOf, GITHUB_POLL_JOB, pollIssues, syncLinkedStory } from './github-sync.service.js';

/**
 * What a GitHub integration does for the shared integration machinery: its "test" reads the repository, and each
 * story event from the outbox brings the linked issue in step. The poll job stands in for webhooks that never came.
 */

const storyEvents = new Set(['story.created', 'story.updated', 'story.moved']);

export const githubIntegrationType: IntegrationTypeHandler = {
  types: ['github'],
  async test(context, integration) {
    try {
      const client = await githubClientOf(context, integration, { maxRateLimitWaitMs: 0 });
      const repository = await client.getRepository();
      if (!repository.has_issues) return { ok: false, message: `${repository.full_name} has issues turned off`, statusCode: 200 };
      if (repository.permissions && !repository.permissions.push) {
        return { ok: false, message: `The token can read ${repository.full_name} but not write to it: issues cannot be created`, statusCode: 200 };
      }
      return { ok: true, message: `Reached ${repository.full_name}; issues can be created`, statusCode: 200 };
    } catch (error) {
      const message = error instanceof GitHubError ? error.message : 'The integration’s secrets cannot be opened with this server’s key';
      return { ok: false, message, statusCode: error instanceof GitHubError && error.status > 0 ? error.status : null };
    }
  },
  async deliver(context, integration, event) {
    if (!storyEvents.has(event.type)) return { ok: true, statusCode: null, error: null };
    const data = (event.payload as { data?: { story?: { id?: unknown } } }).data;
    const storyId = typeof data?.story?.id === 'string' ? data.story.id : '';
    const outcome = await syncLinkedStory(context, integration, storyId);
    if (outcome.ok) return { ok: true, statusCode: outcome.action === 'updated' ? 200 : null, error: null };
    return {
      ok: false,
      statusCode: outcome.statusCode,
      error: outcome.error,
      ...(outcome.retryAfterMs !== undefined ? { retryAfterMs: outcome.retryAfterMs } : {}),
    };
  },
};

const pollPayload = z.object({ integrationId: z.uuid(), since: z.iso.datetime({ offset: true }).optional() });

/** `integrations.github-poll`: applies the issues changed since the last poll, then queues the next one. */
export function githubPollJob(context: AppContext): JobHandler {
  return defineJobHandler<z.infer<typeof pollPayload>>({
    type: GITHUB_POLL_JOB,
    payload: pollPayload,
    maxAttempts: 3,
    async run(ctx) {
      const startedAt = new Date();
      const outcome = await pollIssues(context, ctx.job.payload.integrationId, ctx.job.payload.since ? new Date(ctx.job.payload.since) : undefined);
      const row = outcome.row;
      if (row) {
        // The next poll: at the reset when GitHub asked to wait, else after the interval; from where this one started.
        const interval = context.config.github.pollIntervalMs;
        const wait = outcome.retryAt ? Math.max(interval, outcome.retryAt.getTime() - Date.now()) : interval;
        const since = outcome.error ? (ctx.job.payload.since ? new Date(ctx.job.payload.since) : undefined) : startedAt;
        const userId = (await actingUserOf(context, row)) ?? ctx.job.createdBy;
        await withUser(context.db, userId, (tx) => ensurePollJob(tx, row, userId, wait, since, ctx.job.id));
      }
      return { result: { checked: outcome.checked, changed: outcome.changed, ...(outcome.error ? { error: outcome.error } : {}) } };
    },
  });
}

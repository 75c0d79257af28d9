import { z } from 'zod';

/** Request and response schemas of GitHub issue sync: pushing stories, the webhook GitHub calls, a story's links. */

export const pushStoriesBody = z
  .object({
    storyIds: z
      .array(z.uuid('Story id must be a UUID'), { error: 'Story ids must be a list of story ids' })
      .min(1, 'Choose at least one story')
      .max(100, 'At most 100 stories at once'),
  })
  .strict();
export type PushStoriesBody = z.infer<typeof pushStoriesBody>;

export const pushResults = ['created', 'updated', 'unchanged', 'failed'] as const;

export const pushStoryResultSchema = z.object({
  storyId: z.string(),
  result: z.enum(pushResults).describe('created: a new issue; updated: the issue was changed; unchanged: nothing to push; failed: see error'),
  issueNumber: z.number().int().nullable(),
  issueUrl: z.string().nullable(),
  error: z.string().nullable(),
});
export type PushStoryResult = z.infer<typeof pushStoryResultSchema>;

export const pushResultSchema = z.object({
  items: z.array(pushStoryResultSchema),
  created: z.number().int(),
  updated: z.number().int(),
  unchanged: z.number().int(),
  failed: z.number().int(),
});
export type PushResult = z.infer<typeof pushResultSchema>;

export const githubLinkSchema = z.object({
  storyId: z.string(),
  integrationId: z.string(),
  integrationName: z.string(),
  issueNumber: z.number().int(),
  issueUrl: z.string(),
  remoteState: z.enum(['open', 'closed']).describe('the issue’s state on GitHub as last seen'),
  syncState: z.enum(['synced', 'pending', 'error']).describe('pending: waiting for GitHub (rate limit); error: see lastError'),
  lastError: z.string().nullable(),
  lastSyncedAt: z.string().nullable(),
});
export type GitHubLink = z.infer<typeof githubLinkSchema>;

export const githubLinksQuery = z.object({ storyId: z.uuid('Story id must be a UUID').optional() }).strict();
export const githubLinkListSchema = z.object({ items: z.array(githubLinkSchema) });

export const webhookAnswerSchema = z.object({
  received: z.string().describe('the X-GitHub-Event'),
  outcome: z.string().describe('what the delivery changed: moved_to_done, reopened, unchanged, unlinked, ignored, pong'),
});

import { and, desc, eq, inArray, ne, sql } from 'drizzle-orm';
import { recordAudit, type UserActor } from '../../../core/audit.js';
import type { AppContext } from '../../../core/context.js';
import type { Tx } from '../../../core/db/database.js';
import { organizationMembers } from '../../../core/db/platform.schema.js';
import { asSystem, withUser } from '../../../core/db/tenancy.js';
import { AppError } from '../../../core/errors.js';
import { enqueueJob, jobs } from '../../../core/jobs/index.js';
import { isUuid, newId } from '../../../core/ids.js';
import { requireBacklogAccess, stories, storyActivity, storyKey, updateStory, type StoryRow, type StoryStatus } from '../../backlog/index.js';
import type { IntegrationRow, OpenedIntegration } from '../integration-types.js';
import { githubLinks, integrations } from '../integrations.schema.js';
import { loadIntegration, openIntegration } from '../integrations.service.js';
import { outboundGuardOf } from '../outgoing-url.js';
import { createGitHubClient, GitHubError, GitHubRateLimitError, type GitHubClient, type GitHubIssue } from './github-client.js';
import type { GitHubLink, PushResult, PushStoryResult } from './github.contract.js';
import { issueHash, renderIssue, type RenderedIssue } from './issue-body.js';

/**
 * Keeps stories and GitHub issues in step. Atelier → GitHub: a push creates the issue of an unlinked story and updates
 * a linked one whose rendered issue changed (the hash of title, body and labels is kept with the link); a later edit
 * of a linked story updates its issue through the outbox, and moving a story to done closes it. GitHub → Atelier: an
 * issue closed on GitHub (its webhook, or the poll that stands in for it) moves the story to done, a reopened one
 * back to the status it had before.
 *
 * Calls to GitHub happen outside database transactions; each link is written right after its issue exists, so a
 * failure later in a push never loses it, and pushes of one integration run one at a time in this process (only
 * pushes create issues), so a story is never pushed twice.
 */

type LinkRow = typeof githubLinks.$inferSelect;
type GitHubConfig = { baseUrl?: string; owner: string; repo: string; projectId?: string };

export const GITHUB_POLL_JOB = 'integrations.github-poll';

export function configOf(row: Pick<IntegrationRow, 'metadata'>): GitHubConfig {
  return row.metadata as GitHubConfig;
}

/** The client of an opened integration; refuses a base URL this server may not call. */
export async function githubClientOf(context: AppContext, integration: OpenedIntegration, options: { maxRateLimitWaitMs?: number } = {}): Promise<GitHubClient> {
  const config = configOf(integration.row);
  const baseUrl = config.baseUrl ?? 'https://api.github.com';
  const refusal = await outboundGuardOf(context).refusal(baseUrl);
  if (refusal) throw new GitHubError(`GitHub base URL refused: ${refusal}`, 0);
  return createGitHubClient({
    baseUrl,
    token: integration.secrets.token ?? '',
    owner: config.owner,
    repo: config.repo,
    maxRateLimitWaitMs: options.maxRateLimitWaitMs ?? context.config.github.rateLimitMaxWaitMs,
    timeoutMs: context.config.integrations.timeoutMs,
  });
}

const errorText = (error: unknown) => (error instanceof GitHubError ? error.message : 'GitHub could not be reached').slice(0, 2000);

function toLink(row: LinkRow, integrationName: string): GitHubLink {
  return {
    storyId: row.storyId,
    integrationId: row.integrationId,
    integrationName,
    issueNumber: row.issueNumber,
    issueUrl: row.issueUrl,
    remoteState: row.remoteState,
    syncState: row.syncState,
    lastError: row.lastError,
    lastSyncedAt: row.lastSyncedAt?.toISOString() ?? null,
  };
}

const pushLocks = new Map<string, Promise<unknown>>();

/** Runs `work` after every earlier push of the same integration in this process. */
async function oneAtATime<T>(key: string, work: () => Promise<T>): Promise<T> {
  const before = pushLocks.get(key) ?? Promise.resolve();
  const run = before.catch(() => undefined).then(work);
  const tail = run.catch(() => undefined);
  pushLocks.set(key, tail);
  try {
    return await run;
  } finally {
    if (pushLocks.get(key) === tail) pushLocks.delete(key);
  }
}

/** A GitHub integration the user can see, for pushing: 404 for others, 400 for another type, 409 when disabled. */
async function githubIntegration(tx: Tx, id: string): Promise<IntegrationRow> {
  const row = await loadIntegration(tx, id);
  if (row.type !== 'github') throw new AppError('BAD_REQUEST', `Integration ${row.name} is not a GitHub integration`);
  if (!row.enabled) throw new AppError('CONFLICT', `Integration ${row.name} is disabled; enable it to sync with GitHub`);
  return row;
}

type PreparedStory = { story: StoryRow; rendered: RenderedIssue; hash: string; link: LinkRow | undefined };

/** POST /integrations/{id}/github/push: editors of the stories' project; one result per story, in the order given. */
export async function pushStories(context: AppContext, actor: UserActor, integrationId: string, storyIds: readonly string[]): Promise<PushResult> {
  const unique = [...new Set(storyIds)];
  const row = await withUser(context.db, actor.userId, (tx) => githubIntegration(tx, integrationId));
  return oneAtATime(row.id, async () => {
    const prepared = await withUser(context.db, actor.userId, async (tx) => {
      const found = await tx.select().from(stories).where(and(inArray(stories.id, unique), eq(stories.organizationId, row.organizationId)));
      const byId = new Map(found.map((s) => [s.id, s]));
      const missing = unique.find((id) => !byId.has(id));
      if (missing) {
        throw new AppError('NOT_FOUND', `Story ${missing} not found; nothing was pushed`, {
          details: [{ field: 'storyIds', message: `${missing} is not a story of this integration's organization`, in: 'body', storyId: missing }],
        });
      }
      const projectId = configOf(row).projectId;
      const keys = new Map<string, string>();
      for (const story of found) {
        if (projectId && story.projectId !== projectId) {
          throw new AppError('VALIDATION_FAILED', `Invalid body: storyIds: story ${story.id} is not in the integration's project; nothing was pushed`, {
            details: [{ field: 'storyIds', message: 'is not a story of the integration’s project', in: 'body', storyId: story.id }],
          });
        }
        if (!keys.has(story.projectId)) keys.set(story.projectId, (await requireBacklogAccess(tx, actor.userId, story.projectId, 'write')).key);
      }
      const links = await tx.select().from(githubLinks).where(and(eq(githubLinks.integrationId, row.id), inArray(githubLinks.storyId, unique)));
      const linkOf = new Map(links.map((l) => [l.storyId, l]));
      return unique.map((id): PreparedStory => {
        const story = byId.get(id)!;
        const rendered = renderIssue({ ...story, key: storyKey(keys.get(story.projectId)!, story.number) }, context.config.publicUrl);
        return { story, rendered, hash: issueHash(rendered), link: linkOf.get(id) };
      });
    });

    let client: GitHubClient | undefined;
    let setupError: string | undefined;
    try {
      client = await githubClientOf(context, openIntegration(context, row));
    } catch (error) {
      setupError = error instanceof GitHubError ? error.message : 'The integration’s secrets cannot be opened with this server’s key; enter the token again';
    }

    const results: PushStoryResult[] = [];
    let stop: string | undefined = setupError;
    for (const item of prepared) {
      const base = { storyId: item.story.id, issueNumber: item.link?.issueNumber ?? null, issueUrl: item.link?.issueUrl ?? null };
      if (stop) {
        results.push({ ...base, result: 'failed', error: stop });
        continue;
      }
      if (item.link && item.link.pushedHash === item.hash && item.link.syncState === 'synced') {
        results.push({ ...base, result: 'unchanged', error: null });
        continue;
      }
      try {
        const outcome = await pushOne(context, actor.userId, row, client!, item);
        results.push({ storyId: item.story.id, issueNumber: outcome.issue.number, issueUrl: outcome.issue.html_url, result: outcome.result, error: null });
      } catch (error) {
        const message = errorText(error);
        if (item.link) await markLink(context, item.link.id, { syncState: 'error', lastError: message });
        results.push({ ...base, result: 'failed', error: message });
        // A rate limit or an unreachable server fails the rest the same way rather than hammering GitHub.
        if (error instanceof GitHubRateLimitError || !(error instanceof GitHubError) || error.status === 0 || error.status === 401) stop = message;
      }
    }

    const counts = { created: 0, updated: 0, unchanged: 0, failed: 0 };
    for (const r of results) counts[r.result] += 1;
    const firstError = results.find((r) => r.error)?.error ?? null;
    await noteOutcome(context, row.id, firstError);
    await withUser(context.db, actor.userId, async (tx) => {
      await recordAudit(tx, actor, {
        action: 'github_issues_pushed',
        resourceType: 'integration',
        resourceId: row.id,
        organizationId: row.organizationId,
        details: { ...counts, storyIds: unique },
      });
      if (results.some((r) => r.result === 'created' || r.result === 'updated' || r.result === 'unchanged')) {
        await ensurePollJob(tx, row, actor.userId, context.config.github.pollIntervalMs);
      }
    });
    return { items: results, ...counts };
  });
}

async function pushOne(
  context: AppContext,
  userId: string,
  row: IntegrationRow,
  client: GitHubClient,
  item: PreparedStory,
): Promise<{ issue: GitHubIssue; result: 'created' | 'updated' }> {
  const wantClosed = item.story.status === 'done';
  if (item.link) {
    try {
      const issue = await client.updateIssue(item.link.issueNumber, item.rendered);
      await withUser(context.db, userId, (tx) =>
        tx
          .update(githubLinks)
          .set({ pushedHash: item.hash, issueUrl: issue.html_url, remoteState: issue.state, syncState: 'synced', lastError: null, lastSyncedAt: new Date() })
          .where(eq(githubLinks.id, item.link!.id)),
      );
      return { issue, result: 'updated' };
    } catch (error) {
      // The issue was deleted or transferred on GitHub: the story gets a new one.
      if (!(error instanceof GitHubError) || (error.status !== 404 && error.status !== 410)) throw error;
      await withUser(context.db, userId, (tx) => tx.delete(githubLinks).where(eq(githubLinks.id, item.link!.id)));
    }
  }
  let issue = await client.createIssue(item.rendered);
  // Link first: whatever happens next, the story is never pushed twice.
  await withUser(context.db, userId, (tx) =>
    tx.insert(githubLinks).values({
      id: newId(),
      organizationId: row.organizationId,
      integrationId: row.id,
      storyId: item.story.id,
      issueNumber: issue.number,
      issueUrl: issue.html_url,
      pushedHash: item.hash,
      remoteState: issue.state,
      syncState: 'synced',
      lastSyncedAt: new Date(),
    }),
  );
  if (wantClosed) {
    issue = await client.updateIssue(issue.number, { state: 'closed', state_reason: 'completed' });
    await markLink(context, undefined, { remoteState: 'closed' }, { integrationId: row.id, issueNumber: issue.number });
  }
  return { issue, result: 'created' };
}

/** Updates one link as the system (the outbox and webhooks act for nobody in particular). */
async function markLink(
  context: AppContext,
  linkId: string | undefined,
  changes: Partial<Pick<LinkRow, 'syncState' | 'lastError' | 'remoteState' | 'pushedHash' | 'lastSyncedAt' | 'issueUrl'>>,
  by?: { integrationId: string; issueNumber: number },
): Promise<void> {
  await asSystem(context.db, (tx) =>
    tx
      .update(githubLinks)
      .set(changes)
      .where(linkId ? eq(githubLinks.id, linkId) : and(eq(githubLinks.integrationId, by!.integrationId), eq(githubLinks.issueNumber, by!.issueNumber))),
  );
}

/** The integration's last success or last error (shown on the Integrations page). */
async function noteOutcome(context: AppContext, integrationId: string, error: string | null): Promise<void> {
  await asSystem(context.db, (tx) =>
    tx
      .update(integrations)
      .set(error ? { lastError: error, lastErrorAt: new Date() } : { lastSuccessAt: new Date() })
      .where(eq(integrations.id, integrationId)),
  );
}

/** Queues the poll of the integration's issues unless one is already waiting. */
export async function ensurePollJob(tx: Tx, row: IntegrationRow, userId: string, intervalMs: number, since?: Date, exceptJobId?: string): Promise<void> {
  const [waiting] = await tx
    .select({ id: jobs.id })
    .from(jobs)
    .where(
      and(
        eq(jobs.organizationId, row.organizationId),
        eq(jobs.type, GITHUB_POLL_JOB),
        inArray(jobs.status, ['queued', 'running']),
        sql`${jobs.payload} ->> 'integrationId' = ${row.id}`,
        exceptJobId ? ne(jobs.id, exceptJobId) : undefined,
      ),
    )
    .limit(1);
  if (waiting) return;
  await enqueueJob(tx, {
    organizationId: row.organizationId,
    createdBy: userId,
    type: GITHUB_POLL_JOB,
    payload: { integrationId: row.id, ...(since ? { since: since.toISOString() } : {}) },
    runAt: new Date(Date.now() + intervalMs),
    maxAttempts: 3,
  });
}

/**
 * Who background changes act as: the integration's creator while an editor or more of its organization, else its
 * highest-ranked member. Undefined when the organization has no one left.
 */
export async function actingUserOf(context: AppContext, row: Pick<IntegrationRow, 'organizationId' | 'userId'>): Promise<string | undefined> {
  return asSystem(context.db, async (tx) => {
    const members = await tx
      .select({ userId: organizationMembers.userId, role: organizationMembers.role })
      .from(organizationMembers)
      .where(eq(organizationMembers.organizationId, row.organizationId));
    const rank = (role: string) => ({ owner: 4, admin: 3, editor: 2, viewer: 1 })[role] ?? 0;
    const creator = members.find((m) => m.userId === row.userId && rank(m.role) >= 2);
    if (creator) return creator.userId;
    return members.sort((a, b) => rank(b.role) - rank(a.role) || a.userId.localeCompare(b.userId))[0]?.userId;
  });
}

/** The status a story had before it last became done, from its activity; `todo` when unknown. */
async function statusBeforeDone(tx: Tx, storyId: string): Promise<StoryStatus> {
  const [last] = await tx
    .select({ from: storyActivity.fromValue })
    .from(storyActivity)
    .where(and(eq(storyActivity.storyId, storyId), eq(storyActivity.field, 'status'), sql`${storyActivity.toValue} = '"done"'::jsonb`))
    .orderBy(desc(storyActivity.id))
    .limit(1);
  const from = last?.from;
  return from === 'todo' || from === 'in_progress' ? from : 'todo';
}

export type RemoteChange = 'moved_to_done' | 'reopened' | 'unchanged' | 'unlinked';

/**
 * An issue's state as GitHub reports it (webhook or poll). Only a change of the issue's state acts: closed moves the
 * story to done, reopened moves it back to where it was; the story's activity records the move.
 */
export async function applyIssueState(
  context: AppContext,
  row: IntegrationRow,
  issue: { number: number; state: 'open' | 'closed' },
  via: { ipAddress: string | null; userAgent: string | null },
): Promise<RemoteChange> {
  const [link] = await asSystem(context.db, (tx) =>
    tx.select().from(githubLinks).where(and(eq(githubLinks.integrationId, row.id), eq(githubLinks.issueNumber, issue.number))),
  );
  if (!link) return 'unlinked';
  if (link.remoteState === issue.state) return 'unchanged';
  const userId = await actingUserOf(context, row);
  if (!userId) {
    await markLink(context, link.id, { syncState: 'error', lastError: 'No member of the organization is left to move the story' });
    return 'unchanged';
  }
  const actor: UserActor = { userId, ipAddress: via.ipAddress, userAgent: via.userAgent };
  return withUser(context.db, userId, async (tx) => {
    const [story] = await tx.select().from(stories).where(eq(stories.id, link.storyId));
    let change: RemoteChange = 'unchanged';
    if (story) {
      if (issue.state === 'closed' && story.status !== 'done') {
        await updateStory(tx, actor, story.projectId, story.id, { status: 'done' });
        change = 'moved_to_done';
      } else if (issue.state === 'open' && story.status === 'done') {
        await updateStory(tx, actor, story.projectId, story.id, { status: await statusBeforeDone(tx, story.id) });
        change = 'reopened';
      }
    }
    await tx
      .update(githubLinks)
      .set({ remoteState: issue.state, syncState: 'synced', lastError: null, lastSyncedAt: new Date() })
      .where(eq(githubLinks.id, link.id));
    return change;
  });
}

/**
 * An outbox event of a story (story.updated, story.moved, story.created) for a GitHub integration: a linked story's
 * issue is brought in step (its text when the rendered issue changed, its state when the story entered or left done).
 */
export async function syncLinkedStory(
  context: AppContext,
  integration: OpenedIntegration,
  storyId: string,
): Promise<{ ok: true; action: 'none' | 'updated' } | { ok: false; error: string; statusCode: number | null; retryAfterMs?: number }> {
  const row = integration.row;
  if (!isUuid(storyId)) return { ok: true, action: 'none' };
  const [link] = await asSystem(context.db, (tx) =>
    tx.select().from(githubLinks).where(and(eq(githubLinks.integrationId, row.id), eq(githubLinks.storyId, storyId))),
  );
  if (!link) return { ok: true, action: 'none' };
  const userId = await actingUserOf(context, row);
  if (!userId) return { ok: true, action: 'none' };
  const current = await withUser(context.db, userId, async (tx) => {
    const [story] = await tx.select().from(stories).where(eq(stories.id, storyId));
    if (!story) return undefined;
    const project = await requireBacklogAccess(tx, userId, story.projectId, 'read');
    const rendered = renderIssue({ ...story, key: storyKey(project.key, story.number) }, context.config.publicUrl);
    return { story, rendered, hash: issueHash(rendered) };
  });
  if (!current) return { ok: true, action: 'none' };
  const wantState = current.story.status === 'done' ? 'closed' : 'open';
  const textChanged = current.hash !== link.pushedHash;
  if (!textChanged && wantState === link.remoteState) {
    if (link.syncState !== 'synced') await markLink(context, link.id, { syncState: 'synced', lastError: null });
    return { ok: true, action: 'none' };
  }
  try {
    const client = await githubClientOf(context, integration, { maxRateLimitWaitMs: 0 });
    const issue = await client.updateIssue(link.issueNumber, {
      ...(textChanged ? current.rendered : {}),
      ...(wantState !== link.remoteState ? { state: wantState, state_reason: wantState === 'closed' ? 'completed' : 'reopened' } : {}),
    });
    await markLink(context, link.id, { pushedHash: current.hash, remoteState: issue.state, issueUrl: issue.html_url, syncState: 'synced', lastError: null, lastSyncedAt: new Date() });
    return { ok: true, action: 'updated' };
  } catch (error) {
    const message = errorText(error);
    await markLink(context, link.id, { syncState: error instanceof GitHubRateLimitError ? 'pending' : 'error', lastError: message });
    return {
      ok: false,
      error: message,
      statusCode: error instanceof GitHubError && error.status > 0 ? error.status : null,
      ...(error instanceof GitHubRateLimitError ? { retryAfterMs: Math.max(0, error.retryAt.getTime() - Date.now()) } : {}),
    };
  }
}

/** The links of a project's stories (members of the project), optionally of one story. */
export async function listProjectLinks(tx: Tx, userId: string, projectId: string, storyId?: string): Promise<GitHubLink[]> {
  const project = await requireBacklogAccess(tx, userId, projectId, 'read');
  if (storyId !== undefined && !isUuid(storyId)) return [];
  const rows = await tx
    .select({ link: githubLinks, name: integrations.name })
    .from(githubLinks)
    .innerJoin(stories, eq(stories.id, githubLinks.storyId))
    .innerJoin(integrations, eq(integrations.id, githubLinks.integrationId))
    .where(and(eq(stories.projectId, project.id), storyId ? eq(githubLinks.storyId, storyId) : undefined))
    .orderBy(githubLinks.storyId, githubLinks.createdAt);
  return rows.map(({ link, name }) => toLink(link, name));
}

/** The poll: issues changed since the last one, their state applied like a webhook's. */
export async function pollIssues(context: AppContext, integrationId: string, since: Date | undefined): Promise<{ row?: IntegrationRow; checked: number; changed: number; retryAt?: Date; error?: string }> {
  const [row] = await asSystem(context.db, (tx) => tx.select().from(integrations).where(eq(integrations.id, integrationId)));
  if (!row || row.type !== 'github' || !row.enabled) return { checked: 0, changed: 0 };
  const [anyLink] = await asSystem(context.db, (tx) => tx.select({ id: githubLinks.id }).from(githubLinks).where(eq(githubLinks.integrationId, row.id)).limit(1));
  if (!anyLink) return { checked: 0, changed: 0 };
  try {
    const client = await githubClientOf(context, openIntegration(context, row));
    // A minute of overlap: GitHub's `since` compares updated_at, and clocks differ.
    const issues = await client.listIssuesUpdatedSince(since ? new Date(since.getTime() - 60_000) : undefined);
    let changed = 0;
    for (const issue of issues) {
      const outcome = await applyIssueState(context, row, issue, { ipAddress: null, userAgent: 'Atelier GitHub poll' });
      if (outcome === 'moved_to_done' || outcome === 'reopened') changed += 1;
    }
    await noteOutcome(context, row.id, null);
    return { row, checked: issues.length, changed };
  } catch (error) {
    const message = errorText(error);
    await noteOutcome(context, row.id, message);
    return { row, checked: 0, changed: 0, error: message, ...(error instanceof GitHubRateLimitError ? { retryAt: error.retryAt } : {}) };
  }
}

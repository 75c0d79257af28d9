import { and, eq } from 'drizzle-orm';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAppContext } from '../src/app.js';
import { asSystem } from '../src/core/db/tenancy.js';
import { jobs, type JobRunner } from '../src/core/jobs/index.js';
import { pollIssues } from '../src/modules/integrations/github/github-sync.service.js';
import { apiHarness, type Team } from './support/api-harness.js';
import { startFakeGitHub, type FakeGitHub } from './support/fake-github.js';
import { createTestApp, type TestApp } from './support/test-app.js';
import { testDrivers } from './support/test-db.js';

type Story = { id: string; key: string; status: string; title: string };
type PushAnswer = { items: Array<{ storyId: string; result: string; issueNumber: number | null; issueUrl: string | null; error: string | null }>; created: number; updated: number; unchanged: number; failed: number };

const WEBHOOK_SECRET = 'whsec-github-0123456789';
const PUBLIC_URL = 'https://atelier.example.test';

/** Polls `check` until it holds (the delivery job runs in the background). */
async function eventually(check: () => boolean | Promise<boolean>, what: string, timeoutMs = 20_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if (await check()) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`timed out waiting for ${what}`);
}

describe.each(testDrivers)('GitHub issue sync on %s', (kind) => {
  let t: TestApp;
  let team: Team;
  let fake: FakeGitHub;
  let runner: JobRunner;
  let integrationId: string;
  let webhookUrl: string;
  let stories: Story[];
  const { api, startJobRunner, team: makeTeam } = apiHarness(() => t);

  beforeAll(async () => {
    fake = await startFakeGitHub({ owner: 'acme', repo: 'mobile-bank' });
    t = await createTestApp(kind, { PUBLIC_URL, INTEGRATIONS_RETRY_BASE_MS: '50', GITHUB_POLL_INTERVAL_MS: '3600000' });
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    team = await makeTeam({ name: 'Mobile Bank' });
    const created = await api('POST', `/organizations/${team.orgId}/integrations`, team.owner, {
      type: 'github',
      name: 'Mobile bank issues',
      config: { baseUrl: fake.url, owner: fake.owner, repo: fake.repo, projectId: team.projectId },
      secrets: { token: fake.token, webhookSecret: WEBHOOK_SECRET },
    });
    expect(created.statusCode, JSON.stringify(created.data)).toBe(201);
    integrationId = created.data.id as string;
    webhookUrl = `http://127.0.0.1:${(t.app.server.address() as AddressInfo).port}/api/v1/integrations/${integrationId}/github/webhook`;
    stories = [];
    for (const [title, priority] of [['Log in with a fingerprint', 'high'], ['See my balance', 'medium'], ['Freeze a lost card', 'low']] as const) {
      const res = await api('POST', `/projects/${team.projectId}/stories`, team.editor, {
        title,
        priority,
        description: `As a customer I want to ${title.toLowerCase()}.`,
        acceptanceCriteria: '- Given a customer, when they ask, then it works.',
      });
      expect(res.statusCode).toBe(201);
      stories.push(res.data as Story);
    }
    runner = startJobRunner();
  });
  afterAll(async () => {
    await runner?.stop();
    await t?.close();
    await fake?.close();
  });

  const push = (storyIds: string[], user = team.editor) => api('POST', `/integrations/${integrationId}/github/push`, user, { storyIds });
  const story = async (id: string) => (await api('GET', `/projects/${team.projectId}/stories/${id}`, team.viewer)).data as Story;
  const issueOf = (storyId: string, answer: PushAnswer) => fake.issues.get(answer.items.find((i) => i.storyId === storyId)!.issueNumber!)!;

  let first: PushAnswer;

  it('pushes 3 stories as 3 issues (title, criteria as a task list, a priority label, a link back), then pushes nothing twice', async () => {
    const res = await push(stories.map((s) => s.id));
    expect(res.statusCode, JSON.stringify(res.data)).toBe(200);
    first = res.data as PushAnswer;
    expect(first).toMatchObject({ created: 3, updated: 0, unchanged: 0, failed: 0 });
    expect(fake.issues.size).toBe(3);
    const issue = issueOf(stories[0]!.id, first);
    expect(issue.title).toBe('Log in with a fingerprint');
    expect(issue.body).toContain('- [ ] Given a customer, when they ask, then it works.');
    expect(issue.body).toContain(`${PUBLIC_URL}/projects/${team.projectId}/backlog/stories/${stories[0]!.id}`);
    expect(issue.labels.map((l) => l.name)).toEqual(['priority: high']);
    expect(first.items[0]!.issueUrl).toBe(issue.html_url);

    const writes = fake.writes().length;
    const again = await push(stories.map((s) => s.id));
    expect(again.data).toMatchObject({ created: 0, updated: 0, unchanged: 3, failed: 0 });
    expect(fake.writes().length).toBe(writes);
    expect(fake.issues.size).toBe(3);

    const links = await api('GET', `/projects/${team.projectId}/github-links?storyId=${stories[0]!.id}`, team.viewer);
    expect(links.statusCode).toBe(200);
    expect(links.data.items).toEqual([
      expect.objectContaining({ storyId: stories[0]!.id, issueNumber: issue.number, issueUrl: issue.html_url, remoteState: 'open', syncState: 'synced', integrationName: 'Mobile bank issues' }),
    ]);
  });

  it('refuses a viewer, a story of another project, and a push through an integration of another organization', async () => {
    expect((await push([stories[0]!.id], team.viewer)).statusCode).toBe(403);
    const other = await makeTeam({ name: 'Other Bank' });
    const foreign = await api('POST', `/projects/${other.projectId}/stories`, other.editor, { title: 'Not yours' });
    expect((await push([foreign.data.id as string])).statusCode).toBe(404);
    expect((await push([stories[0]!.id], other.owner)).statusCode).toBe(404);
    expect((await api('POST', `/integrations/${integrationId}/github/push`, team.editor, { storyIds: ['nope'] })).statusCode).toBe(400);
  });

  it('updates the issue when its story is edited in Atelier', async () => {
    const target = stories[1]!;
    const edited = await api('PATCH', `/projects/${team.projectId}/stories/${target.id}`, team.editor, { title: 'See my balance and pending payments' });
    expect(edited.statusCode).toBe(200);
    const issue = issueOf(target.id, first);
    await eventually(() => issue.title === 'See my balance and pending payments', 'the issue title to follow the story');
    const patch = fake.writes().at(-1)!;
    expect(patch.method).toBe('PATCH');
    expect(patch.path).toBe(`/repos/acme/mobile-bank/issues/${issue.number}`);
    // The edit was already sent: pushing again finds nothing to change.
    await eventually(async () => ((await push([target.id])).data as PushAnswer).unchanged === 1, 'the link to record the pushed edit');
  });

  it('retries an edit GitHub rate-limited after the reset', async () => {
    const target = stories[1]!;
    const issue = issueOf(target.id, first);
    fake.rateLimitPrimary({ count: 1, resetInSeconds: 1 });
    const before = fake.requests.length;
    expect((await api('PATCH', `/projects/${team.projectId}/stories/${target.id}`, team.editor, { priority: 'high' })).statusCode).toBe(200);
    await eventually(() => issue.labels.map((l) => l.name).join() === 'priority: high', 'the label to follow the priority after the reset');
    expect(fake.requests.slice(before).map((r) => `${r.method} ${r.status}`)).toEqual(['PATCH 403', 'PATCH 200']);
    // GitHub has the edit once the PATCH answers; the link records it just after, in the job's own write.
    const linkOf = async () => (await api('GET', `/projects/${team.projectId}/github-links?storyId=${target.id}`, team.viewer)).data.items[0];
    await eventually(async () => (await linkOf()).syncState !== 'pending', 'the link to record the retried edit');
    expect(await linkOf()).toMatchObject({ syncState: 'synced', lastError: null });
  });

  it('moves the story to done when its issue is closed on GitHub (signed webhook), and back when reopened', async () => {
    const target = stories[0]!;
    const issue = issueOf(target.id, first);
    await api('PATCH', `/projects/${team.projectId}/stories/${target.id}`, team.editor, { status: 'in_progress' });
    const closed = await fake.setIssueState(issue.number, 'closed', { url: webhookUrl, secret: WEBHOOK_SECRET });
    expect(closed!.status, closed!.body).toBe(200);
    expect(JSON.parse(closed!.body)).toEqual({ received: 'issues', outcome: 'moved_to_done' });
    expect((await story(target.id)).status).toBe('done');
    const activity = await api('GET', `/projects/${team.projectId}/stories/${target.id}/activity`, team.viewer);
    expect(activity.data.items[0]).toMatchObject({ field: 'status', from: 'in_progress', to: 'done' });

    const reopened = await fake.setIssueState(issue.number, 'open', { url: webhookUrl, secret: WEBHOOK_SECRET });
    expect(JSON.parse(reopened!.body)).toEqual({ received: 'issues', outcome: 'reopened' });
    expect((await story(target.id)).status).toBe('in_progress');
  });

  it('answers 401 to a badly signed or unsigned webhook and changes nothing', async () => {
    const target = stories[2]!;
    const issue = issueOf(target.id, first);
    const before = await story(target.id);
    const forged = await fake.setIssueState(issue.number, 'closed', { url: webhookUrl, secret: 'not-the-secret' });
    expect(forged!.status).toBe(401);
    const tampered = await fake.sendWebhook(webhookUrl, { event: 'issues', payload: fake.issuesPayload('closed', issue.number), secret: WEBHOOK_SECRET, signature: `sha256=${'0'.repeat(64)}` });
    expect(tampered.status).toBe(401);
    const unsigned = await fake.sendWebhook(webhookUrl, { event: 'issues', payload: fake.issuesPayload('closed', issue.number), secret: WEBHOOK_SECRET, signature: null });
    expect(unsigned.status).toBe(401);
    const after = await story(target.id);
    expect(after.status).toBe(before.status);
    expect(after).toEqual(before);
    const links = await api('GET', `/projects/${team.projectId}/github-links?storyId=${target.id}`, team.viewer);
    expect(links.data.items[0].remoteState).toBe('open');
    // Reset the fake's issue to what Atelier knows, for the poll below.
    await fake.setIssueState(issue.number, 'open');
  });

  it('answers a signed ping with 200', async () => {
    const ping = await fake.sendWebhook(webhookUrl, { event: 'ping', payload: fake.pingPayload(webhookUrl), secret: WEBHOOK_SECRET });
    expect(ping.status).toBe(200);
    expect(JSON.parse(ping.body)).toEqual({ received: 'ping', outcome: 'pong' });
  });

  it('falls back to polling: an issue closed without a webhook moves its story at the next poll', async () => {
    const target = stories[2]!;
    const issue = issueOf(target.id, first);
    const since = new Date(Date.now() - 1000);
    await fake.setIssueState(issue.number, 'closed');
    const context = createAppContext({ config: t.config, db: t.database.db, mailer: { send: async () => undefined }, ai: t.ai });
    const polled = await pollIssues(context, integrationId, since);
    expect(polled).toMatchObject({ changed: 1 });
    expect(fake.requests.at(-1)!.query).toMatchObject({ state: 'all' });
    expect((await story(target.id)).status).toBe('done');
    // The poll job is queued for the integration once something is linked.
    const queued = await asSystem(t.database.db, (tx) => tx.select({ id: jobs.id }).from(jobs).where(and(eq(jobs.type, 'integrations.github-poll'), eq(jobs.status, 'queued'))));
    expect(queued).toHaveLength(1);
  });

  it('waits out a rate-limit answer until its reset, then creates the issue', async () => {
    const res = await api('POST', `/projects/${team.projectId}/stories`, team.editor, { title: 'Export statements' });
    fake.rateLimitPrimary({ count: 1, resetInSeconds: 1 });
    const before = fake.requests.length;
    const pushed = await push([res.data.id as string]);
    expect(pushed.statusCode).toBe(200);
    expect(pushed.data).toMatchObject({ created: 1, failed: 0 });
    expect(fake.requests.slice(before).map((r) => `${r.method} ${r.status}`)).toEqual(['POST 403', 'POST 201']);
    expect(fake.issues.size).toBe(4);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeGitHub, type FakeGitHub } from '../../../../test/support/fake-github.js';
import { createGitHubClient, GitHubError, GitHubRateLimitError, nextPageUrl, normalizeGitHubBaseUrl, rateLimitWaitMs } from './github-client.js';

let fake: FakeGitHub;
beforeAll(async () => {
  fake = await startFakeGitHub();
});
afterAll(async () => {
  await fake.close();
});

const clientFor = (overrides: Partial<Parameters<typeof createGitHubClient>[0]> = {}) =>
  createGitHubClient({ baseUrl: fake.url, token: fake.token, owner: fake.owner, repo: fake.repo, ...overrides });

describe('GitHub client against the fake GitHub', () => {
  it('creates and updates an issue with the documented headers', async () => {
    const client = clientFor();
    const created = await client.createIssue({ title: 'Sign in with email', body: 'Body', labels: ['priority: high'] });
    expect(created.number).toBeGreaterThan(0);
    expect(created.state).toBe('open');
    expect(created.labels.map((l) => (typeof l === 'string' ? l : l.name))).toEqual(['priority: high']);
    const sent = fake.requests.at(-1)!;
    expect(sent.method).toBe('POST');
    expect(sent.path).toBe(`/repos/${fake.owner}/${fake.repo}/issues`);
    expect(sent.headers.authorization).toBe(`Bearer ${fake.token}`);
    expect(sent.headers.accept).toBe('application/vnd.github+json');
    expect(sent.headers['x-github-api-version']).toBe('2022-11-28');

    const updated = await client.updateIssue(created.number, { title: 'Sign in with a magic link' });
    expect(updated.title).toBe('Sign in with a magic link');
    expect(fake.issues.get(created.number)!.title).toBe('Sign in with a magic link');
  });

  it('reads the repository, and names a wrong one or a wrong token without echoing the token', async () => {
    expect((await clientFor().getRepository()).full_name).toBe(`${fake.owner}/${fake.repo}`);
    await expect(clientFor({ repo: 'nope' }).getRepository()).rejects.toThrow(/404/);
    const refused = await clientFor({ token: 'ghp_wrong_secret' }).getRepository().catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(GitHubError);
    expect((refused as GitHubError).status).toBe(401);
    expect((refused as Error).message).not.toContain('ghp_wrong_secret');
  });

  it('lists issues changed since a moment, following pages', async () => {
    const client = clientFor();
    const before = new Date(Date.now() - 1);
    for (let i = 0; i < 3; i += 1) await client.createIssue({ title: `Listed ${i}`, body: '', labels: [] });
    const all = await client.listIssuesUpdatedSince(undefined);
    expect(all.length).toBe(fake.issues.size);
    const recent = await client.listIssuesUpdatedSince(before);
    expect(recent.map((i) => i.title)).toEqual(['Listed 0', 'Listed 1', 'Listed 2']);
    const listing = fake.requests.at(-1)!;
    expect(listing.query).toMatchObject({ state: 'all', sort: 'updated', direction: 'asc', since: before.toISOString() });
  });

  it('waits out a primary rate limit until x-ratelimit-reset, then succeeds', async () => {
    const waits: number[] = [];
    const client = clientFor({ sleep: (ms) => new Promise((resolve) => { waits.push(ms); setTimeout(resolve, ms); }) });
    fake.rateLimitPrimary({ count: 1, resetInSeconds: 1 });
    const issue = await client.createIssue({ title: 'After the reset', body: '', labels: [] });
    expect(issue.title).toBe('After the reset');
    expect(waits).toHaveLength(1);
    expect(fake.requests.slice(-2).map((r) => r.status)).toEqual([403, 201]);
  });

  it('waits retry-after seconds on a secondary limit', async () => {
    const waits: number[] = [];
    const client = clientFor({ sleep: async (ms) => { waits.push(ms); } });
    fake.rateLimitSecondary({ count: 2, retryAfterSeconds: 2 });
    await client.getRepository();
    expect(waits.map((ms) => Math.round(ms / 1000))).toEqual([2, 2]);
  });

  it('gives up with the time to retry when the reset is too far away', async () => {
    const client = clientFor({ maxRateLimitWaitMs: 5_000, sleep: async () => {} });
    fake.rateLimitPrimary({ count: 1, resetInSeconds: 3600 });
    const error = await client.createIssue({ title: 'Too soon', body: '', labels: [] }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GitHubRateLimitError);
    const retryAt = (error as GitHubRateLimitError).retryAt.getTime();
    expect(retryAt).toBeGreaterThan(Date.now() + 3_500_000);
    expect((error as Error).message).toMatch(/retry after \d{4}-\d\d-\d\dT/);
    expect([...fake.issues.values()].some((i) => i.title === 'Too soon')).toBe(false);
  });

  it('reports an unreachable server as such', async () => {
    const client = createGitHubClient({ baseUrl: 'http://127.0.0.1:1', token: 't', owner: 'o', repo: 'r' });
    await expect(client.getRepository()).rejects.toThrow(/Could not reach GitHub at http:\/\/127\.0\.0\.1:1/);
  });
});

describe('GitHub client helpers', () => {
  it('takes github.com and GitHub Enterprise base URLs', () => {
    expect(normalizeGitHubBaseUrl(undefined)).toBe('https://api.github.com');
    expect(normalizeGitHubBaseUrl('https://github.example.com/api/v3/')).toBe('https://github.example.com/api/v3');
    expect(() => normalizeGitHubBaseUrl('ftp://x')).toThrow(/https/);
    expect(() => normalizeGitHubBaseUrl('https://u:p@x')).toThrow(/password/);
  });

  it('tells a rate limit from a permission refusal', () => {
    const h = (entries: Record<string, string>) => new Headers(entries);
    expect(rateLimitWaitMs(403, h({ 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': '110' }), '', 100_000, 0)).toBe(10_000);
    expect(rateLimitWaitMs(429, h({ 'retry-after': '7' }), '', 0, 0)).toBe(7_000);
    expect(rateLimitWaitMs(403, h({ 'x-ratelimit-remaining': '12' }), 'Resource not accessible by integration', 0, 0)).toBeUndefined();
    expect(rateLimitWaitMs(403, h({}), 'You have exceeded a secondary rate limit', 0, 1)).toBe(120_000);
    expect(rateLimitWaitMs(404, h({ 'retry-after': '1' }), '', 0, 0)).toBeUndefined();
  });

  it('reads the next page from a Link header', () => {
    expect(nextPageUrl('<https://api.github.com/x?page=2>; rel="next", <https://api.github.com/x?page=5>; rel="last"')).toBe('https://api.github.com/x?page=2');
    expect(nextPageUrl('<https://api.github.com/x?page=1>; rel="prev"')).toBeUndefined();
    expect(nextPageUrl(null)).toBeUndefined();
  });
});

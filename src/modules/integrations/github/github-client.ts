import { retryAfterMs } from '../outgoing-url.js';

/**
 * A small client of GitHub's REST API v3 for issue sync: read the repository, create and update issues, and list the
 * issues changed since a moment (the polling fallback). The base URL is configurable: `https://api.github.com`, or a
 * GitHub Enterprise Server's `https://<host>/api/v3`.
 *
 * Rate limits (docs.github.com "Rate limits for the REST API"): a 403 or 429 with `x-ratelimit-remaining: 0` waits
 * until `x-ratelimit-reset` (UTC epoch seconds); one with `retry-after` waits that many seconds; a secondary limit
 * with neither waits at least a minute, longer each time. A wait longer than `maxRateLimitWaitMs`, or more than
 * `maxRetries` of them, ends in a GitHubRateLimitError saying when to retry, so a job can come back then.
 *
 * The token is sent only in the Authorization header and never appears in an error message.
 */

export const GITHUB_API_VERSION = '2022-11-28';
export const DEFAULT_GITHUB_BASE_URL = 'https://api.github.com';

export type GitHubLabel = { id?: number; name: string; color?: string; description?: string | null; default?: boolean };

/** The parts of GitHub's issue object the sync reads (the full object carries many more). */
export type GitHubIssue = {
  id: number;
  number: number;
  html_url: string;
  url: string;
  state: 'open' | 'closed';
  state_reason?: 'completed' | 'reopened' | 'not_planned' | 'duplicate' | null;
  title: string;
  body: string | null;
  labels: Array<GitHubLabel | string>;
  created_at: string;
  updated_at: string;
  closed_at: string | null;
  /** Present when the "issue" is a pull request: the issues list returns both. */
  pull_request?: unknown;
};

export type GitHubRepository = {
  id: number;
  name: string;
  full_name: string;
  html_url: string;
  private: boolean;
  has_issues: boolean;
  permissions?: { admin?: boolean; push?: boolean; pull?: boolean };
};

export type IssueInput = { title: string; body: string; labels: string[] };
export type IssueUpdate = Partial<IssueInput> & { state?: 'open' | 'closed'; state_reason?: 'completed' | 'not_planned' | 'reopened' | null };

export type GitHubClientOptions = {
  baseUrl?: string;
  token: string;
  owner: string;
  repo: string;
  fetch?: typeof fetch;
  /** Rate-limit answers waited out before giving up (default 3). */
  maxRetries?: number;
  /** The longest single wait for a rate limit; a later reset ends in GitHubRateLimitError (default 60 s). */
  maxRateLimitWaitMs?: number;
  /** Per request (default 15 s). */
  timeoutMs?: number;
  sleep?: (ms: number) => Promise<void>;
  now?: () => number;
};

/** A refusal or failure of GitHub, with GitHub's own message; never carries the token. */
export class GitHubError extends Error {
  readonly status: number;
  readonly documentationUrl: string | undefined;
  constructor(message: string, status: number, documentationUrl?: string) {
    super(message);
    this.name = 'GitHubError';
    this.status = status;
    this.documentationUrl = documentationUrl;
  }
}

/** GitHub's rate limit, still in force after the waits allowed: retry at `retryAt`. */
export class GitHubRateLimitError extends GitHubError {
  readonly retryAt: Date;
  constructor(status: number, retryAt: Date, githubMessage: string) {
    super(`GitHub rate limit reached (${githubMessage}); retry after ${retryAt.toISOString()}`, status);
    this.name = 'GitHubRateLimitError';
    this.retryAt = retryAt;
  }
}

export type GitHubClient = {
  readonly baseUrl: string;
  getRepository(): Promise<GitHubRepository>;
  createIssue(input: IssueInput): Promise<GitHubIssue>;
  updateIssue(issueNumber: number, update: IssueUpdate): Promise<GitHubIssue>;
  /** Issues (not pull requests) of any state updated at or after `since`, oldest change first, all pages. */
  listIssuesUpdatedSince(since: Date | undefined, options?: { maxPages?: number }): Promise<GitHubIssue[]>;
};

/** `https://api.github.com` or `https://host/api/v3`, without a trailing slash; anything but http(s) is refused. */
export function normalizeGitHubBaseUrl(baseUrl: string | undefined): string {
  const text = (baseUrl ?? '').trim() || DEFAULT_GITHUB_BASE_URL;
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new Error('Base URL must be a URL such as https://api.github.com or https://github.example.com/api/v3');
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new Error('Base URL must start with https:// or http://');
  if (url.username || url.password) throw new Error('Base URL must not carry a user name or password');
  if (url.search || url.hash) throw new Error('Base URL must not carry a query or a fragment');
  return url.toString().replace(/\/+$/, '');
}

const sleepFor = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
const SECONDARY_LIMIT_WAIT_MS = 60_000;

/** How long GitHub asks us to wait, when the answer is a rate limit; undefined for any other answer. */
export function rateLimitWaitMs(status: number, headers: Headers, message: string, now: number, attempt: number): number | undefined {
  if (status !== 403 && status !== 429) return undefined;
  const retryAfter = retryAfterMs(headers, now);
  const remaining = headers.get('x-ratelimit-remaining');
  const reset = headers.get('x-ratelimit-reset');
  if (retryAfter !== undefined) return retryAfter;
  if (remaining === '0' && reset !== null && /^\d+$/.test(reset.trim())) return Math.max(0, Number(reset.trim()) * 1000 - now);
  // A 403 without those headers is a permission problem unless the message says rate limit; a bare 429 is a limit.
  if (status === 429 || /rate limit/i.test(message)) return SECONDARY_LIMIT_WAIT_MS * 2 ** attempt;
  return undefined;
}

function describe(status: number, message: string, what: string): string {
  if (status === 401) return `GitHub refused the token (401 ${message || 'Bad credentials'})`;
  if (status === 403) return `GitHub refused ${what} (403 ${message || 'Forbidden'}): the token lacks the permission`;
  if (status === 404) return `GitHub found no ${what} (404): check the owner, the repository and that the token can see it`;
  if (status === 410) return `GitHub answered 410 for ${what}: issues are disabled on this repository`;
  return `GitHub answered ${status} for ${what}${message ? `: ${message}` : ''}`;
}

type ErrorBody = { message?: string; documentation_url?: string; errors?: Array<{ field?: string; code?: string; message?: string }> };

function errorText(body: ErrorBody | undefined): string {
  if (!body) return '';
  const details = (body.errors ?? []).map((e) => e.message ?? [e.field, e.code].filter(Boolean).join(' ')).filter(Boolean);
  return [body.message ?? '', ...details].filter(Boolean).join('; ').slice(0, 500);
}

/** The URL of the next page from a Link header (`<url>; rel="next"`), or undefined. */
export function nextPageUrl(link: string | null): string | undefined {
  if (!link) return undefined;
  for (const part of link.split(',')) {
    const match = /<([^>]+)>\s*;\s*rel="?next"?/.exec(part.trim());
    if (match) return match[1];
  }
  return undefined;
}

export function createGitHubClient(options: GitHubClientOptions): GitHubClient {
  const baseUrl = normalizeGitHubBaseUrl(options.baseUrl);
  const doFetch = options.fetch ?? fetch;
  const maxRetries = options.maxRetries ?? 3;
  const maxWait = options.maxRateLimitWaitMs ?? 60_000;
  const timeoutMs = options.timeoutMs ?? 15_000;
  const sleep = options.sleep ?? sleepFor;
  const now = options.now ?? Date.now;
  const repoPath = `/repos/${encodeURIComponent(options.owner)}/${encodeURIComponent(options.repo)}`;
  const origin = new URL(baseUrl).origin;

  async function request<T>(method: string, pathOrUrl: string, what: string, body?: unknown): Promise<{ data: T; headers: Headers }> {
    const url = pathOrUrl.startsWith('http') ? pathOrUrl : `${baseUrl}${pathOrUrl}`;
    for (let attempt = 0; ; attempt += 1) {
      let response: Response;
      try {
        response = await doFetch(url, {
          method,
          headers: {
            Accept: 'application/vnd.github+json',
            Authorization: `Bearer ${options.token}`,
            'X-GitHub-Api-Version': GITHUB_API_VERSION,
            'User-Agent': 'Atelier',
            ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
          },
          ...(body === undefined ? {} : { body: JSON.stringify(body) }),
          redirect: 'error',
          signal: AbortSignal.timeout(timeoutMs),
        });
      } catch (error) {
        const reason = error instanceof Error && error.name === 'TimeoutError' ? `no answer within ${timeoutMs} ms` : 'the connection failed';
        throw new GitHubError(`Could not reach GitHub at ${baseUrl}: ${reason}`, 0);
      }
      const text = await response.text();
      let parsed: unknown;
      try {
        parsed = text ? JSON.parse(text) : undefined;
      } catch {
        parsed = undefined;
      }
      if (response.ok) {
        if (parsed === undefined) throw new GitHubError(`GitHub answered ${response.status} for ${what} without JSON`, response.status);
        return { data: parsed as T, headers: response.headers };
      }
      const errorBody = parsed && typeof parsed === 'object' ? (parsed as ErrorBody) : undefined;
      const message = errorText(errorBody);
      const wait = rateLimitWaitMs(response.status, response.headers, message, now(), attempt);
      if (wait !== undefined) {
        if (attempt >= maxRetries || wait > maxWait) throw new GitHubRateLimitError(response.status, new Date(now() + wait), message || 'rate limited');
        await sleep(wait + 100);
        continue;
      }
      throw new GitHubError(describe(response.status, message, what), response.status, errorBody?.documentation_url);
    }
  }

  const repoName = `${options.owner}/${options.repo}`;
  return {
    baseUrl,
    async getRepository() {
      return (await request<GitHubRepository>('GET', repoPath, `repository ${repoName}`)).data;
    },
    async createIssue(input) {
      return (await request<GitHubIssue>('POST', `${repoPath}/issues`, `a new issue in ${repoName}`, input)).data;
    },
    async updateIssue(issueNumber, update) {
      return (await request<GitHubIssue>('PATCH', `${repoPath}/issues/${issueNumber}`, `issue #${issueNumber} of ${repoName}`, update)).data;
    },
    async listIssuesUpdatedSince(since, listOptions = {}) {
      const maxPages = listOptions.maxPages ?? 10;
      const query = new URLSearchParams({ state: 'all', sort: 'updated', direction: 'asc', per_page: '100' });
      if (since) query.set('since', since.toISOString());
      let next: string | undefined = `${repoPath}/issues?${query.toString()}`;
      const issues: GitHubIssue[] = [];
      for (let page = 0; next && page < maxPages; page += 1) {
        const { data, headers } = await request<GitHubIssue[]>('GET', next, `the issues of ${repoName}`);
        if (!Array.isArray(data)) throw new GitHubError(`GitHub answered the issues of ${repoName} with something other than a list`, 200);
        issues.push(...data.filter((issue) => issue.pull_request === undefined));
        const link = nextPageUrl(headers.get('link'));
        // Follow GitHub's next link only to the same server, so the token never leaves it.
        next = link && new URL(link).origin === origin ? link : undefined;
      }
      return issues;
    },
  };
}

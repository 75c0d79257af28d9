import crypto from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A local GitHub speaking the REST API v3 shapes the issue sync uses (docs.github.com/rest): GET /repos/{o}/{r},
 * POST /repos/{o}/{r}/issues (201), PATCH /repos/{o}/{r}/issues/{n}, GET /repos/{o}/{r}/issues?state&since&sort&
 * direction&per_page&page with a Link header; errors as `{message, documentation_url}` (401 Bad credentials, 404 Not
 * Found, 422 Validation Failed). Issues live in memory. It can play a primary rate limit (403, `x-ratelimit-remaining:
 * 0`, `x-ratelimit-reset` in epoch seconds) or a secondary one (429 with `retry-after`), and it can send webhook
 * deliveries the way GitHub does: `X-GitHub-Event`, `X-GitHub-Delivery`, `X-GitHub-Hook-ID`, `X-Hub-Signature-256`
 * (HMAC-SHA256 of the raw body with the hook's secret), `User-Agent: GitHub-Hookshot/…`.
 */
export type FakeIssue = {
  id: number;
  node_id: string;
  url: string;
  repository_url: string;
  html_url: string;
  number: number;
  state: 'open' | 'closed';
  state_reason: 'completed' | 'reopened' | 'not_planned' | null;
  title: string;
  body: string | null;
  user: FakeUser;
  labels: Array<{ id: number; node_id: string; url: string; name: string; color: string; default: boolean; description: string | null }>;
  assignee: null;
  assignees: [];
  milestone: null;
  locked: boolean;
  comments: number;
  created_at: string;
  updated_at: string;
  closed_at: string | null;
  closed_by: FakeUser | null;
  author_association: string;
};
type FakeUser = { login: string; id: number; node_id: string; type: 'User'; site_admin: false; html_url: string; url: string };

export type FakeGitHubRequest = { method: string; path: string; query: Record<string, string>; headers: http.IncomingHttpHeaders; body: unknown; status: number };

export type WebhookResult = { status: number; body: string; deliveryId: string };

export type FakeGitHub = {
  /** Base URL as the integration takes it (like https://api.github.com). */
  url: string;
  owner: string;
  repo: string;
  token: string;
  issues: Map<number, FakeIssue>;
  requests: FakeGitHubRequest[];
  /** Requests that changed issues (POST/PATCH), in order. */
  writes(): FakeGitHubRequest[];
  /** The next `count` API requests answer 403 with x-ratelimit-remaining 0 and a reset `resetInSeconds` from now. */
  rateLimitPrimary(options?: { count?: number; resetInSeconds?: number }): void;
  /** The next `count` API requests answer 429 (or 403) with `retry-after: seconds`. */
  rateLimitSecondary(options?: { count?: number; retryAfterSeconds?: number; status?: 403 | 429 }): void;
  /** Closes (or reopens) an issue as a person on github.com would, and sends the `issues` webhook when `deliverTo` is given. */
  setIssueState(issueNumber: number, state: 'open' | 'closed', deliverTo?: { url: string; secret: string; signature?: string }): Promise<WebhookResult | undefined>;
  /** Sends one webhook delivery; `signature` replaces the computed X-Hub-Signature-256 (or removes it when null). */
  sendWebhook(url: string, options: { event: string; payload: unknown; secret: string; signature?: string | null }): Promise<WebhookResult>;
  issuesPayload(action: string, issueNumber: number): unknown;
  pingPayload(hookUrl: string): unknown;
  close(): Promise<void>;
};

export type FakeGitHubOptions = { owner?: string; repo?: string; token?: string; port?: number };

const docs = 'https://docs.github.com/rest';

export async function startFakeGitHub(options: FakeGitHubOptions = {}): Promise<FakeGitHub> {
  const owner = options.owner ?? 'acme';
  const repo = options.repo ?? 'roadmap';
  const token = options.token ?? 'ghp_fake_token_0123456789';
  const issues = new Map<number, FakeIssue>();
  const requests: FakeGitHubRequest[] = [];
  const labelIds = new Map<string, number>();
  let nextNumber = 1;
  let limited: { kind: 'primary'; count: number; resetAt: number } | { kind: 'secondary'; count: number; retryAfter: number; status: number } | undefined;
  let base = '';
  const htmlBase = 'https://github.example.test';
  const sender: FakeUser = { login: 'octocat', id: 1, node_id: 'MDQ6VXNlcjE=', type: 'User', site_admin: false, html_url: `${htmlBase}/octocat`, url: '' };
  const repository = () => ({
    id: 1296269,
    node_id: 'MDEwOlJlcG9zaXRvcnkxMjk2MjY5',
    name: repo,
    full_name: `${owner}/${repo}`,
    private: false,
    owner: { ...sender, login: owner, url: `${base}/users/${owner}` },
    html_url: `${htmlBase}/${owner}/${repo}`,
    url: `${base}/repos/${owner}/${repo}`,
    has_issues: true,
    open_issues_count: [...issues.values()].filter((i) => i.state === 'open').length,
    default_branch: 'main',
    permissions: { admin: false, maintain: false, push: true, triage: true, pull: true },
  });

  const send = (res: http.ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) => {
    const text = JSON.stringify(body);
    res.writeHead(status, {
      'content-type': 'application/json; charset=utf-8',
      'x-github-media-type': 'github.v3; format=json',
      'x-ratelimit-limit': '5000',
      'x-ratelimit-remaining': '4999',
      'x-ratelimit-reset': String(Math.floor(Date.now() / 1000) + 3600),
      'x-ratelimit-resource': 'core',
      ...headers,
    });
    res.end(text);
  };
  const labelsOf = (names: unknown) =>
    (Array.isArray(names) ? names : []).map((entry) => {
      const given = typeof entry === 'string' ? entry : (entry as { name?: unknown }).name;
      const name = typeof given === 'string' ? given : '';
      if (!labelIds.has(name)) labelIds.set(name, 208045946 + labelIds.size);
      const id = labelIds.get(name)!;
      return { id, node_id: `LA_${id}`, url: `${base}/repos/${owner}/${repo}/labels/${encodeURIComponent(name)}`, name, color: 'ededed', default: false, description: null };
    });

  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const url = new URL(req.url ?? '/', base);
      const raw = Buffer.concat(chunks).toString('utf8');
      let body: unknown;
      try {
        body = raw ? JSON.parse(raw) : undefined;
      } catch {
        body = undefined;
      }
      const record: FakeGitHubRequest = { method: req.method ?? 'GET', path: url.pathname, query: Object.fromEntries(url.searchParams), headers: req.headers, body, status: 0 };
      requests.push(record);
      const answer = (status: number, payload: unknown, headers?: Record<string, string>) => {
        record.status = status;
        send(res, status, payload, headers);
      };

      if (raw && body === undefined) return answer(400, { message: 'Problems parsing JSON', documentation_url: docs });
      if (req.headers.authorization !== `Bearer ${token}`) return answer(401, { message: 'Bad credentials', documentation_url: docs, status: '401' });
      if (limited && limited.count > 0) {
        limited.count -= 1;
        if (limited.kind === 'primary' && Date.now() < limited.resetAt * 1000) {
          return answer(
            403,
            { message: 'API rate limit exceeded for user ID 1. If you reach out to GitHub Support for help, please include the request ID.', documentation_url: 'https://docs.github.com/rest/overview/rate-limits-for-the-rest-api' },
            { 'x-ratelimit-remaining': '0', 'x-ratelimit-used': '5000', 'x-ratelimit-reset': String(limited.resetAt) },
          );
        }
        if (limited.kind === 'secondary') {
          return answer(
            limited.status,
            { message: 'You have exceeded a secondary rate limit. Please wait a few minutes before you try again.', documentation_url: 'https://docs.github.com/rest/overview/rate-limits-for-the-rest-api#about-secondary-rate-limits' },
            { 'retry-after': String(limited.retryAfter) },
          );
        }
      }

      const repoMatch = /^\/repos\/([^/]+)\/([^/]+)(\/.*)?$/.exec(url.pathname);
      if (!repoMatch || decodeURIComponent(repoMatch[1]!) !== owner || decodeURIComponent(repoMatch[2]!) !== repo) {
        return answer(404, { message: 'Not Found', documentation_url: docs, status: '404' });
      }
      const rest = repoMatch[3] ?? '';
      const now = new Date().toISOString();
      if (rest === '' && req.method === 'GET') return answer(200, repository());
      if (rest === '/issues' && req.method === 'POST') {
        const input = (body ?? {}) as { title?: unknown; body?: unknown; labels?: unknown };
        if (typeof input.title !== 'string' && typeof input.title !== 'number') {
          return answer(422, { message: 'Invalid request.\n\n"title" wasn\'t supplied.', documentation_url: `${docs}/issues/issues#create-an-issue`, status: '422' });
        }
        const number = nextNumber++;
        const issue: FakeIssue = {
          id: 1_000_000 + number,
          node_id: `I_kwDO${number}`,
          url: `${base}/repos/${owner}/${repo}/issues/${number}`,
          repository_url: `${base}/repos/${owner}/${repo}`,
          html_url: `${htmlBase}/${owner}/${repo}/issues/${number}`,
          number,
          state: 'open',
          state_reason: null,
          title: String(input.title),
          body: typeof input.body === 'string' ? input.body : null,
          user: sender,
          labels: labelsOf(input.labels),
          assignee: null,
          assignees: [],
          milestone: null,
          locked: false,
          comments: 0,
          created_at: now,
          updated_at: now,
          closed_at: null,
          closed_by: null,
          author_association: 'OWNER',
        };
        issues.set(number, issue);
        return answer(201, issue, { location: issue.url });
      }
      const one = /^\/issues\/(\d+)$/.exec(rest);
      if (one && (req.method === 'PATCH' || req.method === 'GET')) {
        const issue = issues.get(Number(one[1]));
        if (!issue) return answer(404, { message: 'Not Found', documentation_url: `${docs}/issues/issues#update-an-issue`, status: '404' });
        if (req.method === 'GET') return answer(200, issue);
        const input = (body ?? {}) as { title?: unknown; body?: unknown; labels?: unknown; state?: unknown; state_reason?: unknown };
        if (input.state !== undefined && input.state !== 'open' && input.state !== 'closed') {
          return answer(422, { message: 'Validation Failed', errors: [{ resource: 'Issue', code: 'invalid', field: 'state' }], documentation_url: docs, status: '422' });
        }
        if (typeof input.title === 'string') issue.title = input.title;
        if (typeof input.body === 'string' || input.body === null) issue.body = input.body;
        if (input.labels !== undefined) issue.labels = labelsOf(input.labels);
        if (input.state === 'closed' && issue.state === 'open') Object.assign(issue, { state: 'closed', closed_at: now, closed_by: sender, state_reason: input.state_reason ?? 'completed' });
        if (input.state === 'open' && issue.state === 'closed') Object.assign(issue, { state: 'open', closed_at: null, closed_by: null, state_reason: 'reopened' });
        issue.updated_at = now;
        return answer(200, issue);
      }
      if (rest === '/issues' && req.method === 'GET') {
        const state = url.searchParams.get('state') ?? 'open';
        const since = url.searchParams.get('since');
        const direction = url.searchParams.get('direction') ?? 'desc';
        const sort = url.searchParams.get('sort') ?? 'created';
        const perPage = Math.min(100, Math.max(1, Number(url.searchParams.get('per_page') ?? 30)));
        const page = Math.max(1, Number(url.searchParams.get('page') ?? 1));
        let list = [...issues.values()].filter((i) => state === 'all' || i.state === state);
        if (since) list = list.filter((i) => i.updated_at >= new Date(since).toISOString());
        const key = sort === 'updated' ? 'updated_at' : 'created_at';
        list.sort((a, b) => (a[key] === b[key] ? a.number - b.number : a[key] < b[key] ? -1 : 1));
        if (direction === 'desc') list.reverse();
        const pageItems = list.slice((page - 1) * perPage, page * perPage);
        const headers: Record<string, string> = {};
        if (page * perPage < list.length) {
          const next = new URL(url.toString());
          next.searchParams.set('page', String(page + 1));
          headers.link = `<${next.toString()}>; rel="next"`;
        }
        return answer(200, pageItems, headers);
      }
      return answer(404, { message: 'Not Found', documentation_url: docs, status: '404' });
    });
  });

  await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  sender.url = `${base}/users/octocat`;

  const issuesPayload = (action: string, issueNumber: number) => {
    const issue = issues.get(issueNumber);
    if (!issue) throw new Error(`fake GitHub has no issue #${issueNumber}`);
    return { action, issue, repository: repository(), sender };
  };
  const sendWebhook: FakeGitHub['sendWebhook'] = async (target, { event, payload, secret, signature }) => {
    const raw = JSON.stringify(payload);
    const deliveryId = crypto.randomUUID();
    const headers: Record<string, string> = {
      'content-type': 'application/json',
      'user-agent': 'GitHub-Hookshot/fake',
      'x-github-event': event,
      'x-github-delivery': deliveryId,
      'x-github-hook-id': '4242',
      'x-github-hook-installation-target-type': 'repository',
      'x-github-hook-installation-target-id': '1296269',
      'x-hub-signature': `sha1=${crypto.createHmac('sha1', secret).update(raw).digest('hex')}`,
      'x-hub-signature-256': `sha256=${crypto.createHmac('sha256', secret).update(raw).digest('hex')}`,
    };
    if (signature === null) delete headers['x-hub-signature-256'];
    else if (signature !== undefined) headers['x-hub-signature-256'] = signature;
    const response = await fetch(target, { method: 'POST', headers, body: raw });
    return { status: response.status, body: await response.text(), deliveryId };
  };

  return {
    url: base,
    owner,
    repo,
    token,
    issues,
    requests,
    writes: () => requests.filter((r) => r.method === 'POST' || r.method === 'PATCH'),
    rateLimitPrimary({ count = 1, resetInSeconds = 1 } = {}) {
      limited = { kind: 'primary', count, resetAt: Math.floor(Date.now() / 1000) + resetInSeconds };
    },
    rateLimitSecondary({ count = 1, retryAfterSeconds = 1, status = 429 } = {}) {
      limited = { kind: 'secondary', count, retryAfter: retryAfterSeconds, status };
    },
    async setIssueState(issueNumber, state, deliverTo) {
      const issue = issues.get(issueNumber);
      if (!issue) throw new Error(`fake GitHub has no issue #${issueNumber}`);
      const now = new Date().toISOString();
      if (state === 'closed') Object.assign(issue, { state, closed_at: now, closed_by: sender, state_reason: 'completed', updated_at: now });
      else Object.assign(issue, { state, closed_at: null, closed_by: null, state_reason: 'reopened', updated_at: now });
      if (!deliverTo) return undefined;
      return sendWebhook(deliverTo.url, {
        event: 'issues',
        payload: issuesPayload(state === 'closed' ? 'closed' : 'reopened', issueNumber),
        secret: deliverTo.secret,
        ...(deliverTo.signature !== undefined ? { signature: deliverTo.signature } : {}),
      });
    },
    sendWebhook,
    issuesPayload,
    pingPayload: (hookUrl) => ({
      zen: 'Keep it logically awesome.',
      hook_id: 4242,
      hook: { type: 'Repository', id: 4242, name: 'web', active: true, events: ['issues'], config: { content_type: 'json', insecure_ssl: '0', url: hookUrl } },
      repository: repository(),
      sender,
    }),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

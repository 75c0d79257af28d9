import crypto from 'node:crypto';
import type { AppContext } from '../../../core/context.js';
import type { IntegrationTestOutcome, IntegrationTypeHandler, OpenedIntegration } from '../integration-types.js';
import { OutgoingRequestError, outgoingRequest } from '../outgoing-url.js';

/**
 * The "test" of the types whose full behaviour lives with their own code (GitHub issue sync, Google Analytics
 * metrics): one cheap call that proves the configuration and the secrets work. Their code may register a handler
 * that replaces these.
 */

async function attempt(work: () => Promise<IntegrationTestOutcome>): Promise<IntegrationTestOutcome> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof OutgoingRequestError) return { ok: false, message: error.message, statusCode: null };
    throw error;
  }
}

/** GitHub: GET /repos/{owner}/{repo} with the token (REST API v3, also GitHub Enterprise's /api/v3). */
export async function checkGithubRepository(context: AppContext, integration: OpenedIntegration): Promise<IntegrationTestOutcome> {
  const { baseUrl, owner, repo } = integration.config as { baseUrl: string; owner: string; repo: string };
  const token = integration.secrets.token;
  if (!token) return { ok: false, message: 'The integration has no token: set it again', statusCode: null };
  return attempt(async () => {
    const response = await outgoingRequest(context, `${baseUrl}/repos/${encodeURIComponent(owner)}/${encodeURIComponent(repo)}`, {
      method: 'GET',
      headers: {
        accept: 'application/vnd.github+json',
        authorization: `Bearer ${token}`,
        'x-github-api-version': '2022-11-28',
        'user-agent': 'Atelier',
      },
    });
    const statusCode = response.status;
    if (statusCode === 200) {
      let body: { full_name?: unknown; permissions?: { push?: unknown } } = {};
      try {
        body = JSON.parse(response.text) as typeof body;
      } catch {
        // A 200 that is not JSON is not GitHub's API.
        return { ok: false, message: `${baseUrl} answered with something other than GitHub's API`, statusCode };
      }
      const name = typeof body.full_name === 'string' ? body.full_name : `${owner}/${repo}`;
      if (body.permissions && body.permissions.push === false) {
        return { ok: false, message: `Reached ${name}, but the token cannot write to it: issues cannot be created`, statusCode };
      }
      return { ok: true, message: `Reached ${name}`, statusCode };
    }
    if (statusCode === 401) return { ok: false, message: 'GitHub refused the token (HTTP 401)', statusCode };
    if (statusCode === 404) return { ok: false, message: `Repository ${owner}/${repo} was not found, or the token cannot see it (HTTP 404)`, statusCode };
    if ((statusCode === 403 || statusCode === 429) && response.headers.get('x-ratelimit-remaining') === '0') {
      return { ok: false, message: `GitHub's rate limit is used up (HTTP ${statusCode}); try again later`, statusCode };
    }
    return { ok: false, message: `GitHub answered HTTP ${statusCode}`, statusCode };
  });
}

const base64url = (value: string | Buffer) => Buffer.from(value).toString('base64url');

/**
 * Google Analytics: an OAuth 2.0 token from the service account's signed JWT (RS256), as Google's token endpoint
 * grants it (grant_type urn:ietf:params:oauth:grant-type:jwt-bearer), for the Analytics read-only scope.
 */
export async function checkGoogleToken(context: AppContext, integration: OpenedIntegration): Promise<IntegrationTestOutcome> {
  const { tokenUrl } = integration.config as { tokenUrl: string };
  let key: { client_email?: unknown; private_key?: unknown };
  try {
    key = JSON.parse(integration.secrets.serviceAccountKey ?? '') as typeof key;
  } catch {
    return { ok: false, message: 'The service account key is not JSON: set it again', statusCode: null };
  }
  if (typeof key.client_email !== 'string' || typeof key.private_key !== 'string') {
    return { ok: false, message: 'The service account key lacks client_email or private_key', statusCode: null };
  }
  const now = Math.floor(Date.now() / 1000);
  const unsigned = `${base64url(JSON.stringify({ alg: 'RS256', typ: 'JWT' }))}.${base64url(
    JSON.stringify({ iss: key.client_email, scope: 'https://www.googleapis.com/auth/analytics.readonly', aud: tokenUrl, iat: now, exp: now + 3600 }),
  )}`;
  let signature: Buffer;
  try {
    signature = crypto.sign('RSA-SHA256', Buffer.from(unsigned), key.private_key);
  } catch {
    return { ok: false, message: 'The service account key’s private_key is not a usable RSA key', statusCode: null };
  }
  return attempt(async () => {
    const response = await outgoingRequest(context, tokenUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ grant_type: 'urn:ietf:params:oauth:grant-type:jwt-bearer', assertion: `${unsigned}.${base64url(signature)}` }).toString(),
    });
    const statusCode = response.status;
    let body: { access_token?: unknown; error?: unknown; error_description?: unknown } = {};
    try {
      body = JSON.parse(response.text) as typeof body;
    } catch {
      // handled below
    }
    if (statusCode === 200 && typeof body.access_token === 'string') return { ok: true, message: `Google granted a token to ${key.client_email as string}`, statusCode };
    const reason = typeof body.error_description === 'string' ? body.error_description : typeof body.error === 'string' ? body.error : `HTTP ${statusCode}`;
    return { ok: false, message: `Google refused the service account: ${reason.slice(0, 200)}`, statusCode };
  });
}

export const githubCheck: IntegrationTypeHandler = { types: ['github'], test: checkGithubRepository };
export const googleAnalyticsCheck: IntegrationTypeHandler = { types: ['google_analytics'], test: checkGoogleToken };

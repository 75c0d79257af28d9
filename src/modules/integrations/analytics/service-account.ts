import crypto from 'node:crypto';
import { z } from 'zod';

/**
 * A Google service-account key (the JSON file the Cloud console downloads) and the OAuth 2.0 "JWT bearer" grant made
 * from it (developers.google.com/identity/protocols/oauth2/service-account#httprest): a JWT signed RS256 with the key,
 * claims `iss` (the account's email), `scope`, `aud` (the token endpoint), `iat` and `exp` (at most an hour later),
 * POSTed as `grant_type=urn:ietf:params:oauth:grant-type:jwt-bearer&assertion=<jwt>`.
 */
export const serviceAccountKeySchema = z.object({
  type: z.literal('service_account', { error: 'must be a service account key ("type": "service_account")' }),
  client_email: z.email('must be the service account’s email'),
  private_key: z
    .string()
    .refine((pem) => /-----BEGIN (RSA )?PRIVATE KEY-----/.test(pem), 'must be a PEM private key (-----BEGIN PRIVATE KEY-----)'),
  private_key_id: z.string().max(200).optional(),
  project_id: z.string().max(200).optional(),
  token_uri: z.url().optional(),
});
export type ServiceAccountKey = z.infer<typeof serviceAccountKeySchema>;

export const ANALYTICS_READONLY_SCOPE = 'https://www.googleapis.com/auth/analytics.readonly';
export const JWT_BEARER_GRANT = 'urn:ietf:params:oauth:grant-type:jwt-bearer';

/** The key from its JSON text, or a message naming what is wrong (never the key itself). */
export function parseServiceAccountKey(text: string): { key: ServiceAccountKey } | { problem: string } {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { problem: 'must be the service account key file’s JSON' };
  }
  const parsed = serviceAccountKeySchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    return { problem: `${issue.path.join('.') || 'key'} ${issue.message}` };
  }
  try {
    crypto.createPrivateKey(parsed.data.private_key);
  } catch {
    return { problem: 'private_key is not a readable private key' };
  }
  return { key: parsed.data };
}

const base64url = (data: string | Buffer) => Buffer.from(data).toString('base64url');

/** The signed assertion for `audience` (the token endpoint), valid from `nowSeconds` for an hour. */
export function signServiceAccountJwt(key: ServiceAccountKey, audience: string, scope: string, nowSeconds = Math.floor(Date.now() / 1000)): string {
  const header = { alg: 'RS256', typ: 'JWT', ...(key.private_key_id ? { kid: key.private_key_id } : {}) };
  const claims = { iss: key.client_email, scope, aud: audience, iat: nowSeconds, exp: nowSeconds + 3600 };
  const unsigned = `${base64url(JSON.stringify(header))}.${base64url(JSON.stringify(claims))}`;
  const signature = crypto.sign('RSA-SHA256', Buffer.from(unsigned), key.private_key);
  return `${unsigned}.${base64url(signature)}`;
}

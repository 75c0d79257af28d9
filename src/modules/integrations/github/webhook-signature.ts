import crypto from 'node:crypto';

/**
 * GitHub's webhook signature (docs.github.com "Validating webhook deliveries"): `X-Hub-Signature-256: sha256=<hex>`,
 * the HMAC-SHA256 of the raw request body keyed with the webhook secret. Checked over the exact bytes received, never
 * over re-serialized JSON, and compared in constant time.
 */
export const GITHUB_SIGNATURE_HEADER = 'x-hub-signature-256';

export function signGitHubPayload(secret: string, body: string | Buffer): string {
  return `sha256=${crypto.createHmac('sha256', secret).update(body).digest('hex')}`;
}

/** True only when `header` is the signature of `body` under `secret`; a missing or malformed header is false. */
export function verifyGitHubSignature(secret: string, body: string | Buffer, header: string | string[] | undefined): boolean {
  if (typeof header !== 'string' || !secret) return false;
  const match = /^sha256=([0-9a-fA-F]{64})$/.exec(header.trim());
  if (!match) return false;
  const given = Buffer.from(match[1]!.toLowerCase(), 'hex');
  const expected = crypto.createHmac('sha256', secret).update(body).digest();
  return given.length === expected.length && crypto.timingSafeEqual(given, expected);
}

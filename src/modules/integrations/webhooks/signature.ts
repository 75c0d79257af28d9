import crypto from 'node:crypto';

/**
 * The signature of an outgoing webhook, the scheme Stripe and GitHub use: HMAC-SHA256 with the integration's signing
 * secret over "<timestamp>.<body>", sent as `X-Atelier-Signature: v1=<hex>` with `X-Atelier-Timestamp: <timestamp>`
 * (Unix seconds). A receiver recomputes it over the raw body and refuses old timestamps, so a captured request cannot
 * be replayed later.
 */
export function signPayload(secret: string, timestamp: number, body: string): string {
  return crypto.createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex');
}

export function signatureHeader(secret: string, timestamp: number, body: string): string {
  return `v1=${signPayload(secret, timestamp, body)}`;
}

/** What a receiver does: true when a v1 signature matches and the timestamp is within `toleranceSeconds` of now. */
export function verifySignature(options: {
  secret: string;
  body: string;
  timestamp: string | undefined;
  signature: string | undefined;
  toleranceSeconds?: number;
  now?: number;
}): boolean {
  const { secret, body, timestamp, signature } = options;
  if (!timestamp || !signature || !/^\d{1,12}$/.test(timestamp)) return false;
  const nowSeconds = Math.floor((options.now ?? Date.now()) / 1000);
  if (Math.abs(nowSeconds - Number(timestamp)) > (options.toleranceSeconds ?? 300)) return false;
  const expected = Buffer.from(signPayload(secret, Number(timestamp), body), 'hex');
  return signature.split(',').some((part) => {
    const [scheme, hex] = part.trim().split('=');
    if (scheme !== 'v1' || !hex || !/^[0-9a-f]{64}$/i.test(hex)) return false;
    return crypto.timingSafeEqual(Buffer.from(hex, 'hex'), expected);
  });
}

import crypto from 'node:crypto';

/**
 * Stripe's webhook signature (docs.stripe.com/webhooks/signatures): the `Stripe-Signature` header is
 * `t=<unix seconds>,v1=<hex>[,v1=<hex>…][,v0=…]`, each v1 being HMAC-SHA256 under the endpoint's signing secret of
 * `"<t>.<raw body>"`. Several v1 values appear while a secret is being rolled; one matching any configured secret is
 * enough. Other schemes (v0, test-only) are ignored. The timestamp must be within `toleranceSeconds` of now, so a
 * captured request cannot be replayed later.
 */
export type SignatureCheck = { ok: true; timestamp: number } | { ok: false; reason: string };

const HEX_SHA256 = /^[0-9a-f]{64}$/i;

export function parseStripeSignature(header: string): { timestamp: number | undefined; signatures: string[] } {
  let timestamp: number | undefined;
  const signatures: string[] = [];
  for (const item of header.split(',')) {
    const at = item.indexOf('=');
    if (at < 0) continue;
    const key = item.slice(0, at).trim();
    const value = item.slice(at + 1).trim();
    if (key === 't' && /^\d{1,12}$/.test(value) && timestamp === undefined) timestamp = Number(value);
    else if (key === 'v1') signatures.push(value);
  }
  return { timestamp, signatures };
}

/** The v1 signature of `payload` sent at `timestamp` (what Stripe computes, and what tests sign with). */
export function stripeSignatureOf(payload: string, secret: string, timestamp: number): string {
  return crypto.createHmac('sha256', secret).update(`${timestamp}.${payload}`, 'utf8').digest('hex');
}

/** A whole `Stripe-Signature` header for `payload`, as Stripe sends it. */
export function stripeSignatureHeader(payload: string, secret: string, timestamp = Math.floor(Date.now() / 1000)): string {
  return `t=${timestamp},v1=${stripeSignatureOf(payload, secret, timestamp)}`;
}

export function verifyStripeSignature(
  payload: string,
  header: string | undefined,
  secrets: readonly string[],
  toleranceSeconds: number,
  nowSeconds = Math.floor(Date.now() / 1000),
): SignatureCheck {
  if (!header) return { ok: false, reason: 'The Stripe-Signature header is missing' };
  const { timestamp, signatures } = parseStripeSignature(header);
  if (timestamp === undefined) return { ok: false, reason: 'The Stripe-Signature header has no timestamp (t=…)' };
  const candidates = signatures.filter((signature) => HEX_SHA256.test(signature));
  if (candidates.length === 0) return { ok: false, reason: 'The Stripe-Signature header has no v1 signature' };
  if (Math.abs(nowSeconds - timestamp) > toleranceSeconds) {
    return { ok: false, reason: `The Stripe-Signature timestamp is more than ${toleranceSeconds} seconds from now` };
  }
  for (const secret of secrets) {
    const expected = Buffer.from(stripeSignatureOf(payload, secret, timestamp), 'hex');
    if (candidates.some((candidate) => crypto.timingSafeEqual(expected, Buffer.from(candidate, 'hex')))) return { ok: true, timestamp };
  }
  return { ok: false, reason: 'No Stripe-Signature v1 signature matches the payload' };
}

import { describe, expect, it } from 'vitest';
import { parseStripeSignature, stripeSignatureHeader, stripeSignatureOf, verifyStripeSignature } from './stripe-signature.js';

const secret = 'whsec_test_secret';
const body = '{"id":"evt_1","object":"event"}';
const now = 1_760_000_000;

describe('Stripe-Signature', () => {
  it('signs "t.body" with HMAC-SHA256 as Stripe documents', () => {
    // HMAC-SHA256("whsec_test_secret", "1760000000.{…}") computed independently with openssl.
    expect(stripeSignatureOf(body, secret, now)).toBe('710305f7feae110e97d01e071f9d466aadf50a718e23f9956b8252f8dc0acd23');
    expect(stripeSignatureOf(body, secret, now)).not.toBe(stripeSignatureOf(body, secret, now + 1));
    expect(stripeSignatureHeader(body, secret, now)).toBe(`t=${now},v1=${stripeSignatureOf(body, secret, now)}`);
  });

  it('accepts a signature that matches, among several v1 values and other schemes', () => {
    const good = stripeSignatureOf(body, secret, now);
    const header = `t=${now},v1=${'0'.repeat(64)},v0=${'1'.repeat(64)},v1=${good}`;
    expect(parseStripeSignature(header)).toEqual({ timestamp: now, signatures: ['0'.repeat(64), good] });
    expect(verifyStripeSignature(body, header, [secret], 300, now + 299)).toEqual({ ok: true, timestamp: now });
    // Either of two configured secrets (while one is rolled).
    expect(verifyStripeSignature(body, header, ['whsec_old', secret], 300, now).ok).toBe(true);
  });

  it('refuses a changed body, another secret, an old timestamp, a missing header or v1', () => {
    const header = stripeSignatureHeader(body, secret, now);
    expect(verifyStripeSignature(`${body} `, header, [secret], 300, now)).toMatchObject({ ok: false, reason: /matches/ });
    expect(verifyStripeSignature(body, header, ['whsec_other'], 300, now).ok).toBe(false);
    expect(verifyStripeSignature(body, header, [secret], 300, now + 301)).toMatchObject({ ok: false, reason: /300 seconds/ });
    expect(verifyStripeSignature(body, header, [secret], 300, now - 301).ok).toBe(false);
    expect(verifyStripeSignature(body, undefined, [secret], 300, now)).toMatchObject({ ok: false, reason: /missing/ });
    expect(verifyStripeSignature(body, `t=${now}`, [secret], 300, now)).toMatchObject({ ok: false, reason: /no v1/ });
    expect(verifyStripeSignature(body, `v1=${stripeSignatureOf(body, secret, now)}`, [secret], 300, now)).toMatchObject({ ok: false, reason: /timestamp/ });
    // A timestamp moved forward with the old signature does not verify.
    const moved = header.replace(`t=${now}`, `t=${now + 100}`);
    expect(verifyStripeSignature(body, moved, [secret], 300, now + 100).ok).toBe(false);
  });
});

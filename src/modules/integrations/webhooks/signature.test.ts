import crypto from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { signatureHeader, verifySignature } from './signature.js';

describe('webhook signatures', () => {
  const secret = 'whsec-unit-test-0123456789';
  const body = '{"id":"e1","type":"story.created"}';
  const now = Date.UTC(2026, 11, 5, 12, 0, 0);
  const timestamp = Math.floor(now / 1000);

  it('is v1= and the hex HMAC-SHA256 of "timestamp.body", as a receiver recomputes it', () => {
    const expected = crypto.createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex');
    expect(signatureHeader(secret, timestamp, body)).toBe(`v1=${expected}`);
  });

  it('verifies only the same secret, body and timestamp, within the tolerance', () => {
    const signature = signatureHeader(secret, timestamp, body);
    const check = (overrides: Partial<Parameters<typeof verifySignature>[0]>) =>
      verifySignature({ secret, body, timestamp: String(timestamp), signature, now, ...overrides });
    expect(check({})).toBe(true);
    expect(check({ secret: 'another-secret-0123456789' })).toBe(false);
    expect(check({ body: body.replace('created', 'moved') })).toBe(false);
    expect(check({ timestamp: String(timestamp + 1) })).toBe(false);
    expect(check({ now: now + 301_000 })).toBe(false);
    expect(check({ signature: signature.replace('v1=', 'v0=') })).toBe(false);
    expect(check({ signature: undefined })).toBe(false);
    expect(check({ signature: `v1=${'0'.repeat(64)},${signature}` })).toBe(true);
  });
});

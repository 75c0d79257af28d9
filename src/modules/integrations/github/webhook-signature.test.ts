import crypto from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { signGitHubPayload, verifyGitHubSignature } from './webhook-signature.js';

describe('GitHub webhook signature', () => {
  // The example in GitHub's "Validating webhook deliveries": secret "It's a Secret to Everybody", body "Hello, World!".
  it('matches the example GitHub documents', () => {
    const expected = 'sha256=757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17';
    expect(signGitHubPayload("It's a Secret to Everybody", 'Hello, World!')).toBe(expected);
    expect(verifyGitHubSignature("It's a Secret to Everybody", Buffer.from('Hello, World!'), expected)).toBe(true);
  });

  it('refuses a wrong secret, a changed body, and a missing or malformed header', () => {
    const body = JSON.stringify({ action: 'closed' });
    const good = signGitHubPayload('s3cret', body);
    expect(verifyGitHubSignature('s3cret', body, good)).toBe(true);
    expect(verifyGitHubSignature('s3cret', body, good.toUpperCase().replace('SHA256', 'sha256'))).toBe(true);
    expect(verifyGitHubSignature('other', body, good)).toBe(false);
    expect(verifyGitHubSignature('s3cret', `${body} `, good)).toBe(false);
    expect(verifyGitHubSignature('s3cret', body, undefined)).toBe(false);
    expect(verifyGitHubSignature('s3cret', body, good.slice(0, -2))).toBe(false);
    expect(verifyGitHubSignature('s3cret', body, `sha1=${crypto.createHmac('sha1', 's3cret').update(body).digest('hex')}`)).toBe(false);
    expect(verifyGitHubSignature('s3cret', body, [good])).toBe(false);
    expect(verifyGitHubSignature('', body, signGitHubPayload('', body))).toBe(false);
  });
});

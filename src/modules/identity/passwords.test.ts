import { describe, expect, it } from 'vitest';
import { hashPassword, isCommonPassword, passwordNeedsRehash, passwordProblem, verifyAgainstDummy, verifyPassword } from './passwords.js';

describe('password policy', () => {
  it('counts characters as code points, not UTF-16 units', () => {
    expect(passwordProblem('\u{1F600}'.repeat(7))).toMatch(/at least 8/);
    expect(passwordProblem('\u{1F600}'.repeat(8))).toBeUndefined();
    expect(passwordProblem('\u{1F600}'.repeat(256))).toBeUndefined();
    expect(passwordProblem('\u{1F600}'.repeat(257))).toMatch(/at most 256/);
  });

  it('refuses common passwords whatever their case', () => {
    expect(isCommonPassword('password')).toBe(true);
    expect(isCommonPassword('PaSsWoRd')).toBe(true);
    expect(passwordProblem('Qwertyuiop')).toMatch(/too common/);
    expect(passwordProblem('violet tractor of midnight')).toBeUndefined();
  });

  it('refuses passwords of spaces or invisible characters only, but not passwords with spaces', () => {
    for (const blank of [' '.repeat(8), '\t'.repeat(8), ' \r\n '.repeat(2), '\u00a0'.repeat(8), '\u3000'.repeat(8), '\u200b'.repeat(8)]) {
      expect(passwordProblem(blank), JSON.stringify(blank)).toBe('must contain something other than spaces');
    }
    expect(passwordProblem('       .')).toBeUndefined();
    expect(passwordProblem('  violet tractor  ')).toBeUndefined();
  });

  it('refuses the email address and the username', () => {
    expect(passwordProblem('Ada@Example.com', { email: 'ada@example.com' })).toMatch(/email/);
    expect(passwordProblem('lovelace1815', { username: 'Lovelace1815' })).toMatch(/username/);
  });
});

describe('password hashing', () => {
  it('uses argon2id with at least 19 MiB and 2 iterations, and verifies canonically equivalent input', async () => {
    const composed = 'caf\u00e9 au lait, s\u2019il vous pla\u00eet';
    const decomposed = composed.normalize('NFD');
    const hash = await hashPassword(composed);
    expect(hash).toMatch(/^\$argon2id\$v=19\$m=19456,p=1,t=2\$/);
    expect(passwordNeedsRehash(hash)).toBe(false);
    expect(await verifyPassword(hash, decomposed)).toBe(true);
    expect(await verifyPassword(hash, `${composed} `)).toBe(false);
    expect(await verifyPassword('not a hash', composed)).toBe(false);
    expect(await verifyAgainstDummy(composed)).toBe(false);
  });

  it('asks for a rehash of weaker hashes', () => {
    expect(passwordNeedsRehash('$argon2id$v=19$m=4096,t=3,p=1$c29tZXNhbHQ$RdescudvJCsgt3ub+b+dWRWJTmaaJObG')).toBe(true);
  });
});

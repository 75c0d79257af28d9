import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createSecretBox, loadSecretKey, parseSecretKey } from './secret-box.js';

describe('secret box', () => {
  const box = createSecretBox(crypto.randomBytes(32));

  it('opens what it sealed, and never seals the same secret to the same text twice', () => {
    const sealed = box.seal('sk-live-123');
    expect(sealed).not.toContain('sk-live-123');
    expect(box.open(sealed)).toBe('sk-live-123');
    expect(box.seal('sk-live-123')).not.toBe(sealed);
  });

  it('refuses a tampered ciphertext and a different key', () => {
    const sealed = box.seal('sk-live-123');
    const parts = sealed.split(':');
    const tampered = Buffer.from(parts[3]!, 'base64');
    tampered[0] = tampered[0]! ^ 1;
    parts[3] = tampered.toString('base64');
    expect(() => box.open(parts.join(':'))).toThrow();
    expect(() => createSecretBox(crypto.randomBytes(32)).open(sealed)).toThrow();
  });

  it('takes a key as hex or base64 and creates one in the data directory once', () => {
    const key = crypto.randomBytes(32);
    expect(parseSecretKey(key.toString('hex')).equals(key)).toBe(true);
    expect(parseSecretKey(key.toString('base64')).equals(key)).toBe(true);
    expect(() => parseSecretKey('abcd')).toThrow(/32 bytes/);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'atelier-key-'));
    const first = loadSecretKey(undefined, dir);
    expect(loadSecretKey(undefined, dir).equals(first)).toBe(true);
    expect(fs.statSync(path.join(dir, 'secret.key')).mode & 0o777).toBe(0o600);
    fs.rmSync(dir, { recursive: true });
  });
});

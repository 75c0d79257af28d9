import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

/**
 * Encrypts secrets at rest (organizations' provider API keys) with AES-256-GCM: a fresh 96-bit IV per secret and the
 * 128-bit tag, so a changed ciphertext is detected rather than decrypted to garbage.
 */
export type SecretBox = { seal(plaintext: string): string; open(sealed: string): string };

const VERSION = 'v1';

export function createSecretBox(key: Buffer): SecretBox {
  if (key.length !== 32) throw new Error('The secret key must be 32 bytes');
  return {
    seal(plaintext) {
      const iv = crypto.randomBytes(12);
      const cipher = crypto.createCipheriv('aes-256-gcm', key, iv);
      const ciphertext = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
      return [VERSION, iv.toString('base64'), cipher.getAuthTag().toString('base64'), ciphertext.toString('base64')].join(':');
    },
    open(sealed) {
      const [version, iv, tag, ciphertext] = sealed.split(':');
      if (version !== VERSION || !iv || !tag || ciphertext === undefined) throw new Error('Unknown secret format');
      const decipher = crypto.createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64'));
      decipher.setAuthTag(Buffer.from(tag, 'base64'));
      return Buffer.concat([decipher.update(Buffer.from(ciphertext, 'base64')), decipher.final()]).toString('utf8');
    },
  };
}

/** ATELIER_SECRET_KEY as 64 hex digits or base64 of 32 bytes. */
export function parseSecretKey(text: string): Buffer {
  const key = /^[0-9a-fA-F]{64}$/.test(text) ? Buffer.from(text, 'hex') : Buffer.from(text, 'base64');
  if (key.length !== 32) throw new Error('ATELIER_SECRET_KEY must be 32 bytes (64 hex digits or base64)');
  return key;
}

/**
 * The configured key, or the one in DATA_DIR/secret.key, created on first start (readable by the owner only).
 * Several servers sharing a PostgreSQL database must share the key: set ATELIER_SECRET_KEY on each.
 */
export function loadSecretKey(configured: string | undefined, dataDir: string): Buffer {
  if (configured) return parseSecretKey(configured);
  const file = path.join(dataDir, 'secret.key');
  try {
    return parseSecretKey(fs.readFileSync(file, 'utf8').trim());
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  fs.mkdirSync(dataDir, { recursive: true });
  const key = crypto.randomBytes(32);
  try {
    fs.writeFileSync(file, `${key.toString('hex')}\n`, { mode: 0o600, flag: 'wx' });
    return key;
  } catch (error) {
    // Another process created it first: use theirs.
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return parseSecretKey(fs.readFileSync(file, 'utf8').trim());
    throw error;
  }
}

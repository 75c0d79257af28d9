import crypto from 'node:crypto';

/** 256 random bits, URL-safe; the prefix tells a leaked token's kind at a glance (as GitHub's do). */
export function newSecretToken(prefix: 'at' | 'rt' | 'ev' | 'rc'): string {
  return `${prefix}_${crypto.randomBytes(32).toString('base64url')}`;
}

/** Secrets are stored only as this hash; high-entropy tokens need no slow hash. */
export function hashSecret(secret: string): string {
  return crypto.createHash('sha256').update(secret).digest('hex');
}

import crypto from 'node:crypto';
import { argon2id, hash, needsRehash, verify } from 'argon2';
import { dictionary } from '@zxcvbn-ts/language-common';

/**
 * Password policy and hashing (OWASP ASVS 2.1 and 2.4): 8–256 characters counted as Unicode code points and never
 * truncated, not only spaces (or other invisible characters), refused when found in a list of common passwords or equal to the account's email or username, stored
 * as argon2id with at least the OWASP minimum of 19 MiB memory and 2 iterations.
 */
export const PASSWORD_MIN_LENGTH = 8;
export const PASSWORD_MAX_LENGTH = 256;

const HASH_OPTIONS = { type: argon2id, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

let commonPasswords: Set<string> | undefined;

/** ~49,000 leaked passwords from the zxcvbn-ts common dictionary, lower-cased; loaded on first use. */
function commonPasswordSet(): Set<string> {
  commonPasswords ??= new Set(dictionary['passwords-common'].map((password) => password.toLowerCase()));
  return commonPasswords;
}

export function isCommonPassword(password: string): boolean {
  return commonPasswordSet().has(password.toLowerCase());
}

/** Spaces of any kind, line breaks, control and invisible format characters (such as the zero-width space) only. */
const BLANK = /^[\s\p{Z}\p{Cc}\p{Cf}]*$/u;

/** Why a new password is refused, or undefined when it is acceptable. */
export function passwordProblem(password: string, context: { email?: string | null; username?: string | null } = {}): string | undefined {
  const length = [...password].length;
  if (length < PASSWORD_MIN_LENGTH) return `must be at least ${PASSWORD_MIN_LENGTH} characters long`;
  if (length > PASSWORD_MAX_LENGTH) return `must be at most ${PASSWORD_MAX_LENGTH} characters long`;
  if (BLANK.test(password)) return 'must contain something other than spaces';
  const lowered = password.toLowerCase();
  if (context.email && lowered === context.email.toLowerCase()) return 'must not be your email address';
  if (context.username && lowered === context.username.toLowerCase()) return 'must not be your username';
  if (isCommonPassword(password)) return 'is too common; choose one that is not on lists of leaked passwords';
  return undefined;
}

/**
 * The same text typed on different keyboards can arrive as different code point sequences; NFKC makes them one
 * (NIST SP 800-63B 5.1.1.2). Applied before hashing and before verifying, never before the length check.
 */
function normalized(password: string): string {
  return password.normalize('NFKC');
}

export async function hashPassword(password: string): Promise<string> {
  return hash(normalized(password), HASH_OPTIONS);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, normalized(password));
  } catch {
    // A malformed stored hash never authenticates.
    return false;
  }
}

/** True when a stored hash was made with weaker parameters than today's; the next successful login rehashes it. */
export function passwordNeedsRehash(passwordHash: string): boolean {
  try {
    return needsRehash(passwordHash, HASH_OPTIONS);
  } catch {
    return true;
  }
}

let dummyHash: Promise<string> | undefined;

/** Computes the dummy hash ahead of the first login, so even that one takes no longer for an unknown email. */
export function primeDummyHash(): Promise<string> {
  dummyHash ??= hashPassword(crypto.randomBytes(32).toString('base64url')).catch((error: unknown) => {
    dummyHash = undefined;
    throw error;
  });
  return dummyHash;
}

/**
 * Spends the time of a real verification when there is no account (or no password) to check against, so the
 * answer to an unknown email takes as long as the answer to a wrong password.
 */
export async function verifyAgainstDummy(password: string): Promise<false> {
  await verifyPassword(await primeDummyHash(), password);
  return false;
}

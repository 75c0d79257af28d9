import { and, desc, eq, sql } from 'drizzle-orm';
import type { Tx } from '../../core/db/database.js';
import { loginAttempts } from '../../core/db/platform.schema.js';
import { AppError } from '../../core/errors.js';

/**
 * Login throttling, shared by every server process through app.login_attempts (rows written as atelier_system).
 *
 * Guessing is limited where it does harm, per account, without letting one address lock out everybody else behind
 * it (OWASP Authentication and Credential Stuffing cheat sheets):
 *
 * - per account: MAX_FAILURES_PER_ACCOUNT failures in the window lock the account, from every address, until the
 *   oldest of them leaves the window. Unknown emails count exactly like existing ones, so the lock tells nothing.
 * - per (address, account): MAX_FAILURES_PER_ADDRESS_AND_ACCOUNT failures lock the account for that address only,
 *   so one address alone cannot lock the owner out from elsewhere.
 * - per address, over all accounts: never a refusal (behind a proxy without TRUST_PROXY every user shares one
 *   address), but a delay that grows with the failures past ADDRESS_DELAY_AFTER_FAILURES and is capped at
 *   ADDRESS_DELAY_MAX_MS. It applies to every attempt from the address, right or wrong, so it tells nothing either.
 *
 * Account counts only include failures after the account's last success: the owner logging in (or resetting the
 * password) starts afresh. A locked attempt is refused before the password is checked, and is not counted.
 *
 * The attempt is recorded as a failure before the password is checked, under a per-email advisory lock, and turned
 * into a success afterwards: concurrent guesses see each other, so sending many at once does not get past the limit.
 */
export const LOGIN_WINDOW_MINUTES = 15;
export const MAX_FAILURES_PER_ACCOUNT = 10;
export const MAX_FAILURES_PER_ADDRESS_AND_ACCOUNT = 5;
export const ADDRESS_DELAY_AFTER_FAILURES = 20;
/** The delay doubles with every ADDRESS_DELAY_DOUBLING_FAILURES further failures from the address. */
export const ADDRESS_DELAY_DOUBLING_FAILURES = 10;
export const ADDRESS_DELAY_BASE_MS = 100;
export const ADDRESS_DELAY_MAX_MS = 4000;
/** Counting the failures of an address stops here: the delay reached its cap long before. */
const ADDRESS_COUNT_LIMIT = 1000;
/** First key of the two-key advisory locks taken here ('lgn'); the second is a hash of the email. */
const LOCK_CLASS = 0x6c676e;

/** How long an attempt from an address waits, given that address's failures in the window (over all accounts). */
export function addressDelayMs(failures: number): number {
  if (failures < ADDRESS_DELAY_AFTER_FAILURES) return 0;
  const steps = (failures - ADDRESS_DELAY_AFTER_FAILURES) / ADDRESS_DELAY_DOUBLING_FAILURES;
  return Math.min(ADDRESS_DELAY_MAX_MS, Math.round(ADDRESS_DELAY_BASE_MS * 2 ** steps));
}

/** "15 minutes", "1 minute", "40 seconds": when to try again, in words. */
export function inWords(seconds: number): string {
  if (seconds < 60) return seconds === 1 ? '1 second' : `${seconds} seconds`;
  const minutes = Math.ceil(seconds / 60);
  return minutes === 1 ? '1 minute' : `${minutes} minutes`;
}

function accountLocked(retryAfter: number): AppError {
  return new AppError(
    'TOO_MANY_REQUESTS',
    `Too many failed login attempts for this account; try again in ${inWords(retryAfter)}, or reset your password to log in now`,
    { headers: { 'retry-after': String(retryAfter) }, details: { retryAfterSeconds: retryAfter } },
  );
}

export type StartedAttempt = {
  /** The row recorded as a failure; pass it to loginAttemptSucceeded once the password checked out. */
  attemptId: number;
  /** How long to wait before answering (the address's growing delay); 0 mostly. */
  delayMs: number;
};

/**
 * Refuses with 429 (and Retry-After) while the account is locked, for every address or for this one; otherwise
 * records the attempt as a failure and says how long to wait before checking the password. Runs in the caller's
 * atelier_system transaction; the row is visible to other attempts once that transaction commits.
 */
export async function startLoginAttempt(tx: Tx, email: string, ipAddress: string): Promise<StartedAttempt> {
  // Concurrent attempts on one account take turns here, so each sees the failures recorded before it.
  await tx.execute(sql`SELECT pg_advisory_xact_lock(${LOCK_CLASS}::int, hashtext(${email}))`);
  const window = sql`now() - make_interval(mins => ${LOGIN_WINDOW_MINUTES})`;
  const secondsLeft = sql<number>`greatest(1, ceil(extract(epoch from (${loginAttempts.createdAt} + make_interval(mins => ${LOGIN_WINDOW_MINUTES}) - now()))))::int`;
  const lastSuccess = sql`coalesce((SELECT max(s.created_at) FROM app.login_attempts s WHERE s.email = ${email} AND s.succeeded), '-infinity'::timestamptz)`;
  const accountFailures = and(
    eq(loginAttempts.email, email),
    eq(loginAttempts.succeeded, false),
    sql`${loginAttempts.createdAt} > ${window}`,
    sql`${loginAttempts.createdAt} > ${lastSuccess}`,
  );
  // The most recent failures, enough to tell whether the limit is reached; the last one leaves the window first.
  const byAccount = await tx
    .select({ ipAddress: loginAttempts.ipAddress, secondsLeft })
    .from(loginAttempts)
    .where(accountFailures)
    .orderBy(desc(loginAttempts.createdAt))
    .limit(MAX_FAILURES_PER_ACCOUNT);
  if (byAccount.length >= MAX_FAILURES_PER_ACCOUNT) throw accountLocked(byAccount.at(-1)!.secondsLeft);
  const byPair = await tx
    .select({ secondsLeft })
    .from(loginAttempts)
    .where(and(accountFailures, eq(loginAttempts.ipAddress, ipAddress)))
    .orderBy(desc(loginAttempts.createdAt))
    .limit(MAX_FAILURES_PER_ADDRESS_AND_ACCOUNT);
  if (byPair.length >= MAX_FAILURES_PER_ADDRESS_AND_ACCOUNT) throw accountLocked(byPair.at(-1)!.secondsLeft);

  const recent = tx
    .select({ id: loginAttempts.id })
    .from(loginAttempts)
    .where(and(eq(loginAttempts.ipAddress, ipAddress), eq(loginAttempts.succeeded, false), sql`${loginAttempts.createdAt} > ${window}`))
    .limit(ADDRESS_COUNT_LIMIT)
    .as('recent');
  const [address] = await tx.select({ failures: sql<number>`count(*)::int` }).from(recent);
  const [row] = await tx.insert(loginAttempts).values({ email, ipAddress, succeeded: false }).returning({ id: loginAttempts.id });
  return { attemptId: row!.id, delayMs: addressDelayMs(Number(address?.failures ?? 0)) };
}

/** The password checked out: the attempt counts as a success, which also ends the account's failure count. */
export async function loginAttemptSucceeded(tx: Tx, attemptId: number): Promise<void> {
  await tx.update(loginAttempts).set({ succeeded: true }).where(eq(loginAttempts.id, attemptId));
}

/** A success that was no login attempt (a password reset proved the mailbox): the account starts afresh. */
export async function recordLoginSuccess(tx: Tx, email: string, ipAddress: string): Promise<void> {
  await tx.insert(loginAttempts).values({ email, ipAddress, succeeded: true });
}

export function pause(ms: number): Promise<void> {
  return ms > 0 ? new Promise((resolve) => setTimeout(resolve, ms)) : Promise.resolve();
}

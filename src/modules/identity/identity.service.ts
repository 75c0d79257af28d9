import crypto from 'node:crypto';
import { and, asc, eq, gt, inArray, isNull, sql } from 'drizzle-orm';
import { recordAudit, type Actor } from '../../core/audit.js';
import { forgetSessions } from '../../core/auth/authenticate.js';
import { hashSecret, newSecretToken } from '../../core/auth/secrets.js';
import type { Database, Tx } from '../../core/db/database.js';
import {
  auditLog,
  loginAttempts,
  organizationMembers,
  organizations,
  projects,
  tokens,
  userSessions,
  users,
} from '../../core/db/platform.schema.js';
import { asSystem, switchToUser, withUser } from '../../core/db/tenancy.js';
import { AppError } from '../../core/errors.js';
import { newId } from '../../core/ids.js';
import type { MailMessage, Mailer } from '../../core/mail.js';
import { createOrganization } from '../organizations/index.js';
import type { AccountExport, UserView } from './identity.contract.js';
import { loginAttemptSucceeded, pause, recordLoginSuccess, startLoginAttempt } from './login-throttle.js';
import { hashPassword, passwordNeedsRehash, passwordProblem, verifyAgainstDummy, verifyPassword } from './passwords.js';

export const ACCESS_TOKEN_TTL_SECONDS = 15 * 60;
/** A login lives at most this long; refresh tokens rotate within it, then the user logs in again (ASVS 3.3.2). */
export const SESSION_TTL_MS = 30 * 24 * 60 * 60 * 1000;
export const VERIFICATION_TTL_MS = 24 * 60 * 60 * 1000;
export const RESET_CODE_TTL_MS = 10 * 60 * 1000;
export const RESET_CODE_MAX_ATTEMPTS = 5;
/** A new verification or reset mail for the same account is sent at most once a minute (no mailbox flooding). */
const MAIL_COOLDOWN_MS = 60 * 1000;

export type IdentityDeps = {
  db: Database;
  mailer: Mailer;
  publicUrl: string;
  log: { error(details: object, message: string): void };
};

export type UserRow = typeof users.$inferSelect;

/** What login and refresh hand out; the routes put the tokens in the body and in cookies. */
export type SessionGrant = {
  accessToken: string;
  refreshToken: string;
  expiresIn: number;
  sessionExpiresAt: Date;
  user: UserView;
};

// ---------------------------------------------------------------------------------------------------------------
// Helpers
// ---------------------------------------------------------------------------------------------------------------

export function toUserView(row: UserRow): UserView {
  return {
    id: row.id,
    name: row.name,
    username: row.username,
    email: row.email,
    status: row.status,
    emailVerified: row.emailVerified,
    authProvider: row.authProvider,
    subscriptionTier: row.subscriptionTier,
    isPro: row.isPro ?? false,
    gdprConsentAt: iso(row.gdprConsentAt),
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

function iso(value: Date | null): string | null {
  return value ? value.toISOString() : null;
}

function passwordRefused(problem: string): AppError {
  return new AppError('VALIDATION_FAILED', `Invalid body: password: ${problem}`, {
    details: [{ field: 'password', message: problem, in: 'body' }],
  });
}

function invalidCredentials(): AppError {
  return new AppError('INVALID_CREDENTIALS', 'The email or password is incorrect');
}

function invalidRefreshToken(): AppError {
  return new AppError('UNAUTHENTICATED', 'The refresh token is invalid, expired or revoked; log in again');
}

function sameHash(a: string, b: string): boolean {
  const left = Buffer.from(a, 'hex');
  const right = Buffer.from(b, 'hex');
  return left.length === right.length && crypto.timingSafeEqual(left, right);
}

/** Drizzle wraps driver errors (DrizzleQueryError) and keeps the PostgreSQL error as `cause`. */
function uniqueViolationOf(error: unknown): string | undefined {
  let current: unknown = error;
  for (let depth = 0; depth < 5 && current && typeof current === 'object'; depth++) {
    const candidate = current as { code?: unknown; constraint?: unknown; cause?: unknown };
    if (candidate.code === '23505') return typeof candidate.constraint === 'string' ? candidate.constraint : '';
    current = candidate.cause;
  }
  return undefined;
}

function usernameTaken(): AppError {
  return new AppError('CONFLICT', 'This username is already taken', {
    details: [{ field: 'username', message: 'is already taken', in: 'body' }],
  });
}

/** Maps a unique violation on users.username to a 409 naming the field. */
function userConflict(error: unknown): AppError | undefined {
  return uniqueViolationOf(error) === 'users_username_key' ? usernameTaken() : undefined;
}

async function selectUser(tx: Tx, userId: string): Promise<UserRow> {
  const [row] = await tx.select().from(users).where(eq(users.id, userId));
  if (!row) throw new AppError('UNAUTHENTICATED', 'The account no longer exists');
  return row;
}

/**
 * Mail goes out after the transaction committed (the link must work when it arrives). A failing mail server must
 * not undo a registration or tell an attacker whether an account exists, so failures are logged, not thrown.
 */
async function deliver(deps: IdentityDeps, message: MailMessage): Promise<void> {
  try {
    await deps.mailer.send(message);
  } catch (error) {
    deps.log.error({ err: error, subject: message.subject }, 'mail delivery failed');
  }
}

function link(deps: IdentityDeps, path: string, params: Record<string, string>): string {
  return `${deps.publicUrl}${path}?${new URLSearchParams(params).toString()}`;
}

function verificationMail(deps: IdentityDeps, user: { email: string; name: string }, token: string): MailMessage {
  const url = link(deps, '/verify-email', { token });
  return {
    to: user.email,
    subject: 'Confirm your email address for Atelier',
    text: [
      `Hello ${user.name},`,
      '',
      'Confirm your email address to finish creating your Atelier account:',
      '',
      url,
      '',
      'The link works once and expires in 24 hours. If you did not create an account, ignore this message.',
    ].join('\n'),
  };
}

function resetMail(deps: IdentityDeps, user: { email: string; name: string }, code: string): MailMessage {
  const url = link(deps, '/reset-password', { email: user.email, code });
  return {
    to: user.email,
    subject: 'Reset your Atelier password',
    text: [
      `Hello ${user.name},`,
      '',
      'Someone (hopefully you) asked to reset the password of your Atelier account. Choose a new password here:',
      '',
      url,
      '',
      `Or enter this code: ${code}`,
      '',
      'The code works once and expires in 10 minutes. If you did not ask for it, ignore this message: your password',
      'stays as it is.',
    ].join('\n'),
  };
}

function existingAccountMail(deps: IdentityDeps, user: { email: string; name: string }): MailMessage {
  return {
    to: user.email,
    subject: 'Someone tried to register an Atelier account with your email',
    text: [
      `Hello ${user.name},`,
      '',
      'Someone (hopefully you) tried to register an Atelier account with your email address. You already have an',
      'account, so no new one was created.',
      '',
      'If it was you, log in:',
      '',
      link(deps, '/login', { email: user.email }),
      '',
      'or, if you do not remember your password, reset it:',
      '',
      link(deps, '/forgot-password', { email: user.email }),
      '',
      'If it was not you, ignore this message: your account stays as it is.',
    ].join('\n'),
  };
}

function personalOrganizationName(name: string): string {
  return `${[...name].slice(0, 230).join('')}'s workspace`;
}

// ---------------------------------------------------------------------------------------------------------------
// Registration and email verification
// ---------------------------------------------------------------------------------------------------------------

export type RegisterInput = { name: string; email: string; password: string; username?: string | undefined; gdprConsent?: boolean | undefined };

/**
 * Creates the account (pending) with its personal organization in one transaction, then mails the verification
 * link. An email that already has an account gets the same answer (nothing tells the two apart: same result, a
 * password hash either way, a mail either way); its owner is mailed instead, so a real person who forgot they have an
 * account learns how to get in. A taken username is refused before the email is looked at, so that answer does not
 * depend on the email either.
 */
export async function registerUser(deps: IdentityDeps, input: RegisterInput, actor: Actor): Promise<void> {
  const problem = passwordProblem(input.password, { email: input.email, username: input.username ?? null });
  if (problem) throw passwordRefused(problem);
  const passwordHash = await hashPassword(input.password);
  if (input.username) {
    const username = input.username;
    const taken = await asSystem(deps.db, async (tx) => {
      const [row] = await tx.select({ id: users.id }).from(users).where(eq(users.username, username));
      return row !== undefined;
    });
    if (taken) throw usernameTaken();
  }
  const userId = newId();
  const token = newSecretToken('ev');
  const startedAt = performance.now();
  let row: UserRow;
  try {
    row = await asSystem(deps.db, async (tx) => {
      // The runtime role has no INSERT policy on users: creating an account acts for nobody yet.
      await tx.insert(users).values({
        id: userId,
        name: input.name,
        username: input.username ?? null,
        email: input.email,
        passwordHash,
        status: 'pending',
        emailVerificationTokenHash: hashSecret(token),
        emailVerificationExpiresAt: new Date(Date.now() + VERIFICATION_TTL_MS),
        gdprConsentAt: input.gdprConsent ? new Date() : null,
      });
      // Everything else runs as the new user, under the same policies as any request.
      await switchToUser(tx, userId);
      const self = { ...actor, userId };
      const organization = await createOrganization(tx, self, { name: personalOrganizationName(input.name), isPersonal: true });
      await recordAudit(tx, self, {
        action: 'user_registered',
        resourceType: 'user',
        resourceId: userId,
        details: { personalOrganizationId: organization.id, gdprConsent: input.gdprConsent === true },
      });
      return selectUser(tx, userId);
    });
  } catch (error) {
    if (uniqueViolationOf(error) === 'users_email_key') return registrationOfExistingEmail(deps, input.email, actor, startedAt);
    throw userConflict(error) ?? error;
  }
  accountCreationTime.observe(performance.now() - startedAt);
  // Not awaited, here as for an existing email: how long the mail server takes must not tell the two apart.
  void deliver(deps, verificationMail(deps, row, token));
}

/**
 * How long creating an account (its rows, organization and audit) takes in this process: the median of the last
 * few, so one slow first registration does not count for long. Answering for an email that already has an account
 * does less work; it waits out the difference, so the time of the answer does not tell the two apart either.
 */
const accountCreationTime = {
  recentMs: [] as number[],
  observe(ms: number): void {
    this.recentMs.push(ms);
    if (this.recentMs.length > 15) this.recentMs.shift();
  },
  get typicalMs(): number {
    const sorted = [...this.recentMs].sort((a, b) => a - b);
    return sorted[Math.floor(sorted.length / 2)] ?? 0;
  },
};

/** Someone registered an email that has an account: audit it and tell the owner (at most once a minute). */
async function registrationOfExistingEmail(deps: IdentityDeps, email: string, actor: Actor, startedAt: number): Promise<void> {
  const owner = await asSystem(deps.db, async (tx) => {
    const [row] = await tx
      .select({ id: users.id, name: users.name, email: users.email, status: users.status })
      .from(users)
      .where(sql`lower(${users.email}) = ${email}`);
    if (!row) return undefined;
    const [recent] = await tx
      .select({ id: auditLog.id })
      .from(auditLog)
      .where(
        and(
          eq(auditLog.userId, row.id),
          eq(auditLog.action, 'registration_of_existing_email'),
          gt(auditLog.timestamp, new Date(Date.now() - MAIL_COOLDOWN_MS)),
        ),
      )
      .limit(1);
    await recordAudit(tx, { ...actor, userId: row.id }, {
      action: 'registration_of_existing_email',
      resourceType: 'user',
      resourceId: row.id,
      details: { mailed: !recent && row.status !== 'inactive' },
    });
    // A disabled account cannot log in or reset its password: nothing to tell its owner.
    return recent || row.status === 'inactive' ? undefined : row;
  });
  await pause(accountCreationTime.typicalMs - (performance.now() - startedAt));
  if (owner) void deliver(deps, existingAccountMail(deps, owner));
}

export async function verifyEmail(deps: IdentityDeps, token: string, actor: Actor): Promise<UserView> {
  const tokenHash = hashSecret(token);
  const found = await asSystem(deps.db, async (tx) => {
    const [row] = await tx
      .select({ id: users.id, expiresAt: users.emailVerificationExpiresAt })
      .from(users)
      .where(eq(users.emailVerificationTokenHash, tokenHash));
    return row;
  });
  const invalid = new AppError('INVALID_TOKEN', 'The verification link is invalid or has expired; ask for a new one');
  if (!found || !found.expiresAt || found.expiresAt <= new Date()) throw invalid;
  const row = await withUser(deps.db, found.id, async (tx) => {
    // Conditional on the same token, so two clicks of one link verify once.
    const [updated] = await tx
      .update(users)
      .set({
        emailVerified: true,
        emailVerifiedAt: new Date(),
        status: sql`CASE WHEN ${users.status} = 'pending' THEN 'active' ELSE ${users.status} END`,
        emailVerificationTokenHash: null,
        emailVerificationExpiresAt: null,
      })
      .where(and(eq(users.id, found.id), eq(users.emailVerificationTokenHash, tokenHash)))
      .returning();
    if (!updated) return undefined;
    await recordAudit(tx, { ...actor, userId: found.id }, { action: 'email_verified', resourceType: 'user', resourceId: found.id });
    return updated;
  });
  if (!row) throw invalid;
  return toUserView(row);
}

/** Always answers the same way; mails a fresh link only to an existing, still unverified account. */
export async function resendVerification(deps: IdentityDeps, email: string): Promise<void> {
  const found = await asSystem(deps.db, async (tx) => {
    const [row] = await tx
      .select({ id: users.id, name: users.name, email: users.email, emailVerified: users.emailVerified, expiresAt: users.emailVerificationExpiresAt })
      .from(users)
      .where(sql`lower(${users.email}) = ${email}`);
    return row;
  });
  if (!found || found.emailVerified) return;
  const issuedAt = found.expiresAt ? found.expiresAt.getTime() - VERIFICATION_TTL_MS : 0;
  if (Date.now() - issuedAt < MAIL_COOLDOWN_MS) return;
  const token = newSecretToken('ev');
  await withUser(deps.db, found.id, async (tx) => {
    await tx
      .update(users)
      .set({ emailVerificationTokenHash: hashSecret(token), emailVerificationExpiresAt: new Date(Date.now() + VERIFICATION_TTL_MS) })
      .where(eq(users.id, found.id));
  });
  // Not awaited: a slow mail server must not tell whether the account exists.
  void deliver(deps, verificationMail(deps, found, token));
}

// ---------------------------------------------------------------------------------------------------------------
// Login throttling: see login-throttle.ts
// ---------------------------------------------------------------------------------------------------------------

function ipOf(actor: Actor): string {
  return actor.ipAddress ?? 'unknown';
}

// ---------------------------------------------------------------------------------------------------------------
// Login, refresh, logout
// ---------------------------------------------------------------------------------------------------------------

type IssuedTokens = { accessToken: string; refreshToken: string; sessionExpiresAt: Date };

async function issueRefreshToken(tx: Tx, userId: string, sessionId: string, expiresAt: Date): Promise<string> {
  const refreshToken = newSecretToken('rt');
  await tx.insert(tokens).values({ id: newId(), userId, sessionId, kind: 'refresh', tokenHash: hashSecret(refreshToken), expiryDate: expiresAt });
  return refreshToken;
}

async function startSession(tx: Tx, userId: string, actor: Actor): Promise<IssuedTokens & { sessionId: string }> {
  const sessionId = newId();
  const accessToken = newSecretToken('at');
  const now = Date.now();
  const sessionExpiresAt = new Date(now + SESSION_TTL_MS);
  await tx.insert(userSessions).values({
    id: sessionId,
    userId,
    accessTokenHash: hashSecret(accessToken),
    accessExpiresAt: new Date(now + ACCESS_TOKEN_TTL_SECONDS * 1000),
    expiresAt: sessionExpiresAt,
    ipAddress: actor.ipAddress,
    userAgent: actor.userAgent?.slice(0, 500) ?? null,
  });
  const refreshToken = await issueRefreshToken(tx, userId, sessionId, sessionExpiresAt);
  return { sessionId, accessToken, refreshToken, sessionExpiresAt };
}

export async function login(deps: IdentityDeps, input: { email: string; password: string }, actor: Actor): Promise<SessionGrant> {
  const ipAddress = ipOf(actor);
  const { attempt, account } = await asSystem(deps.db, async (tx) => {
    const started = await startLoginAttempt(tx, input.email, ipAddress);
    const [row] = await tx
      .select({ id: users.id, passwordHash: users.passwordHash, status: users.status, emailVerified: users.emailVerified })
      .from(users)
      .where(sql`lower(${users.email}) = ${input.email}`);
    return { attempt: started, account: row };
  });
  await pause(attempt.delayMs);
  const passwordOk = account?.passwordHash
    ? await verifyPassword(account.passwordHash, input.password)
    : await verifyAgainstDummy(input.password);

  if (!account || !passwordOk) {
    // The attempt is already recorded as a failure.
    await asSystem(deps.db, async (tx) => {
      await recordAudit(tx, { ...actor, userId: account?.id ?? null }, {
        action: 'user_login_failed',
        resourceType: 'user',
        resourceId: account?.id ?? null,
        details: { email: input.email, reason: account ? 'wrong_password' : 'unknown_email' },
      });
    });
    throw invalidCredentials();
  }
  // The password checked out, so these answers tell nothing to someone who does not already know it.
  await asSystem(deps.db, (tx) => loginAttemptSucceeded(tx, attempt.attemptId));
  if (!account.emailVerified) {
    throw new AppError('EMAIL_NOT_VERIFIED', 'Confirm your email address first: follow the link we sent you, or ask for a new one');
  }
  if (account.status !== 'active') throw new AppError('FORBIDDEN', 'This account is disabled');

  const rehash = passwordNeedsRehash(account.passwordHash!) ? await hashPassword(input.password) : undefined;
  return withUser(deps.db, account.id, async (tx) => {
    const issued = await startSession(tx, account.id, actor);
    const [row] = await tx
      .update(users)
      .set({ lastLoginAt: new Date(), ...(rehash ? { passwordHash: rehash } : {}) })
      .where(eq(users.id, account.id))
      .returning();
    await recordAudit(tx, { ...actor, userId: account.id }, {
      action: 'user_login',
      resourceType: 'session',
      resourceId: issued.sessionId,
    });
    return grantOf(issued, row!);
  });
}

function grantOf(issued: IssuedTokens, row: UserRow): SessionGrant {
  return {
    accessToken: issued.accessToken,
    refreshToken: issued.refreshToken,
    expiresIn: ACCESS_TOKEN_TTL_SECONDS,
    sessionExpiresAt: issued.sessionExpiresAt,
    user: toUserView(row),
  };
}

/** Revokes a session and every refresh token of its family, in the caller's transaction (acting as its user). */
async function revokeSessions(tx: Tx, where: { sessionId: string } | { userId: string }, reason: string): Promise<void> {
  const now = new Date();
  if ('sessionId' in where) {
    await tx
      .update(userSessions)
      .set({ revokedAt: now, revokedReason: reason })
      .where(and(eq(userSessions.id, where.sessionId), isNull(userSessions.revokedAt)));
    await tx.update(tokens).set({ revokedAt: now }).where(and(eq(tokens.sessionId, where.sessionId), isNull(tokens.revokedAt)));
  } else {
    await tx
      .update(userSessions)
      .set({ revokedAt: now, revokedReason: reason })
      .where(and(eq(userSessions.userId, where.userId), isNull(userSessions.revokedAt)));
    await tx.update(tokens).set({ revokedAt: now }).where(and(eq(tokens.userId, where.userId), isNull(tokens.revokedAt)));
  }
}

async function findRefreshToken(deps: IdentityDeps, refreshToken: string) {
  const tokenHash = hashSecret(refreshToken);
  return asSystem(deps.db, async (tx) => {
    const [row] = await tx
      .select({ id: tokens.id, userId: tokens.userId, sessionId: tokens.sessionId })
      .from(tokens)
      .where(eq(tokens.tokenHash, tokenHash));
    return row;
  });
}

/**
 * Rotates: the presented refresh token is spent, the session gets a new access token (the old one stops working)
 * and a new refresh token. A refresh token presented a second time means it was copied: the whole family dies.
 */
export async function refreshSession(deps: IdentityDeps, refreshToken: string, actor: Actor): Promise<SessionGrant> {
  const found = await findRefreshToken(deps, refreshToken);
  if (!found) throw invalidRefreshToken();
  const outcome = await withUser(deps.db, found.userId, async (tx) => {
    const now = new Date();
    // Claiming with one conditional UPDATE makes two concurrent uses of one token end as one success, one reuse.
    const [claimed] = await tx
      .update(tokens)
      .set({ usedAt: now })
      .where(and(eq(tokens.id, found.id), isNull(tokens.usedAt), isNull(tokens.revokedAt)))
      .returning({ expiryDate: tokens.expiryDate });
    if (!claimed) {
      const [spent] = await tx.select({ usedAt: tokens.usedAt }).from(tokens).where(eq(tokens.id, found.id));
      // Revoked (logout, reset) but never used: simply dead. Used before: a copy is in someone else's hands.
      if (!spent?.usedAt) return { kind: 'invalid' as const };
      await revokeSessions(tx, { sessionId: found.sessionId }, 'refresh_token_reuse');
      await recordAudit(tx, { ...actor, userId: found.userId }, {
        action: 'refresh_token_reused',
        resourceType: 'session',
        resourceId: found.sessionId,
      });
      return { kind: 'reused' as const };
    }
    const [session] = await tx.select().from(userSessions).where(eq(userSessions.id, found.sessionId));
    const user = await selectUser(tx, found.userId);
    if (!session || session.revokedAt || session.expiresAt <= now || claimed.expiryDate <= now || user.status !== 'active') {
      return { kind: 'invalid' as const };
    }
    const accessToken = newSecretToken('at');
    await tx
      .update(userSessions)
      .set({
        accessTokenHash: hashSecret(accessToken),
        accessExpiresAt: new Date(now.getTime() + ACCESS_TOKEN_TTL_SECONDS * 1000),
        lastSeenAt: now,
        ipAddress: actor.ipAddress,
        userAgent: actor.userAgent?.slice(0, 500) ?? null,
      })
      .where(eq(userSessions.id, session.id));
    const nextRefreshToken = await issueRefreshToken(tx, user.id, session.id, session.expiresAt);
    return {
      kind: 'rotated' as const,
      grant: grantOf({ accessToken, refreshToken: nextRefreshToken, sessionExpiresAt: session.expiresAt }, user),
    };
  });
  // The revocation above is committed before the request fails; the old access token stops working in this process now.
  if (outcome.kind !== 'invalid') forgetSessions(deps.db, found.userId);
  if (outcome.kind !== 'rotated') throw invalidRefreshToken();
  return outcome.grant;
}

/** Ends the session of the presented access token, or else the one the refresh token belongs to. Idempotent. */
export async function logout(
  deps: IdentityDeps,
  presented: { session?: { userId: string; sessionId: string } | undefined; refreshToken?: string | undefined },
  actor: Actor,
): Promise<void> {
  let session = presented.session;
  if (!session && presented.refreshToken) {
    const found = await findRefreshToken(deps, presented.refreshToken);
    if (found) session = { userId: found.userId, sessionId: found.sessionId };
  }
  if (!session) return;
  const { userId, sessionId } = session;
  await withUser(deps.db, userId, async (tx) => {
    await revokeSessions(tx, { sessionId }, 'logout');
    await recordAudit(tx, { ...actor, userId }, { action: 'user_logout', resourceType: 'session', resourceId: sessionId });
  });
  forgetSessions(deps.db, userId);
}

// ---------------------------------------------------------------------------------------------------------------
// Password reset
// ---------------------------------------------------------------------------------------------------------------

/** Always answers the same way; mails a code only to an account that exists and is not disabled. */
export async function requestPasswordReset(deps: IdentityDeps, email: string, actor: Actor): Promise<void> {
  const code = newSecretToken('rc');
  const account = await asSystem(deps.db, async (tx) => {
    const [row] = await tx
      .select({ id: users.id, name: users.name, email: users.email, status: users.status, expiresAt: users.resetCodeExpiresAt })
      .from(users)
      .where(sql`lower(${users.email}) = ${email}`);
    if (!row || row.status === 'inactive') return undefined;
    const issuedAt = row.expiresAt ? row.expiresAt.getTime() - RESET_CODE_TTL_MS : 0;
    if (Date.now() - issuedAt < MAIL_COOLDOWN_MS) return undefined;
    await tx
      .update(users)
      .set({ resetCodeHash: hashSecret(code), resetCodeExpiresAt: new Date(Date.now() + RESET_CODE_TTL_MS), resetCodeAttempts: 0 })
      .where(eq(users.id, row.id));
    await recordAudit(tx, { ...actor, userId: row.id }, { action: 'password_reset_requested', resourceType: 'user', resourceId: row.id });
    return row;
  });
  // Not awaited: a slow mail server must not tell whether the account exists.
  if (account) void deliver(deps, resetMail(deps, account, code));
}

export async function resetPassword(
  deps: IdentityDeps,
  input: { email: string; code: string; password: string },
  actor: Actor,
): Promise<void> {
  const invalid = new AppError('INVALID_TOKEN', 'The reset code is invalid or has expired; ask for a new one');
  const codeHash = hashSecret(input.code);
  const account = await asSystem(deps.db, async (tx) => {
    const [row] = await tx
      .select({
        id: users.id,
        username: users.username,
        codeHash: users.resetCodeHash,
        expiresAt: users.resetCodeExpiresAt,
        attempts: users.resetCodeAttempts,
      })
      .from(users)
      .where(sql`lower(${users.email}) = ${input.email}`);
    return row;
  });
  if (!account || !account.codeHash || !account.expiresAt || account.expiresAt <= new Date()) throw invalid;
  if (account.attempts >= RESET_CODE_MAX_ATTEMPTS) throw invalid;
  if (!sameHash(account.codeHash, codeHash)) {
    // Its own transaction, committed although the request fails: the fifth wrong try burns the code.
    await asSystem(deps.db, async (tx) => {
      await tx
        .update(users)
        .set({
          resetCodeAttempts: sql`${users.resetCodeAttempts} + 1`,
          resetCodeHash: sql`CASE WHEN ${users.resetCodeAttempts} + 1 >= ${RESET_CODE_MAX_ATTEMPTS} THEN NULL ELSE ${users.resetCodeHash} END`,
          resetCodeExpiresAt: sql`CASE WHEN ${users.resetCodeAttempts} + 1 >= ${RESET_CODE_MAX_ATTEMPTS} THEN NULL ELSE ${users.resetCodeExpiresAt} END`,
        })
        .where(eq(users.id, account.id));
    });
    throw invalid;
  }
  // The code is right: only now judge the new password, so a wrong code cannot be used to probe the policy.
  const problem = passwordProblem(input.password, { email: input.email, username: account.username });
  if (problem) throw passwordRefused(problem);
  const passwordHash = await hashPassword(input.password);
  const done = await withUser(deps.db, account.id, async (tx) => {
    const now = new Date();
    // Single use: the update only matches while the same code is still valid.
    const [updated] = await tx
      .update(users)
      .set({
        passwordHash,
        resetCodeHash: null,
        resetCodeExpiresAt: null,
        resetCodeAttempts: 0,
        // Receiving the code proved the mailbox.
        emailVerified: true,
        emailVerifiedAt: sql`coalesce(${users.emailVerifiedAt}, now())`,
        emailVerificationTokenHash: null,
        emailVerificationExpiresAt: null,
        status: sql`CASE WHEN ${users.status} = 'pending' THEN 'active' ELSE ${users.status} END`,
      })
      .where(
        and(
          eq(users.id, account.id),
          eq(users.resetCodeHash, codeHash),
          gt(users.resetCodeExpiresAt, now),
          sql`${users.resetCodeAttempts} < ${RESET_CODE_MAX_ATTEMPTS}`,
        ),
      )
      .returning({ id: users.id });
    if (!updated) return false;
    await revokeSessions(tx, { userId: account.id }, 'password_reset');
    await recordAudit(tx, { ...actor, userId: account.id }, { action: 'password_reset', resourceType: 'user', resourceId: account.id });
    return true;
  });
  if (!done) throw invalid;
  forgetSessions(deps.db, account.id);
  // The owner of the mailbox is back in: failed logins before the reset no longer lock the account.
  await asSystem(deps.db, (tx) => recordLoginSuccess(tx, input.email, ipOf(actor)));
}

// ---------------------------------------------------------------------------------------------------------------
// The signed-in user: /me
// ---------------------------------------------------------------------------------------------------------------

export async function getMe(deps: IdentityDeps, userId: string): Promise<UserView> {
  return withUser(deps.db, userId, async (tx) => toUserView(await selectUser(tx, userId)));
}

export type UpdateMeInput = { name?: string | undefined; username?: string | null | undefined; gdprConsent?: boolean | undefined };

export async function updateMe(deps: IdentityDeps, actor: Actor & { userId: string }, input: UpdateMeInput): Promise<UserView> {
  try {
    return await withUser(deps.db, actor.userId, async (tx) => {
      const before = await selectUser(tx, actor.userId);
      const changes: Partial<Pick<UserRow, 'name' | 'username' | 'gdprConsentAt'>> = {};
      if (input.name !== undefined && input.name !== before.name) changes.name = input.name;
      if (input.username !== undefined && input.username !== before.username) changes.username = input.username;
      if (input.gdprConsent === true && !before.gdprConsentAt) changes.gdprConsentAt = new Date();
      if (input.gdprConsent === false && before.gdprConsentAt) changes.gdprConsentAt = null;
      if (Object.keys(changes).length === 0) return toUserView(before);
      const [after] = await tx.update(users).set(changes).where(eq(users.id, actor.userId)).returning();
      await recordAudit(tx, actor, {
        action: 'user_updated',
        resourceType: 'user',
        resourceId: actor.userId,
        details: { fields: Object.keys(changes) },
      });
      return toUserView(after!);
    });
  } catch (error) {
    throw userConflict(error) ?? error;
  }
}

/** Everything Atelier keeps about the user (GDPR art. 15 and 20), without any secret or hash. */
export async function exportMe(deps: IdentityDeps, actor: Actor & { userId: string }): Promise<AccountExport> {
  const userId = actor.userId;
  const data = await withUser(deps.db, userId, async (tx) => {
    const user = await selectUser(tx, userId);
    const memberships = await tx
      .select({ membership: organizationMembers, organization: organizations })
      .from(organizationMembers)
      .innerJoin(organizations, eq(organizations.id, organizationMembers.organizationId))
      .where(eq(organizationMembers.userId, userId))
      .orderBy(asc(organizationMembers.joinedAt), asc(organizationMembers.id));
    const ownedProjects = await tx.select().from(projects).where(eq(projects.ownerId, userId)).orderBy(asc(projects.createdAt), asc(projects.id));
    const sessions = await tx.select().from(userSessions).where(eq(userSessions.userId, userId)).orderBy(asc(userSessions.createdAt));
    const events = await tx.select().from(auditLog).where(eq(auditLog.userId, userId)).orderBy(asc(auditLog.id));
    await recordAudit(tx, actor, { action: 'user_data_exported', resourceType: 'user', resourceId: userId });
    return { user, memberships, ownedProjects, sessions, events };
  });
  // Throttling rows are invisible to the runtime role; they are the user's data too (email and addresses).
  const attempts = await asSystem(deps.db, (tx) =>
    tx
      .select()
      .from(loginAttempts)
      .where(sql`${loginAttempts.email} = lower(${data.user.email})`)
      .orderBy(asc(loginAttempts.id)),
  );
  const { user } = data;
  return {
    exportedAt: new Date().toISOString(),
    user: { ...toUserView(user), emailVerifiedAt: iso(user.emailVerifiedAt), lastLoginAt: iso(user.lastLoginAt) },
    memberships: data.memberships.map(({ membership, organization }) => ({
      organizationId: membership.organizationId,
      role: membership.role,
      joinedAt: membership.joinedAt.toISOString(),
      organization: {
        id: organization.id,
        name: organization.name,
        slug: organization.slug,
        isPersonal: organization.isPersonal,
        createdAt: organization.createdAt.toISOString(),
      },
    })),
    projects: data.ownedProjects.map((project) => ({
      id: project.id,
      organizationId: project.organizationId,
      name: project.name,
      key: project.key,
      description: project.description,
      status: project.status,
      settings: project.settings,
      ideaPrompt: project.ideaPrompt,
      currentVersion: project.currentVersion,
      startDate: project.startDate,
      endDate: project.endDate,
      createdAt: project.createdAt.toISOString(),
      updatedAt: project.updatedAt.toISOString(),
      deletedAt: iso(project.deletedAt),
    })),
    sessions: data.sessions.map((session) => ({
      id: session.id,
      createdAt: session.createdAt.toISOString(),
      lastSeenAt: session.lastSeenAt.toISOString(),
      expiresAt: session.expiresAt.toISOString(),
      ipAddress: session.ipAddress,
      userAgent: session.userAgent,
      revokedAt: iso(session.revokedAt),
      revokedReason: session.revokedReason,
    })),
    loginAttempts: attempts.map((attempt) => ({
      ipAddress: attempt.ipAddress,
      succeeded: attempt.succeeded,
      createdAt: attempt.createdAt.toISOString(),
    })),
    auditEvents: data.events.map((event) => ({
      id: event.id,
      organizationId: event.organizationId,
      action: event.action,
      resourceType: event.resourceType,
      resourceId: event.resourceId,
      details: event.details,
      ipAddress: event.ipAddress,
      userAgent: event.userAgent,
      timestamp: event.timestamp.toISOString(),
    })),
  };
}

/**
 * Erases the account after re-authentication. Refused while the user is the only owner of an organization that
 * has other members (they would be left without an owner). Organizations where the user is the only member go with
 * the account (their projects cascade); memberships, sessions and tokens cascade from the user row. The audit log
 * keeps its events (it has no foreign keys), starting with this one.
 */
export async function deleteMe(deps: IdentityDeps, actor: Actor & { userId: string }, password: string): Promise<void> {
  const userId = actor.userId;
  const ipAddress = ipOf(actor);
  const account = await withUser(deps.db, userId, async (tx) => {
    const [row] = await tx.select({ email: users.email, passwordHash: users.passwordHash }).from(users).where(eq(users.id, userId));
    return row;
  });
  if (!account) throw new AppError('UNAUTHENTICATED', 'The account no longer exists');
  const email = account.email.toLowerCase();
  // Guessing the password here counts against the same limits as guessing it at login.
  const attempt = await asSystem(deps.db, (tx) => startLoginAttempt(tx, email, ipAddress));
  await pause(attempt.delayMs);
  const passwordOk = account.passwordHash ? await verifyPassword(account.passwordHash, password) : await verifyAgainstDummy(password);
  if (!passwordOk) throw invalidCredentials();
  await asSystem(deps.db, (tx) => loginAttemptSucceeded(tx, attempt.attemptId));

  await withUser(deps.db, userId, async (tx) => {
    const otherOwner = sql`EXISTS (SELECT 1 FROM app.organization_members o
      WHERE o.organization_id = ${organizationMembers.organizationId} AND o.role = 'owner' AND o.user_id <> ${userId})`;
    const otherMember = sql`EXISTS (SELECT 1 FROM app.organization_members o
      WHERE o.organization_id = ${organizationMembers.organizationId} AND o.user_id <> ${userId})`;
    const mine = await tx
      .select({
        organizationId: organizationMembers.organizationId,
        name: organizations.name,
        role: organizationMembers.role,
        hasOtherOwner: sql<boolean>`${otherOwner}`,
        hasOtherMember: sql<boolean>`${otherMember}`,
      })
      .from(organizationMembers)
      .innerJoin(organizations, eq(organizations.id, organizationMembers.organizationId))
      .where(eq(organizationMembers.userId, userId));
    const stranded = mine.filter((m) => m.role === 'owner' && !m.hasOtherOwner && m.hasOtherMember);
    if (stranded.length > 0) {
      throw new AppError(
        'LAST_OWNER',
        `You are the only owner of ${stranded.map((m) => `"${m.name}"`).join(', ')}; make someone else an owner or remove the other members first`,
        { details: stranded.map((m) => ({ organizationId: m.organizationId, name: m.name })) },
      );
    }
    const alone = mine.filter((m) => !m.hasOtherMember && m.role === 'owner').map((m) => m.organizationId);
    await recordAudit(tx, actor, {
      action: 'user_deleted',
      resourceType: 'user',
      resourceId: userId,
      details: { deletedOrganizationIds: alone },
    });
    for (const organizationId of alone) {
      await recordAudit(tx, actor, {
        action: 'organization_deleted',
        resourceType: 'organization',
        resourceId: organizationId,
        organizationId,
        details: { reason: 'account_deleted' },
      });
    }
    if (alone.length > 0) await tx.delete(organizations).where(inArray(organizations.id, alone));
    const deleted = await tx.delete(users).where(eq(users.id, userId)).returning({ id: users.id });
    if (deleted.length !== 1) throw new Error('account row was not deleted');
  });
  forgetSessions(deps.db, userId);
  // Throttling rows name the email; they go with the account.
  await asSystem(deps.db, (tx) => tx.delete(loginAttempts).where(eq(loginAttempts.email, email)));
}

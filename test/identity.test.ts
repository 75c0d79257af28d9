import type { InjectOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from './support/test-app.js';
import { testDrivers } from './support/test-db.js';

const PASSWORD = 'correct horse battery staple';
const USER_KEYS = [
  'authProvider',
  'createdAt',
  'email',
  'emailVerified',
  'gdprConsentAt',
  'id',
  'isPro',
  'name',
  'status',
  'subscriptionTier',
  'updatedAt',
  'username',
].sort();

type Options = { token?: string; body?: unknown; ip?: string; cookies?: Record<string, string>; headers?: Record<string, string>; raw?: string };

describe.each(testDrivers)('identity on %s', (kind) => {
  let t: TestApp;
  let counter = 0;
  /** Each test logs in from its own address, so the per-address throttle of one test never trips another. */
  const nextIp = () => `10.0.${Math.floor(counter / 250)}.${(counter++ % 250) + 1}`;
  const uniqueEmail = (label: string) => `${label}-${counter++}@example.com`;

  async function send(method: InjectOptions['method'], url: string, options: Options = {}) {
    const headers: Record<string, string> = { ...options.headers };
    if (options.token) headers.authorization = `Bearer ${options.token}`;
    if (options.raw !== undefined) headers['content-type'] = 'application/json';
    const response = await t.app.inject({
      method,
      url: `/api/v1${url}`,
      headers,
      remoteAddress: options.ip ?? '127.0.0.1',
      ...(options.cookies ? { cookies: options.cookies } : {}),
      ...(options.raw !== undefined ? { payload: options.raw } : options.body === undefined ? {} : { payload: options.body as InjectOptions['payload'] }),
    });
    let data: any; // eslint-disable-line @typescript-eslint/no-explicit-any
    try {
      data = response.json();
    } catch {
      data = undefined;
    }
    return Object.assign(response, { data });
  }

  function lastMailTo(email: string) {
    const message = [...t.mail].reverse().find((m) => m.to === email);
    if (!message) throw new Error(`no mail to ${email}`);
    return message;
  }

  function linkIn(text: string, path: string): URL {
    const found = text.match(/https?:\/\/\S+/g)?.map((u) => new URL(u)).find((u) => u.pathname === path);
    if (!found) throw new Error(`no ${path} link in: ${text}`);
    return found;
  }

  async function register(email: string, extra: Record<string, unknown> = {}) {
    const res = await send('POST', '/auth/register', { body: { name: 'Ada Lovelace', email, password: PASSWORD, ...extra } });
    expect(res.statusCode, res.body).toBe(202);
    expect(res.data).toEqual({ status: 'verification_sent', email, message: expect.any(String) });
  }

  async function registerVerified(email: string, extra: Record<string, unknown> = {}) {
    await register(email, extra);
    const token = linkIn(lastMailTo(email).text, '/verify-email').searchParams.get('token');
    const res = await send('POST', '/auth/verify-email', { body: { token } });
    expect(res.statusCode, res.body).toBe(200);
    return res.data.user as { id: string; email: string };
  }

  async function login(email: string, password = PASSWORD, ip = nextIp()) {
    const res = await send('POST', '/auth/login', { body: { email, password }, ip });
    expect(res.statusCode, res.body).toBe(200);
    return res.data as { accessToken: string; refreshToken: string; expiresIn: number; user: { id: string } };
  }

  async function adminQuery<Row = Record<string, unknown>>(text: string, params: unknown[] = []): Promise<Row[]> {
    return t.database.db.withAdmin((client) => client.query<Row>(text, params));
  }

  async function auditActions(userId: string): Promise<string[]> {
    const rows = await adminQuery<{ action: string }>('SELECT action FROM app.audit_log WHERE user_id = $1 ORDER BY id', [userId]);
    return rows.map((r) => r.action);
  }

  beforeAll(async () => {
    t = await createTestApp(kind, { PUBLIC_URL: 'https://atelier.example.com' });
  });
  afterAll(async () => t.close());

  it('registers, verifies through the mailed link, logs in and answers /me', async () => {
    const email = uniqueEmail('ada');
    const res = await send('POST', '/auth/register', {
      body: { name: 'Ada Lovelace', email: `  ${email.toUpperCase()} `, password: PASSWORD, username: 'ada', gdprConsent: true },
    });
    expect(res.statusCode, res.body).toBe(202);
    expect(res.data).toEqual({ status: 'verification_sent', email, message: expect.stringContaining(email) });
    expect(res.body).not.toMatch(/hash/i);
    // The account exists, pending until the email is confirmed.
    const [created] = await adminQuery<{ id: string; name: string; username: string; status: string; email_verified: boolean; gdpr_consent_at: Date }>(
      'SELECT id, name, username, status, email_verified, gdpr_consent_at FROM app.users WHERE email = $1',
      [email],
    );
    const user = created!;
    expect(user).toMatchObject({ name: 'Ada Lovelace', username: 'ada', status: 'pending', email_verified: false });
    expect(user.gdpr_consent_at).toBeInstanceOf(Date);

    // The personal organization exists, owned by the new user.
    const orgs = await adminQuery<{ name: string; is_personal: boolean; role: string }>(
      `SELECT o.name, o.is_personal, m.role FROM app.organizations o
       JOIN app.organization_members m ON m.organization_id = o.id WHERE m.user_id = $1`,
      [user.id],
    );
    expect(orgs).toEqual([{ name: "Ada Lovelace's workspace", is_personal: true, role: 'owner' }]);

    // Only a hash of the verification token is stored.
    const mail = lastMailTo(email);
    const verifyUrl = linkIn(mail.text, '/verify-email');
    expect(verifyUrl.origin).toBe('https://atelier.example.com');
    const token = verifyUrl.searchParams.get('token')!;
    expect(token.length).toBeGreaterThanOrEqual(32);
    const [stored] = await adminQuery<{ email_verification_token_hash: string; password_hash: string }>(
      'SELECT email_verification_token_hash, password_hash FROM app.users WHERE id = $1',
      [user.id],
    );
    expect(stored!.email_verification_token_hash).not.toContain(token);
    expect(stored!.password_hash).toMatch(/^\$argon2id\$v=19\$m=19456,p=1,t=2\$/);

    // Refused before verification, with the right password only.
    const early = await send('POST', '/auth/login', { body: { email, password: PASSWORD }, ip: nextIp() });
    expect(early.statusCode).toBe(403);
    expect(early.data.error.code).toBe('EMAIL_NOT_VERIFIED');

    const verified = await send('POST', '/auth/verify-email', { body: { token } });
    expect(verified.statusCode, verified.body).toBe(200);
    expect(Object.keys(verified.data.user).sort()).toEqual(USER_KEYS);
    expect(verified.data.user).toMatchObject({
      id: user.id,
      name: 'Ada Lovelace',
      username: 'ada',
      email,
      status: 'active',
      emailVerified: true,
      authProvider: 'password',
      subscriptionTier: 'free',
      isPro: false,
      gdprConsentAt: user.gdpr_consent_at.toISOString(),
    });
    expect(verified.body).not.toMatch(/hash/i);
    const again = await send('POST', '/auth/verify-email', { body: { token } });
    expect(again.statusCode).toBe(400);
    expect(again.data.error.code).toBe('INVALID_TOKEN');

    const loggedIn = await send('POST', '/auth/login', { body: { email: email.toUpperCase(), password: PASSWORD }, ip: nextIp() });
    expect(loggedIn.statusCode, loggedIn.body).toBe(200);
    expect(Object.keys(loggedIn.data).sort()).toEqual(['accessToken', 'expiresIn', 'refreshToken', 'user']);
    expect(loggedIn.data.expiresIn).toBe(900);
    expect(loggedIn.data.user).toMatchObject({ id: user.id, status: 'active' });
    expect(loggedIn.headers['cache-control']).toBe('no-store');
    const session = loggedIn.cookies.find((c) => c.name === 'atelier_session')!;
    const refresh = loggedIn.cookies.find((c) => c.name === 'atelier_refresh')!;
    expect(session).toMatchObject({ value: loggedIn.data.accessToken, httpOnly: true, sameSite: 'Lax', path: '/', secure: true });
    expect(refresh).toMatchObject({ value: loggedIn.data.refreshToken, httpOnly: true, sameSite: 'Strict', path: '/api/v1/auth', secure: true });

    const me = await send('GET', '/me', { token: loggedIn.data.accessToken });
    expect(me.statusCode).toBe(200);
    expect(me.data).toEqual(loggedIn.data.user);
    const viaCookie = await send('GET', '/me', { cookies: { atelier_session: session.value } });
    expect(viaCookie.statusCode).toBe(200);
    expect(viaCookie.data.id).toBe(user.id);
    const anonymous = await send('GET', '/me');
    expect(anonymous.statusCode).toBe(401);

    expect(await auditActions(user.id)).toEqual(
      expect.arrayContaining(['organization_created', 'user_registered', 'email_verified', 'user_login']),
    );
  });

  it('answers a registration of an existing email exactly like a new one, and mails the owner instead', async () => {
    const email = uniqueEmail('dup');
    const owner = await registerVerified(email);
    const fresh = uniqueEmail('dup'); // the same length as `email`, so the bodies can be compared byte for byte
    expect(fresh.length).toBe(email.length);
    const mailsBefore = t.mail.length;

    const brandNew = await send('POST', '/auth/register', { body: { name: 'Other', email: fresh, password: 'another fine passphrase' } });
    const existing = await send('POST', '/auth/register', {
      body: { name: 'Other', email: email.toUpperCase(), password: 'another fine passphrase' },
    });
    expect(brandNew.statusCode, brandNew.body).toBe(202);
    expect(existing.statusCode, existing.body).toBe(202);
    expect(Object.keys(existing.data).sort()).toEqual(Object.keys(brandNew.data).sort());
    expect(existing.body.replaceAll(email, '<email>')).toBe(brandNew.body.replaceAll(fresh, '<email>'));
    const headerNames = (res: typeof existing) => Object.keys(res.headers).sort();
    expect(headerNames(existing)).toEqual(headerNames(brandNew));
    expect(existing.headers['content-length']).toBe(brandNew.headers['content-length']);

    // Each address got one message: the new one its verification link, the owner a notice with the ways in.
    expect(t.mail.length).toBe(mailsBefore + 2);
    expect(linkIn(lastMailTo(fresh).text, '/verify-email').searchParams.get('token')).toBeTruthy();
    const notice = lastMailTo(email);
    expect(notice.subject).toBe('Someone tried to register an Atelier account with your email');
    expect(notice.text).toMatch(/if it was you, log in/i);
    expect(linkIn(notice.text, '/login').searchParams.get('email')).toBe(email);
    const resetLink = linkIn(notice.text, '/forgot-password');
    expect(resetLink.origin).toBe('https://atelier.example.com');
    expect(resetLink.searchParams.get('email')).toBe(email);
    expect(notice.text).not.toMatch(/verify-email/);

    // Nothing about the existing account changed: one account, the old password still works.
    expect(await adminQuery('SELECT 1 FROM app.users WHERE lower(email) = $1', [email])).toHaveLength(1);
    await login(email);
    expect(await auditActions(owner.id)).toContain('registration_of_existing_email');

    // Trying again within a minute answers the same, without mailing the owner again.
    const again = await send('POST', '/auth/register', { body: { name: 'Other', email, password: 'another fine passphrase' } });
    expect(again.statusCode).toBe(202);
    expect(again.body).toBe(existing.body);
    expect(t.mail.length).toBe(mailsBefore + 2);

    // A still unverified account is answered the same way; its owner is told how to get in, not sent a new link.
    const before = t.mail.length;
    const pending = await send('POST', '/auth/register', { body: { name: 'Other', email: fresh, password: 'yet another passphrase' } });
    expect(pending.statusCode).toBe(202);
    expect(pending.body).toBe(brandNew.body);
    expect(t.mail.length).toBe(before + 1);
    expect(lastMailTo(fresh).subject).toBe('Someone tried to register an Atelier account with your email');
  });

  it('refuses a taken username with 409 whether or not the email has an account', async () => {
    const email = uniqueEmail('named');
    const username = `taken-${counter++}`;
    await registerVerified(email, { username });
    for (const other of [email, uniqueEmail('named')]) {
      const res = await send('POST', '/auth/register', { body: { name: 'Other', email: other, password: PASSWORD, username } });
      expect(res.statusCode, other).toBe(409);
      expect(res.data.error.details).toEqual([expect.objectContaining({ field: 'username' })]);
    }
  });

  it('answers a wrong password and an unknown email alike, and audits both', async () => {
    const email = uniqueEmail('wrong');
    const user = await registerVerified(email);
    const ip = nextIp();
    const wrong = await send('POST', '/auth/login', { body: { email, password: 'not the password at all' }, ip });
    const unknown = await send('POST', '/auth/login', { body: { email: uniqueEmail('nobody'), password: PASSWORD }, ip });
    for (const res of [wrong, unknown]) {
      expect(res.statusCode).toBe(401);
      expect(res.data.error.code).toBe('INVALID_CREDENTIALS');
    }
    expect(wrong.data.error.message).toBe(unknown.data.error.message);
    expect(await auditActions(user.id)).toContain('user_login_failed');
    const anonymousFailures = await adminQuery(`SELECT 1 FROM app.audit_log WHERE action = 'user_login_failed' AND user_id IS NULL`);
    expect(anonymousFailures.length).toBeGreaterThan(0);
  });

  it('locks an account after 5 failures from one address for that address, and after 10 from anywhere for all', async () => {
    const email = uniqueEmail('throttle');
    await registerVerified(email);
    const attacker = nextIp();
    for (let i = 0; i < 5; i++) {
      const res = await send('POST', '/auth/login', { body: { email, password: `wrong password ${i}` }, ip: attacker });
      expect(res.statusCode).toBe(401);
    }
    // That address is refused even the right password, and is told when to come back.
    const blocked = await send('POST', '/auth/login', { body: { email, password: PASSWORD }, ip: attacker });
    expect(blocked.statusCode).toBe(429);
    expect(blocked.data.error.code).toBe('TOO_MANY_REQUESTS');
    const retryAfter = Number(blocked.headers['retry-after']);
    expect(retryAfter).toBeGreaterThan(800);
    expect(retryAfter).toBeLessThanOrEqual(900);
    expect(blocked.data.error.details).toEqual({ retryAfterSeconds: retryAfter });
    expect(blocked.data.error.message).toMatch(/try again in 1[45] minutes/);
    // The owner, elsewhere, still logs in, and that success starts the count afresh.
    await login(email);

    // Failures spread over many addresses lock the account for everyone.
    for (let i = 0; i < 10; i++) {
      const res = await send('POST', '/auth/login', { body: { email, password: `wrong password ${i}` }, ip: nextIp() });
      expect(res.statusCode).toBe(401);
    }
    const locked = await send('POST', '/auth/login', { body: { email, password: PASSWORD }, ip: nextIp() });
    expect(locked.statusCode).toBe(429);
    expect(Number(locked.headers['retry-after'])).toBeGreaterThan(800);
    // A refused attempt is not counted: the lock does not grow while it lasts.
    expect(await adminQuery('SELECT 1 FROM app.login_attempts WHERE email = $1 AND NOT succeeded', [email])).toHaveLength(15);

    // An unknown email is locked exactly the same way, so the lock tells nothing about who has an account.
    const ghost = uniqueEmail('ghost');
    for (let i = 0; i < 10; i++) {
      expect((await send('POST', '/auth/login', { body: { email: ghost, password: `wrong password ${i}` }, ip: nextIp() })).statusCode).toBe(401);
    }
    const ghostLocked = await send('POST', '/auth/login', { body: { email: ghost, password: PASSWORD }, ip: nextIp() });
    expect(ghostLocked.statusCode).toBe(429);
    expect(ghostLocked.data.error.message.replace(/\d+/g, 'N')).toBe(locked.data.error.message.replace(/\d+/g, 'N'));

    // Resetting the password proves the mailbox: the owner is back in at once.
    const code = await requestCode(email);
    const reset = await send('POST', '/auth/reset-password', { body: { email, code, password: 'a fresh passphrase indeed' } });
    expect(reset.statusCode, reset.body).toBe(200);
    await login(email, 'a fresh passphrase indeed');
  });

  it('counts concurrent guesses: a burst from one address gets no more than 5 tries', async () => {
    const email = uniqueEmail('burst');
    await registerVerified(email);
    const ip = nextIp();
    const answers = await Promise.all(
      Array.from({ length: 12 }, (_, i) => send('POST', '/auth/login', { body: { email, password: `burst guess ${i}` }, ip })),
    );
    const statuses = answers.map((res) => res.statusCode).sort();
    expect(statuses.filter((status) => status === 401)).toHaveLength(5);
    expect(statuses.filter((status) => status === 429)).toHaveLength(7);
  });

  it('never blocks a correct login because one address failed many times against other accounts', async () => {
    const email = uniqueEmail('shared');
    await registerVerified(email);
    // Behind a proxy without TRUST_PROXY every request comes from one address: many failures from it, mostly for
    // unknown emails, then a different user with the right password.
    const proxy = nextIp();
    for (let i = 0; i < 25; i++) {
      const res = await send('POST', '/auth/login', { body: { email: `spray-${i}@example.com`, password: 'guess guess' }, ip: proxy });
      expect(res.statusCode).toBe(401);
    }
    const grant = await login(email, PASSWORD, proxy);
    expect(grant.accessToken).toBeTruthy();
    // A wrong password from that address is still only a wrong password.
    const wrong = await send('POST', '/auth/login', { body: { email: uniqueEmail('fresh'), password: 'guess guess' }, ip: proxy });
    expect(wrong.statusCode).toBe(401);
  });

  it('rotates refresh tokens and revokes the whole family when one is reused', async () => {
    const email = uniqueEmail('rotate');
    await registerVerified(email);
    const first = await login(email);

    const rotated = await send('POST', '/auth/refresh', { body: { refreshToken: first.refreshToken } });
    expect(rotated.statusCode, rotated.body).toBe(200);
    expect(Object.keys(rotated.data).sort()).toEqual(['accessToken', 'expiresIn', 'refreshToken', 'user']);
    expect(rotated.data.refreshToken).not.toBe(first.refreshToken);
    expect(rotated.cookies.map((c) => c.name).sort()).toEqual(['atelier_refresh', 'atelier_session']);
    // The old access token stopped working, the new one works.
    expect((await send('GET', '/me', { token: first.accessToken })).statusCode).toBe(401);
    expect((await send('GET', '/me', { token: rotated.data.accessToken })).statusCode).toBe(200);

    // The refresh cookie works as well (same origin).
    const byCookie = await send('POST', '/auth/refresh', {
      cookies: { atelier_refresh: rotated.data.refreshToken },
      headers: { origin: 'https://atelier.example.com' },
    });
    expect(byCookie.statusCode, byCookie.body).toBe(200);
    const crossSite = await send('POST', '/auth/refresh', {
      cookies: { atelier_refresh: byCookie.data.refreshToken },
      headers: { origin: 'https://evil.example.net' },
    });
    expect(crossSite.statusCode).toBe(403);

    // Replaying a spent refresh token kills the family: the latest tokens die with it.
    const replay = await send('POST', '/auth/refresh', { body: { refreshToken: first.refreshToken } });
    expect(replay.statusCode).toBe(401);
    expect((await send('GET', '/me', { token: byCookie.data.accessToken })).statusCode).toBe(401);
    const latest = await send('POST', '/auth/refresh', { body: { refreshToken: byCookie.data.refreshToken } });
    expect(latest.statusCode).toBe(401);
    expect(await auditActions(first.user.id)).toContain('refresh_token_reused');

    const garbage = await send('POST', '/auth/refresh', { body: { refreshToken: 'rt_not-a-token' } });
    expect(garbage.statusCode).toBe(401);
    const none = await send('POST', '/auth/refresh', { body: {} });
    expect(none.statusCode).toBe(401);
  });

  it('logs out at once: the access and refresh tokens stop working and the cookies are cleared', async () => {
    const email = uniqueEmail('logout');
    await registerVerified(email);
    const grant = await login(email);
    const other = await login(email);
    expect((await send('GET', '/me', { token: grant.accessToken })).statusCode).toBe(200);

    const res = await send('POST', '/auth/logout', { token: grant.accessToken });
    expect(res.statusCode).toBe(204);
    expect(res.body).toBe('');
    const cleared = Object.fromEntries(res.cookies.map((c) => [c.name, c]));
    expect(cleared.atelier_session?.value).toBe('');
    expect(cleared.atelier_refresh?.value).toBe('');

    const after = await send('GET', '/me', { token: grant.accessToken });
    expect(after.statusCode).toBe(401);
    expect(after.data.error.code).toBe('UNAUTHENTICATED');
    expect((await send('POST', '/auth/refresh', { body: { refreshToken: grant.refreshToken } })).statusCode).toBe(401);
    // Another session of the same user is untouched.
    expect((await send('GET', '/me', { token: other.accessToken })).statusCode).toBe(200);
    expect(await auditActions(grant.user.id)).toContain('user_logout');
  });

  it('answers forgot-password the same way for unknown emails and mails a code to known ones', async () => {
    const email = uniqueEmail('forgot');
    await registerVerified(email);
    const mailsBefore = t.mail.length;
    const unknown = await send('POST', '/auth/forgot-password', { body: { email: uniqueEmail('ghost') } });
    expect(t.mail.length).toBe(mailsBefore);
    const known = await send('POST', '/auth/forgot-password', { body: { email } });
    expect(unknown.statusCode).toBe(202);
    expect(known.statusCode).toBe(202);
    expect(known.body).toBe(unknown.body);
    const url = linkIn(lastMailTo(email).text, '/reset-password');
    expect(url.origin).toBe('https://atelier.example.com');
    expect(url.searchParams.get('email')).toBe(email);
    expect(url.searchParams.get('code')!.length).toBeGreaterThanOrEqual(32);

    const resend = await send('POST', '/auth/resend-verification', { body: { email: uniqueEmail('ghost') } });
    expect(resend.statusCode).toBe(202);
  });

  /** Asks for a reset code as if the previous one was asked for long enough ago to pass the one-minute cooldown. */
  async function requestCode(email: string): Promise<string> {
    await adminQuery(`UPDATE app.users SET reset_code_expires_at = now() - interval '1 minute' WHERE email = $1`, [email]);
    const res = await send('POST', '/auth/forgot-password', { body: { email } });
    expect(res.statusCode).toBe(202);
    return linkIn(lastMailTo(email).text, '/reset-password').searchParams.get('code')!;
  }

  it('resets the password with a single-use code and ends every session', async () => {
    const email = uniqueEmail('reset');
    const user = await registerVerified(email);
    const grant = await login(email);
    const code = await requestCode(email);
    const newPassword = 'a brand new passphrase';

    const weak = await send('POST', '/auth/reset-password', { body: { email, code, password: 'password' } });
    expect(weak.statusCode).toBe(400);
    expect(weak.data.error.details).toEqual([expect.objectContaining({ field: 'password' })]);

    const res = await send('POST', '/auth/reset-password', { body: { email, code, password: newPassword } });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.data).toEqual({ message: expect.any(String) });
    expect((await send('GET', '/me', { token: grant.accessToken })).statusCode).toBe(401);
    expect((await send('POST', '/auth/refresh', { body: { refreshToken: grant.refreshToken } })).statusCode).toBe(401);

    const reused = await send('POST', '/auth/reset-password', { body: { email, code, password: 'yet another passphrase' } });
    expect(reused.statusCode).toBe(400);
    expect(reused.data.error.code).toBe('INVALID_TOKEN');

    expect((await send('POST', '/auth/login', { body: { email, password: PASSWORD }, ip: nextIp() })).statusCode).toBe(401);
    await login(email, newPassword);
    expect(await auditActions(user.id)).toEqual(expect.arrayContaining(['password_reset_requested', 'password_reset']));
  });

  it('invalidates a reset code after 10 minutes or 5 wrong tries, and verifies the email of a pending account', async () => {
    const email = uniqueEmail('codes');
    await register(email);

    const expiring = await requestCode(email);
    await adminQuery(`UPDATE app.users SET reset_code_expires_at = now() - interval '1 second' WHERE email = $1`, [email]);
    const expired = await send('POST', '/auth/reset-password', { body: { email, code: expiring, password: 'another good passphrase' } });
    expect(expired.statusCode).toBe(400);
    expect(expired.data.error.code).toBe('INVALID_TOKEN');

    const code = await requestCode(email);
    for (let i = 0; i < 5; i++) {
      const wrong = await send('POST', '/auth/reset-password', { body: { email, code: `rc_wrong${i}`, password: 'another good passphrase' } });
      expect(wrong.statusCode).toBe(400);
      expect(wrong.data.error.code).toBe('INVALID_TOKEN');
    }
    const burnt = await send('POST', '/auth/reset-password', { body: { email, code, password: 'another good passphrase' } });
    expect(burnt.statusCode).toBe(400);
    expect(burnt.data.error.code).toBe('INVALID_TOKEN');

    // A fresh code works, and proves the mailbox: the pending account becomes verified and active.
    const fresh = await requestCode(email);
    const ok = await send('POST', '/auth/reset-password', { body: { email, code: fresh, password: 'another good passphrase' } });
    expect(ok.statusCode, ok.body).toBe(200);
    const grant = await login(email, 'another good passphrase');
    expect(grant.user).toMatchObject({ status: 'active', emailVerified: true });

    const unknown = await send('POST', '/auth/reset-password', { body: { email: uniqueEmail('ghost'), code: fresh, password: 'another good passphrase' } });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.data.error.code).toBe('INVALID_TOKEN');
  });

  it('refuses weak, common, too short and too long passwords, naming the field', async () => {
    const email = uniqueEmail('weak');
    const cases = [
      'short1!',
      '\u{1F600}'.repeat(7), // 14 UTF-16 units but 7 characters
      'x'.repeat(257),
      'password123',
      'PassWord1',
      'iloveyou',
      email,
      email.toUpperCase(),
      ' '.repeat(8),
      ' '.repeat(40),
      '\t \n \t \n ',
      '\u3000'.repeat(8), // ideographic space
      '\u200b'.repeat(8), // zero-width space
    ];
    for (const password of cases) {
      const res = await send('POST', '/auth/register', { body: { name: 'Weak', email, password } });
      expect(res.statusCode, password).toBe(400);
      expect(res.data.error.code).toBe('VALIDATION_FAILED');
      expect(res.data.error.details).toEqual([expect.objectContaining({ field: 'password' })]);
    }
    const blank = await send('POST', '/auth/register', { body: { name: 'Weak', email, password: '        ' } });
    expect(blank.data.error.details).toEqual([{ field: 'password', message: 'must contain something other than spaces', in: 'body' }]);
    expect(blank.data.error.message).toMatch(/password/);

    // 256 characters (511 UTF-16 units): accepted, and never truncated.
    const long = '\u{1F600}'.repeat(255) + 'a';
    await registerVerified(email, { password: long });
    await login(email, long);
    const truncated = await send('POST', '/auth/login', { body: { email, password: '\u{1F600}'.repeat(255) }, ip: nextIp() });
    expect(truncated.statusCode).toBe(401);
  });

  it('answers bad input with 400 and the error shape', async () => {
    const unknownField = await send('POST', '/auth/register', {
      body: { name: 'X', email: uniqueEmail('x'), password: PASSWORD, isAdmin: true },
    });
    expect(unknownField.statusCode).toBe(400);
    expect(unknownField.data.error.code).toBe('VALIDATION_FAILED');
    expect(JSON.stringify(unknownField.data.error.details)).toContain('isAdmin');

    const badEmail = await send('POST', '/auth/login', { body: { email: 'not-an-email', password: 'x' } });
    expect(badEmail.statusCode).toBe(400);
    expect(badEmail.data.error.details).toEqual([expect.objectContaining({ field: 'email' })]);

    const wrongType = await send('POST', '/auth/login', { body: { email: uniqueEmail('t'), password: 12345678 } });
    expect(wrongType.statusCode).toBe(400);
    expect(wrongType.data.error.details).toEqual([expect.objectContaining({ field: 'password' })]);

    const malformed = await send('POST', '/auth/login', { raw: '{"email": "a@b.co", ' });
    expect(malformed.statusCode).toBe(400);
    expect(malformed.data.error.code).toBe('INVALID_JSON');
    expect(malformed.data.error.requestId).toBe(malformed.headers['x-request-id']);

    const patchUnknown = await send('PATCH', '/me', { body: { email: 'x@y.zz' } });
    expect(patchUnknown.statusCode).toBe(400); // validation runs before the authentication check answers
  });

  it('documents every identity endpoint in the OpenAPI document', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/openapi.json' });
    expect(res.statusCode).toBe(200);
    const paths = res.json().paths as Record<string, Record<string, unknown>>;
    const expected: Array<[string, string]> = [
      ['/api/v1/auth/register', 'post'],
      ['/api/v1/auth/verify-email', 'post'],
      ['/api/v1/auth/resend-verification', 'post'],
      ['/api/v1/auth/login', 'post'],
      ['/api/v1/auth/refresh', 'post'],
      ['/api/v1/auth/logout', 'post'],
      ['/api/v1/auth/forgot-password', 'post'],
      ['/api/v1/auth/reset-password', 'post'],
      ['/api/v1/me', 'get'],
      ['/api/v1/me', 'patch'],
      ['/api/v1/me/export', 'get'],
      ['/api/v1/me', 'delete'],
    ];
    for (const [path, method] of expected) expect(paths[path]?.[method], `${method} ${path}`).toBeDefined();
  });

  it('updates my profile and refuses a taken username', async () => {
    const email = uniqueEmail('patch');
    await registerVerified(email, { username: 'taken-name' });
    const other = uniqueEmail('patch2');
    await registerVerified(other);
    const grant = await login(other);

    const res = await send('PATCH', '/me', { token: grant.accessToken, body: { name: 'Grace Hopper', username: 'Grace', gdprConsent: true } });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.data).toMatchObject({ name: 'Grace Hopper', username: 'grace', email: other });
    expect(res.data.gdprConsentAt).toEqual(expect.any(String));
    const withdrawn = await send('PATCH', '/me', { token: grant.accessToken, body: { gdprConsent: false } });
    expect(withdrawn.data.gdprConsentAt).toBeNull();

    const taken = await send('PATCH', '/me', { token: grant.accessToken, body: { username: 'taken-name' } });
    expect(taken.statusCode).toBe(409);
    expect(taken.data.error.details).toEqual([expect.objectContaining({ field: 'username' })]);
    expect(await auditActions(grant.user.id)).toContain('user_updated');
  });

  it('exports my data without secrets', async () => {
    const email = uniqueEmail('export');
    const user = await registerVerified(email);
    const grant = await login(email);
    const res = await send('GET', '/me/export', { token: grant.accessToken });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-disposition']).toMatch(/^attachment; filename="atelier-export-\d{4}-\d{2}-\d{2}\.json"$/);
    const data = res.data;
    expect(data.user).toMatchObject({ id: user.id, email, emailVerified: true });
    expect(data.memberships).toEqual([
      expect.objectContaining({ role: 'owner', organization: expect.objectContaining({ isPersonal: true }) }),
    ]);
    expect(data.projects).toEqual([]);
    expect(data.sessions).toHaveLength(1);
    expect(data.loginAttempts).toEqual([expect.objectContaining({ succeeded: true })]);
    expect(data.auditEvents.map((e: { action: string }) => e.action)).toEqual(
      expect.arrayContaining(['user_registered', 'email_verified', 'user_login']),
    );
    expect(res.body).not.toMatch(/hash/i);
    expect(res.body).not.toContain(grant.accessToken);
    expect(res.body).not.toContain(grant.refreshToken);
  });

  it('deletes my account after re-authentication; logging in afterwards fails and the audit survives', async () => {
    const email = uniqueEmail('delete');
    const user = await registerVerified(email);
    const grant = await login(email);

    const wrong = await send('DELETE', '/me', { token: grant.accessToken, body: { password: 'not my password' } });
    expect(wrong.statusCode).toBe(401);
    expect(wrong.data.error.code).toBe('INVALID_CREDENTIALS');

    const res = await send('DELETE', '/me', { token: grant.accessToken, body: { password: PASSWORD } });
    expect(res.statusCode, res.body).toBe(204);
    expect((await send('GET', '/me', { token: grant.accessToken })).statusCode).toBe(401);
    const again = await send('POST', '/auth/login', { body: { email, password: PASSWORD }, ip: nextIp() });
    expect(again.statusCode).toBe(401);
    expect(await adminQuery('SELECT 1 FROM app.users WHERE id = $1', [user.id])).toEqual([]);
    expect(await adminQuery('SELECT 1 FROM app.organizations WHERE owner_id = $1', [user.id])).toEqual([]);
    expect(await auditActions(user.id)).toContain('user_deleted');
  });

  it('refuses to delete the only owner of an organization with other members', async () => {
    const ownerEmail = uniqueEmail('owner');
    const owner = await registerVerified(ownerEmail);
    const memberEmail = uniqueEmail('member');
    const member = await registerVerified(memberEmail);
    const [org] = await adminQuery<{ id: string; name: string }>(
      'SELECT o.id, o.name FROM app.organizations o WHERE o.owner_id = $1',
      [owner.id],
    );
    await adminQuery(
      `INSERT INTO app.organization_members (id, organization_id, user_id, role) VALUES (gen_random_uuid(), $1, $2, 'editor')`,
      [org!.id, member.id],
    );
    const ownerGrant = await login(ownerEmail);
    const refused = await send('DELETE', '/me', { token: ownerGrant.accessToken, body: { password: PASSWORD } });
    expect(refused.statusCode).toBe(409);
    expect(refused.data.error.code).toBe('LAST_OWNER');
    expect(refused.data.error.details).toEqual([{ organizationId: org!.id, name: org!.name }]);

    // The member may leave: their own personal organization goes, the shared one stays.
    const memberGrant = await login(memberEmail);
    const left = await send('DELETE', '/me', { token: memberGrant.accessToken, body: { password: PASSWORD } });
    expect(left.statusCode, left.body).toBe(204);
    expect(await adminQuery('SELECT 1 FROM app.organizations WHERE id = $1', [org!.id])).toHaveLength(1);
    // Now the owner is alone again and may go.
    const gone = await send('DELETE', '/me', { token: ownerGrant.accessToken, body: { password: PASSWORD } });
    expect(gone.statusCode, gone.body).toBe(204);
    expect(await adminQuery('SELECT 1 FROM app.organizations WHERE id = $1', [org!.id])).toEqual([]);
  });
});

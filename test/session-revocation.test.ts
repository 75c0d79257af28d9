import type { InjectOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { forgetSessions, resolveSession, startSessionCache } from '../src/core/auth/authenticate.js';
import { openDatabase } from '../src/core/db/database.js';
import { hashPassword } from '../src/modules/identity/passwords.js';
import { createUser } from './support/factories.js';
import { createTestApp, type TestApp } from './support/test-app.js';
import { testDrivers } from './support/test-db.js';

const PASSWORD = 'correct horse battery staple';

/**
 * A process answers access tokens it verified a moment ago from memory (docs/decisions/019-request-overhead.md).
 * Each test first uses the token twice, so it is remembered, then ends its access in a way a user would, and expects
 * the very next request with it to be refused.
 */
describe.each(testDrivers)('session revocation with remembered tokens on %s', (kind) => {
  let t: TestApp;
  let counter = 0;
  const nextIp = () => `10.9.${Math.floor(counter / 250)}.${(counter++ % 250) + 1}`;

  beforeAll(async () => {
    // A long memory, so only forgetting (never expiry) can explain a refusal.
    t = await createTestApp(kind, { SESSION_CACHE_MS: '60000' });
  });
  afterAll(async () => {
    await t?.close();
  });

  async function send(method: InjectOptions['method'], url: string, options: { token?: string; body?: unknown; ip?: string } = {}) {
    const response = await t.app.inject({
      method,
      url: `/api/v1${url}`,
      headers: options.token ? { authorization: `Bearer ${options.token}` } : {},
      remoteAddress: options.ip ?? nextIp(),
      ...(options.body === undefined ? {} : { payload: options.body as InjectOptions['payload'] }),
    });
    const data = (response.body ? response.json() : {});  
    return Object.assign(response, { data });
  }

  async function adminQuery(text: string, params: unknown[] = []): Promise<void> {
    await t.database.db.withAdmin((client) => client.query(text, params));
  }

  /** A user with a password, logged in through the API; the access token is used twice so it is remembered. */
  async function loggedIn() {
    const user = await createUser(t);
    await adminQuery('UPDATE app.users SET password_hash = $2 WHERE id = $1', [user.id, await hashPassword(PASSWORD)]);
    const res = await send('POST', '/auth/login', { body: { email: user.email, password: PASSWORD } });
    expect(res.statusCode, res.body).toBe(200);
    const grant = res.data as { accessToken: string; refreshToken: string };
    for (let i = 0; i < 2; i++) expect((await send('GET', '/me', { token: grant.accessToken })).statusCode).toBe(200);
    return { user, ...grant };
  }

  /** Out-of-band changes arrive by notification: at once on PGlite, within moments on a PostgreSQL server. */
  async function statusWithin(ms: number, token: string): Promise<number> {
    const deadline = Date.now() + ms;
    for (;;) {
      const status = (await send('GET', '/me', { token })).statusCode;
      if (status === 401 || Date.now() > deadline) return status;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }

  it('refuses a remembered token right after logout', async () => {
    const { accessToken } = await loggedIn();
    expect((await send('POST', '/auth/logout', { token: accessToken })).statusCode).toBe(204);
    expect((await send('GET', '/me', { token: accessToken })).statusCode).toBe(401);
  });

  it('refuses the previous access token right after a refresh, and every token of the family after a reuse', async () => {
    const { accessToken, refreshToken } = await loggedIn();
    const rotated = await send('POST', '/auth/refresh', { body: { refreshToken } });
    expect(rotated.statusCode, rotated.body).toBe(200);
    expect((await send('GET', '/me', { token: accessToken })).statusCode).toBe(401);
    const next = rotated.data.accessToken as string;
    for (let i = 0; i < 2; i++) expect((await send('GET', '/me', { token: next })).statusCode).toBe(200);
    expect((await send('POST', '/auth/refresh', { body: { refreshToken } })).statusCode).toBe(401);
    expect((await send('GET', '/me', { token: next })).statusCode).toBe(401);
  });

  it('refuses every remembered token of the user right after a password reset', async () => {
    const { user, accessToken } = await loggedIn();
    const second = await send('POST', '/auth/login', { body: { email: user.email, password: PASSWORD } });
    const other = second.data.accessToken as string;
    expect((await send('GET', '/me', { token: other })).statusCode).toBe(200);
    expect((await send('POST', '/auth/forgot-password', { body: { email: user.email } })).statusCode).toBe(202);
    const mail = [...t.mail].reverse().find((m) => m.to === user.email)!;
    const code = new URL(mail.text.match(/https?:\/\/\S+\/reset-password\S*/)![0]).searchParams.get('code');
    const reset = await send('POST', '/auth/reset-password', { body: { email: user.email, code, password: 'a brand new passphrase' } });
    expect(reset.statusCode, reset.body).toBe(200);
    expect((await send('GET', '/me', { token: accessToken })).statusCode).toBe(401);
    expect((await send('GET', '/me', { token: other })).statusCode).toBe(401);
  });

  it('refuses a remembered token once the account is disabled or the session revoked in the database directly', async () => {
    const disabled = await loggedIn();
    await adminQuery(`UPDATE app.users SET status = 'inactive' WHERE id = $1`, [disabled.user.id]);
    expect(await statusWithin(kind === 'pglite' ? 0 : 2000, disabled.accessToken)).toBe(401);

    const revoked = await loggedIn();
    await adminQuery(`UPDATE app.user_sessions SET revoked_at = now(), revoked_reason = 'administrator' WHERE user_id = $1`, [revoked.user.id]);
    expect(await statusWithin(kind === 'pglite' ? 0 : 2000, revoked.accessToken)).toBe(401);
  });

  it('keeps answering a remembered token while nothing about its user changed', async () => {
    const { user, accessToken } = await loggedIn();
    const bystander = await loggedIn();
    await adminQuery(`UPDATE app.users SET status = 'inactive' WHERE id = $1`, [bystander.user.id]);
    forgetSessions(t.database.db, bystander.user.id);
    const me = await send('GET', '/me', { token: accessToken });
    expect(me.statusCode).toBe(200);
    expect(me.data.id).toBe(user.id);
  });

  it.runIf(kind === 'postgres')('tells another process at once: a logout here ends the token there', async () => {
    const elsewhere = await openDatabase({ kind: 'postgres', url: t.database.url!, poolSize: 2 });
    const stop = await startSessionCache(elsewhere, 60_000);
    try {
      const { user, accessToken } = await loggedIn();
      for (let i = 0; i < 2; i++) expect((await resolveSession(elsewhere, accessToken))?.userId).toBe(user.id);
      expect((await send('POST', '/auth/logout', { token: accessToken })).statusCode).toBe(204);
      const deadline = Date.now() + 2000;
      let seen = await resolveSession(elsewhere, accessToken);
      while (seen && Date.now() < deadline) {
        await new Promise((resolve) => setTimeout(resolve, 20));
        seen = await resolveSession(elsewhere, accessToken);
      }
      expect(seen).toBeUndefined();
    } finally {
      await stop();
      await elsewhere.close();
    }
  });
});

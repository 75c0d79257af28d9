import type { FastifyRequest } from 'fastify';
import { sql } from 'drizzle-orm';
import type { Database } from '../db/database.js';
import { AppError } from '../errors.js';
import { hashSecret } from './secrets.js';
import { SessionCache } from './session-cache.js';

export const SESSION_COOKIE = 'atelier_session';
export const REFRESH_COOKIE = 'atelier_refresh';

export type AuthContext = { userId: string; sessionId: string };

/** The access token of a request: `Authorization: Bearer …` for API clients, the httpOnly cookie for the web app. */
export function accessTokenOf(request: FastifyRequest): { token: string; viaCookie: boolean } | undefined {
  const header = request.headers.authorization;
  if (header) {
    const match = /^Bearer\s+(\S+)$/i.exec(header);
    if (!match) throw new AppError('UNAUTHENTICATED', 'The Authorization header must be "Bearer <access token>"');
    return { token: match[1]!, viaCookie: false };
  }
  const cookie = request.cookies?.[SESSION_COOKIE];
  return cookie ? { token: cookie, viaCookie: true } : undefined;
}

/** Announcements of session changes (migrations/0014_request_session.up.sql): the payload is a user id. */
export const SESSIONS_CHANNEL = 'atelier_sessions';

const caches = new WeakMap<Database, SessionCache>();

/**
 * Keeps verified access tokens of this database in memory for up to ttlMs (0: never), forgetting a user's as soon as
 * the database announces a change to their sessions or account. Returns stop().
 */
export async function startSessionCache(db: Database, ttlMs: number): Promise<() => Promise<void>> {
  if (ttlMs <= 0 || caches.has(db)) return async () => undefined;
  const cache = new SessionCache(ttlMs);
  caches.set(db, cache);
  const subscription = db.notifications.subscribe(SESSIONS_CHANNEL, {
    notify: (userId) => cache.forgetUser(userId),
    // Lost or back: either way, nothing read before may be trusted; serve from memory only while announcements arrive.
    resync: () => cache.setListening(db.notifications.listening),
  });
  await subscription.ready;
  cache.setListening(db.notifications.listening);
  return async () => {
    cache.setListening(false);
    caches.delete(db);
    subscription.close();
  };
}

/**
 * Forgets the verified tokens of a user in this process at once, right after a change to their sessions committed
 * (the announcement reaches other processes, and this one again, moments later).
 */
export function forgetSessions(db: Database, userId: string): void {
  caches.get(db)?.forgetUser(userId);
}

/**
 * The live session of an access token, so logout, refresh-token reuse, password resets and disabled accounts revoke
 * access at once (no stateless token lives on after its session): from memory when this process verified it within
 * the cache's TTL and nothing about the user changed since, else one statement (no transaction of its own).
 */
export async function resolveSession(db: Database, token: string): Promise<AuthContext | undefined> {
  const tokenHash = hashSecret(token);
  const cache = caches.get(db);
  const cached = cache?.get(tokenHash);
  if (cached) return cached;
  const generation = cache?.generation() ?? 0;
  const result = await db.orm.execute(
    sql`SELECT session_id, user_id, valid_until FROM app.session_of_access_token(${tokenHash})`,
  );
  const [row] = rowsOf<{ session_id: string; user_id: string; valid_until: Date | string }>(result);
  if (!row) return undefined;
  const session = { userId: row.user_id, sessionId: row.session_id };
  cache?.put(tokenHash, session, new Date(row.valid_until).getTime(), generation);
  return session;
}

function rowsOf<Row>(result: unknown): Row[] {
  return (Array.isArray(result) ? result : (result as { rows: Row[] }).rows) as Row[];
}

/** Unsafe requests authenticated by cookie must come from our own origin (CSRF defence on top of SameSite=Lax). */
export function assertSameOrigin(request: FastifyRequest, publicUrl: string): void {
  if (['GET', 'HEAD', 'OPTIONS'].includes(request.method)) return;
  const origin = request.headers.origin;
  if (!origin) return; // non-browser clients and same-origin navigations without Origin
  const host = request.headers.host;
  const allowed = new Set([new URL(publicUrl).origin]);
  if (host) {
    allowed.add(`http://${host}`);
    allowed.add(`https://${host}`);
  }
  if (!allowed.has(origin)) throw new AppError('FORBIDDEN', `Cross-origin request from ${origin} refused`);
}

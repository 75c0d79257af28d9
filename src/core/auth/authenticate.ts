import type { FastifyRequest } from 'fastify';
import { and, eq, gt, isNull } from 'drizzle-orm';
import type { Database } from '../db/database.js';
import { userSessions, users } from '../db/platform.schema.js';
import { asSystem } from '../db/tenancy.js';
import { AppError } from '../errors.js';
import { hashSecret } from './secrets.js';

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

/**
 * Looks the access token up in the database on every request, so logout, refresh-token reuse and password resets
 * revoke access at once (no stateless token lives on after its session).
 */
export async function resolveSession(db: Database, token: string): Promise<AuthContext | undefined> {
  const tokenHash = hashSecret(token);
  return asSystem(db, async (tx) => {
    const [row] = await tx
      .select({ sessionId: userSessions.id, userId: userSessions.userId })
      .from(userSessions)
      .innerJoin(users, eq(users.id, userSessions.userId))
      .where(
        and(
          eq(userSessions.accessTokenHash, tokenHash),
          isNull(userSessions.revokedAt),
          gt(userSessions.accessExpiresAt, new Date()),
          gt(userSessions.expiresAt, new Date()),
          eq(users.status, 'active'),
        ),
      )
      .limit(1);
    return row;
  });
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

import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { AppContext } from '../../core/context.js';
import { REFRESH_COOKIE, SESSION_COOKIE, assertSameOrigin } from '../../core/auth/authenticate.js';
import { AppError } from '../../core/errors.js';
import { actorOf, requireAuth, type ZodApp } from '../../core/http/request-context.js';
import {
  deleteMeBody,
  emailOnlyBody,
  exportSchema,
  loginBody,
  messageSchema,
  refreshBody,
  registerBody,
  registrationReceiptSchema,
  resetPasswordBody,
  sessionGrantSchema,
  updateMeBody,
  userEnvelopeSchema,
  userSchema,
  verifyEmailBody,
} from './identity.contract.js';
import {
  ACCESS_TOKEN_TTL_SECONDS,
  deleteMe,
  exportMe,
  getMe,
  login,
  logout,
  refreshSession,
  registerUser,
  requestPasswordReset,
  resendVerification,
  resetPassword,
  updateMe,
  verifyEmail,
  type IdentityDeps,
  type SessionGrant,
} from './identity.service.js';
import { primeDummyHash } from './passwords.js';

const REFRESH_COOKIE_PATH = '/api/v1/auth';
const noContent = z.null().describe('No content');
const publicRoute = { security: [] };

/** Registration, email verification, login sessions, password reset and the signed-in user's own account (/me). */
export async function identityRoutes(api: ZodApp, context: AppContext): Promise<void> {
  const { config } = context;
  primeDummyHash().catch(() => undefined);
  const depsFor = (request: FastifyRequest): IdentityDeps => ({
    db: context.db,
    mailer: context.mailer,
    publicUrl: config.publicUrl,
    log: request.log,
  });

  function setSessionCookies(reply: FastifyReply, grant: SessionGrant): void {
    void reply.setCookie(SESSION_COOKIE, grant.accessToken, {
      httpOnly: true,
      sameSite: 'lax',
      path: '/',
      secure: config.secureCookies,
      maxAge: ACCESS_TOKEN_TTL_SECONDS,
    });
    void reply.setCookie(REFRESH_COOKIE, grant.refreshToken, {
      httpOnly: true,
      sameSite: 'strict',
      path: REFRESH_COOKIE_PATH,
      secure: config.secureCookies,
      expires: grant.sessionExpiresAt,
    });
    // Tokens must not land in any cache.
    void reply.header('cache-control', 'no-store');
  }

  function clearSessionCookies(reply: FastifyReply): void {
    void reply.clearCookie(SESSION_COOKIE, { path: '/', httpOnly: true, sameSite: 'lax', secure: config.secureCookies });
    void reply.clearCookie(REFRESH_COOKIE, { path: REFRESH_COOKIE_PATH, httpOnly: true, sameSite: 'strict', secure: config.secureCookies });
  }

  function grantBody(grant: SessionGrant) {
    return { accessToken: grant.accessToken, refreshToken: grant.refreshToken, expiresIn: grant.expiresIn, user: grant.user };
  }

  api.post(
    '/auth/register',
    {
      schema: {
        tags: ['auth'],
        summary: 'Create an account and its personal organization; mails a verification link',
        description:
          'Answers 202 with the same body whether or not the email already has an account, so the answer tells nobody ' +
          'who is registered; when it has one, its owner is mailed how to log in or reset the password instead.',
        ...publicRoute,
        body: registerBody,
        response: { 202: registrationReceiptSchema },
      },
    },
    async (request, reply) => {
      const { email } = request.body;
      await registerUser(depsFor(request), request.body, actorOf(request));
      return reply.status(202).send({
        status: 'verification_sent' as const,
        email,
        message: `We sent a message to ${email}; follow its link to continue.`,
      });
    },
  );

  api.post(
    '/auth/verify-email',
    {
      schema: {
        tags: ['auth'],
        summary: 'Confirm the email address with the token from the verification link',
        ...publicRoute,
        body: verifyEmailBody,
        response: { 200: userEnvelopeSchema },
      },
    },
    async (request) => ({ user: await verifyEmail(depsFor(request), request.body.token, actorOf(request)) }),
  );

  api.post(
    '/auth/resend-verification',
    {
      schema: {
        tags: ['auth'],
        summary: 'Mail a new verification link (the same answer whether or not the account exists)',
        ...publicRoute,
        body: emailOnlyBody,
        response: { 202: messageSchema },
      },
    },
    async (request, reply) => {
      await resendVerification(depsFor(request), request.body.email);
      return reply
        .status(202)
        .send({ message: 'If an unverified account exists for this email, a new verification link is on its way.' });
    },
  );

  api.post(
    '/auth/login',
    {
      schema: {
        tags: ['auth'],
        summary: 'Log in; answers the tokens and sets the atelier_session and atelier_refresh cookies',
        ...publicRoute,
        body: loginBody,
        response: { 200: sessionGrantSchema },
      },
    },
    async (request, reply) => {
      const grant = await login(depsFor(request), request.body, actorOf(request));
      setSessionCookies(reply, grant);
      return grantBody(grant);
    },
  );

  api.post(
    '/auth/refresh',
    {
      schema: {
        tags: ['auth'],
        summary: 'Exchange a refresh token (body or atelier_refresh cookie) for new tokens; each refresh token works once',
        ...publicRoute,
        body: refreshBody,
        response: { 200: sessionGrantSchema },
      },
    },
    async (request, reply) => {
      let refreshToken = request.body?.refreshToken;
      if (!refreshToken) {
        refreshToken = request.cookies[REFRESH_COOKIE];
        if (refreshToken) assertSameOrigin(request, config.publicUrl);
      }
      if (!refreshToken) throw new AppError('UNAUTHENTICATED', 'No refresh token: send refreshToken or the refresh cookie');
      const grant = await refreshSession(depsFor(request), refreshToken, actorOf(request));
      setSessionCookies(reply, grant);
      return grantBody(grant);
    },
  );

  api.post(
    '/auth/logout',
    {
      schema: {
        tags: ['auth'],
        summary: 'End the current session at once (its access and refresh tokens stop working) and clear the cookies',
        response: { 204: noContent },
      },
    },
    async (request, reply) => {
      const refreshToken = request.cookies[REFRESH_COOKIE];
      if (!request.auth && refreshToken) assertSameOrigin(request, config.publicUrl);
      await logout(depsFor(request), { session: request.auth ?? undefined, refreshToken }, actorOf(request));
      clearSessionCookies(reply);
      return reply.status(204).send(null);
    },
  );

  api.post(
    '/auth/forgot-password',
    {
      schema: {
        tags: ['auth'],
        summary: 'Mail a password reset code (the same answer whether or not the account exists)',
        ...publicRoute,
        body: emailOnlyBody,
        response: { 202: messageSchema },
      },
    },
    async (request, reply) => {
      await requestPasswordReset(depsFor(request), request.body.email, actorOf(request));
      return reply.status(202).send({ message: 'If an account exists for this email, a reset code is on its way.' });
    },
  );

  api.post(
    '/auth/reset-password',
    {
      schema: {
        tags: ['auth'],
        summary: 'Set a new password with the mailed code; ends every session of the account',
        ...publicRoute,
        body: resetPasswordBody,
        response: { 200: messageSchema },
      },
    },
    async (request, reply) => {
      await resetPassword(depsFor(request), request.body, actorOf(request));
      clearSessionCookies(reply);
      return { message: 'Your password has been changed; log in with the new password.' };
    },
  );

  api.get(
    '/me',
    { schema: { tags: ['me'], summary: 'The signed-in user', response: { 200: userSchema } } },
    async (request, reply) => {
      const { userId } = requireAuth(request);
      void reply.header('cache-control', 'no-store');
      return getMe(depsFor(request), userId);
    },
  );

  api.patch(
    '/me',
    {
      schema: {
        tags: ['me'],
        summary: 'Change name, username or GDPR consent',
        body: updateMeBody,
        response: { 200: userSchema },
      },
    },
    async (request) => {
      const { userId } = requireAuth(request);
      return updateMe(depsFor(request), { ...actorOf(request), userId }, request.body);
    },
  );

  api.get(
    '/me/export',
    {
      schema: {
        tags: ['me'],
        summary: 'Download everything Atelier keeps about me, as JSON',
        response: { 200: exportSchema },
      },
    },
    async (request, reply) => {
      const { userId } = requireAuth(request);
      const data = await exportMe(depsFor(request), { ...actorOf(request), userId });
      void reply
        .header('content-disposition', `attachment; filename="atelier-export-${data.exportedAt.slice(0, 10)}.json"`)
        .header('cache-control', 'no-store');
      return data;
    },
  );

  api.delete(
    '/me',
    {
      schema: {
        tags: ['me'],
        summary: 'Delete my account (password required); organizations where I am the only member go with it',
        body: deleteMeBody,
        response: { 204: noContent },
      },
    },
    async (request, reply) => {
      const { userId } = requireAuth(request);
      await deleteMe(depsFor(request), { ...actorOf(request), userId }, request.body.password);
      clearSessionCookies(reply);
      return reply.status(204).send(null);
    },
  );
}

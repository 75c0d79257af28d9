import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Fastify, { type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import fastifyCookie from '@fastify/cookie';
import fastifyStatic from '@fastify/static';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { accessTokenOf, assertSameOrigin, resolveSession, startSessionCache } from './core/auth/authenticate.js';
import type { AppContext, AppServices } from './core/context.js';
import { AppError } from './core/errors.js';
import { errorBody, registerErrorHandling } from './core/http/error-handler.js';
import { registerInputGuard } from './core/http/input-guard.js';
import { registerSecurityHeaders } from './core/http/security-headers.js';
import { registerUnreadBodyDrain } from './core/http/unread-body.js';
import { newId } from './core/ids.js';
import { registerJobTypes } from './core/jobs/index.js';
import { createLogger } from './core/logging.js';
import { createModuleRegistry } from './core/module.js';
import { createOffload } from './core/workers/offload.js';
import type { WorkerPool } from './core/workers/worker-pool.js';
import { appModules } from './modules/index.js';

/** What the modules registered (routes, jobs, AI tasks), built once per process from the module list. */
export const moduleRegistry = createModuleRegistry(appModules);

/**
 * The context every module's routes and jobs get: the process's services and what the modules registered. With a
 * worker pool, the modules' worker functions run in its threads; without one, in this thread.
 */
export function createAppContext(services: AppServices, workers?: WorkerPool): AppContext {
  return { ...services, aiTasks: moduleRegistry.aiTasks, offload: createOffload(moduleRegistry.workerFunctions, workers) };
}

const WEB_DIST = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../dist/web');

/** logger: a logger instance (made with core/logging's createLogger, so secrets stay out), false for none; default: one at LOG_LEVEL. */
export type BuildAppOptions = { logger?: FastifyBaseLogger | boolean; webDist?: string };

/**
 * How much of a refused request's body the server still reads so its answer arrives (core/http/unread-body.ts):
 * reading and discarding 64 MB costs little; past it, the connection is closed unread.
 */
const MIN_DRAIN_BYTES = 64 * 1024 * 1024;

/** Builds the HTTP application without listening, so tests drive it with app.inject(). */
export async function buildApp(context: AppContext, options: BuildAppOptions = {}): Promise<FastifyInstance> {
  const { config, db } = context;
  const loggerOption = options.logger === undefined || options.logger === true ? createLogger(config.logLevel) : options.logger;
  const app = Fastify({
    ...(loggerOption === false ? { logger: false } : { loggerInstance: loggerOption }),
    bodyLimit: config.bodyLimitBytes,
    trustProxy: config.trustProxy,
    genReqId: () => newId(),
    requestIdHeader: false,
    routerOptions: { ignoreTrailingSlash: true },
  }).withTypeProvider<ZodTypeProvider>();

  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  registerErrorHandling(app);
  app.addHook('onSend', async (request, reply) => {
    void reply.header('x-request-id', String(request.id));
  });
  registerSecurityHeaders(app);
  registerUnreadBodyDrain(app, Math.max(8 * config.bodyLimitBytes, MIN_DRAIN_BYTES));
  registerInputGuard(app);

  await app.register(fastifyCookie);
  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.1.0',
      info: { title: 'Atelier API', version: '1', description: 'Self-hosted AI workspace for product teams' },
      components: {
        securitySchemes: {
          bearer: { type: 'http', scheme: 'bearer', description: 'Access token from POST /api/v1/auth/login' },
          cookie: { type: 'apiKey', in: 'cookie', name: 'atelier_session' },
        },
      },
      security: [{ bearer: [] }, { cookie: [] }],
    },
    transform: jsonSchemaTransform,
  });
  await app.register(fastifySwaggerUi, { routePrefix: '/api/docs' });

  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());

  app.get(
    '/health',
    { schema: { response: { 200: z.object({ status: z.literal('ok'), database: z.enum(['pglite', 'postgres']) }) } } },
    async () => {
      await db.orm.execute('SELECT 1');
      return { status: 'ok' as const, database: db.kind };
    },
  );

  // Authentication is resolved for every API request; each route decides whether it needs it (requireAuth).
  const stopSessionCache = await startSessionCache(db, config.sessionCacheMs);
  app.addHook('onClose', stopSessionCache);
  app.decorateRequest('auth', null);
  app.addHook('onRequest', async (request) => {
    if (!request.url.startsWith('/api/v1/')) return;
    const presented = accessTokenOf(request);
    if (!presented) return;
    const session = await resolveSession(db, presented.token);
    if (session) {
      if (presented.viaCookie) assertSameOrigin(request, config.publicUrl);
      request.auth = session;
    } else if (!presented.viaCookie) {
      throw new AppError('UNAUTHENTICATED', 'The access token is invalid, expired or revoked; log in or refresh');
    }
  });

  // An API-only process (no job runner) still validates the payloads it enqueues.
  registerJobTypes(moduleRegistry.jobHandlers(context));
  await app.register(
    async (api) => {
      await moduleRegistry.registerRoutes(api, context);
    },
    { prefix: '/api/v1' },
  );

  const webDist = options.webDist ?? WEB_DIST;
  const hasWeb = fs.existsSync(path.join(webDist, 'index.html'));
  if (hasWeb) await app.register(fastifyStatic, { root: webDist, wildcard: false, index: ['index.html'] });

  app.setNotFoundHandler((request, reply) => {
    const isApi = request.url.startsWith('/api/') || request.url === '/health';
    if (!isApi && hasWeb && (request.method === 'GET' || request.method === 'HEAD')) {
      // The single-page app owns every other path (deep links like /projects/…).
      return reply.type('text/html').sendFile('index.html');
    }
    return reply.status(404).send(errorBody(request, 'NOT_FOUND', `No route ${request.method} ${request.url.split('?')[0]}`));
  });

  return app;
}

import type { FastifyBaseLogger, FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import crypto from 'node:crypto';
import { buildApp, createAppContext } from '../../src/app.js';
import { createConfiguredGateway, type AiGateway } from '../../src/core/ai/index.js';
import { loadConfig, type Config } from '../../src/config.js';
import type { DatabaseKind } from '../../src/core/db/database.js';
import type { MailMessage } from '../../src/core/mail.js';
import { createTestDatabase, type TestDatabase } from './test-db.js';

const TEST_SECRET_KEY = crypto.randomBytes(32).toString('hex');

export type TestApp = {
  app: FastifyInstance;
  database: TestDatabase;
  config: Config;
  ai: AiGateway;
  /** Every message the app sent, newest last. */
  mail: MailMessage[];
  close(): Promise<void>;
};

/**
 * The real application on a fresh database, with mail captured in memory instead of the outbox; silent unless given a
 * logger (core/logging's createLogger on a memory stream captures what the server would log).
 */
export async function createTestApp(
  kind: DatabaseKind,
  env: NodeJS.ProcessEnv = {},
  options: { ai?: AiGateway; logger?: FastifyBaseLogger; webDist?: string } = {},
): Promise<TestApp> {
  const database = await createTestDatabase(kind);
  const config = loadConfig({ DATA_DIR: '.test-tmp/unused', LOG_LEVEL: 'silent', ATELIER_SECRET_KEY: TEST_SECRET_KEY, ...env });
  const mail: MailMessage[] = [];
  const ai = options.ai ?? createConfiguredGateway(config, database.db);
  const app = await buildApp(
    createAppContext({ config, db: database.db, mailer: { send: async (message) => void mail.push(message) }, ai }),
    { logger: options.logger ?? false, webDist: options.webDist ?? '/nonexistent' },
  );
  await app.ready();
  return {
    app,
    database,
    config,
    ai,
    mail,
    async close() {
      await app.close();
      await database.drop();
    },
  };
}

/** app.inject with JSON bodies and an optional bearer token. */
export async function call(
  app: FastifyInstance,
  method: InjectOptions['method'],
  url: string,
  options: { token?: string; body?: unknown; headers?: Record<string, string> } = {},
): Promise<LightMyRequestResponse & { data: any }> { // eslint-disable-line @typescript-eslint/no-explicit-any
  const response = await app.inject({
    method,
    url,
    headers: { ...(options.token ? { authorization: `Bearer ${options.token}` } : {}), ...options.headers },
    ...(options.body === undefined ? {} : { payload: options.body as InjectOptions['payload'] }),
  });
  let data: unknown;
  try {
    data = response.json();
  } catch {
    data = undefined;
  }
  return Object.assign(response, { data });
}

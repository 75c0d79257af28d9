import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance } from 'fastify';
import { buildApp, createAppContext, moduleRegistry } from './app.js';
import { createConfiguredGateway, pooledOfflineEngine } from './core/ai/index.js';
import type { Config } from './config.js';
import { openDatabase, type Database } from './core/db/database.js';
import { migrateUp } from './core/db/migrator.js';
import { createJobRunner, type JobRunner } from './core/jobs/index.js';
import { createLogger } from './core/logging.js';
import { createMailer } from './core/mail.js';
import { createWorkerPool, type WorkerPool } from './core/workers/worker-pool.js';

/** src/worker.ts next to this file: worker.js in dist/, worker.ts when the sources run (tsx, vitest). */
export const WORKER_ENTRY = new URL(`./worker${path.extname(fileURLToPath(import.meta.url))}`, import.meta.url);

/** The database the configuration names: PostgreSQL when DATABASE_URL is set, else embedded PGlite in DATA_DIR. */
export async function openConfiguredDatabase(config: Config): Promise<Database> {
  return config.databaseUrl
    ? openDatabase({
        kind: 'postgres',
        url: config.databaseUrl,
        notifications: config.notifications.enabled,
        preparedStatements: config.databasePreparedStatements,
      })
    : openDatabase({ kind: 'pglite', dataDir: config.dataDir, notifications: config.notifications.enabled });
}

export type RunningServer = {
  app: FastifyInstance;
  db: Database;
  url: string;
  /** Runs background jobs; undefined when JOBS_CONCURRENCY is 0 (an API-only process). */
  jobRunner: JobRunner | undefined;
  /** The threads that run CPU-heavy work; undefined when AI_BUILTIN_WORKERS is 0. */
  workers: WorkerPool | undefined;
  stop(): Promise<void>;
};

/** Opens the database, applies pending migrations, and serves the API and the web app until stopped. */
export async function startServer(config: Config): Promise<RunningServer> {
  // One logger for the HTTP server, the job runner, the mailer and the AI gateway, with secrets redacted.
  const log = createLogger(config.logLevel);
  const db = await openConfiguredDatabase(config);
  let workers: WorkerPool | undefined;
  try {
    const applied = await migrateUp(db);
    if (applied.length) log.info({ migrations: applied.map((m) => `${m.version}_${m.name}`) }, 'migrations applied');
    await db.useRuntimeRole();
    const mailer = createMailer({
      smtpUrl: config.smtpUrl,
      from: config.mailFrom,
      outboxDir: path.join(config.dataDir, 'outbox'),
      log,
    });
    workers = config.ai.builtinWorkers > 0 ? createWorkerPool({ entry: WORKER_ENTRY, size: config.ai.builtinWorkers, name: 'atelier-worker' }) : undefined;
    const ai = createConfiguredGateway(config, db, log, workers && pooledOfflineEngine(workers, moduleRegistry.aiTasks));
    const context = createAppContext({ config, db, mailer, ai }, workers);
    const app = await buildApp(context, { logger: log });
    const jobRunner =
      config.jobs.concurrency > 0
        ? createJobRunner({ db, handlers: moduleRegistry.jobHandlers(context), log: log.child({ component: 'jobs' }), ...config.jobs })
        : undefined;
    await app.listen({ port: config.port, host: config.host });
    const address = app.server.address();
    const port = typeof address === 'object' && address ? address.port : config.port;
    workers?.start().catch((error: unknown) => log.error({ err: error }, 'the worker threads could not start'));
    jobRunner?.start();
    log.info({ database: db.kind, url: `http://localhost:${port}` }, 'Atelier is ready');
    let stopping: Promise<void> | undefined;
    return {
      app,
      db,
      url: `http://127.0.0.1:${port}`,
      jobRunner,
      workers,
      stop() {
        stopping ??= (async () => {
          try {
            // Jobs in flight go back to the queue: another process, or the next start, runs them again.
            const closed = await Promise.allSettled([jobRunner?.stop(), app.close()]);
            for (const outcome of closed) if (outcome.status === 'rejected') throw outcome.reason;
          } finally {
            await workers?.close();
            await db.close(); // PGlite loses its last writes unless closed
          }
        })();
        return stopping;
      },
    };
  } catch (error) {
    await workers?.close();
    await db.close();
    throw error;
  }
}

/** SIGINT/SIGTERM close the server and then the database, once. */
export function stopOnSignals(server: RunningServer): void {
  const stop = (signal: string) => {
    server.app.log.info({ signal }, 'shutting down');
    server
      .stop()
      .then(() => process.exit(0))
      .catch((error: unknown) => {
        server.app.log.error({ err: error }, 'shutdown failed');
        process.exit(1);
      });
  };
  process.once('SIGINT', () => stop('SIGINT'));
  process.once('SIGTERM', () => stop('SIGTERM'));
}

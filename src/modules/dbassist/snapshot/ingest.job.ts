import { eq } from 'drizzle-orm';
import { z } from 'zod';
import type { AppContext } from '../../../core/context.js';
import { jobActor, recordAudit } from '../../../core/audit.js';
import type { Tx } from '../../../core/db/database.js';
import { postgresErrorOf } from '../../../core/db/postgres-error.js';
import { withUser } from '../../../core/db/tenancy.js';
import { defineJobHandler, JobFailure, type JobContext, type JobHandler } from '../../../core/jobs/index.js';
import { supportedDbTypes } from '../../../shared/dbassist-kinds.js';
import { connections } from '../dbassist.schema.js';
import type { DatabaseDriver } from '../drivers/driver.js';
import { defaultDriverOpener, type ConnectionDriverOpener, type IngestConnection } from './connection-driver.js';
import type { SchemaModel } from './schema-model.js';
import { prepareSnapshot, storeSnapshot } from './snapshot-store.js';

export const INGEST_JOB = 'dbassist.ingest';

export const ingestPayloadSchema = z.object({ connectionId: z.uuid('connectionId must be a UUID') }).strict();
export type IngestPayload = z.infer<typeof ingestPayloadSchema>;

/** Progress bands: connecting, crawling (per table), storing. */
const CRAWL_START = 10;
const CRAWL_END = 80;

/**
 * dbassist.ingest: crawls a connection's database and stores the crawl as its next schema version — or, when the
 * content hashes the same as the newest version, stores nothing and answers that version. The crawl runs outside any
 * transaction of Atelier's; the version, its rows, the re-linked documentation and the audit event are written in the
 * job's one commit, as the person who started the ingest.
 */
export function ingestJob(context: AppContext, openDriver: ConnectionDriverOpener = defaultDriverOpener(context)): JobHandler {
  return defineJobHandler<IngestPayload>({
    type: INGEST_JOB,
    payload: ingestPayloadSchema,
    maxAttempts: 2,
    async run(job) {
      const { createdBy } = job.job;
      const connection = await withUser(context.db, createdBy, (tx) => loadConnection(tx, job.job.payload.connectionId, job.job.organizationId));
      if (!(supportedDbTypes as readonly string[]).includes(connection.dbType)) {
        throw new JobFailure('DBASSIST_NOT_SUPPORTED', `Reading ${connection.dbType} databases is not supported yet`);
      }
      await job.progress(5, 'Connecting');
      const snapshot = prepareSnapshot(await crawl(job, connection, openDriver));
      await job.progress(CRAWL_END + 5, `Storing ${snapshot.model.tables.length} tables`);
      return {
        result: {},
        commit: async (tx) => {
          const stored = await storeOrExplain(() => storeSnapshot(tx, { connectionId: connection.id, createdBy, snapshot }));
          await recordAudit(tx, jobActor(createdBy), {
            action: 'schema_ingested',
            resourceType: 'db_schema',
            resourceId: stored.schemaId,
            organizationId: connection.organizationId,
            details: { connectionId: connection.id, version: stored.version, unchanged: stored.unchanged, tables: stored.tableCount },
          });
          return { schemaId: stored.schemaId, version: stored.version, unchanged: stored.unchanged, tables: stored.tableCount, columns: stored.columnCount };
        },
      };
    },
  });
}

async function loadConnection(tx: Tx, connectionId: string, organizationId: string): Promise<IngestConnection> {
  const [row] = await tx
    .select({ id: connections.id, organizationId: connections.organizationId, dbType: connections.dbType, sealedUri: connections.connectionUri })
    .from(connections)
    .where(eq(connections.id, connectionId));
  if (!row || row.organizationId !== organizationId) throw new JobFailure('NOT_FOUND', 'The connection no longer exists');
  return row;
}

/** Opens the driver, crawls with progress per table, and closes the driver whatever happened. */
async function crawl(job: JobContext<IngestPayload>, connection: IngestConnection, openDriver: ConnectionDriverOpener): Promise<SchemaModel> {
  let driver: DatabaseDriver;
  try {
    driver = await openDriver(connection);
  } catch (error) {
    throw asIngestFailure(error, 'Connecting failed');
  }
  // The driver reports every table; the job row is written only when the shown percentage moves, one write at a time.
  let shown = CRAWL_START;
  let pending: Promise<void> = Promise.resolve();
  let progressError: Error | undefined;
  const onProgress = (done: number, total: number) => {
    const percent = total > 0 ? Math.floor(CRAWL_START + ((CRAWL_END - CRAWL_START) * Math.min(done, total)) / total) : CRAWL_START;
    if (percent <= shown) return;
    shown = percent;
    pending = pending.then(() => job.progress(percent, `Reading table ${Math.min(done, total)} of ${total}`)).catch((error: unknown) => void (progressError ??= error instanceof Error ? error : new Error(String(error))));
  };
  try {
    await job.progress(CRAWL_START, 'Reading the schema');
    const model = await driver.introspect(onProgress);
    await pending;
    if (progressError) throw progressError;
    return model;
  } catch (error) {
    await pending;
    if (job.signal.aborted) throw error;
    throw asIngestFailure(progressError ?? error, 'Reading the schema failed');
  } finally {
    await driver.close().catch(() => undefined);
  }
}

/** An engine's error as the job's failure, with anything that looks like credentials in a URI cut out. */
function asIngestFailure(error: unknown, prefix: string): Error {
  if (error instanceof Error && error.name === 'AbortError') return error;
  if (error instanceof JobFailure) return error;
  const message = error instanceof Error ? error.message : String(error);
  return new JobFailure('DBASSIST_INGEST_FAILED', `${prefix}: ${redactCredentials(message)}`.slice(0, 1000), { retryable: true });
}

export function redactCredentials(text: string): string {
  return text.replace(/([a-z][a-z0-9+.-]*:\/\/)[^\s/@]*@/gi, '$1***@');
}

/** A crawl the tables refuse (a constraint of dbassist's own) is the crawl's fault: retrying cannot help. */
async function storeOrExplain<T>(store: () => Promise<T>): Promise<T> {
  try {
    return await store();
  } catch (error) {
    const code = postgresErrorOf(error)?.code;
    if (code?.startsWith('23')) {
      throw new JobFailure('DBASSIST_SNAPSHOT_INVALID', `The crawled schema could not be stored (${(postgresErrorOf(error)?.constraint ?? 'a constraint')} refused it); nothing was saved`);
    }
    throw error;
  }
}

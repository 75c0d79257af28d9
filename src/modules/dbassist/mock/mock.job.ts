import fs from 'node:fs';
import path from 'node:path';
import { desc, eq } from 'drizzle-orm';
import { z } from 'zod';
import { jobActor, recordAudit } from '../../../core/audit.js';
import type { AppContext } from '../../../core/context.js';
import { withUser } from '../../../core/db/tenancy.js';
import { defineJobHandler, JobFailure, type JobHandler } from '../../../core/jobs/index.js';
import type { MockResult } from '../dbassist.contract.js';
import { connections, mockJobs, schemaSnapshots } from '../dbassist.schema.js';
import { MOCK_JOB } from './mock.service.js';
import { planMock } from './planner.js';
import { runMock, type MockProgress, type RunMockResult } from './run-mock.js';
import { openTargetDatabase, readPostgresHints } from './target-database.js';
import { csvFileSink, sqlFileSink, type FileSink } from './writers/file-sinks.js';

const payloadSchema = z.object({ mockJobId: z.uuid() }).strict();
type Payload = z.infer<typeof payloadSchema>;

/** Where a file job's output goes, relative to DATA_DIR. */
export function mockFileBase(organizationId: string, mockJobId: string): string {
  return path.join('dbassist', 'mock', organizationId, mockJobId);
}

/**
 * dbassist.mock: makes the rows of a mock job (its table and, as needed, its parents) from the connection's newest
 * schema version, into a CSV or SQL file under DATA_DIR or straight into the read-write connection in one
 * transaction. Progress follows the rows; a failure leaves no file and no rows (the transaction rolls back), and the
 * mock job says why.
 */
export function mockJob(context: AppContext): JobHandler {
  return defineJobHandler<Payload>({
    type: MOCK_JOB,
    payload: payloadSchema,
    // Rows written into an outside database are not part of the job's commit: never run a job twice.
    maxAttempts: 1,
    async run(job) {
      const { createdBy } = job.job;
      const { mockJobId } = job.job.payload;
      const loaded = await withUser(context.db, createdBy, async (tx) => {
        const [row] = await tx.select().from(mockJobs).where(eq(mockJobs.id, mockJobId));
        if (!row) return null;
        const [connection] = await tx.select().from(connections).where(eq(connections.id, row.connectionId));
        const [snapshot] = await tx
          .select({ model: schemaSnapshots.schemaJson })
          .from(schemaSnapshots)
          .where(eq(schemaSnapshots.connectionId, row.connectionId))
          .orderBy(desc(schemaSnapshots.sequence))
          .limit(1);
        if (!connection || !snapshot) return null;
        await tx.update(mockJobs).set({ status: 'running' }).where(eq(mockJobs.id, row.id));
        return { row, connection, model: snapshot.model };
      });
      if (!loaded) throw new JobFailure('NOT_FOUND', 'The mock job, its connection or its schema version no longer exists');
      const { row, connection, model } = loaded;
      const config = row.config;
      const options = { seed: config.seed, locale: config.locale, edgeCases: config.edgeCases };
      let lastPercent = -1;
      const onProgress = async (progress: MockProgress) => {
        const percent = 5 + Math.floor((90 * progress.rowsDone) / Math.max(1, progress.rowsPlanned));
        if (percent === lastPercent) return;
        lastPercent = percent;
        await job.progress(percent, `${progress.rowsDone} of ${progress.rowsPlanned} rows (${progress.table})`);
      };

      let outcome: RunMockResult;
      let filePath: string | null = null;
      try {
        await job.progress(2, `Planning rows for ${row.tableKey}`);
        if (config.target === 'connection') {
          const target = await openTargetDatabase(context, connection, model, [row.tableKey]);
          try {
            const plan = planMock({ model, requested: [{ table: row.tableKey, rows: config.rows }], existingRows: target.existing.rowCounts });
            await target.begin();
            try {
              outcome = await runMock({ model, plan, options, sink: target.sink, hints: target.hints, existing: target.existing, signal: job.signal, onProgress });
              await job.progress(96, 'Committing the rows');
              await target.commit();
            } catch (error) {
              await target.rollback();
              throw error;
            }
          } finally {
            await target.close();
          }
        } else {
          const base = mockFileBase(row.organizationId, row.id);
          const absolute = path.join(context.config.dataDir, base);
          fs.mkdirSync(path.dirname(absolute), { recursive: true });
          const hints = await readPostgresHints(context, connection);
          const plan = planMock({ model, requested: [{ table: row.tableKey, rows: config.rows }] });
          const sink: FileSink = config.format === 'sql' ? sqlFileSink(absolute, model.engine) : csvFileSink(absolute, model.engine);
          try {
            outcome = await runMock({ model, plan, options, sink, hints, signal: job.signal, onProgress });
            filePath = path.relative(context.config.dataDir, await sink.finish());
          } catch (error) {
            await sink.discard();
            throw error;
          }
        }
      } catch (error) {
        const message = (error instanceof Error ? error.message : String(error)).slice(0, 1000);
        await withUser(context.db, createdBy, (tx) =>
          tx.update(mockJobs).set({ status: 'failed', errorMsg: message, completedAt: new Date() }).where(eq(mockJobs.id, row.id)),
        );
        throw new JobFailure('MOCK_FAILED', message);
      }

      const result: MockResult = { tables: outcome.tables, rowsPerSecond: outcome.rowsPerSecond };
      return {
        result: { mockJobId: row.id, ...result, ...(outcome.notUnderstoodChecks.length ? { notUnderstoodChecks: outcome.notUnderstoodChecks.slice(0, 50) } : {}) },
        commit: async (tx) => {
          await tx.update(mockJobs).set({ status: 'completed', result, filePath, errorMsg: null, completedAt: new Date() }).where(eq(mockJobs.id, row.id));
          await recordAudit(tx, jobActor(createdBy), {
            action: 'mock_data_generated',
            resourceType: 'db_connection',
            resourceId: row.connectionId,
            organizationId: row.organizationId,
            details: { mockJobId: row.id, table: row.tableKey, target: config.target, rows: outcome.tables.reduce((sum, t) => sum + t.rows, 0) },
          });
        },
      };
    },
  });
}

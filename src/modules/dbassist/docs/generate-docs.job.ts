import { and, eq, inArray, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { AppContext } from '../../../core/context.js';
import { jobActor, recordAudit } from '../../../core/audit.js';
import type { Tx } from '../../../core/db/database.js';
import { withUser } from '../../../core/db/tenancy.js';
import { newId } from '../../../core/ids.js';
import { defineJobHandler, JobFailure, type JobHandler } from '../../../core/jobs/index.js';
import { generationTemplates } from '../../../shared/dbassist-kinds.js';
import { documentSchemaTask, type DocumentSchemaOutput } from '../ai/document-schema/index.js';
import { documentSchemaOffline } from '../ai/document-schema/offline.js';
import type { ColumnStats } from '../dbassist.schema.js';
import { connections, schemaColumns, schemaDocs, schemaSnapshots, schemaTables } from '../dbassist.schema.js';
import type { DatabaseDriver } from '../drivers/driver.js';
import { columnKey, tableKey, type SchemaModel, type TableModel } from '../snapshot/schema-model.js';
import { referrers, schemaDocInput, tableDocInput, type TableStats } from './doc-inputs.js';
import { GENERATE_DOCS_JOB, snapshotObjects, type SnapshotObject } from './docs.service.js';
import { defaultDriverOpener, type OpenConnectionDriver } from './driver-opener.js';
import { fingerprintOfKey } from '../snapshot/index.js';
import { columnStats } from './personal-data.js';
import { firstParagraphText as firstParagraph } from '../snapshot/doc-text.js';

const payloadSchema = z
  .object({
    schemaId: z.uuid(),
    template: z.enum(generationTemplates),
    tables: z.array(z.string().min(1).max(600)).max(2000).optional(),
    overwriteHuman: z.boolean(),
  })
  .strict();
type Payload = z.infer<typeof payloadSchema>;

/** Rows read per table for statistics: enough for shares and ranges, small enough for a large table. */
export const SAMPLE_ROWS = 1000;

type Written = { scope: 'schema' | 'table' | 'column'; objectKey: string; contentMd: string; generationId: string };

/**
 * dbassist.docs: samples each table of a snapshot through the connection's driver (masking personal columns), asks
 * the document-schema task for the table and its columns, then for the database as a whole, and writes everything
 * in the job's commit: column statistics, one doc per schema/table/column (a person's text is kept unless
 * overwriteHuman), and the snapshot's one-paragraph descriptions. When the database cannot be reached, the docs are
 * written from the schema alone and the result says why.
 */
export function generateDocsJob(context: AppContext, options: { openDriver?: OpenConnectionDriver } = {}): JobHandler {
  const openDriver = options.openDriver ?? defaultDriverOpener(context);
  return defineJobHandler<Payload>({
    type: GENERATE_DOCS_JOB,
    payload: payloadSchema,
    maxAttempts: 2,
    async run(job) {
      const { payload, createdBy, organizationId } = job.job;
      await job.progress(2, 'Reading the schema version');
      const loaded = await withUser(context.db, createdBy, async (tx) => {
        const [snapshot] = await tx.select().from(schemaSnapshots).where(eq(schemaSnapshots.id, payload.schemaId));
        if (!snapshot) return null;
        const [connection] = await tx
          .select({ id: connections.id, name: connections.name, dbType: connections.dbType, connectionUri: connections.connectionUri })
          .from(connections)
          .where(eq(connections.id, snapshot.connectionId));
        return connection ? { snapshot, connection } : null;
      });
      if (!loaded) throw new JobFailure('NOT_FOUND', 'The schema version or its connection no longer exists');
      const { snapshot, connection } = loaded;
      const model = snapshot.schemaJson;
      const wanted = payload.tables ? new Set(payload.tables) : null;
      const tables = model.tables.filter((t) => !wanted || wanted.has(tableKey(t)));
      const refs = referrers(model);

      let driver: DatabaseDriver | null = null;
      let samplingProblem: string | null = null;
      try {
        driver = await openDriver(connection);
      } catch (error) {
        samplingProblem = `The database could not be sampled: ${error instanceof Error ? error.message : String(error)}`;
      }

      const call = { organizationId, userId: createdBy, jobId: job.job.id, signal: job.signal };
      const stats = new Map<string, TableStats>();
      const written: Written[] = [];
      const unsampled: string[] = [];
      try {
        for (const [i, table] of tables.entries()) {
          const key = tableKey(table);
          await job.progress(5 + Math.floor((85 * i) / Math.max(1, tables.length)), `Documenting ${key} (${i + 1} of ${tables.length})`);
          const tableStats = driver ? await sample(driver, table).catch(() => null) : null;
          if (tableStats) stats.set(key, tableStats);
          else if (driver) unsampled.push(key);
          const input = tableDocInput(model, table, tableStats, payload.template, refs.get(key) ?? []);
          const generation = await context.ai.run(documentSchemaTask, input, call);
          written.push({ scope: 'table', objectKey: key, contentMd: generation.output.description, generationId: generation.generationId });
          for (const column of completeColumns(table, generation.output, () => documentSchemaOffline(input))) {
            written.push({ scope: 'column', objectKey: columnKey(table, column), contentMd: column.description, generationId: generation.generationId });
          }
        }
      } finally {
        await driver?.close().catch(() => undefined);
      }
      await job.progress(92, 'Describing the database as a whole');
      const overview = await context.ai.run(documentSchemaTask, schemaDocInput(model, connection.name, payload.template), call);
      written.push({ scope: 'schema', objectKey: '', contentMd: overview.output.description, generationId: overview.generationId });

      await job.progress(96, 'Saving the documentation');
      const sampled = !samplingProblem;
      return {
        result: {
          schemaId: snapshot.id,
          template: payload.template,
          tables: tables.length,
          columns: tables.reduce((sum, t) => sum + t.columns.length, 0),
          sampled,
          ...(samplingProblem ? { samplingProblem } : {}),
          ...(unsampled.length ? { unsampledTables: unsampled.slice(0, 100) } : {}),
        },
        commit: async (tx) => {
          const objects = await snapshotObjects(tx, snapshot);
          await saveStats(tx, objects, stats);
          const kept = await saveDocs(tx, { snapshot, createdBy, template: payload.template, overwriteHuman: payload.overwriteHuman, objects, written });
          await recordAudit(tx, jobActor(createdBy), {
            action: 'schema_docs_generated',
            resourceType: 'db_schema',
            resourceId: snapshot.id,
            organizationId: snapshot.organizationId,
            details: { jobId: job.job.id, template: payload.template, tables: tables.length, docs: written.length - kept, keptHuman: kept, sampled },
          });
          return { written: written.length - kept, keptHuman: kept };
        },
      };
    },
  });
}

async function sample(driver: DatabaseDriver, table: TableModel): Promise<TableStats> {
  const raw = await driver.sampleColumns(table, SAMPLE_ROWS);
  const result: TableStats = {};
  for (const column of table.columns) {
    const one = raw[column.name];
    if (one) result[column.name] = columnStats(column.name, column.dataType, one);
  }
  return result;
}

/**
 * Every column of the table with a description: a model that skipped or misspelt one gets the offline engine's
 * text for it, so a generation always covers the whole table.
 */
function completeColumns(table: TableModel, output: DocumentSchemaOutput, offline: () => DocumentSchemaOutput): Array<{ name: string; description: string }> {
  const given = new Map(output.columns.filter((c) => c.description.trim()).map((c) => [c.name, c.description]));
  let fallback: Map<string, string> | null = null;
  return table.columns.map((column) => {
    const text = given.get(column.name);
    if (text) return { name: column.name, description: text };
    fallback ??= new Map(offline().columns.map((c) => [c.name, c.description]));
    return { name: column.name, description: fallback.get(column.name) ?? '' };
  });
}

/** Sampled statistics onto the snapshot's column rows, without the personal kind (the masked flag says enough). */
async function saveStats(tx: Tx, objects: Map<string, SnapshotObject>, stats: Map<string, TableStats>): Promise<void> {
  const rows: Array<{ id: string; stats: ColumnStats }> = [];
  for (const [table, columns] of stats) {
    for (const [name, value] of Object.entries(columns)) {
      const object = objects.get(`column:${table}.${name}`);
      const { personal: _personal, ...stored } = value;
      if (object) rows.push({ id: object.refId, stats: stored });
    }
  }
  for (let i = 0; i < rows.length; i += 500) {
    const chunk = rows.slice(i, i + 500);
    const values = sql.join(chunk.map((r) => sql`(${r.id}::uuid, ${JSON.stringify(r.stats)}::jsonb)`), sql`, `);
    await tx.execute(sql`UPDATE dbassist.columns AS c SET stats = v.stats FROM (VALUES ${values}) AS v(id, stats) WHERE c.id = v.id`);
  }
}

/**
 * Upserts the docs by (connection, scope, key); a person's text stays unless overwriteHuman. Then every documented
 * table and column row of the snapshot gets the first paragraph of its final text as description. Returns how many
 * texts by a person were kept.
 */
async function saveDocs(
  tx: Tx,
  job: { snapshot: { id: string; organizationId: string; connectionId: string; schemaJson: SchemaModel }; createdBy: string; template: 'short' | 'full'; overwriteHuman: boolean; objects: Map<string, SnapshotObject>; written: Written[] },
): Promise<number> {
  const { snapshot, objects } = job;
  const existing = await tx
    .select({ scope: schemaDocs.scope, objectKey: schemaDocs.objectKey, source: schemaDocs.source, contentMd: schemaDocs.contentMd })
    .from(schemaDocs)
    .where(and(eq(schemaDocs.connectionId, snapshot.connectionId), inArray(schemaDocs.objectKey, [...new Set(job.written.map((w) => w.objectKey))])));
  const human = new Map(existing.filter((d) => d.source === 'human').map((d) => [`${d.scope}:${d.objectKey}`, d.contentMd]));
  const finalText = new Map<string, string>();
  const values: Array<typeof schemaDocs.$inferInsert> = [];
  let kept = 0;
  for (const doc of job.written) {
    const id = `${doc.scope}:${doc.objectKey}`;
    const object = objects.get(id);
    const fingerprint = fingerprintOfKey(snapshot.schemaJson, doc.objectKey);
    if (!object || fingerprint === null) continue;
    const theirs = human.get(id);
    if (theirs !== undefined && !job.overwriteHuman) {
      kept++;
      finalText.set(id, theirs);
      continue;
    }
    finalText.set(id, doc.contentMd);
    values.push({
      id: newId(),
      organizationId: snapshot.organizationId,
      connectionId: snapshot.connectionId,
      scope: doc.scope,
      refId: object.refId,
      objectKey: doc.objectKey,
      contentMd: doc.contentMd.slice(0, 20000),
      template: job.template,
      source: 'ai',
      fingerprint,
      stale: false,
      generationId: doc.generationId,
      createdBy: job.createdBy,
      updatedBy: job.createdBy,
    });
  }
  for (let i = 0; i < values.length; i += 500) {
    await tx
      .insert(schemaDocs)
      .values(values.slice(i, i + 500))
      .onConflictDoUpdate({
        target: [schemaDocs.connectionId, schemaDocs.scope, schemaDocs.objectKey],
        set: {
          refId: sql`excluded.ref_id`,
          contentMd: sql`excluded.content_md`,
          template: sql`excluded.template`,
          source: sql`excluded.source`,
          fingerprint: sql`excluded.fingerprint`,
          stale: false,
          generationId: sql`excluded.generation_id`,
          updatedBy: sql`excluded.updated_by`,
        },
      });
  }
  await saveDescriptions(tx, objects, finalText);
  return kept;
}

async function saveDescriptions(tx: Tx, objects: Map<string, SnapshotObject>, texts: Map<string, string>): Promise<void> {
  const tables: Array<{ id: string; description: string | null }> = [];
  const columns: Array<{ id: string; description: string | null }> = [];
  for (const [id, text] of texts) {
    const object = objects.get(id);
    if (object?.scope === 'table') tables.push({ id: object.refId, description: firstParagraph(text) });
    if (object?.scope === 'column') columns.push({ id: object.refId, description: firstParagraph(text) });
  }
  for (const [target, rows] of [[schemaTables, tables], [schemaColumns, columns]] as const) {
    const name = target === schemaTables ? sql`dbassist.tables` : sql`dbassist.columns`;
    for (let i = 0; i < rows.length; i += 500) {
      const values = sql.join(rows.slice(i, i + 500).map((r) => sql`(${r.id}::uuid, ${r.description}::text)`), sql`, `);
      await tx.execute(sql`UPDATE ${name} AS t SET description = v.description FROM (VALUES ${values}) AS v(id, description) WHERE t.id = v.id`);
    }
  }
}

import { and, eq, inArray } from 'drizzle-orm';
import { recordAudit, type UserActor } from '../../../core/audit.js';
import type { Tx } from '../../../core/db/database.js';
import { AppError, notFound } from '../../../core/errors.js';
import { isUuid } from '../../../core/ids.js';
import { enqueueJob, type JobRow } from '../../../core/jobs/index.js';
import { requireOrganizationRole } from '../../organizations/index.js';
import type { OrganizationRole } from '../../../core/db/platform.schema.js';
import type { GenerateDocsInput, SchemaDoc, UpdateDocInput } from '../dbassist.contract.js';
import { connections, schemaColumns, schemaDocs, schemaSnapshots, schemaTables } from '../dbassist.schema.js';
import { columnKey, tableKey, type SchemaModel } from '../snapshot/schema-model.js';
import { fingerprintOfKey } from '../snapshot/index.js';
import { firstParagraphText as firstParagraph } from '../snapshot/doc-text.js';

export const GENERATE_DOCS_JOB = 'dbassist.docs';

export type SnapshotRow = typeof schemaSnapshots.$inferSelect;
export type DocRow = typeof schemaDocs.$inferSelect;

/**
 * A snapshot the user may read (viewers and up) or document (editors and up). Another organization's snapshot, or a
 * malformed id, is the same 404 as a missing one; a viewer asking to write hears 403.
 */
export async function requireSnapshot(tx: Tx, userId: string, schemaId: string, minimum: OrganizationRole): Promise<SnapshotRow> {
  if (!isUuid(schemaId)) throw notFound('Schema');
  const [snapshot] = await tx.select().from(schemaSnapshots).where(eq(schemaSnapshots.id, schemaId));
  if (!snapshot) throw notFound('Schema');
  await requireOrganizationRole(tx, userId, snapshot.organizationId, minimum);
  return snapshot;
}

/** One documentable object of a snapshot: its scope, its key, and the row of the snapshot that stands for it. */
export type SnapshotObject = { scope: 'schema' | 'table' | 'column'; objectKey: string; refId: string; tableRowId: string | null };

/** The schema, table and column rows of a snapshot by object key ('' is the schema itself). */
export async function snapshotObjects(tx: Tx, snapshot: Pick<SnapshotRow, 'id'>): Promise<Map<string, SnapshotObject>> {
  const tables = await tx
    .select({ id: schemaTables.id, namespace: schemaTables.namespace, name: schemaTables.name })
    .from(schemaTables)
    .where(eq(schemaTables.schemaId, snapshot.id));
  const objects = new Map<string, SnapshotObject>([['schema:', { scope: 'schema', objectKey: '', refId: snapshot.id, tableRowId: null }]]);
  if (tables.length === 0) return objects;
  const byId = new Map(tables.map((t) => [t.id, t]));
  for (const table of tables) objects.set(`table:${tableKey(table)}`, { scope: 'table', objectKey: tableKey(table), refId: table.id, tableRowId: table.id });
  const columns = await tx
    .select({ id: schemaColumns.id, tableId: schemaColumns.tableId, name: schemaColumns.name })
    .from(schemaColumns)
    .where(inArray(schemaColumns.tableId, tables.map((t) => t.id)));
  for (const column of columns) {
    const table = byId.get(column.tableId)!;
    const key = columnKey(table, column);
    objects.set(`column:${key}`, { scope: 'column', objectKey: key, refId: column.id, tableRowId: table.id });
  }
  return objects;
}

function toDoc(row: DocRow, object: SnapshotObject, model: SchemaModel): SchemaDoc {
  const current = fingerprintOfKey(model, row.objectKey);
  return {
    id: row.id,
    scope: row.scope,
    refId: object.refId,
    objectKey: row.objectKey,
    contentMd: row.contentMd,
    template: row.template,
    source: row.source,
    // Stale when the re-ingestion flagged it, or when this snapshot's object differs from the one the text describes.
    stale: row.stale || (current !== null && current !== row.fingerprint),
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

/** The documentation of a snapshot's objects: the schema first, then tables and columns in key order. */
export async function listDocs(tx: Tx, userId: string, schemaId: string): Promise<{ items: SchemaDoc[] }> {
  const snapshot = await requireSnapshot(tx, userId, schemaId, 'viewer');
  const objects = await snapshotObjects(tx, snapshot);
  const rows = await tx.select().from(schemaDocs).where(eq(schemaDocs.connectionId, snapshot.connectionId));
  const order = { schema: 0, table: 1, column: 2 } as const;
  const items = rows
    .map((row) => ({ row, object: objects.get(`${row.scope}:${row.objectKey}`) }))
    .filter((entry): entry is { row: DocRow; object: SnapshotObject } => entry.object !== undefined)
    .sort((a, b) => order[a.row.scope] - order[b.row.scope] || a.row.objectKey.localeCompare(b.row.objectKey))
    .map(({ row, object }) => toDoc(row, object, snapshot.schemaJson));
  return { items };
}

/** Sets the one-paragraph description of the snapshot's table or column row a doc stands for. */
export async function setObjectDescription(tx: Tx, object: SnapshotObject, contentMd: string): Promise<void> {
  const description = firstParagraph(contentMd);
  if (object.scope === 'table') await tx.update(schemaTables).set({ description }).where(eq(schemaTables.id, object.refId));
  if (object.scope === 'column') await tx.update(schemaColumns).set({ description }).where(eq(schemaColumns.id, object.refId));
}

/**
 * A person's edit: the text becomes theirs (source 'human', template 'manual'), no longer stale, fingerprinted
 * against this snapshot's object, and the object's description follows it.
 */
export async function updateDoc(tx: Tx, actor: UserActor, schemaId: string, docId: string, input: UpdateDocInput): Promise<SchemaDoc> {
  const snapshot = await requireSnapshot(tx, actor.userId, schemaId, 'editor');
  if (!isUuid(docId)) throw notFound('Documentation');
  const [row] = await tx.select().from(schemaDocs).where(and(eq(schemaDocs.id, docId), eq(schemaDocs.connectionId, snapshot.connectionId)));
  if (!row) throw notFound('Documentation');
  const objects = await snapshotObjects(tx, snapshot);
  const object = objects.get(`${row.scope}:${row.objectKey}`);
  const fingerprint = fingerprintOfKey(snapshot.schemaJson, row.objectKey);
  if (!object || fingerprint === null) throw notFound('Documentation');
  const [updated] = await tx
    .update(schemaDocs)
    .set({ contentMd: input.contentMd, source: 'human', template: 'manual', stale: false, fingerprint, refId: object.refId, updatedBy: actor.userId, generationId: null })
    .where(eq(schemaDocs.id, row.id))
    .returning();
  await setObjectDescription(tx, object, input.contentMd);
  await recordAudit(tx, actor, {
    action: 'schema_doc_edited',
    resourceType: 'db_doc',
    resourceId: row.id,
    organizationId: snapshot.organizationId,
    details: { schemaId: snapshot.id, scope: row.scope, objectKey: row.objectKey, length: input.contentMd.length },
  });
  return toDoc(updated!, object, snapshot.schemaJson);
}

/** "orders" or "public.orders" → the table key of the snapshot it names; each unknown name is a 400 naming it. */
export function resolveTableNames(model: SchemaModel, names: readonly string[]): string[] {
  const keys = new Set(model.tables.map(tableKey));
  const byBareName = new Map<string, string[]>();
  for (const table of model.tables) byBareName.set(table.name, [...(byBareName.get(table.name) ?? []), tableKey(table)]);
  const resolved: string[] = [];
  const problems: Array<{ field: string; message: string; in: 'body' }> = [];
  names.forEach((name, i) => {
    if (keys.has(name)) return resolved.push(name);
    const matches = byBareName.get(name) ?? [];
    if (matches.length === 1) return resolved.push(matches[0]!);
    problems.push({
      field: `tables.${i}`,
      message: matches.length > 1 ? `“${name}” is in several namespaces (${matches.join(', ')}); give the namespace` : `No table or view “${name}” in this schema version`,
      in: 'body',
    });
  });
  if (problems.length) throw new AppError('VALIDATION_FAILED', `Invalid body: ${problems.map((p) => `${p.field}: ${p.message}`).join('; ')}`, { details: problems });
  return [...new Set(resolved)];
}

/** Queues the documentation job of a snapshot (editors and up). */
export async function enqueueDocGeneration(tx: Tx, actor: UserActor, schemaId: string, input: GenerateDocsInput): Promise<JobRow> {
  const snapshot = await requireSnapshot(tx, actor.userId, schemaId, 'editor');
  const tables = input.tables ? resolveTableNames(snapshot.schemaJson, input.tables) : undefined;
  const [connection] = await tx.select({ id: connections.id }).from(connections).where(eq(connections.id, snapshot.connectionId));
  if (!connection) throw notFound('Schema');
  return enqueueJob(tx, {
    organizationId: snapshot.organizationId,
    createdBy: actor.userId,
    type: GENERATE_DOCS_JOB,
    payload: { schemaId: snapshot.id, template: input.template, ...(tables ? { tables } : {}), overwriteHuman: input.overwriteHuman },
  });
}

/** What the Markdown site of a snapshot is built from (members may download it). */
export async function docsSiteSource(tx: Tx, userId: string, schemaId: string): Promise<{ title: string; version: string; model: SchemaModel; docs: Map<string, string> }> {
  const snapshot = await requireSnapshot(tx, userId, schemaId, 'viewer');
  const [connection] = await tx.select({ name: connections.name }).from(connections).where(eq(connections.id, snapshot.connectionId));
  const { items } = await listDocs(tx, userId, schemaId);
  const docs = new Map(items.filter((d) => d.contentMd.trim()).map((d) => [`${d.scope}:${d.objectKey}`, d.contentMd]));
  return { title: connection?.name ?? 'Database', version: snapshot.version, model: snapshot.schemaJson, docs };
}

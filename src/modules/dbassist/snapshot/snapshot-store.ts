import { desc, eq, sql } from 'drizzle-orm';
import type { Tx } from '../../../core/db/database.js';
import { notFound } from '../../../core/errors.js';
import { newId } from '../../../core/ids.js';
import type { DocScope } from '../../../shared/dbassist-kinds.js';
import { connections, schemaSnapshots } from '../dbassist.schema.js';
import { hashNormalizedModel, versionLabel } from './content-hash.js';
import { firstParagraphText } from './doc-text.js';
import { objectFingerprint } from './fingerprint.js';
import { normalizeSchemaModel } from './normalize.js';
import { columnKey, tableKey, type SchemaModel, type TableModel } from './schema-model.js';

export { fingerprintOfKey, objectFingerprint, type FingerprintTarget } from './fingerprint.js';

/** Rows per INSERT: each statement sends one array per column, so a chunk costs one round trip whatever its size. */
const TABLE_CHUNK = 2000;
const COLUMN_CHUNK = 5000;
/** What dbassist.tables/columns accept; the full text stays in schema_json. */
const MAX_NAME = 255;
const MAX_DATA_TYPE = 500;

/** A crawl normalized and hashed: the CPU work of an ingest, done before its transaction opens. */
export type PreparedSnapshot = { model: SchemaModel; contentHash: string; columnCount: number };

export function prepareSnapshot(crawl: SchemaModel): PreparedSnapshot {
  const model = normalizeSchemaModel(crawl);
  return { model, contentHash: hashNormalizedModel(model), columnCount: model.tables.reduce((sum, table) => sum + table.columns.length, 0) };
}

/** A crawl as it came (normalized and hashed here) or already prepared (the ingest job does that outside the transaction). */
export type StoreSnapshotInput = { connectionId: string; createdBy: string } & ({ model: SchemaModel } | { snapshot: PreparedSnapshot });

export type StoredSnapshot = {
  schemaId: string;
  version: string;
  sequence: number;
  contentHash: string;
  /** The crawl hashed the same as the newest version: that version is returned and nothing was written. */
  unchanged: boolean;
  tableCount: number;
  columnCount: number;
};

/**
 * Stores a prepared crawl as the connection's next version, in the caller's transaction (as a user: RLS requires an editor):
 * the dbassist.schemas row, its tables and columns in bulk with keys resolved within the snapshot, descriptions
 * carried from the connection's documentation, and that documentation re-linked to the new rows. The connection row
 * is locked first, so two ingests of one connection take their sequence numbers one after the other.
 */
export async function storeSnapshot(tx: Tx, input: StoreSnapshotInput): Promise<StoredSnapshot> {
  const [connection] = await tx
    .select({ id: connections.id, organizationId: connections.organizationId })
    .from(connections)
    .where(eq(connections.id, input.connectionId))
    .for('no key update');
  if (!connection) throw notFound('Connection');

  const { model, contentHash, columnCount } = 'snapshot' in input ? input.snapshot : prepareSnapshot(input.model);
  const [newest] = await tx
    .select({ id: schemaSnapshots.id, sequence: schemaSnapshots.sequence, contentHash: schemaSnapshots.contentHash, version: schemaSnapshots.version, tableCount: schemaSnapshots.tableCount, columnCount: schemaSnapshots.columnCount })
    .from(schemaSnapshots)
    .where(eq(schemaSnapshots.connectionId, connection.id))
    .orderBy(desc(schemaSnapshots.sequence))
    .limit(1);
  if (newest && newest.contentHash === contentHash) {
    return { schemaId: newest.id, version: newest.version, sequence: newest.sequence, contentHash, unchanged: true, tableCount: newest.tableCount, columnCount: newest.columnCount };
  }

  const sequence = (newest?.sequence ?? 0) + 1;
  const version = versionLabel(sequence, contentHash);
  const schemaId = newId();
  await tx.insert(schemaSnapshots).values({
    id: schemaId,
    organizationId: connection.organizationId,
    connectionId: connection.id,
    sequence,
    contentHash,
    version,
    schemaJson: model,
    tableCount: model.tables.length,
    columnCount,
    createdBy: input.createdBy,
  });

  const docs = await loadDocs(tx, connection.id);
  const ids = assignIds(model);
  const scope = { organizationId: connection.organizationId, schemaId };
  await insertTables(tx, scope, model, ids, docs);
  await insertColumns(tx, scope, model, ids, docs);
  await relinkDocs(tx, connection.id, schemaId, model, ids, docs);

  return { schemaId, version, sequence, contentHash, unchanged: false, tableCount: model.tables.length, columnCount };
}

type DocRow = { scope: DocScope; objectKey: string; contentMd: string; fingerprint: string };
type DocIndex = Map<string, DocRow>;

const docIndexKey = (scope: DocScope, objectKey: string) => `${scope}\u0000${objectKey}`;

async function loadDocs(tx: Tx, connectionId: string): Promise<DocIndex> {
  const result = await tx.execute(sql`
    SELECT scope, object_key AS "objectKey", content_md AS "contentMd", fingerprint
    FROM dbassist.docs WHERE connection_id = ${connectionId}`);
  const rows = rowsOf<DocRow>(result);
  return new Map(rows.map((row) => [docIndexKey(row.scope, row.objectKey), row]));
}

/** New ids for every table and column, so foreign keys resolve before anything is written. */
type SnapshotIds = { tables: Map<string, string>; columns: Map<string, string> };

function assignIds(model: SchemaModel): SnapshotIds {
  const tables = new Map<string, string>();
  const columns = new Map<string, string>();
  for (const table of model.tables) {
    tables.set(tableKey(table), newId());
    for (const column of table.columns) columns.set(columnKey(table, column), newId());
  }
  return { tables, columns };
}

/** The documentation's first paragraph when a person or the AI wrote one, else the source's own comment. */
function describe(docs: DocIndex, scope: DocScope, objectKey: string, comment: string | null): string | null {
  const doc = docs.get(docIndexKey(scope, objectKey));
  return (doc ? firstParagraphText(doc.contentMd) : null) ?? comment;
}

type SnapshotScope = { organizationId: string; schemaId: string };

async function insertTables(tx: Tx, scope: SnapshotScope, model: SchemaModel, ids: SnapshotIds, docs: DocIndex): Promise<void> {
  for (const chunk of chunks(model.tables, TABLE_CHUNK)) {
    const rows = {
      id: [] as string[],
      namespace: [] as string[],
      name: [] as string[],
      kind: [] as string[],
      comment: [] as Array<string | null>,
      description: [] as Array<string | null>,
      rowEstimate: [] as Array<number | null>,
    };
    for (const table of chunk) {
      const key = tableKey(table);
      rows.id.push(ids.tables.get(key)!);
      rows.namespace.push(table.namespace);
      rows.name.push(table.name.slice(0, MAX_NAME));
      rows.kind.push(table.kind);
      rows.comment.push(table.comment);
      rows.description.push(describe(docs, 'table', key, table.comment));
      rows.rowEstimate.push(table.rowEstimate);
    }
    await tx.execute(sql`
      INSERT INTO dbassist.tables (id, organization_id, schema_id, namespace, name, kind, comment, description, row_estimate)
      SELECT u.id, ${scope.organizationId}::uuid, ${scope.schemaId}::uuid, u.namespace, u.name, u.kind, u.comment, u.description, u.row_estimate
      FROM unnest(${sql.param(rows.id)}::uuid[], ${sql.param(rows.namespace)}::text[], ${sql.param(rows.name)}::text[], ${sql.param(rows.kind)}::text[],
                  ${sql.param(rows.comment)}::text[], ${sql.param(rows.description)}::text[], ${sql.param(rows.rowEstimate)}::bigint[])
        AS u(id, namespace, name, kind, comment, description, row_estimate)`);
  }
}

/** For each column: part of the primary key, of a foreign key, and the first referenced table of this snapshot. */
function keyFacts(table: TableModel, ids: SnapshotIds): Map<string, { isPk: boolean; isFk: boolean; fkTableId: string | null }> {
  const facts = new Map<string, { isPk: boolean; isFk: boolean; fkTableId: string | null }>();
  for (const column of table.columns) facts.set(column.name, { isPk: false, isFk: false, fkTableId: null });
  for (const name of table.primaryKey?.columns ?? []) {
    const fact = facts.get(name);
    if (fact) fact.isPk = true;
  }
  for (const key of table.foreignKeys) {
    const target = ids.tables.get(tableKey({ namespace: key.refNamespace, name: key.refTable })) ?? null;
    for (const name of key.columns) {
      const fact = facts.get(name);
      if (!fact) continue;
      fact.isFk = true;
      fact.fkTableId ??= target;
    }
  }
  return facts;
}

async function insertColumns(tx: Tx, scope: SnapshotScope, model: SchemaModel, ids: SnapshotIds, docs: DocIndex): Promise<void> {
  const rows = model.tables.flatMap((table) => {
    const facts = keyFacts(table, ids);
    const tableId = ids.tables.get(tableKey(table))!;
    return table.columns.map((column) => ({ table, column, tableId, fact: facts.get(column.name)! }));
  });
  for (const chunk of chunks(rows, COLUMN_CHUNK)) {
    const arrays = {
      id: [] as string[],
      tableId: [] as string[],
      ordinal: [] as number[],
      name: [] as string[],
      dataType: [] as string[],
      isNullable: [] as boolean[],
      isPk: [] as boolean[],
      isFk: [] as boolean[],
      fkTableId: [] as Array<string | null>,
      defaultValue: [] as Array<string | null>,
      comment: [] as Array<string | null>,
      description: [] as Array<string | null>,
    };
    for (const { table, column, tableId, fact } of chunk) {
      const key = columnKey(table, column);
      arrays.id.push(ids.columns.get(key)!);
      arrays.tableId.push(tableId);
      arrays.ordinal.push(column.ordinal);
      arrays.name.push(column.name.slice(0, MAX_NAME));
      arrays.dataType.push(column.dataType.slice(0, MAX_DATA_TYPE));
      arrays.isNullable.push(column.isNullable);
      arrays.isPk.push(fact.isPk);
      arrays.isFk.push(fact.isFk);
      arrays.fkTableId.push(fact.fkTableId);
      arrays.defaultValue.push(column.defaultValue);
      arrays.comment.push(column.comment);
      arrays.description.push(describe(docs, 'column', key, column.comment));
    }
    await tx.execute(sql`
      INSERT INTO dbassist.columns (id, organization_id, table_id, ordinal, name, data_type, is_nullable, is_pk, is_fk, fk_table_id, default_value, comment, description)
      SELECT u.id, ${scope.organizationId}::uuid, u.table_id, u.ordinal, u.name, u.data_type, u.is_nullable, u.is_pk, u.is_fk, u.fk_table_id, u.default_value, u.comment, u.description
      FROM unnest(${sql.param(arrays.id)}::uuid[], ${sql.param(arrays.tableId)}::uuid[], ${sql.param(arrays.ordinal)}::int[], ${sql.param(arrays.name)}::text[],
                  ${sql.param(arrays.dataType)}::text[], ${sql.param(arrays.isNullable)}::boolean[], ${sql.param(arrays.isPk)}::boolean[], ${sql.param(arrays.isFk)}::boolean[],
                  ${sql.param(arrays.fkTableId)}::uuid[], ${sql.param(arrays.defaultValue)}::text[], ${sql.param(arrays.comment)}::text[], ${sql.param(arrays.description)}::text[])
        AS u(id, table_id, ordinal, name, data_type, is_nullable, is_pk, is_fk, fk_table_id, default_value, comment, description)`);
  }
}

/**
 * Points the connection's documentation at the rows of the new snapshot, matched by object key, and flags a text
 * stale exactly when its object's definition differs from the one it was written for. Text whose object is gone
 * keeps its old row and is flagged stale.
 */
async function relinkDocs(tx: Tx, connectionId: string, schemaId: string, model: SchemaModel, ids: SnapshotIds, docs: DocIndex): Promise<void> {
  if (docs.size === 0) return;
  const tablesByKey = new Map(model.tables.map((table) => [tableKey(table), table]));
  const links = { scope: [] as string[], objectKey: [] as string[], refId: [] as Array<string | null>, fingerprint: [] as Array<string | null> };
  for (const doc of docs.values()) {
    let refId: string | null = null;
    let fingerprint: string | null = null;
    if (doc.scope === 'schema') {
      refId = schemaId;
      fingerprint = objectFingerprint({ model });
    } else if (doc.scope === 'table') {
      const table = tablesByKey.get(doc.objectKey);
      if (table) {
        refId = ids.tables.get(doc.objectKey)!;
        fingerprint = objectFingerprint({ table });
      }
    } else {
      const found = findColumn(tablesByKey, doc.objectKey);
      if (found) {
        refId = ids.columns.get(doc.objectKey)!;
        fingerprint = objectFingerprint(found);
      }
    }
    links.scope.push(doc.scope);
    links.objectKey.push(doc.objectKey);
    links.refId.push(refId);
    links.fingerprint.push(fingerprint);
  }
  await tx.execute(sql`
    UPDATE dbassist.docs d
    SET ref_id = coalesce(u.ref_id, d.ref_id),
        stale = u.fingerprint IS NULL OR u.fingerprint <> d.fingerprint
    FROM unnest(${sql.param(links.scope)}::text[], ${sql.param(links.objectKey)}::text[], ${sql.param(links.refId)}::uuid[], ${sql.param(links.fingerprint)}::text[])
      AS u(scope, object_key, ref_id, fingerprint)
    WHERE d.connection_id = ${connectionId} AND d.scope = u.scope AND d.object_key = u.object_key
      AND (d.ref_id IS DISTINCT FROM coalesce(u.ref_id, d.ref_id) OR d.stale IS DISTINCT FROM (u.fingerprint IS NULL OR u.fingerprint <> d.fingerprint))`);
}

/** A column key is "namespace.table.column", and names may hold dots: the table is the longest known prefix. */
function findColumn(tablesByKey: Map<string, TableModel>, objectKey: string) {
  for (let cut = objectKey.lastIndexOf('.'); cut > 0; cut = objectKey.lastIndexOf('.', cut - 1)) {
    const table = tablesByKey.get(objectKey.slice(0, cut));
    const column = table?.columns.find((candidate) => candidate.name === objectKey.slice(cut + 1));
    if (table && column) return { table, column };
  }
  return undefined;
}

function* chunks<T>(items: readonly T[], size: number): Generator<T[]> {
  for (let start = 0; start < items.length; start += size) yield items.slice(start, start + size);
}

/** node-postgres answers a QueryResult, PGlite a Results object: both carry `rows`. */
export function rowsOf<Row>(result: unknown): Row[] {
  return (Array.isArray(result) ? result : (result as { rows: unknown[] }).rows) as Row[];
}

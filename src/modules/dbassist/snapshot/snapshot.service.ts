import { and, asc, desc, eq, inArray, lt } from 'drizzle-orm';
import type { Tx } from '../../../core/db/database.js';
import { AppError, notFound } from '../../../core/errors.js';
import { decodeCursor, invalidCursorError, toPage, type Page } from '../../../core/http/pagination.js';
import { isUuid } from '../../../core/ids.js';
import type { SchemaDetail, SchemaDiff, SchemaTable, SchemaVersion } from '../dbassist.contract.js';
import { connections, schemaColumns, schemaSnapshots, schemaTables } from '../dbassist.schema.js';
import { compareModels, describeDelta } from './diff.js';
import { migrationSqlOf } from './migration-sql.js';
import { tableKey, type SchemaModel } from './schema-model.js';

/** Reads of stored versions, as the acting user: row level security shows every member their organization's. */

type VersionRow = typeof schemaSnapshots.$inferSelect;

const versionColumns = {
  id: schemaSnapshots.id,
  connectionId: schemaSnapshots.connectionId,
  version: schemaSnapshots.version,
  sequence: schemaSnapshots.sequence,
  contentHash: schemaSnapshots.contentHash,
  tableCount: schemaSnapshots.tableCount,
  columnCount: schemaSnapshots.columnCount,
  createdAt: schemaSnapshots.createdAt,
};

function toVersion(row: Pick<VersionRow, keyof typeof versionColumns>): SchemaVersion {
  return { ...row, createdAt: row.createdAt.toISOString() };
}

/** A connection's versions, newest first, keyset-paged on the sequence. */
export async function listSchemaVersions(tx: Tx, connectionId: string, query: { limit: number; cursor?: string | undefined }): Promise<Page<SchemaVersion>> {
  if (!isUuid(connectionId)) throw notFound('Connection');
  const [connection] = await tx.select({ id: connections.id }).from(connections).where(eq(connections.id, connectionId));
  if (!connection) throw notFound('Connection');
  const cursor = decodeCursor(query.cursor);
  if (cursor && (!/^[1-9]\d{0,9}$/.test(cursor.sort) || !isUuid(cursor.id))) throw invalidCursorError();
  const rows = await tx
    .select(versionColumns)
    .from(schemaSnapshots)
    .where(and(eq(schemaSnapshots.connectionId, connectionId), cursor ? lt(schemaSnapshots.sequence, Number(cursor.sort)) : undefined))
    .orderBy(desc(schemaSnapshots.sequence))
    .limit(query.limit + 1);
  return toPage(rows, query.limit, toVersion, (row) => ({ sort: String(row.sequence), id: row.id }));
}

async function loadVersion(tx: Tx, schemaId: string, field?: string): Promise<VersionRow> {
  if (!isUuid(schemaId)) throw notFound('Schema version');
  const [row] = await tx.select().from(schemaSnapshots).where(eq(schemaSnapshots.id, schemaId));
  if (!row) {
    throw field ? new AppError('NOT_FOUND', `Schema version not found (${field})`, { details: [{ field, message: 'is not a schema version you can see', in: 'querystring' }] }) : notFound('Schema version');
  }
  return row;
}

/** One version with its tables and columns (the stored rows) and everything else the crawl saw (from schema_json). */
export async function getSchemaDetail(tx: Tx, schemaId: string): Promise<SchemaDetail> {
  const version = await loadVersion(tx, schemaId);
  const model = version.schemaJson;
  const tableRows = await tx.select().from(schemaTables).where(eq(schemaTables.schemaId, version.id)).orderBy(asc(schemaTables.namespace), asc(schemaTables.name));
  const columnRows =
    tableRows.length === 0
      ? []
      : await tx
          .select()
          .from(schemaColumns)
          .where(inArray(schemaColumns.tableId, tableRows.map((row) => row.id)))
          .orderBy(asc(schemaColumns.tableId), asc(schemaColumns.ordinal));
  const columnsByTable = new Map<string, Array<typeof schemaColumns.$inferSelect>>();
  for (const column of columnRows) {
    const list = columnsByTable.get(column.tableId) ?? [];
    list.push(column);
    columnsByTable.set(column.tableId, list);
  }
  const modelTables = new Map(model.tables.map((table) => [tableKey(table), table]));
  const referencedBy = referencesTo(model);
  const tables: SchemaTable[] = tableRows.map((row) => {
    const key = tableKey(row);
    const table = modelTables.get(key);
    return {
      id: row.id,
      namespace: row.namespace,
      name: row.name,
      kind: row.kind,
      comment: row.comment,
      description: row.description,
      rowEstimate: row.rowEstimate,
      columns: (columnsByTable.get(row.id) ?? []).map((column) => ({
        id: column.id,
        name: column.name,
        ordinal: column.ordinal,
        dataType: column.dataType,
        isNullable: column.isNullable,
        isPk: column.isPk,
        isFk: column.isFk,
        fkTableId: column.fkTableId,
        defaultValue: column.defaultValue,
        comment: column.comment,
        description: column.description,
      })),
      primaryKey: table?.primaryKey?.columns ?? [],
      foreignKeys: (table?.foreignKeys ?? []).map((fk) => ({
        name: fk.name,
        columns: fk.columns,
        refTable: tableKey({ namespace: fk.refNamespace, name: fk.refTable }),
        refColumns: fk.refColumns,
        onDelete: fk.onDelete,
        onUpdate: fk.onUpdate,
      })),
      referencedBy: referencedBy.get(key) ?? [],
      uniques: table?.uniques ?? [],
      checks: table?.checks ?? [],
      indexes: table?.indexes ?? [],
      triggers: table?.triggers ?? [],
      viewDefinition: table?.viewDefinition ?? null,
    };
  });
  return {
    id: version.id,
    connectionId: version.connectionId,
    version: version.version,
    sequence: version.sequence,
    createdAt: version.createdAt.toISOString(),
    engine: model.engine,
    serverVersion: model.serverVersion,
    namespaces: model.namespaces,
    enums: model.enums,
    tables,
  };
}

/** For each table, the foreign keys of other tables (and its own) that point at it. */
function referencesTo(model: SchemaModel): Map<string, Array<{ table: string; columns: string[] }>> {
  const found = new Map<string, Array<{ table: string; columns: string[] }>>();
  for (const table of model.tables) {
    for (const fk of table.foreignKeys) {
      const target = tableKey({ namespace: fk.refNamespace, name: fk.refTable });
      const list = found.get(target) ?? [];
      list.push({ table: tableKey(table), columns: fk.columns });
      found.set(target, list);
    }
  }
  return found;
}

/** The difference from one version to another of the same connection, with the PostgreSQL migration between them. */
export async function getSchemaDiff(tx: Tx, fromId: string, toId: string): Promise<SchemaDiff> {
  const from = await loadVersion(tx, fromId);
  const to = await loadVersion(tx, toId, 'to');
  if (from.connectionId !== to.connectionId) {
    throw new AppError('VALIDATION_FAILED', 'to must be a version of the same connection', {
      details: [{ field: 'to', message: 'is a version of another connection', in: 'querystring' }],
    });
  }
  const delta = compareModels(from.schemaJson, to.schemaJson);
  return {
    from: { id: from.id, version: from.version },
    to: { id: to.id, version: to.version },
    ...describeDelta(delta),
    sql: migrationSqlOf(delta),
  };
}

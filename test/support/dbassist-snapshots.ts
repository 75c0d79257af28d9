import crypto from 'node:crypto';
import type { Database } from '../../src/core/db/database.js';
import { withUser } from '../../src/core/db/tenancy.js';
import { newId } from '../../src/core/ids.js';
import { connections, schemaColumns, schemaSnapshots, schemaTables } from '../../src/modules/dbassist/index.js';
import { tableKey, type SchemaModel } from '../../src/modules/dbassist/snapshot/schema-model.js';

/**
 * A connection and a stored snapshot of a SchemaModel, written straight into the dbassist tables as their editor,
 * so the documentation tests do not depend on ingestion.
 */
export async function insertConnection(db: Database, userId: string, organizationId: string, name: string): Promise<string> {
  const id = newId();
  await withUser(db, userId, (tx) =>
    tx.insert(connections).values({ id, organizationId, name, dbType: 'postgres', connectionUri: 'sealed:not-a-real-uri', target: 'postgres · test', createdBy: userId }),
  );
  return id;
}

export type StoredSnapshot = { schemaId: string; tableIds: Map<string, string>; columnIds: Map<string, string> };

export async function insertSnapshot(db: Database, userId: string, organizationId: string, connectionId: string, model: SchemaModel, sequence = 1): Promise<StoredSnapshot> {
  const schemaId = newId();
  const hash = crypto.createHash('sha256').update(JSON.stringify(model)).digest('hex');
  const tableIds = new Map(model.tables.map((t) => [tableKey(t), newId()]));
  const columnIds = new Map<string, string>();
  await withUser(db, userId, async (tx) => {
    await tx.insert(schemaSnapshots).values({
      id: schemaId,
      organizationId,
      connectionId,
      sequence,
      contentHash: hash,
      version: `v${sequence}-${hash.slice(0, 12)}`,
      schemaJson: model,
      tableCount: model.tables.length,
      columnCount: model.tables.reduce((sum, t) => sum + t.columns.length, 0),
      createdBy: userId,
    });
    if (model.tables.length === 0) return;
    await tx.insert(schemaTables).values(
      model.tables.map((t) => ({ id: tableIds.get(tableKey(t))!, organizationId, schemaId, namespace: t.namespace, name: t.name, kind: t.kind, comment: t.comment, rowEstimate: t.rowEstimate })),
    );
    const columns = model.tables.flatMap((t) =>
      t.columns.map((c) => {
        const id = newId();
        columnIds.set(`${tableKey(t)}.${c.name}`, id);
        const fk = t.foreignKeys.find((f) => f.columns.includes(c.name));
        return {
          id,
          organizationId,
          tableId: tableIds.get(tableKey(t))!,
          ordinal: c.ordinal,
          name: c.name,
          dataType: c.dataType,
          isNullable: c.isNullable,
          isPk: t.primaryKey?.columns.includes(c.name) ?? false,
          isFk: Boolean(fk),
          fkTableId: fk ? (tableIds.get(tableKey({ namespace: fk.refNamespace, name: fk.refTable })) ?? null) : null,
          defaultValue: c.defaultValue,
          comment: c.comment,
        };
      }),
    );
    for (let i = 0; i < columns.length; i += 500) await tx.insert(schemaColumns).values(columns.slice(i, i + 500));
  });
  return { schemaId, tableIds, columnIds };
}

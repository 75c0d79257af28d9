import { eq, inArray } from 'drizzle-orm';
import type { Database } from '../../src/core/db/database.js';
import { withUser } from '../../src/core/db/tenancy.js';
import { newId } from '../../src/core/ids.js';
import { connections, schemaColumns, schemaTables } from '../../src/modules/dbassist/index.js';
import { prepareSnapshot, storeSnapshot } from '../../src/modules/dbassist/snapshot/index.js';
import { columnKey, tableKey, type SchemaModel } from '../../src/modules/dbassist/snapshot/schema-model.js';

/**
 * A connection written straight into dbassist.connections (its URI never used: the documentation tests sample
 * through a driver of their own), and a snapshot stored the way ingestion stores one, with the ids of its rows.
 */
export async function insertConnection(db: Database, userId: string, organizationId: string, name: string): Promise<string> {
  const id = newId();
  await withUser(db, userId, (tx) =>
    tx.insert(connections).values({ id, organizationId, name, dbType: 'postgres', connectionUri: 'sealed:not-a-real-uri', target: 'postgres · test', createdBy: userId }),
  );
  return id;
}

export type StoredSnapshotRows = { schemaId: string; model: SchemaModel; tableIds: Map<string, string>; columnIds: Map<string, string> };

export async function insertSnapshot(db: Database, userId: string, connectionId: string, crawl: SchemaModel): Promise<StoredSnapshotRows> {
  const prepared = prepareSnapshot(crawl);
  return withUser(db, userId, async (tx) => {
    const stored = await storeSnapshot(tx, { connectionId, createdBy: userId, snapshot: prepared });
    const tables = await tx.select().from(schemaTables).where(eq(schemaTables.schemaId, stored.schemaId));
    const tableIds = new Map(tables.map((t) => [tableKey(t), t.id]));
    const byId = new Map(tables.map((t) => [t.id, t]));
    const columns = tables.length ? await tx.select().from(schemaColumns).where(inArray(schemaColumns.tableId, [...byId.keys()])) : [];
    const columnIds = new Map(columns.map((c) => [columnKey(byId.get(c.tableId)!, c), c.id]));
    return { schemaId: stored.schemaId, model: prepared.model, tableIds, columnIds };
  });
}

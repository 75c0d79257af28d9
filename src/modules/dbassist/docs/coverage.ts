import { and, eq, ne } from 'drizzle-orm';
import type { Tx } from '../../../core/db/database.js';
import { schemaDocs, schemaSnapshots } from '../dbassist.schema.js';
import { columnKey, tableKey, type SchemaModel } from '../snapshot/schema-model.js';

export type Coverage = { tables: number; columns: number };

/**
 * The shares (0 to 1) of a snapshot's tables and columns that have documentation with text. A snapshot with no
 * tables (or no columns) has nothing left undocumented: its share is 1.
 */
export function coverageOf(model: SchemaModel, documented: ReadonlySet<string>): Coverage {
  const tables = model.tables.map((t) => `table:${tableKey(t)}`);
  const columns = model.tables.flatMap((t) => t.columns.map((c) => `column:${columnKey(t, c)}`));
  const share = (keys: string[]) => (keys.length === 0 ? 1 : keys.filter((k) => documented.has(k)).length / keys.length);
  return { tables: share(tables), columns: share(columns) };
}

/**
 * "table:namespace.table" and "column:namespace.table.column" for each doc of a connection that has text (docs
 * belong to the connection and are matched to a snapshot by key).
 */
export async function documentedKeys(tx: Tx, connectionId: string): Promise<Set<string>> {
  const rows = await tx
    .select({ scope: schemaDocs.scope, objectKey: schemaDocs.objectKey, contentMd: schemaDocs.contentMd })
    .from(schemaDocs)
    .where(and(eq(schemaDocs.connectionId, connectionId), ne(schemaDocs.scope, 'schema')));
  return new Set(rows.filter((r) => r.contentMd.trim() !== '').map((r) => `${r.scope}:${r.objectKey}`));
}

/** Documentation coverage of one snapshot, as the caller's user sees it (null when the snapshot is not visible). */
export async function snapshotCoverage(tx: Tx, schemaId: string): Promise<Coverage | null> {
  const [snapshot] = await tx
    .select({ connectionId: schemaSnapshots.connectionId, schemaJson: schemaSnapshots.schemaJson })
    .from(schemaSnapshots)
    .where(eq(schemaSnapshots.id, schemaId));
  if (!snapshot) return null;
  return coverageOf(snapshot.schemaJson, await documentedKeys(tx, snapshot.connectionId));
}

import crypto from 'node:crypto';
import { tableKey, type SchemaModel, type TableModel } from '../snapshot/schema-model.js';

/**
 * The hash of an object's definition when its documentation is written: a different hash later marks the text stale.
 * Row estimates and the server version describe the data, not the definition, and are left out.
 */
function hash(value: unknown): string {
  return crypto.createHash('sha256').update(JSON.stringify(value)).digest('hex');
}

function tableDefinition(table: TableModel): unknown {
  const { rowEstimate: _rows, ...definition } = table;
  return definition;
}

/** The fingerprint of the object `objectKey` names in `model` ('' for the schema); null when it is not there. */
export function objectFingerprint(model: SchemaModel, objectKey: string): string | null {
  if (objectKey === '') return hash({ namespaces: model.namespaces, tables: model.tables.map((t) => [tableKey(t), t.kind, t.columns.length]) });
  for (const table of model.tables) {
    const key = tableKey(table);
    if (key === objectKey) return hash(tableDefinition(table));
    if (!objectKey.startsWith(`${key}.`)) continue;
    const column = table.columns.find((c) => `${key}.${c.name}` === objectKey);
    if (!column) continue;
    return hash({
      column,
      primaryKey: table.primaryKey?.columns.includes(column.name) ?? false,
      foreignKeys: table.foreignKeys.filter((fk) => fk.columns.includes(column.name)),
    });
  }
  return null;
}

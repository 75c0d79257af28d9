import { objectFingerprint } from '../snapshot/index.js';
import { tableKey, type SchemaModel } from '../snapshot/schema-model.js';

/**
 * The snapshot's fingerprint of the object `objectKey` names in `model` ('' for the schema), the one ingestion
 * compares to flag documentation stale; null when the model has no such object.
 */
export function fingerprintOfKey(model: SchemaModel, objectKey: string): string | null {
  if (objectKey === '') return objectFingerprint({ model });
  for (const table of model.tables) {
    const key = tableKey(table);
    if (key === objectKey) return objectFingerprint({ table });
    if (!objectKey.startsWith(`${key}.`)) continue;
    const column = table.columns.find((c) => `${key}.${c.name}` === objectKey);
    if (column) return objectFingerprint({ table, column });
  }
  return null;
}

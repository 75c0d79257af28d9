import { fingerprintOfKey } from '../snapshot/fingerprint.js';
import type { SchemaModel } from '../snapshot/schema-model.js';

/**
 * The fingerprint of the object `objectKey` names in `model` ('' for the schema); null when it is not there. It is
 * the snapshot store's own (snapshot/fingerprint.ts): the store compares it with the one kept here when it re-links
 * documentation to a new version, so both must hash the same definition.
 */
export function objectFingerprint(model: SchemaModel, objectKey: string): string | null {
  return fingerprintOfKey(model, objectKey);
}

import { eq } from 'drizzle-orm';
import type { Tx } from '../../../core/db/database.js';
import { notFound } from '../../../core/errors.js';
import { isUuid } from '../../../core/ids.js';
import { connections, schemaSnapshots } from '../dbassist.schema.js';
import type { SchemaModel } from '../snapshot/schema-model.js';

export type ReadableSnapshot = {
  id: string;
  organizationId: string;
  connectionId: string;
  connectionName: string;
  version: string;
  model: SchemaModel;
};

/**
 * A schema version the caller may read, with its normalized model. Row level security shows members their
 * organization's versions only, so another organization's id answers 404 like a missing one.
 */
export async function requireSnapshot(tx: Tx, schemaId: string): Promise<ReadableSnapshot> {
  if (!isUuid(schemaId)) throw notFound('Schema version');
  const [row] = await tx
    .select({
      id: schemaSnapshots.id,
      organizationId: schemaSnapshots.organizationId,
      connectionId: schemaSnapshots.connectionId,
      connectionName: connections.name,
      version: schemaSnapshots.version,
      model: schemaSnapshots.schemaJson,
    })
    .from(schemaSnapshots)
    .innerJoin(connections, eq(connections.id, schemaSnapshots.connectionId))
    .where(eq(schemaSnapshots.id, schemaId));
  if (!row) throw notFound('Schema version');
  return row;
}

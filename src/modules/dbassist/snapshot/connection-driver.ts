import type { AppContext } from '../../../core/context.js';
import { JobFailure } from '../../../core/jobs/index.js';
import type { DbType } from '../../../shared/dbassist-kinds.js';
import type { DatabaseDriver } from '../drivers/driver.js';

/** What the ingest knows of a connection before opening it: the URI is still sealed. */
export type IngestConnection = { id: string; organizationId: string; dbType: DbType; sealedUri: string };

/** Opens a read-only driver on a connection (unsealing its URI and checking its host on the way). */
export type ConnectionDriverOpener = (connection: IngestConnection) => Promise<DatabaseDriver>;

/**
 * The opener the ingest job uses by default. The engines' drivers and the host guard belong to the connections
 * part of the module; until they are registered an ingest fails with a clear message instead of guessing.
 */
export function defaultDriverOpener(context: AppContext): ConnectionDriverOpener {
  void context;
  return async (connection) => {
    throw new JobFailure('DBASSIST_NOT_SUPPORTED', `Reading ${connection.dbType} databases is not supported yet`);
  };
}

import type { AppContext } from '../../../core/context.js';
import type { DbType } from '../../../shared/dbassist-kinds.js';
import type { DatabaseDriver } from '../drivers/driver.js';

/** A stored connection as the documentation job needs it to sample data: the URI is still sealed. */
export type StoredConnection = { id: string; dbType: DbType; connectionUri: string };

/** Opens a read-only driver on a stored connection; the caller closes it. */
export type OpenConnectionDriver = (connection: StoredConnection) => Promise<DatabaseDriver>;

/**
 * The product's opener. Until the connections area's drivers are wired in, sampling is unavailable and the job
 * documents from the schema alone (it says so in its result).
 */
export function defaultDriverOpener(_context: AppContext): OpenConnectionDriver {
  return async () => {
    throw new Error('sampling data is not available on this server yet');
  };
}

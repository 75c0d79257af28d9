import type { AppContext } from '../../../core/context.js';
import type { DbType } from '../../../shared/dbassist-kinds.js';
import { openConnectionDriver } from '../connections/connections.service.js';
import type { DatabaseDriver } from '../drivers/driver.js';

/** A stored connection as the documentation job needs it to sample data: the URI is still sealed. */
export type StoredConnection = { id: string; dbType: DbType; connectionUri: string };

/** Opens a read-only driver on a stored connection; the caller closes it. */
export type OpenConnectionDriver = (connection: StoredConnection) => Promise<DatabaseDriver>;

/** The product's opener: unseals the URI, checks the host against the deny list and connects read-only. */
export function defaultDriverOpener(context: AppContext): OpenConnectionDriver {
  return (connection) => openConnectionDriver(context, connection);
}

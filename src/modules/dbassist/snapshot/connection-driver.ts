import type { AppContext } from '../../../core/context.js';
import type { DbType } from '../../../shared/dbassist-kinds.js';
import { openConnectionDriver } from '../connections/connections.service.js';
import type { DatabaseDriver } from '../drivers/driver.js';

/** What the ingest knows of a connection before opening it: the URI is still sealed. */
export type IngestConnection = { id: string; organizationId: string; dbType: DbType; sealedUri: string };

/** Opens a read-only driver on a connection (unsealing its URI and checking its host on the way). */
export type ConnectionDriverOpener = (connection: IngestConnection) => Promise<DatabaseDriver>;

/** The opener the ingest job uses: the connections part's, with its host guard; tests pass a fake one. */
export function defaultDriverOpener(context: AppContext): ConnectionDriverOpener {
  return (connection) => openConnectionDriver(context, { dbType: connection.dbType, connectionUri: connection.sealedUri });
}

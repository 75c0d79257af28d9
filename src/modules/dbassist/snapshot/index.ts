/** Schema snapshots of a connection: normalized crawls stored as versions, their diffs and migration SQL. */
export { schemaContentHash, versionLabel } from './content-hash.js';
export { compareModels, diffSchemaModels } from './diff.js';
export { ingestJob, INGEST_JOB, ingestPayloadSchema, type IngestPayload } from './ingest.job.js';
export type { ConnectionDriverOpener, IngestConnection } from './connection-driver.js';
export { migrationSql } from './migration-sql.js';
export { normalizeSchemaModel } from './normalize.js';
export { fingerprintOfKey, objectFingerprint, prepareSnapshot, storeSnapshot, type FingerprintTarget, type PreparedSnapshot, type StoredSnapshot } from './snapshot-store.js';
export { snapshotRoutes } from './snapshot.routes.js';

import fs from 'node:fs';
import { and, desc, eq, inArray, sql } from 'drizzle-orm';
import { recordAudit, type UserActor } from '../../../core/audit.js';
import type { AppContext } from '../../../core/context.js';
import type { Tx } from '../../../core/db/database.js';
import { AppError, notFound } from '../../../core/errors.js';
import { afterCursor, cursorTimestamp, decodeTimestampCursor } from '../../../core/http/keyset-cursor.js';
import { toPage, type Page } from '../../../core/http/pagination.js';
import { isUuid, newId } from '../../../core/ids.js';
import { enqueueJob } from '../../../core/jobs/index.js';
import { requireOrganizationRole } from '../../organizations/index.js';
import type { Connection, ConnectionTest, CreateConnectionInput, UpdateConnectionInput } from '../dbassist.contract.js';
import { connections, schemaSnapshots } from '../dbassist.schema.js';
import type { DatabaseDriver } from '../drivers/driver.js';
import { DriverError, notSupportedYet, scrubSecrets } from '../drivers/driver-error.js';
import { createHostGuard, type HostGuard } from '../drivers/host-guard.js';
import { checkConnectionTarget, describeTarget, openDriver } from '../drivers/open-driver.js';
import { sampleDatabasePath, writeSampleDatabase } from './sample-database.js';

/**
 * Connections to outside databases. The URI (with its password) is sealed with the server's secret box before it is
 * stored and opened only to connect; answers show `target` (engine, host, port, database) instead. Members read
 * connections; editors, admins and owners add, change, test, ingest and remove them.
 */

export type ConnectionRow = typeof connections.$inferSelect;

/** The job that crawls a connection into a new schema version (its handler lives with the snapshots). */
export const INGEST_JOB = 'dbassist.ingest';

const SAMPLE_NAME = 'Sample shop';

const guards = new WeakMap<AppContext['config'], HostGuard>();

/** The host guard of this server's settings (deny list, SQLite roots, data folder, its own database). */
export function hostGuardOf(context: Pick<AppContext, 'config'>): HostGuard {
  let guard = guards.get(context.config);
  if (!guard) {
    const { config } = context;
    guard = createHostGuard({
      denyHosts: config.dbassist.denyHosts,
      sqliteRoots: config.dbassist.sqliteRoots,
      dataDir: config.dataDir,
      databaseUrl: config.databaseUrl,
    });
    guards.set(context.config, guard);
  }
  return guard;
}

/**
 * Opens a read-only driver for a stored connection (for the ingestion and documentation jobs, and "test").
 * Throws a DriverError: "not supported yet", a refused host, or why connecting failed — never with the URI in it.
 */
export async function openConnectionDriver(context: AppContext, row: Pick<ConnectionRow, 'dbType' | 'connectionUri'>): Promise<DatabaseDriver> {
  return openDriver(row.dbType, context.ai.secrets.open(row.connectionUri), hostGuardOf(context));
}

type LatestSchema = Connection['latestSchema'];

async function latestSchemas(tx: Tx, connectionIds: string[]): Promise<Map<string, NonNullable<LatestSchema>>> {
  if (connectionIds.length === 0) return new Map();
  const rows = await tx
    .selectDistinctOn([schemaSnapshots.connectionId], {
      connectionId: schemaSnapshots.connectionId,
      id: schemaSnapshots.id,
      version: schemaSnapshots.version,
      createdAt: schemaSnapshots.createdAt,
    })
    .from(schemaSnapshots)
    .where(inArray(schemaSnapshots.connectionId, connectionIds))
    .orderBy(schemaSnapshots.connectionId, desc(schemaSnapshots.sequence));
  return new Map(rows.map((row) => [row.connectionId, { id: row.id, version: row.version, createdAt: row.createdAt.toISOString() }]));
}

export function toConnection(row: ConnectionRow, latestSchema: LatestSchema): Connection {
  return {
    id: row.id,
    organizationId: row.organizationId,
    name: row.name,
    dbType: row.dbType,
    target: row.target,
    mode: row.mode,
    isSample: row.isSample,
    lastTest: row.lastTest ?? null,
    latestSchema,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

async function present(tx: Tx, row: ConnectionRow): Promise<Connection> {
  return toConnection(row, (await latestSchemas(tx, [row.id])).get(row.id) ?? null);
}

/** A connection the acting user can see (RLS: members of its organization); 404 otherwise, also for other tenants'. */
export async function loadConnection(tx: Tx, id: string): Promise<ConnectionRow> {
  if (!isUuid(id)) throw notFound('Connection');
  const [row] = await tx.select().from(connections).where(eq(connections.id, id));
  if (!row) throw notFound('Connection');
  return row;
}

function invalidField(field: string, message: string): AppError {
  return new AppError('VALIDATION_FAILED', `Invalid body: ${field}: ${message}`, { details: [{ field, message, in: 'body' }] });
}

async function requireFreeName(tx: Tx, organizationId: string, name: string, exceptId?: string): Promise<void> {
  const [clash] = await tx
    .select({ id: connections.id })
    .from(connections)
    .where(and(eq(connections.organizationId, organizationId), eq(connections.name, name)));
  if (clash && clash.id !== exceptId) throw new AppError('CONFLICT', `The organization already has a connection named "${name}"`);
}

/** The display target of a URI, after checking it parses and the host guard allows it (400 / 422 otherwise). */
async function vetUri(context: AppContext, dbType: ConnectionRow['dbType'], uri: string): Promise<string> {
  await checkConnectionTarget(dbType, uri, hostGuardOf(context));
  const target = describeTarget(dbType, uri);
  if (target.length > 500) throw invalidField('connectionUri', 'its host and database name together must be at most 500 characters');
  return target;
}

/** GET /organizations/{orgId}/connections: newest first, keyset-paged on (created_at, id). */
export async function listConnections(tx: Tx, userId: string, organizationId: string, query: { limit: number; cursor?: string | undefined }): Promise<Page<Connection>> {
  await requireOrganizationRole(tx, userId, organizationId, 'viewer');
  const cursor = decodeTimestampCursor(query.cursor);
  const rows = await tx
    .select({ row: connections, cursorAt: cursorTimestamp(connections.createdAt) })
    .from(connections)
    .where(and(eq(connections.organizationId, organizationId), cursor ? afterCursor(connections.createdAt, connections.id, cursor, 'desc') : undefined))
    .orderBy(desc(connections.createdAt), desc(connections.id))
    .limit(query.limit + 1);
  const latest = await latestSchemas(
    tx,
    rows.slice(0, query.limit).map(({ row }) => row.id),
  );
  return toPage(
    rows,
    query.limit,
    ({ row }) => toConnection(row, latest.get(row.id) ?? null),
    ({ row, cursorAt }) => ({ sort: cursorAt, id: row.id }),
  );
}

export async function getConnection(tx: Tx, id: string): Promise<Connection> {
  return present(tx, await loadConnection(tx, id));
}

/** POST /organizations/{orgId}/connections (editors and up). */
export async function createConnection(tx: Tx, context: AppContext, actor: UserActor, organizationId: string, input: CreateConnectionInput): Promise<Connection> {
  await requireOrganizationRole(tx, actor.userId, organizationId, 'editor');
  await requireFreeName(tx, organizationId, input.name);
  const target = await vetUri(context, input.dbType, input.connectionUri);
  const [row] = await tx
    .insert(connections)
    .values({
      id: newId(),
      organizationId,
      name: input.name,
      dbType: input.dbType,
      connectionUri: context.ai.secrets.seal(input.connectionUri),
      target,
      mode: input.mode,
      createdBy: actor.userId,
    })
    .returning();
  if (!row) throw new Error('The connection was not inserted');
  await recordAudit(tx, actor, {
    action: 'connection_created',
    resourceType: 'db_connection',
    resourceId: row.id,
    organizationId,
    details: { name: row.name, dbType: row.dbType, target: row.target, mode: row.mode },
  });
  return present(tx, row);
}

/** PATCH /connections/{id} (editors and up): a new URI replaces the sealed one; a new type re-reads the URI. */
export async function updateConnection(tx: Tx, context: AppContext, actor: UserActor, id: string, input: UpdateConnectionInput): Promise<Connection> {
  const current = await loadConnection(tx, id);
  await requireOrganizationRole(tx, actor.userId, current.organizationId, 'editor');
  if (current.isSample && (input.connectionUri !== undefined || (input.dbType !== undefined && input.dbType !== current.dbType))) {
    throw invalidField(input.connectionUri !== undefined ? 'connectionUri' : 'dbType', 'the sample database’s file and type cannot be changed');
  }
  if (input.name !== undefined && input.name !== current.name) await requireFreeName(tx, current.organizationId, input.name, current.id);
  const changes: Partial<typeof connections.$inferInsert> = {};
  const changed: string[] = [];
  if (input.name !== undefined && input.name !== current.name) {
    changes.name = input.name;
    changed.push('name');
  }
  if (input.mode !== undefined && input.mode !== current.mode) {
    changes.mode = input.mode;
    changed.push('mode');
  }
  const dbType = input.dbType ?? current.dbType;
  if (input.connectionUri !== undefined || dbType !== current.dbType) {
    const uri = input.connectionUri ?? context.ai.secrets.open(current.connectionUri);
    changes.target = await vetUri(context, dbType, uri);
    if (input.connectionUri !== undefined) {
      changes.connectionUri = context.ai.secrets.seal(input.connectionUri);
      changed.push('connectionUri');
    }
    if (dbType !== current.dbType) {
      changes.dbType = dbType;
      changed.push('dbType');
    }
    // The last test was of another database.
    changes.lastTest = null;
  }
  if (changed.length === 0) return present(tx, current);
  const [row] = await tx.update(connections).set(changes).where(eq(connections.id, current.id)).returning();
  if (!row) throw notFound('Connection');
  await recordAudit(tx, actor, {
    action: 'connection_updated',
    resourceType: 'db_connection',
    resourceId: row.id,
    organizationId: row.organizationId,
    // Which fields changed, never the URI itself.
    details: { changed, name: row.name, dbType: row.dbType, target: row.target, mode: row.mode },
  });
  return present(tx, row);
}

/** DELETE /connections/{id} (editors and up); its snapshots and docs go with it. Returns the row removed. */
export async function deleteConnection(tx: Tx, actor: UserActor, id: string): Promise<ConnectionRow> {
  const current = await loadConnection(tx, id);
  await requireOrganizationRole(tx, actor.userId, current.organizationId, 'editor');
  await tx.delete(connections).where(eq(connections.id, current.id));
  await recordAudit(tx, actor, {
    action: 'connection_deleted',
    resourceType: 'db_connection',
    resourceId: current.id,
    organizationId: current.organizationId,
    details: { name: current.name, dbType: current.dbType, target: current.target },
  });
  return current;
}

/** Removes a deleted sample connection's file (after the deletion committed). */
export function removeSampleFile(context: AppContext, row: ConnectionRow): void {
  if (row.isSample) fs.rmSync(sampleDatabasePath(context.config.dataDir, row.organizationId), { force: true });
}

/** The connection a test or ingest is about, for an editor (403 for viewers, 404 for others). */
export async function connectionToUse(tx: Tx, userId: string, id: string): Promise<ConnectionRow> {
  const row = await loadConnection(tx, id);
  await requireOrganizationRole(tx, userId, row.organizationId, 'editor');
  return row;
}

/**
 * Connects and asks the server its version, the user and whether that user could write. Never throws: a failure is
 * a result with `ok: false` and an error a person can act on (the URI and password never appear in it).
 */
export async function probeConnection(context: AppContext, row: ConnectionRow): Promise<ConnectionTest> {
  const testedAt = new Date().toISOString();
  const failed = (error: string): ConnectionTest => ({ ok: false, serverVersion: null, user: null, canWrite: null, warning: null, error, testedAt });
  if (row.dbType === 'mssql' || row.dbType === 'mongodb') return failed(notSupportedYet(row.dbType).message);
  let uri: string;
  try {
    uri = context.ai.secrets.open(row.connectionUri);
  } catch {
    return failed('The stored connection URI cannot be read with this server’s secret key: enter it again');
  }
  let driver: DatabaseDriver | undefined;
  try {
    driver = await openDriver(row.dbType, uri, hostGuardOf(context));
    const probe = await driver.probe();
    const warning =
      row.mode === 'read-only' && probe.canWrite
        ? `This connection is read-only in Atelier, but the user ${probe.user} can write to the database: Atelier enforces read-only, yet only a read-only database user guarantees it`
        : null;
    return { ok: true, serverVersion: probe.serverVersion, user: probe.user, canWrite: probe.canWrite, warning, error: null, testedAt };
  } catch (error) {
    if (error instanceof DriverError) return failed(error.message);
    const message = error instanceof Error ? error.message : String(error);
    return failed(`The test query failed: ${scrubSecrets(message, [uri, ...passwordsOf(uri)]).slice(0, 300)}`);
  } finally {
    await driver?.close();
  }
}

function passwordsOf(uri: string): string[] {
  try {
    const url = new URL(uri);
    return [url.password, decodeURIComponent(url.password)].filter(Boolean);
  } catch {
    return [];
  }
}

/** Stores a test's result on the connection and audits it. */
export async function recordTest(tx: Tx, actor: UserActor, row: ConnectionRow, result: ConnectionTest): Promise<void> {
  await tx.update(connections).set({ lastTest: result }).where(eq(connections.id, row.id));
  await recordAudit(tx, actor, {
    action: 'connection_tested',
    resourceType: 'db_connection',
    resourceId: row.id,
    organizationId: row.organizationId,
    details: { ok: result.ok, serverVersion: result.serverVersion, canWrite: result.canWrite, warning: result.warning !== null, error: result.error },
  });
}

/** POST /connections/{id}/ingest: queues the crawl (editors and up); engines without a driver answer 422. */
export async function enqueueIngest(tx: Tx, actor: UserActor, id: string): Promise<string> {
  const row = await connectionToUse(tx, actor.userId, id);
  if (row.dbType === 'mssql' || row.dbType === 'mongodb') throw notSupportedYet(row.dbType);
  const job = await enqueueJob(tx, {
    type: INGEST_JOB,
    organizationId: row.organizationId,
    createdBy: actor.userId,
    payload: { connectionId: row.id },
  });
  return job.id;
}

/**
 * POST /organizations/{orgId}/connections/sample: the organization's sample shop database and its read-only
 * connection, created once; asking again answers the existing one (`created: false`).
 */
export async function ensureSampleConnection(
  tx: Tx,
  context: AppContext,
  actor: UserActor,
  organizationId: string,
): Promise<{ connection: Connection; created: boolean }> {
  await requireOrganizationRole(tx, actor.userId, organizationId, 'editor');
  // One sample per organization, also when two requests come at once.
  await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${`dbassist.sample:${organizationId}`}, 0))`);
  const [existing] = await tx
    .select()
    .from(connections)
    .where(and(eq(connections.organizationId, organizationId), eq(connections.isSample, true)))
    .orderBy(connections.createdAt)
    .limit(1);
  if (existing) return { connection: await present(tx, existing), created: false };

  const file = sampleDatabasePath(context.config.dataDir, organizationId);
  writeSampleDatabase(file);
  const taken = new Set(
    (await tx.select({ name: connections.name }).from(connections).where(eq(connections.organizationId, organizationId))).map((row) => row.name),
  );
  let name = SAMPLE_NAME;
  for (let n = 2; taken.has(name); n++) name = `${SAMPLE_NAME} (${n})`;
  const [row] = await tx
    .insert(connections)
    .values({
      id: newId(),
      organizationId,
      name,
      dbType: 'sqlite',
      connectionUri: context.ai.secrets.seal(file),
      target: describeTarget('sqlite', file),
      mode: 'read-only',
      isSample: true,
      createdBy: actor.userId,
    })
    .returning();
  if (!row) throw new Error('The sample connection was not inserted');
  await recordAudit(tx, actor, {
    action: 'connection_created',
    resourceType: 'db_connection',
    resourceId: row.id,
    organizationId,
    details: { name: row.name, dbType: row.dbType, target: row.target, mode: row.mode, sample: true },
  });
  return { connection: await present(tx, row), created: true };
}

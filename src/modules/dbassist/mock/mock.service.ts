import fs from 'node:fs';
import path from 'node:path';
import { and, desc, eq } from 'drizzle-orm';
import { recordAudit, type UserActor } from '../../../core/audit.js';
import type { Tx } from '../../../core/db/database.js';
import { AppError, notFound } from '../../../core/errors.js';
import { afterCursor, cursorTimestamp, decodeTimestampCursor } from '../../../core/http/keyset-cursor.js';
import { toPage, type Page } from '../../../core/http/pagination.js';
import { isUuid, newId } from '../../../core/ids.js';
import { enqueueJob } from '../../../core/jobs/index.js';
import { requireOrganizationRole } from '../../organizations/index.js';
import { connectionToUse, loadConnection, type ConnectionRow } from '../connections/connections.service.js';
import type { CreateMockJobInput, MockConfig, MockJob, MockPreview } from '../dbassist.contract.js';
import { mockJobs, schemaSnapshots, schemaTables } from '../dbassist.schema.js';
import { tableKey, type SchemaModel } from '../snapshot/schema-model.js';
import { previewRows } from './preview.js';
import { MockPlanError, planMock } from './planner.js';

/**
 * Mock-data jobs of a connection (seed 002 `mock_jobs`): created by editors for a table of the newest schema version,
 * run by the `dbassist.mock` job, read by members; the file of a completed file job is downloaded from DATA_DIR.
 */

export const MOCK_JOB = 'dbassist.mock';

export type MockJobRow = typeof mockJobs.$inferSelect;

function invalidField(field: string, message: string, status: 'VALIDATION_FAILED' | 'UNPROCESSABLE' = 'UNPROCESSABLE'): AppError {
  return new AppError(status, `${field}: ${message}`, { details: [{ field, message, in: 'body' }] });
}

/** The newest schema version of a connection; mock data needs one (ingest first). */
async function newestModel(tx: Tx, connectionId: string): Promise<{ id: string; model: SchemaModel } | null> {
  const [row] = await tx
    .select({ id: schemaSnapshots.id, model: schemaSnapshots.schemaJson })
    .from(schemaSnapshots)
    .where(eq(schemaSnapshots.connectionId, connectionId))
    .orderBy(desc(schemaSnapshots.sequence))
    .limit(1);
  return row ?? null;
}

/**
 * The table a request names, as a key of the connection's newest model: the id may be of any of the connection's
 * versions (the table is found by name in the newest); views and tables gone since are refused, naming `tableId`.
 */
async function resolveTable(tx: Tx, connection: ConnectionRow, tableId: string): Promise<{ key: string; model: SchemaModel }> {
  const [table] = await tx
    .select({ namespace: schemaTables.namespace, name: schemaTables.name, connectionId: schemaSnapshots.connectionId })
    .from(schemaTables)
    .innerJoin(schemaSnapshots, eq(schemaSnapshots.id, schemaTables.schemaId))
    .where(eq(schemaTables.id, tableId));
  if (!table || table.connectionId !== connection.id) throw invalidField('tableId', 'is not a table of this connection');
  const newest = await newestModel(tx, connection.id);
  const key = tableKey(table);
  const modelTable = newest?.model.tables.find((t) => tableKey(t) === key);
  if (!newest || !modelTable) throw invalidField('tableId', `${key} is not in the newest schema version of this connection: take a new snapshot`);
  if (modelTable.kind !== 'table' && modelTable.kind !== 'partitioned_table') throw invalidField('tableId', `${key} is a ${modelTable.kind.replace('_', ' ')}: only tables take rows`);
  return { key, model: newest.model };
}

/** A plan that cannot be made (NOT NULL cycles) is refused before a job is queued. */
function checkPlan(model: SchemaModel, key: string, rows: number): void {
  try {
    planMock({ model, requested: [{ table: key, rows }] });
  } catch (error) {
    if (error instanceof MockPlanError) throw invalidField('tableId', error.message);
    throw error;
  }
}

function checkTarget(connection: ConnectionRow, config: MockConfig): void {
  if (config.target !== 'connection') return;
  if (connection.mode !== 'read-write') throw invalidField('config.target', 'this connection is read-only: mock rows can go into a file, or into a read-write connection');
  if (connection.dbType !== 'postgres' && connection.dbType !== 'mysql') throw invalidField('config.target', `rows go straight into PostgreSQL and MariaDB/MySQL only; choose "file" for ${connection.dbType}`);
}

export async function createMockJob(tx: Tx, actor: UserActor, connectionId: string, input: CreateMockJobInput): Promise<{ id: string; jobId: string }> {
  const connection = await connectionToUse(tx, actor.userId, connectionId);
  checkTarget(connection, input.config);
  const { key, model } = await resolveTable(tx, connection, input.tableId);
  checkPlan(model, key, input.config.rows);
  const id = newId();
  await tx.insert(mockJobs).values({
    id,
    organizationId: connection.organizationId,
    connectionId: connection.id,
    tableId: input.tableId,
    tableKey: key,
    config: input.config,
    status: 'pending',
    createdBy: actor.userId,
  });
  const job = await enqueueJob(tx, { organizationId: connection.organizationId, createdBy: actor.userId, type: MOCK_JOB, payload: { mockJobId: id } });
  await tx.update(mockJobs).set({ jobId: job.id }).where(eq(mockJobs.id, id));
  await recordAudit(tx, actor, {
    action: 'mock_job_created',
    resourceType: 'db_connection',
    resourceId: connection.id,
    organizationId: connection.organizationId,
    details: { mockJobId: id, table: key, rows: input.config.rows, target: input.config.target, format: input.config.format },
  });
  return { id, jobId: job.id };
}

export function toMockJob(row: MockJobRow): MockJob {
  return {
    id: row.id,
    jobId: row.jobId,
    connectionId: row.connectionId,
    tableId: row.tableId,
    table: row.tableKey,
    config: row.config,
    status: row.status,
    fileUrl: row.status === 'completed' && row.filePath ? `/api/v1/mock-jobs/${row.id}/file` : null,
    result: row.result ?? null,
    errorMsg: row.errorMsg,
    createdBy: row.createdBy,
    createdAt: row.createdAt.toISOString(),
    completedAt: row.completedAt?.toISOString() ?? null,
  };
}

/** GET /connections/{id}/mock-jobs: newest first (members). */
export async function listMockJobs(tx: Tx, userId: string, connectionId: string, query: { limit: number; cursor?: string | undefined }): Promise<Page<MockJob>> {
  const connection = await loadConnection(tx, connectionId);
  await requireOrganizationRole(tx, userId, connection.organizationId, 'viewer');
  const cursor = decodeTimestampCursor(query.cursor);
  const rows = await tx
    .select({ row: mockJobs, cursorAt: cursorTimestamp(mockJobs.createdAt) })
    .from(mockJobs)
    .where(and(eq(mockJobs.connectionId, connection.id), cursor ? afterCursor(mockJobs.createdAt, mockJobs.id, cursor, 'desc') : undefined))
    .orderBy(desc(mockJobs.createdAt), desc(mockJobs.id))
    .limit(query.limit + 1);
  return toPage(rows, query.limit, ({ row }) => toMockJob(row), ({ row, cursorAt }) => ({ sort: cursorAt, id: row.id }));
}

/** A mock job the user can see (RLS: members of its organization); 404 otherwise. */
export async function loadMockJob(tx: Tx, id: string): Promise<MockJobRow> {
  if (!isUuid(id)) throw notFound('Mock job');
  const [row] = await tx.select().from(mockJobs).where(eq(mockJobs.id, id));
  if (!row) throw notFound('Mock job');
  return row;
}

const FILE_TYPES: Record<string, string> = { '.csv': 'text/csv; charset=utf-8', '.sql': 'application/sql; charset=utf-8', '.zip': 'application/zip' };

/** The file of a completed file job: its absolute path (inside DATA_DIR), download name and type. */
export async function mockJobFile(tx: Tx, dataDir: string, id: string): Promise<{ file: string; fileName: string; contentType: string; size: number }> {
  const row = await loadMockJob(tx, id);
  if (row.status !== 'completed' || !row.filePath) throw new AppError('NOT_FOUND', row.status === 'completed' ? 'This mock job wrote into its connection: it has no file' : `This mock job is ${row.status}: its file is not ready`);
  const file = path.resolve(dataDir, row.filePath);
  if (!file.startsWith(path.resolve(dataDir) + path.sep) || !fs.existsSync(file)) throw new AppError('NOT_FOUND', 'The file of this mock job is no longer on the server');
  const extension = path.extname(file);
  const fileName = `${row.tableKey.replace(/[^\w.-]+/g, '_')}-mock${extension}`;
  return { file, fileName, contentType: FILE_TYPES[extension] ?? 'application/octet-stream', size: fs.statSync(file).size };
}

/** POST /connections/{id}/mock-jobs/preview: ten rows of the table as the job would make them; nothing is written. */
export async function previewMock(tx: Tx, actor: UserActor, connectionId: string, input: CreateMockJobInput): Promise<MockPreview> {
  const connection = await connectionToUse(tx, actor.userId, connectionId);
  const { key, model } = await resolveTable(tx, connection, input.tableId);
  checkPlan(model, key, input.config.rows);
  return previewRows(model, key, input.config);
}

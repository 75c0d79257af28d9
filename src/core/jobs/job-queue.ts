import { and, desc, eq, sql, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import type { Tx } from '../db/database.js';
import { projects } from '../db/platform.schema.js';
import { AppError, notFound } from '../errors.js';
import { decodeCursor, toPage, type Page } from '../http/pagination.js';
import { isUuid, newId } from '../ids.js';
import type { JobHandler } from './job-handler.js';
import { jobs, type JobStatus } from './jobs.schema.js';

export type JobRow = typeof jobs.$inferSelect;

export const terminalJobStatuses: readonly JobStatus[] = ['succeeded', 'failed', 'cancelled'];

export function isTerminal(status: JobStatus): boolean {
  return terminalJobStatuses.includes(status);
}

// ---------------------------------------------------------------------------------------------------------------
// Job types this process knows: registered by the runner and by buildApp, so enqueueJob can validate a payload in an
// API-only process too.
// ---------------------------------------------------------------------------------------------------------------
type JobType = { payload: z.ZodType<unknown>; maxAttempts: number | undefined };
const jobTypes = new Map<string, JobType>();
const JOB_TYPE_PATTERN = /^[a-z][a-z0-9_.-]{0,99}$/;

export function registerJobTypes(handlers: readonly JobHandler[]): void {
  for (const handler of handlers) {
    if (!JOB_TYPE_PATTERN.test(handler.type)) {
      throw new Error(`Job type "${handler.type}" must match ${JOB_TYPE_PATTERN.source}`);
    }
    if (handler.maxAttempts !== undefined && !(Number.isInteger(handler.maxAttempts) && handler.maxAttempts >= 1 && handler.maxAttempts <= 20)) {
      throw new Error(`Job type "${handler.type}": maxAttempts must be an integer from 1 to 20`);
    }
    jobTypes.set(handler.type, { payload: handler.payload, maxAttempts: handler.maxAttempts });
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Enqueue notifications: a runner in this process starts a new job at once instead of at its next poll.
// ---------------------------------------------------------------------------------------------------------------
const enqueueListeners = new Set<() => void>();

/** Calls `listener` (soon after, never inside the enqueuing transaction) whenever this process enqueues a job. */
export function onJobEnqueued(listener: () => void): () => void {
  enqueueListeners.add(listener);
  return () => void enqueueListeners.delete(listener);
}

/** Tells this process's runners that jobs may be waiting, e.g. right after the enqueuing transaction committed. */
export function notifyJobsEnqueued(): void {
  for (const listener of enqueueListeners) listener();
}

export type EnqueueJobInput = {
  organizationId: string;
  projectId?: string | null;
  /** The acting user of `tx`: the job runs with their rights (RLS requires created_by = the acting user). */
  createdBy: string;
  type: string;
  payload: unknown;
  maxAttempts?: number;
  /** Not before this time (default: now). */
  runAt?: Date;
};

/**
 * Queues a job in the caller's transaction (as the acting user: RLS admits editors and up of the organization; check
 * the role first for a clear error). An unregistered type, a payload its handler rejects or a project of another
 * organization is a programming error and throws.
 */
export async function enqueueJob(tx: Tx, input: EnqueueJobInput): Promise<JobRow> {
  const type = jobTypes.get(input.type);
  if (!type) throw new Error(`Unknown job type "${input.type}": register its handler in the jobs of its module`);
  const parsed = type.payload.safeParse(input.payload);
  if (!parsed.success) {
    throw new Error(`Invalid payload for job type "${input.type}": ${parsed.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; ')}`);
  }
  const projectId = input.projectId ?? null;
  if (projectId) {
    const [project] = await tx.select({ organizationId: projects.organizationId }).from(projects).where(eq(projects.id, projectId));
    if (!project || project.organizationId !== input.organizationId) {
      throw new Error(`Job project ${projectId} is not a visible project of organization ${input.organizationId}`);
    }
  }
  const [row] = await tx
    .insert(jobs)
    .values({
      id: newId(),
      organizationId: input.organizationId,
      projectId,
      createdBy: input.createdBy,
      type: input.type,
      payload: (parsed.data ?? {}) as Record<string, unknown>,
      maxAttempts: input.maxAttempts ?? type.maxAttempts ?? 3,
      ...(input.runAt ? { runAt: input.runAt } : {}),
    })
    .returning();
  if (!row) throw new Error('Inserting the job returned no row');
  // The transaction commits after this returns; a listener that finds nothing yet retries shortly.
  setImmediate(notifyJobsEnqueued);
  return row;
}

/** A job visible to the acting user (RLS: members of its organization); 404 when missing or not visible. */
export async function getJob(tx: Tx, id: string): Promise<JobRow> {
  if (!isUuid(id)) throw notFound('Job');
  const [row] = await tx.select().from(jobs).where(eq(jobs.id, id));
  if (!row) throw notFound('Job');
  return row;
}

/**
 * Cancels a job for the acting user (its creator or an organization admin): a queued job is cancelled at once, a
 * running one gets cancel_requested_at and its runner aborts it; a finished job is returned unchanged.
 */
export async function requestCancel(tx: Tx, id: string): Promise<JobRow> {
  const current = await getJob(tx, id);
  if (isTerminal(current.status)) return current;
  // One statement, so a runner claiming the job at the same moment is either before it (running: request) or after
  // it (cancelled: never claimed).
  const [updated] = await tx
    .update(jobs)
    .set({
      status: sql`CASE WHEN ${jobs.status} = 'queued' THEN 'cancelled' ELSE ${jobs.status} END`,
      cancelRequestedAt: sql`coalesce(${jobs.cancelRequestedAt}, now())`,
      finishedAt: sql`CASE WHEN ${jobs.status} = 'queued' THEN now() ELSE ${jobs.finishedAt} END`,
      error: sql`CASE WHEN ${jobs.status} = 'queued' THEN ${JSON.stringify(cancelledError)}::jsonb ELSE ${jobs.error} END`,
      lockedBy: sql`CASE WHEN ${jobs.status} = 'queued' THEN NULL ELSE ${jobs.lockedBy} END`,
    })
    .where(and(eq(jobs.id, id), sql`${jobs.status} IN ('queued', 'running')`))
    .returning();
  if (updated) return updated;
  const now = await getJob(tx, id);
  if (isTerminal(now.status)) return now;
  throw new AppError('FORBIDDEN', 'Only the job’s creator or an admin of its organization can cancel it');
}

export const cancelledError = { code: 'CANCELLED', message: 'The job was cancelled' } as const;

export type ListJobsQuery = {
  organizationId?: string | undefined;
  projectId?: string | undefined;
  status?: JobStatus | undefined;
  limit: number;
  cursor?: string | undefined;
};

const ISO_MICROS = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/;
const createdAtText = sql<string>`to_char(${jobs.createdAt} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;

/**
 * Jobs visible to the acting user, newest first, keyset-paged on (created_at, id). The cursor keeps created_at to
 * the microsecond so no row is skipped or repeated.
 */
export async function listJobs(tx: Tx, query: ListJobsQuery): Promise<Page<JobRow>> {
  const cursor = decodeCursor(query.cursor);
  if (cursor && (!ISO_MICROS.test(cursor.sort) || Number.isNaN(Date.parse(cursor.sort)) || !isUuid(cursor.id))) {
    throw new AppError('VALIDATION_FAILED', 'Invalid cursor: pass the nextCursor of a previous page unchanged', {
      details: [{ field: 'cursor', message: 'is not a cursor this server issued', in: 'querystring' }],
    });
  }
  const filters: (SQL | undefined)[] = [
    query.organizationId ? eq(jobs.organizationId, query.organizationId) : undefined,
    query.projectId ? eq(jobs.projectId, query.projectId) : undefined,
    query.status ? eq(jobs.status, query.status) : undefined,
    cursor ? sql`(${jobs.createdAt}, ${jobs.id}) < (${cursor.sort}::timestamptz, ${cursor.id}::uuid)` : undefined,
  ];
  const rows = await tx
    .select({ row: jobs, cursorAt: createdAtText })
    .from(jobs)
    .where(and(...filters))
    .orderBy(desc(jobs.createdAt), desc(jobs.id))
    .limit(query.limit + 1);
  return toPage(
    rows,
    query.limit,
    (r) => r.row,
    (r) => ({ sort: r.cursorAt, id: r.row.id }),
  );
}

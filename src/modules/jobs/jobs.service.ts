import type { Tx } from '../../core/db/database.js';
import type { Page } from '../../core/http/pagination.js';
import { getJob as loadJob, listJobs as listJobRows, requestCancel, type JobRow } from '../../core/jobs/index.js';
import { requireOrganizationRole } from '../organizations/index.js';
import { requireProjectRole } from '../projects/index.js';
import type { Job, ListJobsQueryInput } from './jobs.contract.js';

const iso = (date: Date | null): string | null => (date ? date.toISOString() : null);

export function toJob(row: JobRow): Job {
  return {
    id: row.id,
    organizationId: row.organizationId,
    projectId: row.projectId,
    type: row.type,
    status: row.status,
    progress: row.progress,
    progressMessage: row.progressMessage,
    result: row.result ?? null,
    error: row.error ? { code: row.error.code, message: row.error.message } : null,
    attempts: row.attempts,
    maxAttempts: row.maxAttempts,
    createdBy: row.createdBy,
    createdAt: row.createdAt.toISOString(),
    startedAt: iso(row.startedAt),
    finishedAt: iso(row.finishedAt),
    updatedAt: row.updatedAt.toISOString(),
    cancelRequestedAt: iso(row.cancelRequestedAt),
  };
}

/** A job of one of the caller's organizations; any other id is 404. */
export async function getJob(tx: Tx, id: string): Promise<Job> {
  return toJob(await loadJob(tx, id));
}

/** Its creator or an organization admin cancels; a finished job is returned unchanged. */
export async function cancelJob(tx: Tx, id: string): Promise<Job> {
  return toJob(await requestCancel(tx, id));
}

/**
 * Newest first; with organizationId or projectId the caller must be a member (404 otherwise, like any id they cannot
 * see), without them RLS scopes the list.
 */
export async function listJobs(tx: Tx, userId: string, query: ListJobsQueryInput): Promise<Page<Job>> {
  if (query.organizationId) await requireOrganizationRole(tx, userId, query.organizationId, 'viewer');
  if (query.projectId) await requireProjectRole(tx, userId, query.projectId, 'viewer');
  const page = await listJobRows(tx, query);
  return { items: page.items.map(toJob), nextCursor: page.nextCursor };
}

import { and, desc, eq, lt, type SQL } from 'drizzle-orm';
import { recordAudit } from '../audit/record-audit.js';
import type { Tx } from '../../core/db/database.js';
import { toPage, type Page } from '../../core/http/pagination.js';
import { decodeSerialCursor, type UserActor } from '../organizations/index.js';
import type { ListProjectVersionsQuery, ProjectVersion } from './documents.contract.js';
import { projectVersions } from './documents.schema.js';
import { requireDocumentsAccess } from './documents.service.js';

export type ProjectVersionRow = typeof projectVersions.$inferSelect;

export type CreateProjectVersionOptions = {
  /** The AI pipeline made this version: created_by stays null (seed 003). The audit event still names the user. */
  byAi?: boolean;
};

export function toProjectVersion(row: ProjectVersionRow): ProjectVersion {
  return {
    projectId: row.projectId,
    version: row.version,
    changeNote: row.changeNote,
    createdBy: row.createdBy,
    createdAt: row.createdAt.toISOString(),
  };
}

/**
 * A new project version (editors and up). The database numbers it under the project's row lock and sets
 * projects.current_version to it, so concurrent calls get consecutive numbers.
 */
export async function createProjectVersion(
  tx: Tx,
  actor: UserActor,
  projectId: string,
  changeNote: string | null | undefined,
  options: CreateProjectVersionOptions = {},
): Promise<ProjectVersion> {
  const { project } = await requireDocumentsAccess(tx, actor.userId, projectId, 'write');
  const [row] = await tx
    .insert(projectVersions)
    .values({
      projectId: project.id,
      organizationId: project.organizationId,
      version: 0,
      changeNote: changeNote || null,
      createdBy: options.byAi ? null : actor.userId,
    })
    .returning();
  if (!row) throw new Error('The project version was not inserted');
  await recordAudit(tx, actor, {
    action: 'project_version_created',
    resourceType: 'project',
    resourceId: project.id,
    organizationId: project.organizationId,
    details: { version: row.version, ...(options.byAi ? { byAi: true } : {}), ...(row.changeNote ? { changeNote: row.changeNote } : {}) },
  });
  return toProjectVersion(row);
}

/** GET /projects/{id}/versions: newest first, keyset on the version number. */
export async function listProjectVersions(
  tx: Tx,
  userId: string,
  projectId: string,
  query: ListProjectVersionsQuery,
): Promise<Page<ProjectVersion>> {
  await requireDocumentsAccess(tx, userId, projectId, 'read');
  const before = decodeSerialCursor(query.cursor);
  const filters: (SQL | undefined)[] = [
    eq(projectVersions.projectId, projectId),
    before !== undefined ? lt(projectVersions.version, before) : undefined,
  ];
  const rows = await tx
    .select()
    .from(projectVersions)
    .where(and(...filters))
    .orderBy(desc(projectVersions.version))
    .limit(query.limit + 1);
  return toPage(rows, query.limit, toProjectVersion, (row) => ({ sort: String(row.version), id: String(row.version) }));
}

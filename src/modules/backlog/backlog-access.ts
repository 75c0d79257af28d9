import { and, eq, sql } from 'drizzle-orm';
import type { Tx } from '../../core/db/database.js';
import { organizationMembers } from '../../core/db/platform.schema.js';
import { AppError } from '../../core/errors.js';
import { requireProjectAccess, type ProjectRow } from '../projects/index.js';

const PROJECT_DELETED_MESSAGE = 'The project is deleted; restore it before changing its backlog';

/** The caller's project: members read, editors write (and only while the project is not deleted); 404 for others. */
export async function requireBacklogAccess(tx: Tx, userId: string, projectId: string, access: 'read' | 'write'): Promise<ProjectRow> {
  const { project } = await requireProjectAccess(tx, userId, projectId, access, PROJECT_DELETED_MESSAGE);
  return project;
}

/** A 400 naming one body field, in the usual error shape. */
export function invalidField(field: string, message: string): AppError {
  return new AppError('VALIDATION_FAILED', `Invalid body: ${field}: ${message}`, { details: [{ field, message, in: 'body' }] });
}

/**
 * Takes the project's counter row lock for the rest of the transaction. Creates that also need the bottom rank take
 * it first, so concurrent creates read the bottom one after another and never share a rank (the insert trigger then
 * numbers under the same lock).
 */
export async function lockBacklogCounter(tx: Tx, project: ProjectRow): Promise<void> {
  await tx.execute(sql`
    INSERT INTO app.backlog_counters AS c (project_id, organization_id) VALUES (${project.id}, ${project.organizationId})
    ON CONFLICT (project_id) DO UPDATE SET last_story_number = c.last_story_number`);
}

/** A user who may be assigned work in the project: a member of its organization; otherwise a 400 naming `field`. */
export async function requireMember(tx: Tx, project: ProjectRow, userId: string, field: string): Promise<void> {
  const [member] = await tx
    .select({ userId: organizationMembers.userId })
    .from(organizationMembers)
    .where(and(eq(organizationMembers.organizationId, project.organizationId), eq(organizationMembers.userId, userId)));
  if (!member) throw invalidField(field, 'is not a member of the project’s organization');
}

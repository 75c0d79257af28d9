import { and, desc, eq, getTableColumns, ilike, inArray, ne, or, sql, type SQL } from 'drizzle-orm';
import { recordAudit } from '../../core/audit.js';
import type { Tx } from '../../core/db/database.js';
import { organizationMembers, projects } from '../../core/db/platform.schema.js';
import { isUniqueViolation } from '../../core/db/postgres-error.js';
import { AppError, notFound } from '../../core/errors.js';
import { afterCursor, cursorTimestamp, decodeTimestampCursor } from '../../core/http/keyset-cursor.js';
import { toPage, type Page } from '../../core/http/pagination.js';
import { isUuid, newId } from '../../core/ids.js';
import {
  forbidden,
  personalOrganizationIdOf,
  requireOrganizationRole,
  roleAtLeast,
  type UserActor,
} from '../organizations/index.js';
import { enqueueIdeaPipeline } from './idea-pipeline.enqueue.js';
import { deriveProjectKey, keyCandidates } from './project-key.js';
import type {
  CreateProjectInput,
  ListProjectsQuery,
  Project,
  ReplaceProjectInput,
  UpdateProjectInput,
} from './projects.contract.js';

export type ProjectRow = typeof projects.$inferSelect;

const KEY_CONSTRAINT = 'projects_organization_key_key';

export function toProject(row: ProjectRow): Project {
  return {
    id: row.id,
    organizationId: row.organizationId,
    ownerId: row.ownerId,
    name: row.name,
    key: row.key,
    description: row.description,
    status: row.status,
    settings: row.settings,
    ideaPrompt: row.ideaPrompt,
    currentVersion: row.currentVersion,
    startDate: row.startDate,
    endDate: row.endDate,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    deletedAt: row.deletedAt ? row.deletedAt.toISOString() : null,
  };
}

function keyTaken(key: string): AppError {
  return new AppError('CONFLICT', `The key ${key} is already used by another project of this organization`, {
    details: [{ field: 'key', message: 'is already used in this organization' }],
  });
}

/** The first of base, base2, base3, … that no project of the organization (deleted ones included) uses. */
async function freeKey(tx: Tx, organizationId: string, base: string): Promise<string> {
  for (let from = 1; ; from += 100) {
    const candidates = keyCandidates(base, from, 100);
    const taken = await tx
      .select({ key: projects.key })
      .from(projects)
      .where(and(eq(projects.organizationId, organizationId), inArray(projects.key, candidates)));
    const takenKeys = new Set(taken.map((row) => row.key));
    const free = candidates.find((candidate) => !takenKeys.has(candidate));
    if (free) return free;
  }
}

/** POST /projects: editors and up; the organization defaults to the caller's personal one. */
export async function createProject(tx: Tx, actor: UserActor, input: CreateProjectInput): Promise<Project> {
  const organizationId = input.organizationId ?? (await personalOrganizationIdOf(tx, actor.userId));
  if (!organizationId) {
    throw new AppError('VALIDATION_FAILED', 'You have no personal organization: name the organization of the project', {
      details: [{ field: 'organizationId', message: 'is required', in: 'body' }],
    });
  }
  await requireOrganizationRole(tx, actor.userId, organizationId, 'editor');
  const id = newId();
  // A project created from an idea is `processing` (unless another status is asked for) while the idea pipeline asks
  // its questions and writes its documents.
  const fromIdea = Boolean(input.ideaPrompt?.trim());
  const values = {
    id,
    organizationId,
    ownerId: actor.userId,
    name: input.name,
    description: input.description ?? null,
    status: input.status ?? (fromIdea ? 'processing' : 'active'),
    settings: input.settings ?? {},
    ideaPrompt: input.ideaPrompt ?? null,
    startDate: input.startDate ?? null,
    endDate: input.endDate ?? null,
  } satisfies Omit<typeof projects.$inferInsert, 'key'>;
  const base = input.key ?? deriveProjectKey(input.name);
  let row: ProjectRow | undefined;
  // A derived key that a concurrent request takes first is derived again; an explicit key is the caller's choice.
  for (let attempt = 0; attempt < 5 && !row; attempt++) {
    const key = input.key ?? (await freeKey(tx, organizationId, base));
    try {
      row = await tx.transaction(async (sp) => {
        const [inserted] = await sp.insert(projects).values({ ...values, key }).returning();
        return inserted;
      });
    } catch (error) {
      if (!isUniqueViolation(error, KEY_CONSTRAINT)) throw error;
      if (input.key) throw keyTaken(input.key);
    }
  }
  if (!row) throw new AppError('CONFLICT', 'Could not find a free project key; pass one explicitly');
  await recordAudit(tx, actor, {
    action: 'project_created',
    resourceType: 'project',
    resourceId: id,
    organizationId,
    details: { name: row.name, key: row.key },
  });
  if (fromIdea) await enqueueIdeaPipeline(tx, { organizationId, projectId: id, userId: actor.userId }, 'questions');
  return toProject(row);
}

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (match) => `\\${match}`);
}

/** Projects with the best plan for the shape of the caller's memberships, newest first. */
export async function listProjects(tx: Tx, userId: string, query: ListProjectsQuery): Promise<Page<Project>> {
  const cursor = decodeTimestampCursor(query.cursor);
  const limit = query.limit;
  const filters: (SQL | undefined)[] = [
    query.status ? eq(projects.status, query.status) : ne(projects.status, 'deleted'),
    cursor ? afterCursor(projects.createdAt, projects.id, cursor, 'desc') : undefined,
  ];
  if (query.q) {
    const pattern = `%${escapeLike(query.q)}%`;
    filters.push(or(ilike(projects.name, pattern), ilike(projects.key, pattern), ilike(projects.description, pattern)));
  }
  const columns = { ...getTableColumns(projects), cursorAt: cursorTimestamp(projects.createdAt) };
  const newestFirst = [desc(projects.createdAt), desc(projects.id)];
  const cursorOf = (row: { cursorAt: string; id: string }) => ({ sort: row.cursorAt, id: row.id });

  if (query.organizationId) {
    await requireOrganizationRole(tx, userId, query.organizationId, 'viewer');
    const rows = await tx
      .select(columns)
      .from(projects)
      .where(and(eq(projects.organizationId, query.organizationId), ...filters))
      .orderBy(...newestFirst)
      .limit(limit + 1);
    return toPage(rows, limit, toProject, cursorOf);
  }

  // A fresh builder per use: Drizzle builders are mutable, and .limit() on a shared one would leak into the others.
  const myOrganizations = () =>
    tx
      .select({ organizationId: organizationMembers.organizationId })
      .from(organizationMembers)
      .where(eq(organizationMembers.userId, userId));
  const someOfThem = await myOrganizations().limit(FEW_ORGANIZATIONS + 1);
  if (someOfThem.length === 0) return { items: [], nextCursor: null };
  if (someOfThem.length > FEW_ORGANIZATIONS) {
    // Many organizations: walk the (created_at, id) index newest first and keep the caller's rows, which are dense
    // there when one belongs to many organizations.
    const rows = await tx
      .select(columns)
      .from(projects)
      .where(and(inArray(projects.organizationId, myOrganizations()), ...filters))
      .orderBy(...newestFirst)
      .limit(limit + 1);
    return toPage(rows, limit, toProject, cursorOf);
  }
  // Few organizations: one seek per organization on (organization_id, created_at, id) and a merge of at most
  // (limit + 1) rows from each, so a page costs the same at any depth and never reads other tenants' rows.
  const mine = myOrganizations().as('mine');
  const perOrganization = tx
    .select({ ...getTableColumns(projects), cursorAt: cursorTimestamp(projects.createdAt).as('cursor_at') })
    .from(projects)
    .where(and(eq(projects.organizationId, mine.organizationId), ...filters))
    .orderBy(...newestFirst)
    .limit(limit + 1)
    .as('page');
  const merged = await tx
    .select()
    .from(mine)
    .innerJoinLateral(perOrganization, sql`true`)
    .orderBy(desc(perOrganization.createdAt), desc(perOrganization.id))
    .limit(limit + 1);
  return toPage(
    merged.map((row) => row.page),
    limit,
    toProject,
    cursorOf,
  );
}

/** Up to this many organizations, a cross-organization listing seeks each one's index separately. */
const FEW_ORGANIZATIONS = 8;

async function loadProject(tx: Tx, id: string): Promise<ProjectRow> {
  if (!isUuid(id)) throw notFound('Project');
  // Row level security hides projects of organizations the caller is not a member of: they are "not found".
  const [row] = await tx.select().from(projects).where(eq(projects.id, id));
  if (!row) throw notFound('Project');
  return row;
}

export async function getProject(tx: Tx, id: string): Promise<Project> {
  return toProject(await loadProject(tx, id));
}

type ProjectChanges = Partial<
  Pick<ProjectRow, 'name' | 'key' | 'description' | 'status' | 'settings' | 'ideaPrompt' | 'startDate' | 'endDate'>
>;

async function applyChanges(tx: Tx, actor: UserActor, id: string, changesOf: (current: ProjectRow) => ProjectChanges): Promise<Project> {
  const current = await loadProject(tx, id);
  await requireOrganizationRole(tx, actor.userId, current.organizationId, 'editor');
  if (current.status === 'deleted') {
    throw new AppError('CONFLICT', 'The project is deleted; restore it before changing it');
  }
  const requested = changesOf(current);
  const changes: ProjectChanges = {};
  for (const [field, value] of Object.entries(requested) as [keyof ProjectChanges, unknown][]) {
    if (value === undefined) continue;
    const same = JSON.stringify(value) === JSON.stringify(current[field]);
    if (!same) (changes as Record<string, unknown>)[field] = value;
  }
  const startDate = changes.startDate !== undefined ? changes.startDate : current.startDate;
  const endDate = changes.endDate !== undefined ? changes.endDate : current.endDate;
  if (startDate && endDate && endDate < startDate) {
    throw new AppError('VALIDATION_FAILED', `Invalid body: endDate (${endDate}) is before startDate (${startDate})`, {
      details: [{ field: 'endDate', message: 'must not be before startDate', in: 'body' }],
    });
  }
  if (Object.keys(changes).length === 0) return toProject(current);
  let updated: ProjectRow | undefined;
  try {
    [updated] = await tx.update(projects).set(changes).where(eq(projects.id, id)).returning();
  } catch (error) {
    if (changes.key && isUniqueViolation(error, KEY_CONSTRAINT)) throw keyTaken(changes.key);
    throw error;
  }
  if (!updated) throw notFound('Project');
  await recordAudit(tx, actor, {
    action: 'project_updated',
    resourceType: 'project',
    resourceId: id,
    organizationId: current.organizationId,
    details: {
      fields: Object.keys(changes),
      ...(changes.name ? { name: { from: current.name, to: changes.name } } : {}),
      ...(changes.key ? { key: { from: current.key, to: changes.key } } : {}),
      ...(changes.status ? { status: { from: current.status, to: changes.status } } : {}),
    },
  });
  return toProject(updated);
}

/** PUT /projects/{id}: every editable field is replaced (see replaceProjectBody). */
export async function replaceProject(tx: Tx, actor: UserActor, id: string, input: ReplaceProjectInput): Promise<Project> {
  return applyChanges(tx, actor, id, (current) => ({
    name: input.name,
    key: input.key ?? current.key,
    description: input.description ?? null,
    status: input.status ?? 'active',
    settings: input.settings ?? {},
    ideaPrompt: input.ideaPrompt ?? null,
    startDate: input.startDate ?? null,
    endDate: input.endDate ?? null,
  }));
}

/** PATCH /projects/{id}: only the named fields change. */
export async function updateProject(tx: Tx, actor: UserActor, id: string, input: UpdateProjectInput): Promise<Project> {
  return applyChanges(tx, actor, id, () => ({
    name: input.name,
    key: input.key,
    description: input.description,
    status: input.status,
    settings: input.settings,
    ideaPrompt: input.ideaPrompt,
    startDate: input.startDate,
    endDate: input.endDate,
  }));
}

/** Deleting and restoring: admins and owners of the organization, or the project's own owner if still an editor. */
async function requireDeleteRight(tx: Tx, actor: UserActor, project: ProjectRow): Promise<void> {
  const role = await requireOrganizationRole(tx, actor.userId, project.organizationId, 'viewer');
  const allowed = roleAtLeast(role, 'admin') || (project.ownerId === actor.userId && roleAtLeast(role, 'editor'));
  if (!allowed) throw forbidden('Only an admin or owner of the organization, or the project’s owner, can delete or restore it');
}

/** DELETE /projects/{id}: a soft delete that keeps the previous status for restore. */
export async function deleteProject(tx: Tx, actor: UserActor, id: string): Promise<Project> {
  const current = await loadProject(tx, id);
  await requireDeleteRight(tx, actor, current);
  const [deleted] = await tx
    .update(projects)
    .set({ status: 'deleted', statusBeforeDelete: sql`${projects.status}`, deletedAt: sql`now()` })
    .where(and(eq(projects.id, id), ne(projects.status, 'deleted')))
    .returning();
  if (!deleted) throw new AppError('CONFLICT', 'The project is already deleted');
  await recordAudit(tx, actor, {
    action: 'project_deleted',
    resourceType: 'project',
    resourceId: id,
    organizationId: current.organizationId,
    details: { name: current.name, key: current.key, previousStatus: current.status },
  });
  return toProject(deleted);
}

/** POST /projects/{id}/restore: back to the status it had when deleted. */
export async function restoreProject(tx: Tx, actor: UserActor, id: string): Promise<Project> {
  const current = await loadProject(tx, id);
  await requireDeleteRight(tx, actor, current);
  const [restored] = await tx
    .update(projects)
    .set({
      status: sql`coalesce(${projects.statusBeforeDelete}, 'active')`,
      statusBeforeDelete: null,
      deletedAt: null,
    })
    .where(and(eq(projects.id, id), eq(projects.status, 'deleted')))
    .returning();
  if (!restored) throw new AppError('CONFLICT', 'The project is not deleted');
  await recordAudit(tx, actor, {
    action: 'project_restored',
    resourceType: 'project',
    resourceId: id,
    organizationId: current.organizationId,
    details: { name: current.name, key: current.key, status: restored.status },
  });
  return toProject(restored);
}

/**
 * For modules whose resources hang off a project (documents, backlog, …): the project if the caller may act on it
 * with the given role — 404 when it is missing or in someone else's organization, 403 when the role is too low.
 */
export async function requireProjectRole(
  tx: Tx,
  userId: string,
  projectId: string,
  minimum: Parameters<typeof requireOrganizationRole>[3],
): Promise<{ project: ProjectRow; role: Awaited<ReturnType<typeof requireOrganizationRole>> }> {
  const project = await loadProject(tx, projectId);
  const role = await requireOrganizationRole(tx, userId, project.organizationId, minimum);
  return { project, role };
}

/**
 * The caller's project for reading (members) or writing (editors and up, and only while the project is not deleted):
 * 404 for other tenants, 403 below the role, 409 with `deletedMessage` when writing to a deleted project.
 */
export async function requireProjectAccess(
  tx: Tx,
  userId: string,
  projectId: string,
  access: 'read' | 'write',
  deletedMessage: string,
): Promise<{ project: ProjectRow; role: Awaited<ReturnType<typeof requireOrganizationRole>> }> {
  const result = await requireProjectRole(tx, userId, projectId, access === 'write' ? 'editor' : 'viewer');
  if (access === 'write' && result.project.status === 'deleted') throw new AppError('CONFLICT', deletedMessage);
  return result;
}

import { and, asc, eq, inArray, ne, sql, type SQL } from 'drizzle-orm';
import type { Tx } from '../../core/db/database.js';
import { isUniqueViolation } from '../../core/db/postgres-error.js';
import { AppError, notFound } from '../../core/errors.js';
import { afterCursor, cursorTimestamp, decodeTimestampCursor } from '../../core/http/keyset-cursor.js';
import { toPage, type Page } from '../../core/http/pagination.js';
import { isUuid, newId } from '../../core/ids.js';
import type { UserActor } from '../organizations/index.js';
import type { ProjectRow } from '../projects/index.js';
import { invalidField, requireBacklogAccess } from './backlog-access.js';
import type { CompleteSprintBody, CreateSprintBody, ListSprintsQuery, Sprint, StartSprintBody, UpdateSprintBody } from './backlog.contract.js';
import { sprints, stories } from './backlog.schema.js';

export type SprintRow = typeof sprints.$inferSelect;
type Scope = Sprint['scope'];

const ONE_ACTIVE_INDEX = 'sprints_one_active_idx';
const DAY_MS = 86_400_000;
const DEFAULT_LENGTH_DAYS = 14;

function toSprint(row: SprintRow, scope: Scope): Sprint {
  return {
    id: row.id,
    projectId: row.projectId,
    name: row.name,
    goal: row.goal,
    startDate: row.startDate,
    endDate: row.endDate,
    status: row.status,
    velocity: row.velocity,
    committedPoints: row.committedPoints,
    scope,
    startedAt: row.startedAt?.toISOString() ?? null,
    completedAt: row.completedAt?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

/** What each sprint holds now: stories, their points and the points done (unestimated stories count 0). */
async function scopeOf(tx: Tx, sprintIds: string[]): Promise<Map<string, Scope>> {
  if (sprintIds.length === 0) return new Map();
  const rows = await tx
    .select({
      sprintId: stories.sprintId,
      stories: sql<number>`count(*)::int`,
      points: sql<number>`coalesce(sum(${stories.storyPoints}), 0)::int`,
      donePoints: sql<number>`coalesce(sum(${stories.storyPoints}) FILTER (WHERE ${stories.status} = 'done'), 0)::int`,
    })
    .from(stories)
    .where(inArray(stories.sprintId, sprintIds))
    .groupBy(stories.sprintId);
  return new Map(rows.map(({ sprintId, ...scope }) => [sprintId!, scope]));
}

const emptyScope: Scope = { stories: 0, points: 0, donePoints: 0 };

async function withScope(tx: Tx, row: SprintRow): Promise<Sprint> {
  return toSprint(row, (await scopeOf(tx, [row.id])).get(row.id) ?? emptyScope);
}

/** A sprint of the project, or 404 (missing, malformed, another project's or another tenant's). */
export async function loadSprint(tx: Tx, projectId: string, sprintId: string, forUpdate = false): Promise<SprintRow> {
  if (!isUuid(sprintId)) throw notFound('Sprint');
  const query = tx.select().from(sprints).where(and(eq(sprints.id, sprintId), eq(sprints.projectId, projectId)));
  const [row] = forUpdate ? await query.for('update') : await query;
  if (!row) throw notFound('Sprint');
  return row;
}

function checkDates(startDate: string | null | undefined, endDate: string | null | undefined): void {
  if (startDate && endDate && endDate < startDate) throw invalidField('endDate', 'must be on or after the start date');
}

function addDays(date: string, days: number): string {
  return new Date(new Date(`${date}T00:00:00Z`).getTime() + days * DAY_MS).toISOString().slice(0, 10);
}

function today(): string {
  return new Date().toISOString().slice(0, 10);
}

export async function createSprint(tx: Tx, actor: UserActor, projectId: string, input: CreateSprintBody): Promise<Sprint> {
  const project = await requireBacklogAccess(tx, actor.userId, projectId, 'write');
  return toSprint(await insertSprint(tx, project, input), emptyScope);
}

async function insertSprint(tx: Tx, project: ProjectRow, input: CreateSprintBody): Promise<SprintRow> {
  checkDates(input.startDate, input.endDate);
  const [row] = await tx
    .insert(sprints)
    .values({
      id: newId(),
      organizationId: project.organizationId,
      projectId: project.id,
      name: input.name,
      goal: input.goal ?? '',
      startDate: input.startDate ?? null,
      endDate: input.endDate ?? null,
    })
    .returning();
  if (!row) throw new Error('The sprint was not inserted');
  return row;
}

/** GET /sprints: oldest first (the order they were planned), keyset on (created_at, id). */
export async function listSprints(tx: Tx, userId: string, projectId: string, query: ListSprintsQuery): Promise<Page<Sprint>> {
  const project = await requireBacklogAccess(tx, userId, projectId, 'read');
  const cursor = decodeTimestampCursor(query.cursor);
  const filters: (SQL | undefined)[] = [
    eq(sprints.projectId, project.id),
    query.status ? eq(sprints.status, query.status) : undefined,
    cursor ? afterCursor(sprints.createdAt, sprints.id, cursor, 'asc') : undefined,
  ];
  const rows = await tx
    .select({ row: sprints, cursorAt: cursorTimestamp(sprints.createdAt) })
    .from(sprints)
    .where(and(...filters))
    .orderBy(asc(sprints.createdAt), asc(sprints.id))
    .limit(query.limit + 1);
  const scopes = await scopeOf(tx, rows.slice(0, query.limit).map(({ row }) => row.id));
  return toPage(rows, query.limit, ({ row }) => toSprint(row, scopes.get(row.id) ?? emptyScope), ({ row, cursorAt }) => ({ sort: cursorAt, id: row.id }));
}

export async function getSprint(tx: Tx, userId: string, projectId: string, sprintId: string): Promise<Sprint> {
  const project = await requireBacklogAccess(tx, userId, projectId, 'read');
  return withScope(tx, await loadSprint(tx, project.id, sprintId));
}

export async function updateSprint(tx: Tx, actor: UserActor, projectId: string, sprintId: string, input: UpdateSprintBody): Promise<Sprint> {
  const project = await requireBacklogAccess(tx, actor.userId, projectId, 'write');
  const row = await loadSprint(tx, project.id, sprintId, true);
  const changes = Object.fromEntries(Object.entries(input).filter(([, value]) => value !== undefined)) as UpdateSprintBody;
  if (row.status !== 'planning') {
    // A started sprint's dates are what its burndown is drawn over.
    if (changes.startDate === null) throw invalidField('startDate', `cannot be removed from a sprint that is ${row.status}`);
    if (changes.endDate === null) throw invalidField('endDate', `cannot be removed from a sprint that is ${row.status}`);
  }
  checkDates(changes.startDate === undefined ? row.startDate : changes.startDate, changes.endDate === undefined ? row.endDate : changes.endDate);
  if (Object.keys(changes).length === 0) return withScope(tx, row);
  const [updated] = await tx.update(sprints).set(changes).where(eq(sprints.id, row.id)).returning();
  if (!updated) throw notFound('Sprint');
  return withScope(tx, updated);
}

/** DELETE /sprints/{id}: a planned or completed sprint; its stories go back to the backlog (recorded in their history). */
export async function deleteSprint(tx: Tx, actor: UserActor, projectId: string, sprintId: string): Promise<void> {
  const project = await requireBacklogAccess(tx, actor.userId, projectId, 'write');
  const row = await loadSprint(tx, project.id, sprintId, true);
  if (row.status === 'active') throw new AppError('CONFLICT', `The sprint "${row.name}" is active; complete it before deleting it`);
  await tx.delete(sprints).where(eq(sprints.id, row.id));
}

async function activeSprintOf(tx: Tx, projectId: string): Promise<SprintRow | undefined> {
  const [row] = await tx.select().from(sprints).where(and(eq(sprints.projectId, projectId), eq(sprints.status, 'active')));
  return row;
}

function anotherActive(active: Pick<SprintRow, 'id' | 'name'>): AppError {
  return new AppError('CONFLICT', `The sprint "${active.name}" is already active in this project; complete it before starting another`, {
    details: { activeSprintId: active.id },
  });
}

/**
 * POST /sprints/{id}/start: one active sprint per project (409 naming the active one). Dates: the body's, else the
 * sprint's own, else today and two weeks on. Records the committed points: the sprint's points at this moment.
 */
export async function startSprint(tx: Tx, actor: UserActor, projectId: string, sprintId: string, input: StartSprintBody): Promise<Sprint> {
  const project = await requireBacklogAccess(tx, actor.userId, projectId, 'write');
  const row = await loadSprint(tx, project.id, sprintId, true);
  if (row.status !== 'planning') throw new AppError('CONFLICT', `The sprint "${row.name}" is ${row.status}; only a planned sprint can be started`);
  const active = await activeSprintOf(tx, project.id);
  if (active) throw anotherActive(active);
  const startDate = input.startDate ?? row.startDate ?? today();
  const endDate = input.endDate ?? row.endDate ?? addDays(startDate, DEFAULT_LENGTH_DAYS - 1);
  checkDates(startDate, endDate);
  const scope = (await scopeOf(tx, [row.id])).get(row.id) ?? emptyScope;
  try {
    const updated = await tx.transaction(async (sp) => {
      const [result] = await sp
        .update(sprints)
        .set({ status: 'active', startDate, endDate, startedAt: sql`now()`, committedPoints: scope.points })
        .where(eq(sprints.id, row.id))
        .returning();
      return result;
    });
    if (!updated) throw notFound('Sprint');
    return toSprint(updated, scope);
  } catch (error) {
    // Another start that committed first: the partial unique index is the guarantee.
    if (!isUniqueViolation(error, ONE_ACTIVE_INDEX)) throw error;
    throw anotherActive((await activeSprintOf(tx, project.id)) ?? { id: '', name: 'another sprint' });
  }
}

/** "Sprint 3" is followed by "Sprint 4"; any other name by "<name> (next)". */
export function nextSprintName(name: string): string {
  const numbered = /^(.*?)(\d+)(\D*)$/.exec(name);
  const next = numbered ? `${numbered[1]}${Number(numbered[2]) + 1}${numbered[3]}` : `${name} (next)`;
  return next.slice(0, 255);
}

/** Where unfinished stories go: the backlog (null), the next planned sprint (created when there is none), or a sprint. */
async function destinationOf(tx: Tx, project: ProjectRow, completing: SprintRow, target: CompleteSprintBody['moveUnfinishedTo']): Promise<SprintRow | null> {
  if (target === 'backlog') return null;
  if (target === 'next') {
    const [planned] = await tx
      .select()
      .from(sprints)
      .where(and(eq(sprints.projectId, project.id), eq(sprints.status, 'planning'), ne(sprints.id, completing.id)))
      .orderBy(sql`${sprints.startDate} ASC NULLS LAST`, asc(sprints.createdAt), asc(sprints.id))
      .limit(1);
    if (planned) return planned;
    const length = completing.startDate && completing.endDate ? (Date.parse(completing.endDate) - Date.parse(completing.startDate)) / DAY_MS + 1 : DEFAULT_LENGTH_DAYS;
    const startDate = addDays(completing.endDate ?? today(), 1);
    return insertSprint(tx, project, { name: nextSprintName(completing.name), startDate, endDate: addDays(startDate, length - 1) });
  }
  if (target === completing.id) throw invalidField('moveUnfinishedTo', 'is the sprint being completed');
  const [chosen] = await tx.select().from(sprints).where(and(eq(sprints.id, target), eq(sprints.projectId, project.id)));
  if (!chosen) throw invalidField('moveUnfinishedTo', 'is not a sprint of this project');
  if (chosen.status === 'completed') throw invalidField('moveUnfinishedTo', 'is a completed sprint; choose a planned one, "next" or "backlog"');
  return chosen;
}

export type CompletedSprint = { sprint: Sprint; movedTo: Sprint | null; moved: number };

/**
 * POST /sprints/{id}/complete: records the velocity (points done) and moves the unfinished stories where the person
 * chose, in one transaction. The moves are recorded in the stories' history at the completion time, which the
 * burndown leaves out (it stops just before it).
 */
export async function completeSprint(tx: Tx, actor: UserActor, projectId: string, sprintId: string, input: CompleteSprintBody): Promise<CompletedSprint> {
  const project = await requireBacklogAccess(tx, actor.userId, projectId, 'write');
  const row = await loadSprint(tx, project.id, sprintId, true);
  if (row.status !== 'active') throw new AppError('CONFLICT', `The sprint "${row.name}" is ${row.status}; only the active sprint can be completed`);
  const destination = await destinationOf(tx, project, row, input.moveUnfinishedTo);
  const scope = (await scopeOf(tx, [row.id])).get(row.id) ?? emptyScope;
  const [completed] = await tx
    .update(sprints)
    .set({ status: 'completed', completedAt: sql`now()`, velocity: scope.donePoints })
    .where(eq(sprints.id, row.id))
    .returning();
  if (!completed) throw notFound('Sprint');
  const moved = await tx
    .update(stories)
    .set({ sprintId: destination?.id ?? null })
    .where(and(eq(stories.sprintId, row.id), ne(stories.status, 'done')))
    .returning({ id: stories.id });
  return {
    sprint: await withScope(tx, completed),
    movedTo: destination ? await withScope(tx, destination) : null,
    moved: moved.length,
  };
}

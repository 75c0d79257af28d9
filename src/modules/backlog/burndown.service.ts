import { and, asc, desc, eq, sql } from 'drizzle-orm';
import type { Tx } from '../../core/db/database.js';
import { AppError } from '../../core/errors.js';
import { requireBacklogAccess } from './backlog-access.js';
import type { Burndown, Velocity, VelocityQuery } from './backlog.contract.js';
import { sprints, storyActivity } from './backlog.schema.js';
import { daysBetween, endOfDay, idealLine, sprintTotalsAt, type ActivityEvent } from './sprint-replay.js';
import { loadSprint, type SprintRow } from './sprints.service.js';

/** The history of every story that was ever in the sprint, in the order it happened. */
async function sprintHistory(tx: Tx, projectId: string, sprintId: string): Promise<ActivityEvent[]> {
  const mentions = sql`SELECT a.story_id FROM app.story_activity a WHERE a.project_id = ${projectId} AND (
      (a.field = 'sprint_id' AND (a.from_value #>> '{}' = ${sprintId} OR a.to_value #>> '{}' = ${sprintId}))
      OR (a.field = 'created' AND a.to_value ->> 'sprint_id' = ${sprintId})
      OR (a.field = 'deleted' AND a.from_value ->> 'sprint_id' = ${sprintId}))`;
  const rows = await tx
    .select({ storyId: storyActivity.storyId, field: storyActivity.field, from: storyActivity.fromValue, to: storyActivity.toValue, at: storyActivity.createdAt })
    .from(storyActivity)
    .where(and(eq(storyActivity.projectId, projectId), sql`${storyActivity.storyId} IN (${mentions})`))
    .orderBy(asc(storyActivity.createdAt), asc(storyActivity.id));
  return rows;
}

/**
 * GET /sprints/{id}/burndown: per UTC day of the sprint, the sprint's totals at the end of that day, replayed from the
 * stories' history. A completed sprint stops just before its completion (whose moves of unfinished stories are not
 * burn); days still to come have no totals.
 */
export async function sprintBurndown(tx: Tx, userId: string, projectId: string, sprintId: string, now = new Date()): Promise<Burndown> {
  const project = await requireBacklogAccess(tx, userId, projectId, 'read');
  const sprint = await loadSprint(tx, project.id, sprintId);
  if (!sprint.startedAt || !sprint.startDate || !sprint.endDate) {
    throw new AppError('CONFLICT', `The sprint "${sprint.name}" has not started; its burndown begins when it starts`);
  }
  const events = await sprintHistory(tx, project.id, sprint.id);
  const [atStart] = sprintTotalsAt(events, sprint.id, [sprint.startedAt], true);
  const days = daysBetween(sprint.startDate, sprint.endDate);
  const stop = sprint.completedAt ?? now;
  const past = days.filter((day) => new Date(`${day}T00:00:00Z`) <= stop);
  const totals = sprintTotalsAt(events, sprint.id, past.map((day) => (endOfDay(day) < stop ? endOfDay(day) : stop)));
  // Days after an early completion keep the totals it ended with.
  const last = totals.at(-1);
  const ideal = idealLine(atStart!.scopePoints, days.length);
  return {
    sprintId: sprint.id,
    startScope: atStart!.scopePoints,
    startDate: sprint.startDate,
    endDate: sprint.endDate,
    days: days.map((date, index) => {
      const day = totals[index] ?? (sprint.completedAt ? last : undefined);
      return {
        date,
        remainingPoints: day?.remainingPoints ?? null,
        remainingCount: day?.remainingCount ?? null,
        scopePoints: day?.scopePoints ?? null,
        idealPoints: ideal[index]!,
      };
    }),
  };
}

/** Committed (the scope when it started) and completed (points done when it completed), both replayed from history. */
async function sprintVelocity(tx: Tx, sprint: SprintRow): Promise<Velocity['sprints'][number]> {
  const events = await sprintHistory(tx, sprint.projectId, sprint.id);
  const [atStart] = sprintTotalsAt(events, sprint.id, [sprint.startedAt!], true);
  const [atEnd] = sprintTotalsAt(events, sprint.id, [sprint.completedAt!]);
  return { sprintId: sprint.id, name: sprint.name, committed: atStart!.scopePoints, completed: atEnd!.donePoints, completedAt: sprint.completedAt!.toISOString() };
}

/** GET /velocity?last=N: the last N completed sprints oldest first, and the average of their completed points. */
export async function projectVelocity(tx: Tx, userId: string, projectId: string, query: VelocityQuery): Promise<Velocity> {
  const project = await requireBacklogAccess(tx, userId, projectId, 'read');
  const completed = await tx
    .select()
    .from(sprints)
    .where(and(eq(sprints.projectId, project.id), eq(sprints.status, 'completed')))
    .orderBy(desc(sprints.completedAt), desc(sprints.id))
    .limit(query.last);
  const rows: Velocity['sprints'] = [];
  for (const sprint of completed.reverse()) rows.push(await sprintVelocity(tx, sprint));
  const average = rows.length === 0 ? 0 : Math.round((rows.reduce((sum, row) => sum + row.completed, 0) / rows.length) * 100) / 100;
  return { sprints: rows, average };
}

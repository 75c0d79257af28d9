import { asc, eq } from 'drizzle-orm';
import type { Tx } from '../../../core/db/database.js';
import { organizationMembers, users } from '../../../core/db/platform.schema.js';
import { AppError } from '../../../core/errors.js';
import type { UserActor } from '../../organizations/index.js';
import type { ProjectRow } from '../../projects/index.js';
import { requireBacklogAccess } from '../backlog-access.js';
import type { ImportReport } from '../backlog.contract.js';
import { epics, sprints, stories } from '../backlog.schema.js';
import { createEpic } from '../epics.service.js';
import { createSprint } from '../sprints.service.js';
import { createStory, storyKey } from '../stories.service.js';
import { looksLikeEmail } from './csv-values.js';
import { formatStoriesCsv, parseStoriesCsv, type CsvStory, type Refusal } from './stories-csv.js';

/** Names compare as people type them: case and surrounding spaces aside. */
const nameKey = (name: string) => name.trim().toLowerCase();

/** GET …/stories.csv: every story of the project in backlog order, with epic and sprint names and assignee emails. */
export async function exportStoriesCsv(tx: Tx, userId: string, projectId: string): Promise<{ fileName: string; csv: string }> {
  const project = await requireBacklogAccess(tx, userId, projectId, 'read');
  const rows = await tx
    .select({ story: stories, epic: epics.title, sprint: sprints.name, assigneeEmail: users.email })
    .from(stories)
    .leftJoin(epics, eq(epics.id, stories.epicId))
    .leftJoin(sprints, eq(sprints.id, stories.sprintId))
    .leftJoin(users, eq(users.id, stories.assigneeId))
    .where(eq(stories.projectId, project.id))
    .orderBy(asc(stories.rank), asc(stories.id));
  const csv = formatStoriesCsv(
    rows.map(({ story, epic, sprint, assigneeEmail }) => ({
      key: storyKey(project.key, story.number),
      title: story.title,
      description: story.description,
      acceptanceCriteria: story.acceptanceCriteria,
      status: story.status,
      priority: story.priority,
      storyPoints: story.storyPoints,
      epic,
      sprint,
      assigneeEmail,
      createdAt: story.createdAt.toISOString(),
      updatedAt: story.updatedAt.toISOString(),
    })),
  );
  return { fileName: `${project.key.toLowerCase()}-stories.csv`, csv };
}

type Named = { id: string; completed: boolean };

/** The project's epics and sprints by name, and its organization's members by email and by name. */
async function lookups(tx: Tx, project: ProjectRow) {
  const epicRows = await tx.select({ id: epics.id, title: epics.title }).from(epics).where(eq(epics.projectId, project.id)).orderBy(asc(epics.rank));
  const sprintRows = await tx
    .select({ id: sprints.id, name: sprints.name, status: sprints.status })
    .from(sprints)
    .where(eq(sprints.projectId, project.id))
    .orderBy(asc(sprints.createdAt), asc(sprints.id));
  const memberRows = await tx
    .select({ id: users.id, email: users.email, name: users.name })
    .from(organizationMembers)
    .innerJoin(users, eq(users.id, organizationMembers.userId))
    .where(eq(organizationMembers.organizationId, project.organizationId));
  const epicsByName = new Map<string, Named>();
  for (const epic of epicRows) if (!epicsByName.has(nameKey(epic.title))) epicsByName.set(nameKey(epic.title), { id: epic.id, completed: false });
  // Of sprints sharing a name, the one not completed wins: that is where new work can go.
  const sprintsByName = new Map<string, Named>();
  for (const sprint of sprintRows) {
    const known = sprintsByName.get(nameKey(sprint.name));
    if (!known || known.completed) sprintsByName.set(nameKey(sprint.name), { id: sprint.id, completed: sprint.status === 'completed' });
  }
  const membersByEmail = new Map(memberRows.map((member) => [nameKey(member.email), member.id]));
  const namesTaken = new Map<string, string | null>();
  for (const member of memberRows) namesTaken.set(nameKey(member.name), namesTaken.has(nameKey(member.name)) ? null : member.id);
  return { epicsByName, sprintsByName, membersByEmail, membersByName: namesTaken };
}

/**
 * POST …/stories/import: reads a Jira, Linear or Atelier CSV and creates its stories at the bottom of the backlog
 * through the stories service, one savepoint per row, so a refused row writes nothing (not even the epic or sprint it
 * named) and the valid rows land. Epics and sprints are found by name and created when missing. An assignee must be a
 * member of the project's organization, named by email or by an unambiguous name; otherwise the row is refused rather
 * than imported unassigned, so nothing is dropped without the report saying so.
 */
export async function importStoriesCsv(tx: Tx, actor: UserActor, projectId: string, text: string): Promise<ImportReport> {
  const project = await requireBacklogAccess(tx, actor.userId, projectId, 'write');
  const parsed = parseStoriesCsv(text);
  const known = await lookups(tx, project);
  const refused: Refusal[] = [...parsed.refused];
  const report = { imported: 0, createdEpics: 0, createdSprints: 0 };

  for (const epic of parsed.epics) {
    if (known.epicsByName.has(nameKey(epic.title))) continue;
    const created = await createEpic(tx, actor, project.id, { title: epic.title, description: epic.description });
    known.epicsByName.set(nameKey(epic.title), { id: created.id, completed: false });
    report.createdEpics += 1;
  }

  for (const row of parsed.stories) {
    const assignee = resolveAssignee(row, known);
    if ('reason' in assignee) {
      refused.push({ row: row.row, reason: assignee.reason });
      continue;
    }
    const sprint = row.sprint ? known.sprintsByName.get(nameKey(row.sprint)) : undefined;
    if (sprint?.completed) {
      refused.push({ row: row.row, reason: `Sprint "${row.sprint}" is completed; stories cannot be added to it` });
      continue;
    }
    try {
      const made = await tx.transaction(async (sp) => {
        const made = { epic: undefined as Named | undefined, sprint: undefined as Named | undefined };
        let epicId = row.epic ? known.epicsByName.get(nameKey(row.epic))?.id : undefined;
        if (row.epic && !epicId) {
          made.epic = { id: (await createEpic(sp, actor, project.id, { title: row.epic })).id, completed: false };
          epicId = made.epic.id;
        }
        let sprintId = sprint?.id;
        if (row.sprint && !sprintId) {
          made.sprint = { id: (await createSprint(sp, actor, project.id, { name: row.sprint })).id, completed: false };
          sprintId = made.sprint.id;
        }
        await createStory(
          sp,
          actor,
          project.id,
          {
            title: row.title,
            description: row.description,
            acceptanceCriteria: row.acceptanceCriteria,
            status: row.status,
            priority: row.priority,
            storyPoints: row.storyPoints,
            assigneeId: assignee.value,
            epicId: epicId ?? null,
            sprintId: sprintId ?? null,
          },
          { project },
        );
        return made;
      });
      // Only now, with the row's savepoint released, do its new epic and sprint exist for the rows that follow.
      if (made.epic && row.epic) {
        known.epicsByName.set(nameKey(row.epic), made.epic);
        report.createdEpics += 1;
      }
      if (made.sprint && row.sprint) {
        known.sprintsByName.set(nameKey(row.sprint), made.sprint);
        report.createdSprints += 1;
      }
      report.imported += 1;
    } catch (error) {
      if (!(error instanceof AppError) || error.status >= 500) throw error;
      refused.push({ row: row.row, reason: error.message });
    }
  }
  return { ...report, refused: refused.sort((a, b) => a.row - b.row) };
}

function resolveAssignee(row: CsvStory, known: Awaited<ReturnType<typeof lookups>>): { value: string | null } | { reason: string } {
  if (!row.assignee) return { value: null };
  const key = nameKey(row.assignee);
  const id = looksLikeEmail(row.assignee) ? known.membersByEmail.get(key) : known.membersByName.get(key);
  if (id) return { value: id };
  if (!looksLikeEmail(row.assignee) && known.membersByName.get(key) === null) {
    return { reason: `Assignee "${row.assignee}" names more than one member; use their email` };
  }
  return { reason: `Assignee "${row.assignee}" is not a member of this project’s organization` };
}

import type { SessionStatus as BoardSessionStatus } from '../../shared/board-kinds';
import type { ExecutionStatus, MockJobStatus } from '../../shared/dbassist-kinds';
import type { DocumentStatus } from '../../shared/document-kinds';
import type { JobStatus } from '../../shared/job-statuses';
import type { ProjectStatus } from '../../shared/project-statuses';
import type { SprintStatus, StoryStatus } from '../../modules/backlog/backlog.contract';

/** The colour a status is drawn in; the same tone means the same kind of state everywhere. */
export type StatusTone = 'neutral' | 'info' | 'progress' | 'success' | 'warning' | 'danger' | 'accent';

export type StatusLook = { label: string; tone: StatusTone };

/**
 * The one vocabulary of statuses: every status value the app shows, with its label and tone, so the same state is
 * not "Ready" in one place and "Active" in another. The API values stay as they are; only what people read is here.
 */
const vocabulary = {
  project: {
    planning: { label: 'Planning', tone: 'info' },
    active: { label: 'Active', tone: 'success' },
    on_hold: { label: 'On hold', tone: 'warning' },
    completed: { label: 'Completed', tone: 'accent' },
    processing: { label: 'Setting up', tone: 'progress' },
    // An idea's project is "ready" once its documents are written: from then on it is worked on like any active one.
    ready: { label: 'Active', tone: 'success' },
    archived: { label: 'Archived', tone: 'neutral' },
    deleted: { label: 'In trash', tone: 'danger' },
  } satisfies Record<ProjectStatus, StatusLook>,
  document: {
    draft: { label: 'Draft', tone: 'neutral' },
    generated: { label: 'Generated', tone: 'info' },
    published: { label: 'Published', tone: 'success' },
    archived: { label: 'Archived', tone: 'neutral' },
  } satisfies Record<DocumentStatus, StatusLook>,
  /** Background jobs, and the AI calls they make (whose statuses are the finished ones). */
  job: {
    queued: { label: 'Queued', tone: 'neutral' },
    running: { label: 'Running', tone: 'progress' },
    succeeded: { label: 'Succeeded', tone: 'success' },
    failed: { label: 'Failed', tone: 'danger' },
    cancelled: { label: 'Cancelled', tone: 'neutral' },
  } satisfies Record<JobStatus, StatusLook>,
  /** Stories and epics of the backlog: the board's columns. */
  story: {
    todo: { label: 'To do', tone: 'neutral' },
    in_progress: { label: 'In progress', tone: 'progress' },
    done: { label: 'Done', tone: 'success' },
  } satisfies Record<StoryStatus, StatusLook>,
  sprint: {
    planning: { label: 'Planned', tone: 'info' },
    active: { label: 'Active', tone: 'progress' },
    completed: { label: 'Completed', tone: 'accent' },
  } satisfies Record<SprintStatus, StatusLook>,
  /** Deliberations of the board. */
  boardSession: {
    active: { label: 'Running', tone: 'progress' },
    paused: { label: 'Paused', tone: 'warning' },
    completed: { label: 'Completed', tone: 'success' },
    failed: { label: 'Failed', tone: 'danger' },
    killed: { label: 'Killed', tone: 'danger' },
  } satisfies Record<BoardSessionStatus, StatusLook>,
  /** Runs of a SQL statement. */
  execution: {
    running: { label: 'Running', tone: 'progress' },
    success: { label: 'Succeeded', tone: 'success' },
    failed: { label: 'Failed', tone: 'danger' },
    cancelled: { label: 'Cancelled', tone: 'neutral' },
  } satisfies Record<ExecutionStatus, StatusLook>,
  /** Mock-data jobs of the database assistant. */
  mockJob: {
    pending: { label: 'Queued', tone: 'neutral' },
    running: { label: 'Running', tone: 'progress' },
    completed: { label: 'Completed', tone: 'success' },
    failed: { label: 'Failed', tone: 'danger' },
  } satisfies Record<MockJobStatus, StatusLook>,
};

export type StatusKind = keyof typeof vocabulary;
export type StatusValue<Kind extends StatusKind> = keyof (typeof vocabulary)[Kind];

/** How a status reads; a value this vocabulary does not know (a newer server's) reads as itself. */
export function statusLook<Kind extends StatusKind>(kind: Kind, status: StatusValue<Kind> | (string & {})): StatusLook {
  const known = (vocabulary[kind] as Record<string, StatusLook>)[status as string];
  return known ?? { label: String(status).replace(/_/g, ' '), tone: 'neutral' };
}

export function statusLabel<Kind extends StatusKind>(kind: Kind, status: StatusValue<Kind> | (string & {})): string {
  return statusLook(kind, status).label;
}

/** The labels of a list of statuses, for filters and pickers. */
export function statusLabels<Kind extends StatusKind>(kind: Kind): Record<StatusValue<Kind> & string, string> {
  return Object.fromEntries(Object.entries(vocabulary[kind]).map(([value, look]) => [value, (look).label])) as Record<
    StatusValue<Kind> & string,
    string
  >;
}

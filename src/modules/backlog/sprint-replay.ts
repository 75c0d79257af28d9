/**
 * Rebuilds what a sprint held at a moment from story_activity alone: burndown and velocity are read from history,
 * so they never depend on a story's current state (a story moved or deleted since still counts where it was).
 */

export type ActivityEvent = {
  storyId: string;
  field: string;
  from: unknown;
  to: unknown;
  at: Date;
};

type StoryState = { sprintId: string | null; points: number; done: boolean };

export type SprintTotals = {
  /** Points of the sprint's stories (the scope line). */
  scopePoints: number;
  /** Points of the sprint's stories not done. */
  remainingPoints: number;
  remainingCount: number;
  /** Points of the sprint's stories done. */
  donePoints: number;
};

const asPoints = (value: unknown): number => (typeof value === 'number' ? value : 0);
const asId = (value: unknown): string | null => (typeof value === 'string' ? value : null);

function applyEvent(states: Map<string, StoryState>, event: ActivityEvent): void {
  if (event.field === 'created') {
    const fields = (event.to ?? {}) as Record<string, unknown>;
    states.set(event.storyId, { sprintId: asId(fields.sprint_id), points: asPoints(fields.story_points), done: fields.status === 'done' });
    return;
  }
  if (event.field === 'deleted') {
    states.delete(event.storyId);
    return;
  }
  const state = states.get(event.storyId);
  if (!state) return;
  if (event.field === 'sprint_id') state.sprintId = asId(event.to);
  else if (event.field === 'story_points') state.points = asPoints(event.to);
  else if (event.field === 'status') state.done = event.to === 'done';
}

/**
 * Replays events (in the order they happened) and reports the sprint's totals after each cutoff: totals[i] counts
 * the events that happened before cutoffs[i] (strictly, or up to and including it when `inclusive`). Cutoffs must
 * be ascending.
 */
export function sprintTotalsAt(events: readonly ActivityEvent[], sprintId: string, cutoffs: readonly Date[], inclusive = false): SprintTotals[] {
  const states = new Map<string, StoryState>();
  const totals: SprintTotals[] = [];
  let next = 0;
  for (const cutoff of cutoffs) {
    while (next < events.length && (inclusive ? events[next]!.at <= cutoff : events[next]!.at < cutoff)) {
      applyEvent(states, events[next]!);
      next += 1;
    }
    const inSprint = [...states.values()].filter((state) => state.sprintId === sprintId);
    const open = inSprint.filter((state) => !state.done);
    const sum = (list: StoryState[]) => list.reduce((total, state) => total + state.points, 0);
    totals.push({ scopePoints: sum(inSprint), remainingPoints: sum(open), remainingCount: open.length, donePoints: sum(inSprint) - sum(open) });
  }
  return totals;
}

/** The UTC calendar days from `start` to `end` (YYYY-MM-DD, both included). */
export function daysBetween(start: string, end: string): string[] {
  const days: string[] = [];
  for (let day = new Date(`${start}T00:00:00Z`); day <= new Date(`${end}T00:00:00Z`); day = new Date(day.getTime() + 86_400_000)) {
    days.push(day.toISOString().slice(0, 10));
  }
  return days;
}

/** The moment a UTC day ends (the next day's midnight). */
export function endOfDay(day: string): Date {
  return new Date(new Date(`${day}T00:00:00Z`).getTime() + 86_400_000);
}

/** The straight line from the starting scope to zero over the sprint's days, to two decimals. */
export function idealLine(startScope: number, days: number): number[] {
  if (days <= 1) return Array.from({ length: days }, () => 0);
  return Array.from({ length: days }, (_, i) => Math.round(startScope * (1 - i / (days - 1)) * 100) / 100);
}

import { storyStatuses, type StoryStatus } from './backlog-labels';
import type { Story } from './client';

/** The board's columns as lists of story ids, in rank order, and the pure moves on them. */
export type Columns = Record<StoryStatus, string[]>;

/** Ranks are fractional-index keys compared byte by byte (COLLATE "C"): plain string order, not the locale's. */
export function byRank(a: Story, b: Story): number {
  return a.rank < b.rank ? -1 : a.rank > b.rank ? 1 : 0;
}

export function columnsOf(stories: Story[]): Columns {
  const columns: Columns = { todo: [], in_progress: [], done: [] };
  for (const story of [...stories].sort(byRank)) columns[story.status].push(story.id);
  return columns;
}

export function columnOf(columns: Columns, id: string): StoryStatus | undefined {
  return storyStatuses.find((status) => columns[status].includes(id));
}

/** `id` taken out of its column and put into `to` at `index` (the end when index is past it). */
export function placed(columns: Columns, id: string, to: StoryStatus, index: number): Columns {
  const next: Columns = { todo: columns.todo.filter((x) => x !== id), in_progress: columns.in_progress.filter((x) => x !== id), done: columns.done.filter((x) => x !== id) };
  const target = next[to];
  target.splice(Math.max(0, Math.min(index, target.length)), 0, id);
  return next;
}

/** Where a story sits, as the move endpoint takes it: its column and its neighbours. */
export function neighbours(columns: Columns, id: string): { status: StoryStatus; afterId: string | null; beforeId: string | null } | undefined {
  const status = columnOf(columns, id);
  if (!status) return undefined;
  const column = columns[status];
  const index = column.indexOf(id);
  return { status, afterId: column[index - 1] ?? null, beforeId: column[index + 1] ?? null };
}

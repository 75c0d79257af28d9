import { storyPriorities, storyStatuses, type StoryPriority, type StoryStatus } from '../../../shared/backlog-kinds';
import { statusLabels } from '../../lib/statuses';

/** How the backlog's values read; the API values stay as they are. */

export { storyPriorities, storyStatuses, type StoryPriority, type StoryStatus };

export const storyStatusLabels = statusLabels('story');

export const priorityLabels: Record<StoryPriority, string> = { high: 'High', medium: 'Medium', low: 'Low' };

/** Higher first when sorting by priority. */
export const priorityWeight: Record<StoryPriority, number> = { high: 3, medium: 2, low: 1 };

export const relationLabels = {
  blocks: { outward: 'Blocks', inward: 'Blocked by' },
  relates_to: { outward: 'Relates to', inward: 'Relates to' },
  duplicates: { outward: 'Duplicates', inward: 'Duplicated by' },
} as const;

/** The usual story point scale, offered first in pickers. */
export const pointScale = [0, 1, 2, 3, 5, 8, 13, 21] as const;

export function pointsLabel(points: number | null): string {
  return points === null ? '–' : String(points);
}

/** "3 pts", "1 pt". */
export function pointsText(points: number): string {
  return `${points} ${points === 1 ? 'pt' : 'pts'}`;
}

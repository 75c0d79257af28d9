/**
 * The backlog's statuses, priorities and relation kinds, as plain lists that the server (database checks, contracts)
 * and the web page (pickers, labels) both import. Seed 004's values only (docs/decisions/013-backlog.md).
 */
export const storyStatuses = ['todo', 'in_progress', 'done'] as const;
export type StoryStatus = (typeof storyStatuses)[number];
export const storyPriorities = ['high', 'medium', 'low'] as const;
export type StoryPriority = (typeof storyPriorities)[number];
export const sprintStatuses = ['planning', 'active', 'completed'] as const;
export type SprintStatus = (typeof sprintStatuses)[number];
export const storyRelationKinds = ['blocks', 'relates_to', 'duplicates'] as const;
export type StoryRelationKind = (typeof storyRelationKinds)[number];

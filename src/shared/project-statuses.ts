/** The statuses of a project. Shared by the database schema, the contracts and the web page. */
export const projectStatuses = ['planning', 'active', 'on_hold', 'completed', 'processing', 'ready', 'archived', 'deleted'] as const;
export type ProjectStatus = (typeof projectStatuses)[number];

export type WritableProjectStatus = Exclude<ProjectStatus, 'deleted'>;

/** `deleted` is reached through DELETE /projects/{id} only, never written directly. */
export const writableProjectStatuses = projectStatuses.filter((status): status is WritableProjectStatus => status !== 'deleted') as [
  WritableProjectStatus,
  ...WritableProjectStatus[],
];

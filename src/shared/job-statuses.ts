/** The statuses of a background job. Shared by the database schema, the contracts and the web page. */
export const jobStatuses = ['queued', 'running', 'succeeded', 'failed', 'cancelled'] as const;
export type JobStatus = (typeof jobStatuses)[number];

/** A job in one of these statuses will not change any more. */
export const finishedJobStatuses = ['succeeded', 'failed', 'cancelled'] as const satisfies readonly JobStatus[];

import type { JobStatus } from '../../../shared/job-statuses';

/** How a job's status reads in the page. */
export const jobStatusLabels: Record<JobStatus, string> = {
  queued: 'Queued',
  running: 'Running',
  succeeded: 'Done',
  failed: 'Failed',
  cancelled: 'Cancelled',
};

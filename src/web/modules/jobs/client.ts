import { API_BASE, apiRequest, enc } from '../../api/http';
import type { ListQueryOf, ResponseOf } from '../../api/contract-types';
import type { jobPageSchema, jobSchema, listJobsQuery } from '../../../modules/jobs/jobs.contract';
import { finishedJobStatuses, type JobStatus } from '../../../shared/job-statuses';

/** The jobs API: background jobs, their cancellation and their event stream. */

export type Job = ResponseOf<typeof jobSchema>;
export { finishedJobStatuses, type JobStatus };

export const jobsApi = {
  get: (id: string, signal?: AbortSignal) => apiRequest<Job>('GET', `/jobs/${enc(id)}`, { signal }),
  list: (query: ListQueryOf<typeof listJobsQuery>, signal?: AbortSignal) =>
    apiRequest<ResponseOf<typeof jobPageSchema>>('GET', '/jobs', { query, signal }),
  cancel: (id: string) => apiRequest<Job>('POST', `/jobs/${enc(id)}/cancel`, { body: {} }),
  /** The Server-Sent Events stream of a job: `progress` events, then `end`, then the server closes it. */
  eventsUrl: (id: string) => `${API_BASE}/jobs/${enc(id)}/events`,
};

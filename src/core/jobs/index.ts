export { defineJobHandler, JobFailure, type JobContext, type JobHandler, type JobOutcome } from './job-handler.js';
export {
  cancelledError,
  enqueueJob,
  getJob,
  isTerminal,
  listJobs,
  notifyJobsEnqueued,
  onJobEnqueued,
  registerJobTypes,
  requestCancel,
  terminalJobStatuses,
  type EnqueueJobInput,
  type JobRow,
  type ListJobsQuery,
} from './job-queue.js';
export { createJobRunner, JOBS_CHANNEL, type JobRunner, type JobRunnerLog, type JobRunnerOptions } from './job-runner.js';
export { jobs, jobStatuses, type JobError, type JobStatus } from './jobs.schema.js';

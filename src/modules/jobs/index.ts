export { jobSchema, jobStatusSchema, type Job } from './jobs.contract.js';
export { toJob } from './jobs.service.js';

import type { AppModule } from '../../core/module.js';
import { jobsRoutes } from './jobs.routes.js';

export { jobAcceptedSchema, jobSchema, jobStatusSchema, type Job } from './jobs.contract.js';
export { toJob } from './jobs.service.js';

/** Following and cancelling background jobs (the queue and runner themselves are core/jobs). */
export const jobsModule: AppModule = { name: 'jobs', routes: jobsRoutes };

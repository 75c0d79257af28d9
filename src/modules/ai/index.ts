import type { AppModule } from '../../core/module.js';
import { aiRoutes } from './ai.routes.js';
import { taskBatchJob } from './task-batch.job.js';

export { TASK_BATCH_JOB } from './task-batch.job.js';
export { resolveAiScope, type AiScope } from './ai-scope.js';

/**
 * AI settings, usage and credits, and running any registered task (GET /ai/tasks, run, stream, batch job). It owns no
 * task: the other modules register theirs.
 */
export const aiModule: AppModule = {
  name: 'ai',
  routes: aiRoutes,
  jobs: (context) => [taskBatchJob(context)],
};

export { taskBatchJob, TASK_BATCH_JOB } from './task-batch.job.js';
export { resolveAiScope, type AiScope } from './ai-scope.js';

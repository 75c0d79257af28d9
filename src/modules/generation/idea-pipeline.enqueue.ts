import type { Tx } from '../../core/db/database.js';
import { enqueueJob, type JobRow } from '../../core/jobs/index.js';

/** The idea pipeline's job type (BusinessCopilot): questions first, then the five documents as project version 1. */
export const IDEA_PIPELINE_JOB = 'projects.idea-pipeline';

/**
 * Queues a stage of the idea pipeline in the caller's transaction, as the acting user (editors and up). Kept free of
 * the documents and AI modules so the projects module can call it when a project is created with an idea.
 */
export function enqueueIdeaPipeline(
  tx: Tx,
  job: { organizationId: string; projectId: string; userId: string },
  stage: 'questions' | 'documents',
): Promise<JobRow> {
  return enqueueJob(tx, {
    organizationId: job.organizationId,
    projectId: job.projectId,
    createdBy: job.userId,
    type: IDEA_PIPELINE_JOB,
    payload: { stage },
  });
}

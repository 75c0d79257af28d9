import type { Tx } from '../../core/db/database.js';
import { enqueueJob, type JobRow } from '../../core/jobs/index.js';

/**
 * The idea pipeline's job type (BusinessCopilot): questions first, then the five documents as project version 1.
 * The generation module runs it; the name and the way to queue it live here, with the projects that start it, so
 * creating a project from an idea needs nothing of the generation module (which builds on projects).
 */
export const IDEA_PIPELINE_JOB = 'projects.idea-pipeline';

export type IdeaPipelineStage = 'questions' | 'documents';

/** Queues a stage of the idea pipeline in the caller's transaction, as the acting user (editors and up). */
export function enqueueIdeaPipeline(
  tx: Tx,
  job: { organizationId: string; projectId: string; userId: string },
  stage: IdeaPipelineStage,
): Promise<JobRow> {
  return enqueueJob(tx, {
    organizationId: job.organizationId,
    projectId: job.projectId,
    createdBy: job.userId,
    type: IDEA_PIPELINE_JOB,
    payload: { stage },
  });
}

import type { AppContext } from '../../app.js';
import type { JobHandler } from '../../core/jobs/index.js';
import { generateDocumentJob } from './generate.job.js';
import { ideaPipelineJob } from './idea-pipeline.job.js';

export { generationRoutes } from './generation.routes.js';
export { documentKinds, generatableTypes, pipelineTypes, type DocumentKind, type GeneratableType } from './document-kinds.js';
export { GENERATE_JOB, type Citation } from './generation.service.js';
export { enqueueIdeaPipeline, IDEA_PIPELINE_JOB } from './idea-pipeline.enqueue.js';
export type { Clarification, Clarifications } from './generation.contract.js';

/** The generation module's background jobs: one document, and the idea pipeline's two stages. */
export function generationJobHandlers(context: AppContext): JobHandler[] {
  return [generateDocumentJob(context), ideaPipelineJob(context)];
}

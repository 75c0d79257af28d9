import {
  clarifyingQuestionsTask,
  documentMarketingTask,
  documentOverviewTask,
  documentPrdTask,
  documentSrsTask,
  documentTasksTask,
  documentTechTask,
  extractInsightsTask,
  projectBriefTask,
} from '../../core/ai/tasks/index.js';
import type { AppModule } from '../../core/module.js';
import { generateDocumentJob } from './generate.job.js';
import { generationRoutes } from './generation.routes.js';
import { ideaPipelineJob } from './idea-pipeline.job.js';

export { documentKinds, generatableTypes, pipelineTypes, type DocumentKind, type GeneratableType } from './document-kinds.js';
export { GENERATE_JOB, type Citation } from './generation.service.js';
export type { Clarification, Clarifications } from './generation.contract.js';

/**
 * Writing documents with AI: one document on request, and the idea pipeline (clarifying questions, then the five
 * documents of a new project).
 */
export const generationModule: AppModule = {
  name: 'generation',
  routes: generationRoutes,
  jobs: (context) => [generateDocumentJob(context), ideaPipelineJob(context)],
  aiTasks: [
    extractInsightsTask,
    projectBriefTask,
    clarifyingQuestionsTask,
    documentSrsTask,
    documentPrdTask,
    documentOverviewTask,
    documentMarketingTask,
    documentTechTask,
    documentTasksTask,
  ],
};

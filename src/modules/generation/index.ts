import type { AiTask } from '../../core/ai/index.js';
import type { AppModule } from '../../core/module.js';
import { clarifyingQuestionsTask } from './ai/clarifying-questions/index.js';
import { documentMarketingTask } from './ai/document-marketing/index.js';
import { documentOverviewTask } from './ai/document-overview/index.js';
import { documentPrdTask } from './ai/document-prd/index.js';
import { documentSrsTask } from './ai/document-srs/index.js';
import { documentTasksTask } from './ai/document-tasks/index.js';
import { documentTechTask } from './ai/document-tech/index.js';
import { extractInsightsTask } from './ai/extract-insights/index.js';
import { projectBriefTask } from './ai/project-brief/index.js';
import { generateDocumentJob } from './generate.job.js';
import { generationRoutes } from './generation.routes.js';
import { ideaPipelineJob } from './idea-pipeline.job.js';

export { documentKinds, generatableTypes, pipelineTypes, type DocumentKind, type GeneratableType } from './document-kinds.js';
export { answersOf, GENERATE_JOB, type Citation } from './generation.service.js';
export type { Clarification, Clarifications } from './generation.contract.js';
export { clarifyingQuestionsTask, type ClarifyingQuestions, type ClarifyingQuestionsInput } from './ai/clarifying-questions/index.js';
export { extractInsightsTask, type ExtractInsights, type ExtractInsightsInput } from './ai/extract-insights/index.js';
export { projectBriefTask, type ProjectBrief, type ProjectBriefInput } from './ai/project-brief/index.js';

/** The AI tasks that read an idea: its insights, a project brief and clarifying questions. */
export const ideaAiTasks: readonly AiTask[] = [extractInsightsTask, projectBriefTask, clarifyingQuestionsTask];

/** The document tasks, which share one input (project name, idea, answers, source sections, instructions). */
export const documentAiTasks: readonly AiTask[] = [documentSrsTask, documentPrdTask, documentOverviewTask, documentMarketingTask, documentTechTask, documentTasksTask];

/**
 * Writing documents with AI: one document on request, and the idea pipeline (clarifying questions, then the five
 * documents of a new project).
 */
export const generationModule: AppModule = {
  name: 'generation',
  routes: generationRoutes,
  jobs: (context) => [generateDocumentJob(context), ideaPipelineJob(context)],
  aiTasks: [...ideaAiTasks, ...documentAiTasks],
};

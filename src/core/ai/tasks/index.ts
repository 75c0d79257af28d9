import type { AiTask } from '../task.js';
import { answerQuestionTask } from '../../../modules/chat/ai/answer-question/index.js';
import { clarifyingQuestionsTask } from './clarifying-questions.task.js';
import { documentMarketingTask } from './document-marketing.task.js';
import { documentOverviewTask } from './document-overview.task.js';
import { documentPrdTask } from './document-prd.task.js';
import { documentSrsTask } from './document-srs.task.js';
import { documentTasksTask } from './document-tasks.task.js';
import { documentTechTask } from './document-tech.task.js';
import { extractInsightsTask } from './extract-insights.task.js';
import { generateDiagramTask } from '../../../modules/diagrams/ai/generate-diagram/index.js';
import { generateWireframeTask } from '../../../modules/wireframes/ai/generate-wireframe/index.js';
import { projectBriefTask } from './project-brief.task.js';

export { answerQuestionTask } from '../../../modules/chat/ai/answer-question/index.js';
export type { AnswerQuestionInput } from '../../../modules/chat/ai/answer-question/index.js';
export { clarifyingQuestionsTask } from './clarifying-questions.task.js';
export type { ClarifyingQuestions, ClarifyingQuestionsInput } from './clarifying-questions.task.js';
export { documentMarketingTask, renderMarketing, type DocumentMarketing } from './document-marketing.task.js';
export { documentOverviewTask, renderOverview, type DocumentOverview } from './document-overview.task.js';
export { documentPrdTask, renderPrd, type DocumentPrd } from './document-prd.task.js';
export { documentSrsTask, renderSrs, type DocumentSrs } from './document-srs.task.js';
export { documentTasksTask, renderTasks, type DocumentTasks } from './document-tasks.task.js';
export { documentTechTask, renderTech, type DocumentTech } from './document-tech.task.js';
export { documentTaskInput, type DocumentTaskInput, type RenderOptions } from '../builtin/document-writer.js';
export { extractInsightsTask } from './extract-insights.task.js';
export type { ExtractInsights, ExtractInsightsInput } from './extract-insights.task.js';
export { generateDiagramTask } from '../../../modules/diagrams/ai/generate-diagram/index.js';
export { generateWireframeTask } from '../../../modules/wireframes/ai/generate-wireframe/index.js';
export { projectBriefTask } from './project-brief.task.js';
export type { ProjectBrief, ProjectBriefInput } from './project-brief.task.js';

/** Every AI task this server runs. */
export const aiTasks: readonly AiTask[] = [
  extractInsightsTask,
  projectBriefTask,
  clarifyingQuestionsTask,
  answerQuestionTask,
  documentSrsTask,
  documentPrdTask,
  documentOverviewTask,
  documentMarketingTask,
  documentTechTask,
  documentTasksTask,
  generateDiagramTask,
  generateWireframeTask,
];

/** The document tasks, which share one input (project name, idea, answers, source sections, instructions). */
export const documentTasks: readonly AiTask[] = [documentSrsTask, documentPrdTask, documentOverviewTask, documentMarketingTask, documentTechTask, documentTasksTask];

const byName = new Map(aiTasks.map((task) => [task.name, task]));

export function findTask(name: string): AiTask | undefined {
  return byName.get(name);
}

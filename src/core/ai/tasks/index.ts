import type { AiTask } from '../task.js';
import { answerQuestionTask } from './answer-question.task.js';
import { clarifyingQuestionsTask } from './clarifying-questions.task.js';
import { extractInsightsTask } from './extract-insights.task.js';
import { projectBriefTask } from './project-brief.task.js';

export { answerQuestionTask } from './answer-question.task.js';
export type { AnswerQuestionInput } from './answer-question.task.js';
export { clarifyingQuestionsTask } from './clarifying-questions.task.js';
export type { ClarifyingQuestions, ClarifyingQuestionsInput } from './clarifying-questions.task.js';
export { extractInsightsTask } from './extract-insights.task.js';
export type { ExtractInsights, ExtractInsightsInput } from './extract-insights.task.js';
export { projectBriefTask } from './project-brief.task.js';
export type { ProjectBrief, ProjectBriefInput } from './project-brief.task.js';

/** Every AI task this server runs. */
export const aiTasks: readonly AiTask[] = [extractInsightsTask, projectBriefTask, clarifyingQuestionsTask, answerQuestionTask];

const byName = new Map(aiTasks.map((task) => [task.name, task]));

export function findTask(name: string): AiTask | undefined {
  return byName.get(name);
}

import type { AiTask } from '../../core/ai/index.js';
import { answerQuestionTask } from './ai/answer-question/index.js';

export { chatRoutes } from './chat.routes.js';
export { answerQuestionTask, type AnswerQuestionInput } from './ai/answer-question/index.js';

/** The chat module's AI tasks. */
export const chatAiTasks: readonly AiTask[] = [answerQuestionTask];

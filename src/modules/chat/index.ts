import type { AppModule } from '../../core/module.js';
import { answerQuestionTask } from './ai/answer-question/index.js';
import { chatRoutes } from './chat.routes.js';

export { conversations } from './chat.schema.js';
export { answerQuestionTask, NOTHING_FOUND, type AnswerQuestionInput } from './ai/answer-question/index.js';
export { factsFor, type ModelFact } from './model-facts.js';
export { statementsFor, statementsOf, type Statement } from './stated-facts.js';

/** Conversations about a project, answered from its documents, diagrams and wireframes. */
export const chatModule: AppModule = { name: 'chat', routes: chatRoutes, aiTasks: [answerQuestionTask] };

import { answerQuestionTask } from '../../core/ai/tasks/index.js';
import type { AppModule } from '../../core/module.js';
import { chatRoutes } from './chat.routes.js';

/** Conversations about a project, answered from its documents, diagrams and wireframes. */
export const chatModule: AppModule = { name: 'chat', routes: chatRoutes, aiTasks: [answerQuestionTask] };
export { conversations } from './chat.schema.js';

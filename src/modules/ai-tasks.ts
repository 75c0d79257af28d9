import { createTaskRegistry, type AiTask } from '../core/ai/index.js';
import { chatAiTasks } from './chat/index.js';
import { diagramsAiTasks } from './diagrams/index.js';
import { documentAiTasks, ideaAiTasks } from './generation/index.js';
import { wireframesAiTasks } from './wireframes/index.js';

/**
 * Every AI task this server runs, gathered from the modules that own them, in the order GET /ai/tasks lists them.
 * Each module exports its own tasks from its index; this list stands in until modules register them themselves.
 */
const registry = createTaskRegistry([...ideaAiTasks, ...chatAiTasks, ...documentAiTasks, ...diagramsAiTasks, ...wireframesAiTasks]);

export const aiTasks: readonly AiTask[] = registry.tasks;

export function findTask(name: string): AiTask | undefined {
  return registry.find(name);
}

import type { AiTask } from './task.js';

/**
 * The AI tasks this server runs, as the modules registered them: what GET /ai/tasks lists and what the task routes
 * and the ai.task-batch job look a task up in by name.
 */
export type AiTaskCatalog = {
  readonly all: readonly AiTask[];
  find(name: string): AiTask | undefined;
};

/** A catalog of `tasks` in their order; two tasks with one name are a programming error. */
export function createAiTaskCatalog(tasks: readonly AiTask[]): AiTaskCatalog {
  const byName = new Map<string, AiTask>();
  for (const task of tasks) {
    if (byName.has(task.name)) throw new Error(`Two AI tasks are named "${task.name}": task names are unique`);
    byName.set(task.name, task);
  }
  return { all: [...tasks], find: (name) => byName.get(name) };
}

import type { AiTask } from './task.js';

/** The AI tasks a server runs, found by name (the name is recorded as ai_generations.generation_type). */
export type TaskRegistry = {
  readonly tasks: readonly AiTask[];
  find(name: string): AiTask | undefined;
};

/** A registry of the given tasks, in their order; a name registered twice is a programming error. */
export function createTaskRegistry(tasks: readonly AiTask[]): TaskRegistry {
  const byName = new Map<string, AiTask>();
  for (const task of tasks) {
    if (byName.has(task.name)) throw new Error(`The AI task "${task.name}" is registered twice`);
    byName.set(task.name, task);
  }
  return { tasks, find: (name) => byName.get(name) };
}

import { defineObjectTask } from '../../../../core/ai/task.js';
import { documentTaskInput, projectFacts, type DocumentTaskInput } from '../document-writer/index.js';
import { composeTasks } from './offline.js';
import { tasksPrompt } from './prompt.js';
import { documentTasksOutput, type DocumentTasks } from './schema.js';

export { renderTasks } from './render.js';
export { documentTasksOutput, type DocumentTasks } from './schema.js';

export const documentTasksTask = defineObjectTask<DocumentTaskInput, DocumentTasks>({
  name: 'document-tasks',
  description: 'A delivery plan (phases with tasks, descriptions, estimates and dependencies) from the idea',
  input: documentTaskInput,
  output: documentTasksOutput,

  buildPrompt: tasksPrompt,
  builtin: (input) => composeTasks(projectFacts(input)),
});

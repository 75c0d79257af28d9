import { defineObjectTask } from '../../../../core/ai/task.js';
import { documentTaskInput, proseFieldsOf, type DocumentTaskInput } from '../document-writer/index.js';
import { composeTasks } from './offline.js';
import { tasksPrompt } from './prompt.js';
import { documentTasksOutput, type DocumentTasks } from './schema.js';

export { renderTasks } from './render.js';
export { documentTasksOutput, type DocumentTasks } from './schema.js';

/** The delivery plan's sentences; phase and task names are labels. */
const PROSE = new Set(['summary', 'goal', 'description']);

export const documentTasksTask = defineObjectTask<DocumentTaskInput, DocumentTasks>({
  name: 'document-tasks',
  description: 'A delivery plan (phases with estimated tasks) drawn from the project model',
  input: documentTaskInput,
  output: documentTasksOutput,

  buildPrompt: tasksPrompt,
  builtin: composeTasks,
  prose: (output) => proseFieldsOf(output, PROSE),
});

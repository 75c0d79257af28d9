import { defineObjectTask } from '../../../../core/ai/task.js';
import { documentTaskInput, projectFacts, type DocumentTaskInput } from '../document-writer/index.js';
import { composePrd } from './offline.js';
import { prdPrompt } from './prompt.js';
import { documentPrdOutput, type DocumentPrd } from './schema.js';

export { renderPrd } from './render.js';
export { documentPrdOutput, type DocumentPrd } from './schema.js';

export const documentPrdTask = defineObjectTask<DocumentTaskInput, DocumentPrd>({
  name: 'document-prd',
  description: 'A product requirements document (goals, personas, user stories, prioritised requirements, metrics) from the idea',
  input: documentTaskInput,
  output: documentPrdOutput,

  buildPrompt: prdPrompt,
  builtin: (input) => composePrd(projectFacts(input)),
});

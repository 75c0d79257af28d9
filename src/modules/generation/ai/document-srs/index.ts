import { defineObjectTask } from '../../../../core/ai/task.js';
import { documentTaskInput, projectFacts, type DocumentTaskInput } from '../document-writer/index.js';
import { composeSrs } from './offline.js';
import { srsPrompt } from './prompt.js';
import { documentSrsOutput, type DocumentSrs } from './schema.js';

export { renderSrs } from './render.js';
export { documentSrsOutput, type DocumentSrs } from './schema.js';

export const documentSrsTask = defineObjectTask<DocumentTaskInput, DocumentSrs>({
  name: 'document-srs',
  description: 'A software requirements specification (IEEE 830 / ISO 29148 outline) from the idea, answers and project documents',
  input: documentTaskInput,
  output: documentSrsOutput,

  buildPrompt: srsPrompt,
  builtin: (input) => composeSrs(projectFacts(input)),
});

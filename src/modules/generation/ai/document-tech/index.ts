import { defineObjectTask } from '../../../../core/ai/task.js';
import { documentTaskInput, projectFacts, type DocumentTaskInput } from '../document-writer/index.js';
import { composeTech } from './offline.js';
import { techPrompt } from './prompt.js';
import { documentTechOutput, type DocumentTech } from './schema.js';

export { renderTech } from './render.js';
export { documentTechOutput, type DocumentTech } from './schema.js';

export const documentTechTask = defineObjectTask<DocumentTaskInput, DocumentTech>({
  name: 'document-tech',
  description: 'A technical design (architecture, components, data model, integrations, security, scalability, stack) from the idea',
  input: documentTaskInput,
  output: documentTechOutput,

  buildPrompt: techPrompt,
  builtin: (input) => composeTech(projectFacts(input)),
});

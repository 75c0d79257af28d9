import { defineObjectTask } from '../../../../core/ai/task.js';
import { documentTaskInput, proseFieldsOf, type DocumentTaskInput } from '../document-writer/index.js';
import { composeTech } from './offline.js';
import { techPrompt } from './prompt.js';
import { documentTechOutput, type DocumentTech } from './schema.js';

export { renderTech } from './render.js';
export { documentTechOutput, type DocumentTech } from './schema.js';

/** The technical design's sentences; names, types, relations and the rest are labels. */
const PROSE = new Set(['summary', 'rationale', 'responsibility', 'purpose', 'approach', 'reason', 'mitigation']);

export const documentTechTask = defineObjectTask<DocumentTaskInput, DocumentTech>({
  name: 'document-tech',
  description: 'A technical design (architecture, components, data model, integrations, security, stack) drawn from the project model',
  input: documentTaskInput,
  output: documentTechOutput,

  buildPrompt: techPrompt,
  builtin: composeTech,
  prose: (output) => proseFieldsOf(output, PROSE),
});

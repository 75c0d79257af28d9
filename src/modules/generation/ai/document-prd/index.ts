import { defineObjectTask } from '../../../../core/ai/task.js';
import { documentTaskInput, proseFieldsOf, type DocumentTaskInput } from '../document-writer/index.js';
import { composePrd } from './offline.js';
import { prdPrompt } from './prompt.js';
import { documentPrdOutput, type DocumentPrd } from './schema.js';

export { renderPrd } from './render.js';
export { documentPrdOutput, type DocumentPrd } from './schema.js';

/** The PRD's sentences; names, wants, metrics and the rest are labels. */
const PROSE = new Set(['summary', 'problem', 'description', 'soThat', 'acceptanceCriteria', 'openQuestions']);

export const documentPrdTask = defineObjectTask<DocumentTaskInput, DocumentPrd>({
  name: 'document-prd',
  description: 'A product requirements document (personas, a user story per use case, requirements, metrics) drawn from the project model',
  input: documentTaskInput,
  output: documentPrdOutput,

  buildPrompt: prdPrompt,
  builtin: composePrd,
  prose: (output) => proseFieldsOf(output, PROSE),
});

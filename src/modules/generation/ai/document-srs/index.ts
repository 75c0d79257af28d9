import { defineObjectTask } from '../../../../core/ai/task.js';
import { documentTaskInput, proseFieldsOf, type DocumentTaskInput } from '../document-writer/index.js';
import { composeSrs } from './offline.js';
import { srsPrompt } from './prompt.js';
import { documentSrsOutput, type DocumentSrs } from './schema.js';

export { renderSrs } from './render.js';
export { documentSrsOutput, type DocumentSrs } from './schema.js';

/** The SRS's sentences; titles, functions, attributes and the rest are labels. */
const PROSE = new Set(['purpose', 'scope', 'overview', 'productPerspective', 'description', 'acceptanceCriteria', 'definition', 'openIssues']);

export const documentSrsTask = defineObjectTask<DocumentTaskInput, DocumentSrs>({
  name: 'document-srs',
  description: 'A software requirements specification (IEEE 830 / ISO 29148 outline) drawn from the project model',
  input: documentTaskInput,
  output: documentSrsOutput,

  buildPrompt: srsPrompt,
  builtin: composeSrs,
  prose: (output) => proseFieldsOf(output, PROSE),
});

import { defineObjectTask } from '../../../../core/ai/task.js';
import { documentTaskInput, proseFieldsOf, type DocumentTaskInput } from '../document-writer/index.js';
import { composeOverview } from './offline.js';
import { overviewPrompt } from './prompt.js';
import { documentOverviewOutput, type DocumentOverview } from './schema.js';

export { renderOverview } from './render.js';
export { documentOverviewOutput, type DocumentOverview } from './schema.js';

/** The overview's sentences; names, needs, goals and the rest are labels. */
const PROSE = new Set(['summary', 'problem', 'solution', 'description', 'mitigation']);

export const documentOverviewTask = defineObjectTask<DocumentTaskInput, DocumentOverview>({
  name: 'document-overview',
  description: 'A one-page overview of a product (audience, features, goals, risks, metrics) drawn from the project model',
  input: documentTaskInput,
  output: documentOverviewOutput,

  buildPrompt: overviewPrompt,
  builtin: composeOverview,
  prose: (output) => proseFieldsOf(output, PROSE),
});

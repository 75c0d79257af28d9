import { defineObjectTask } from '../../../../core/ai/task.js';
import { documentTaskInput, proseFieldsOf, type DocumentTaskInput } from '../document-writer/index.js';
import { composeMarketing } from './offline.js';
import { marketingPrompt } from './prompt.js';
import { documentMarketingOutput, type DocumentMarketing } from './schema.js';

export { renderMarketing } from './render.js';
export { documentMarketingOutput, type DocumentMarketing } from './schema.js';

/** The marketing plan's sentences; names, needs, tactics and the rest are labels. */
const PROSE = new Set(['statement', 'description', 'why', 'message']);

export const documentMarketingTask = defineObjectTask<DocumentTaskInput, DocumentMarketing>({
  name: 'document-marketing',
  description: 'A go-to-market plan (positioning, segments, value proposition, channels, launch plan, messaging) drawn from the project model',
  input: documentTaskInput,
  output: documentMarketingOutput,

  buildPrompt: marketingPrompt,
  builtin: composeMarketing,
  prose: (output) => proseFieldsOf(output, PROSE),
});

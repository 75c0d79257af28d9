import { defineObjectTask } from '../../../../core/ai/task.js';
import { documentTaskInput, projectFacts, type DocumentTaskInput } from '../document-writer/index.js';
import { composeMarketing } from './offline.js';
import { marketingPrompt } from './prompt.js';
import { documentMarketingOutput, type DocumentMarketing } from './schema.js';

export { renderMarketing } from './render.js';
export { documentMarketingOutput, type DocumentMarketing } from './schema.js';

export const documentMarketingTask = defineObjectTask<DocumentTaskInput, DocumentMarketing>({
  name: 'document-marketing',
  description: 'A go-to-market plan (positioning, segments, value proposition, channels, launch plan, messaging) from the idea',
  input: documentTaskInput,
  output: documentMarketingOutput,

  buildPrompt: marketingPrompt,
  builtin: (input) => composeMarketing(projectFacts(input)),
});

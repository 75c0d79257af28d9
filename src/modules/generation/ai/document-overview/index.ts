import { defineObjectTask } from '../../../../core/ai/task.js';
import { documentTaskInput, projectFacts, type DocumentTaskInput } from '../document-writer/index.js';
import { composeOverview } from './offline.js';
import { overviewPrompt } from './prompt.js';
import { documentOverviewOutput, type DocumentOverview } from './schema.js';

export { renderOverview } from './render.js';
export { documentOverviewOutput, type DocumentOverview } from './schema.js';

export const documentOverviewTask = defineObjectTask<DocumentTaskInput, DocumentOverview>({
  name: 'document-overview',
  description: 'A one-page product overview (problem, solution, audience, features, risks, next steps) from the idea',
  input: documentTaskInput,
  output: documentOverviewOutput,

  buildPrompt: overviewPrompt,
  builtin: (input) => composeOverview(input, projectFacts(input)),
});

import { defineObjectTask } from '../../../../core/ai/task.js';
import { extractInsights } from './offline.js';
import { extractInsightsPrompt } from './prompt.js';
import { extractInsightsInput, extractInsightsOutput, type ExtractInsights, type ExtractInsightsInput } from './schema.js';

export { extractInsightsInput, extractInsightsOutput, type ExtractInsights, type ExtractInsightsInput } from './schema.js';

export const extractInsightsTask = defineObjectTask<ExtractInsightsInput, ExtractInsights>({
  name: 'extract-insights',
  description: 'Summary, key terms, actors, entities and numbered requirements of a text',
  input: extractInsightsInput,
  output: extractInsightsOutput,

  buildPrompt: extractInsightsPrompt,
  builtin: extractInsights,
});

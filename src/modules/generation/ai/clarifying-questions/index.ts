import { defineObjectTask } from '../../../../core/ai/task.js';
import { askClarifyingQuestions } from './offline.js';
import { clarifyingQuestionsPrompt } from './prompt.js';
import { clarifyingQuestionsInput, clarifyingQuestionsOutput, type ClarifyingQuestions, type ClarifyingQuestionsInput } from './schema.js';

export { clarifyingQuestionsInput, clarifyingQuestionsOutput, type ClarifyingQuestions, type ClarifyingQuestionsInput } from './schema.js';

export const clarifyingQuestionsTask = defineObjectTask<ClarifyingQuestionsInput, ClarifyingQuestions>({
  name: 'clarifying-questions',
  description: 'Two or three questions about what a product idea leaves open',
  input: clarifyingQuestionsInput,
  output: clarifyingQuestionsOutput,

  buildPrompt: clarifyingQuestionsPrompt,
  builtin: askClarifyingQuestions,
});

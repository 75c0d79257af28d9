import { defineTextTask } from '../../../../core/ai/task.js';
import { answerFromContext } from './offline.js';
import { answerQuestionPrompt } from './prompt.js';
import { answerQuestionInput, type AnswerQuestionInput } from './schema.js';

export { answerQuestionInput, type AnswerQuestionInput, type ContextSection } from './schema.js';
export { NOTHING_FOUND, questionTerms, termsIn } from './terms.js';
export { relevantSections } from './offline.js';

export const answerQuestionTask = defineTextTask<AnswerQuestionInput>({
  name: 'answer-question',
  description: 'A Markdown answer to a question, from the project model’s facts and the document sections given, citing them as [id]',
  input: answerQuestionInput,
  consumesCredit: true,

  buildPrompt: answerQuestionPrompt,
  builtin: ({ question, context }) => answerFromContext(question, context),
  prose: (answer) => [{ path: '', text: answer, kind: 'markdown' }],
});

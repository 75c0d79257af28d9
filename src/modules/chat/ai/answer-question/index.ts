import { defineTextTask } from '../../../../core/ai/task.js';
import { answerFromContext } from './offline.js';
import { answerQuestionPrompt } from './prompt.js';
import { answerQuestionInput, type AnswerQuestionInput } from './schema.js';

export { answerQuestionInput, type AnswerQuestionInput, type ContextSection } from './schema.js';

export const answerQuestionTask = defineTextTask<AnswerQuestionInput>({
  name: 'answer-question',
  description: 'A Markdown answer to a question, from the given context sections, citing them as [id]',
  input: answerQuestionInput,
  consumesCredit: true,

  buildPrompt: answerQuestionPrompt,
  builtin: ({ question, context }) => answerFromContext(question, context),
});

import { defineObjectTask } from '../../../../core/ai/task.js';
import { singleAnswerOffline } from './offline.js';
import { singleAnswerPrompt } from './prompt.js';
import { singleAnswerInput, singleAnswerOutput, type SingleAnswerInput, type SingleAnswerOutput } from './schema.js';

export type { SingleAnswerInput, SingleAnswerOutput } from './schema.js';

export const boardSingleAnswerTask = defineObjectTask<SingleAnswerInput, SingleAnswerOutput>({
  name: 'board-single-answer',
  generationType: 'board',
  description: 'The single-model baseline: one answer to the decision without the panel',
  input: singleAnswerInput,
  output: singleAnswerOutput,
  buildPrompt: singleAnswerPrompt,
  prose: (output) => [{ path: 'reasoning', text: output.reasoning, kind: 'prose' }],
  builtin: (input) => singleAnswerOffline(input),
});

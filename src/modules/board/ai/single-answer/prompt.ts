import type { PromptParts } from '../../../../core/ai/task.js';
import { optionsPrompt, problemPrompt } from '../prompt-parts.js';
import type { SingleAnswerInput } from './schema.js';

/** The single-model baseline: the same decision, one advisor, no panel. */
export function singleAnswerPrompt(input: SingleAnswerInput): PromptParts {
  return {
    system: 'You are a careful business advisor.',
    prompt: ['Choose the best option by its id and say why in two or three sentences, from the facts given; never invent a number, and say what could change the answer.', '', problemPrompt(input.problem), optionsPrompt(input.options)].join('\n'),
  };
}

import type { SingleAnswerInput, SingleAnswerOutput } from './schema.js';

/** The offline single answer: the first option the problem names. */
export function singleAnswerOffline(input: SingleAnswerInput): SingleAnswerOutput {
  const option = input.options[0]!;
  return { optionId: option.id, reasoning: `Without a panel, the first option the decision names is the default: ${option.label}.` };
}

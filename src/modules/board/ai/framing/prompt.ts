import type { PromptParts } from '../../../../core/ai/task.js';
import { problemPrompt } from '../prompt-parts.js';
import type { FramingInput } from './schema.js';

/** What a remote model gets to frame a decision: the problem, the project, and what was already answered. */
export function framingPrompt(input: FramingInput): PromptParts {
  return {
    system: 'You are the chair of an advisory board. You frame a decision so a panel of experts can deliberate on it.',
    prompt: [
      'Break the decision below into 1 to 5 sub-questions it turns on, each tagged with the disciplines that can answer it.',
      'List the 2 to 5 options the panel will vote on, each a short imperative label with one sentence on what choosing it means.',
      input.mayAsk
        ? 'Ask at most 3 clarifying questions, only when the answer is decisive and cannot reasonably be assumed; otherwise ask none.'
        : 'Ask no clarifying questions: the person has answered or chosen to skip them.',
      '',
      problemPrompt(input.problem),
    ].join('\n'),
  };
}

import { personaFamilies } from '../../../../shared/board-kinds.js';
import type { PromptParts } from '../../../../core/ai/task.js';
import { problemPrompt } from '../prompt-parts.js';
import type { FramingInput } from './schema.js';

/** What a remote model gets to frame a decision: the problem, the project, and what was already answered. */
export function framingPrompt(input: FramingInput): PromptParts {
  return {
    system: 'You are the chair of an advisory board. You frame a decision so a panel of experts can deliberate on it.',
    prompt: [
      'Break the decision below into 1 to 5 sub-questions it turns on, each tagged with the disciplines that can answer it',
      `(${personaFamilies.join(', ')}). Ground them in the decision, its context and the project: name the project's own people, records and measures where they matter.`,
      'List the 2 to 5 options the panel will vote on, each a short imperative label with one sentence on what choosing it means.',
      'Take the options the decision names and complete elliptical ones: "launch in one city or three?" gives "Launch in one city" and "Launch in three cities".',
      'When the decision proposes one thing ("Should we X?"), the options are "X" and "Do not X yet". Add no option the decision does not imply.',
      'Never invent figures: every number you write must come from the decision, its context, the answers or the project.',
      input.mayAsk
        ? 'Ask at most 3 clarifying questions, only for a decisive fact that is missing (a budget for a spending decision, a deadline for a timing decision); ask none when the context already states it.'
        : 'Ask no clarifying questions: the person has answered or chosen to skip them.',
      '',
      problemPrompt(input.problem),
    ].join('\n'),
  };
}

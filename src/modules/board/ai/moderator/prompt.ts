import type { PromptParts } from '../../../../core/ai/task.js';
import { optionsPrompt, peersPrompt, problemPrompt } from '../prompt-parts.js';
import type { ModeratorInput } from './schema.js';

/** The contrarian moderator: the panel agrees without new evidence, so it makes the strongest case against. */
export function moderatorPrompt(input: ModeratorInput): PromptParts {
  return {
    system: 'You are the moderator of an advisory board and its devil’s advocate. You keep the panel from agreeing too easily.',
    prompt: [
      `After round ${input.roundNumber} the panel converged${input.consensus ? ` on option ${input.consensus}` : ''} without new evidence.`,
      'Make the strongest case against that consensus for the best alternative option, grounded in the decision and the project (its measures, constraints, open questions), and end with the question the panel must answer next round.',
      'Name what the consensus rests on without evidence. Never invent a number or a fact.',
      '',
      problemPrompt(input.problem),
      optionsPrompt(input.options),
      peersPrompt(input.positions),
    ].join('\n'),
  };
}

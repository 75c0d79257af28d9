import type { PromptParts } from '../../../../core/ai/task.js';
import { optionsPrompt, problemPrompt } from '../prompt-parts.js';
import type { SynthesisInput } from './schema.js';

/** The decision record's prose: the count already decided; this says what it means. */
export function synthesisPrompt(input: SynthesisInput): PromptParts {
  return {
    system: 'You are the secretary of an advisory board. You write its decision record plainly and never overstate the panel’s certainty.',
    prompt: [
      'Write the recommendation (two to four sentences) from the tally and the support below, and what the deliberation changed against the two baselines.',
      'Do not change the winner. Name it and its count, its main support, and the dissent fairly in its own terms; never overstate certainty, and say so when the margin is narrow.',
      'If budgetReached is true, say that the budget ended the session early.',
      'In changes, compare the outcome with the single-model answer and with round 1’s majority, naming who changed position and why, or saying that the rounds confirmed them.',
      'Use only figures from the outcome below.',
      '',
      problemPrompt(input.problem),
      optionsPrompt(input.options),
      '<outcome>',
      JSON.stringify({ winner: input.winner, scores: input.scores, support: input.support, dissent: input.dissent, assumptions: input.assumptions, baselines: input.baselines, positionChanges: input.positionChanges, budgetReached: input.budgetReached }),
      '</outcome>',
    ].join('\n'),
  };
}

import type { SynthesisInput, SynthesisOutput } from './schema.js';

/** The offline synthesis: the winner and the count, said plainly. */
export function synthesizeOffline(input: SynthesisInput): SynthesisOutput {
  const summary = input.winner ? `The board recommends: ${input.winner.label}.` : 'The board reached no recommendation.';
  return { summary, changes: 'The deliberation confirmed the first round.' };
}

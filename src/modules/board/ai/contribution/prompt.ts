import type { PromptParts } from '../../../../core/ai/task.js';
import { optionsPrompt, peersPrompt, problemPrompt } from '../prompt-parts.js';
import type { ContributionInput } from './schema.js';

/** A persona's turn: its own system prompt, the problem, the options, and (after round 1) the others' anonymous views. */
export function contributionPrompt(input: ContributionInput): PromptParts {
  const { persona, round } = input;
  const lines = [
    `Round ${round.number} (${round.kind}). Speak as ${persona.name}, through your lens: ${persona.lens}`,
    `What you always check: ${persona.checks.join('; ')}.`,
    round.number === 1
      ? 'This round is blind: give your own view without guessing what the others think.'
      : 'Read the other experts’ latest views (anonymous). Challenge what is weak, keep what is right, and change your position only for a reason you name.',
    'Argue for one option by its id. Name facts from the decision and the project; label anything you assume as an assumption.',
    '',
    problemPrompt(input.problem),
    optionsPrompt(input.options),
  ];
  if (input.own) lines.push('<your-last-view>', JSON.stringify(input.own), '</your-last-view>');
  if (input.others.length > 0) lines.push(peersPrompt(input.others));
  if (input.moderator) lines.push('<moderator-challenge>', input.moderator.challenge, '</moderator-challenge>');
  return { system: persona.systemPrompt, prompt: lines.join('\n') };
}

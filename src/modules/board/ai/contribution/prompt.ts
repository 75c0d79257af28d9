import type { PromptParts } from '../../../../core/ai/task.js';
import { optionsPrompt, peersPrompt, personaSystem, problemPrompt } from '../prompt-parts.js';
import type { ContributionInput } from './schema.js';

const ROUND_TASKS = {
  initial: 'This round is blind: give your own view without guessing what the others think.',
  exploration: 'Read the other experts’ latest views (anonymous). Add evidence or consequences nobody has raised yet; keep what is right.',
  challenge: 'Read the other experts’ latest views (anonymous). Answer the strongest claim against your position by its label ("Expert B"), and test your own weakest point.',
  convergence: 'Read the other experts’ latest views (anonymous). Say where you land, what would change your mind, and how the plan should guard against its weak side.',
} as const;

/** A persona's turn: its own system prompt, the problem, the options, and (after round 1) the others' anonymous views. */
export function contributionPrompt(input: ContributionInput): PromptParts {
  const { persona, round } = input;
  const lines = [
    `Round ${round.number} (${round.kind}). Speak as ${persona.name}, through your lens: ${persona.lens}`,
    `What you always check: ${persona.checks.join('; ')}.`,
    ROUND_TASKS[round.kind],
    'Argue for one option by its id. Evidence is facts from the decision, its context, the answers and the project (name its people, records, measures and constraints where they bear on it), or consequences you reason out, labelled as reasoning.',
    'Never invent a number or a fact: every figure you write must appear in the input. Say plainly what you do not know.',
    'List what must be true for your claim as assumptions. Change your position only when the others’ evidence outweighs yours, and say why in changeReason.',
    'Propose a new option only when a hybrid of the listed ones is clearly better, and at most once in the session.',
    'Write the content in Markdown, 80 to 250 words, in your own voice, applying one or two of your checks. After round 1, add something new rather than repeat yourself.',
    '',
    problemPrompt(input.problem),
    optionsPrompt(input.options),
  ];
  if (input.own) lines.push('<your-last-view>', JSON.stringify(input.own), '</your-last-view>');
  if (input.others.length > 0) lines.push(peersPrompt(input.others));
  if (input.moderator) lines.push('<moderator-challenge>', input.moderator.challenge, '</moderator-challenge>', 'Answer the moderator’s challenge directly.');
  return { system: personaSystem(persona), prompt: lines.join('\n') };
}

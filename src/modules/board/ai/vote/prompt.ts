import type { PromptParts } from '../../../../core/ai/task.js';
import { peersPrompt, personaSystem, problemPrompt } from '../prompt-parts.js';
import type { VoteInput } from './schema.js';

/** A persona's ballot: every option ranked, the acceptable ones approved, with its reasons. */
export function votePrompt(input: VoteInput): PromptParts {
  return {
    system: personaSystem(input.persona),
    prompt: [
      `Vote as ${input.persona.name}. Rank every option id below, best first, and list the ones you could accept.`,
      'Options marked (yours) were proposed by you: the count never takes them as your first choice, so rank on the merits of the others too.',
      'In the reasoning (two or three sentences), say why your first choice beats the others and why the last one is last, from your own lens.',
      '',
      problemPrompt(input.problem),
      ['<options>', ...input.options.map((o) => `${o.id}. ${o.label}${o.own ? ' (yours)' : ''}`), '</options>'].join('\n'),
      input.own ? `<your-last-view>${JSON.stringify(input.own)}</your-last-view>` : '',
      peersPrompt(input.others),
    ].join('\n'),
  };
}

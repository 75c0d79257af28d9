import type { ModeratorInput, ModeratorOutput } from './schema.js';

/** The offline moderator: the case for the option the panel left behind. */
export function moderateOffline(input: ModeratorInput): ModeratorOutput {
  const other = input.options.find((option) => option.id !== input.consensus) ?? input.options[0]!;
  const challenge = `What would have to be true for "${other.label}" to be the better choice?`;
  return { targetOption: input.consensus, challenge, content: `The panel agrees quickly. ${challenge}` };
}

import type { VoteInput, VoteOutput } from './schema.js';

/** The offline ballot: the persona's last position first, the rest in the order given. */
export function voteOffline(input: VoteInput): VoteOutput {
  const ids = input.options.map((option) => option.id);
  const first = input.own?.position && ids.includes(input.own.position) ? input.own.position : ids[0]!;
  const ranking = [first, ...ids.filter((id) => id !== first)];
  return { ranking, approved: [first], reasoning: `${input.persona.name} ranks option ${first} first.`, confidence: input.own?.confidence ?? 0.6 };
}

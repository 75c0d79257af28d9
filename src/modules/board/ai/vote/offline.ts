import { REASONS } from '../engine/families.js';
import { problemText } from '../engine/facts.js';
import { fallbackReason, tradeOff } from '../engine/trade-offs.js';
import { decidingFeature, ranked, scoreOptions } from '../engine/scoring.js';
import { quoted } from '../engine/words.js';
import type { VoteInput, VoteOutput } from './schema.js';

/**
 * The offline ballot: it starts from the persona's last position in the rounds, then ranks the rest as the persona
 * scores them (with a pull towards the panel's final views). An option it proposed itself never goes first (the
 * count would not take it), and the options close enough to its first choice are approved.
 */
const APPROVAL_MARGIN = 0.35;

export function voteOffline(input: VoteInput): VoteOutput {
  const plain = input.options.map(({ own: _own, ...option }) => option);
  const scored = scoreOptions(input.persona, input.problem, plain, input.seed).map((option) => {
    let score = option.score;
    if (input.own?.position === option.id) score += 0.2;
    for (const peer of input.others) if (peer.position === option.id) score += 0.04;
    return { ...option, base: option.score, score };
  });
  let order = ranked(scored);
  const own = new Set(input.options.filter((o) => o.own).map((o) => o.id));
  // The ballot starts where the rounds left the persona: its last position first, unless that is its own proposal
  // (the count would not take it), in which case the best of the others goes first.
  const held = order.find((o) => o.id === input.own?.position);
  if (held && !own.has(held.id)) order = [held, ...order.filter((o) => o !== held)];
  if (own.has(order[0]!.id)) {
    const firstOther = order.findIndex((o) => !own.has(o.id));
    if (firstOther > 0) order = [order[firstOther]!, ...order.filter((_, i) => i !== firstOther)];
  }
  const first = order[0]!;
  const second = order[1];
  const last = order.at(-1)!;
  const approved = order.filter((o) => o === first || (first.score - o.score <= APPROVAL_MARGIN && !own.has(o.id)) || (own.has(o.id) && first.score - o.score <= APPROVAL_MARGIN)).map((o) => o.id);
  const win = second ? decidingFeature(first, second) : undefined;
  const lose = last !== first ? decidingFeature(first, last, win ? [win.feature] : []) : undefined;
  // Where the persona's own weights do not favour its first choice, the rounds did: the reason says so.
  const fromRounds = !win && second !== undefined && first.id === input.own?.position && first.base < second.base;
  const why = win ? tradeOff(first, second, win.feature, win.more) : second ? fallbackReason(first, second, problemText(input.problem), fromRounds) : 'it is the one course the problem names';
  const sentences = [`I rank ${quoted(first.label)} first because ${why}.`];
  if (second && second !== last) sentences.push(`${quoted(second.label)} comes next and I could live with it${approved.includes(second.id) ? '' : ' only with safeguards'}.`);
  if (last !== first) sentences.push(`${quoted(last.label)} goes last${lose ? `: against it, my first choice ${REASONS[lose.feature][lose.more ? 'more' : 'less'].replace(/^it /, '')}` : ''}.`);
  if (own.size > 0 && own.has(order[1]?.id ?? '')) sentences.push('My own proposal is ranked behind the best of the others, as the count requires.');
  const confidence = input.own?.confidence ?? Math.min(0.8, 0.5 + Math.max(0, first.score - (second?.score ?? first.score)) / 2);
  return { ranking: order.map((o) => o.id), approved, reasoning: sentences.join(' '), confidence: Math.round(confidence * 100) / 100 };
}

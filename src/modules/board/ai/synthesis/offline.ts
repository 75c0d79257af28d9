import { joinList } from '../../../../core/text/index.js';
import { quoted } from '../engine/words.js';
import type { SynthesisInput, SynthesisOutput } from './schema.js';

/**
 * The offline synthesis: the winner and the count as they stand, the main support, the dissent in its own words, a
 * caution when the margin is narrow or the budget ended the rounds early; then what the deliberation changed against
 * the single-model answer and round 1's majority, naming who moved and why.
 */
function points(n: number): string {
  const value = Number.isInteger(n) ? String(n) : n.toFixed(1);
  return `${value} ${n === 1 ? 'point' : 'points'}`;
}

function sentenceOf(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim().replace(/[“”"]/g, '');
  return /[.!?]$/.test(flat) ? flat : `${flat}.`;
}

const FIRST_PERSON = /\b(?:I|I'm|I’m|I've|I’ve|me|my|mine|we|our|us)\b/;

/**
 * The reason an argument gives, in the third person: "From a finance view, A is the better choice, because it is
 * easier to undo." → "it is easier to undo". Undefined when the argument gives no reason that reads without its
 * speaker (a reason in the first person is never quoted as the board's).
 */
export function reasonIn(argument: string): string | undefined {
  const first = argument.replace(/\s+/g, ' ').trim().split(/(?<=[.!?])\s+/)[0] ?? '';
  const match = /\bbecause,?\s+(?:for [^,]+,\s+)?(.+)$/i.exec(first);
  const reason = match?.[1]?.replace(/[.!?]+$/, '').replace(/[“”"]/g, '').trim();
  if (!reason || FIRST_PERSON.test(reason)) return undefined;
  return reason.split(/;\s*/)[0];
}

/** A reason as the board reports it: the clauses of it that do not speak in the first person; undefined if none. */
function thirdPerson(because: string): string | undefined {
  const clauses = because.trim().replace(/[.!?]+$/, '').split(/,\s+and\s+|;\s+/);
  const kept = clauses.filter((clause) => !FIRST_PERSON.test(clause));
  return kept.length ? kept.join(', and ') : undefined;
}

export function synthesizeOffline(input: SynthesisInput): SynthesisOutput {
  const winner = input.winner;
  const scores = input.scores;
  const first = scores.find((s) => s.optionId === winner?.id) ?? scores[0];
  const runnerUp = scores.find((s) => s !== first);
  const summary: string[] = [];
  if (!winner) {
    summary.push(scores.length ? `The board reached no recommendation: the count left ${quoted(scores[0]!.label)} and ${runnerUp ? quoted(runnerUp.label) : 'the others'} without a clear winner.` : 'The board reached no recommendation, because no votes were counted.');
  } else {
    const count = first && runnerUp ? ` with ${points(first.points)} against ${points(runnerUp.points)} for ${quoted(runnerUp.label)}` : first ? ` with ${points(first.points)}` : '';
    summary.push(`The board recommends ${quoted(winner.label)}${count}.`);
    // The support as reasons, in the third person: the board's reasons, not one persona's words.
    const reasons = [...new Set(input.support.map(reasonIn).filter((r): r is string => r !== undefined))].slice(0, 2);
    if (reasons.length) summary.push(`Its main support: ${joinList(reasons)}.`);
    else if (input.support.length) summary.push(`Its supporters ranked it first on their own disciplines' grounds; the contributions give their reasons.`);
    const narrow = first && runnerUp && first.points - runnerUp.points <= Math.max(1, first.points * 0.1);
    if (input.dissent) {
      // The dissent in one sentence, by its reason; the minority report carries the whole argument.
      // A minority report taken from an earlier round ("In round 2, before the panel converged: …") is a case made
      // earlier, not a dissent held to the end.
      const earlier = /^\s*In round \d+, before the panel converged/i.test(input.dissent.argument);
      const body = input.dissent.argument.replace(/^\s*In round \d+, before the panel converged:?\s*/i, '');
      const why = reasonIn(body);
      const stance = earlier ? 'argued earlier for' : 'dissents in favour of';
      summary.push(`${input.dissent.personaName} ${stance} ${quoted(input.dissent.label)}${why ? `, because ${why}` : ', as the minority report sets out'}.`);
    }
    if (narrow) summary.push('The margin is narrow, so this is a lean rather than a settled view.');
  }
  if (input.budgetReached) summary.push('The session’s budget ended the deliberation early, so fewer rounds informed this than planned.');
  const shown = summary.length > 4 ? [...summary.slice(0, 3), summary.at(-1)!] : summary;

  const changes: string[] = [];
  const label = winner?.label ?? null;
  const single = input.baselines.singleModel;
  const majority = input.baselines.roundOneMajority;
  if (single) changes.push(single === label ? `The single-model answer also chose ${quoted(single)}, so the panel confirmed it.` : `The single-model answer chose ${quoted(single)}; the panel ${label ? `chose ${quoted(label)} instead` : 'did not settle on it'}.`);
  const nobodyMoved = input.positionChanges.length === 0;
  if (majority === label) {
    if (majority) changes.push(`The first round's majority already favoured ${quoted(majority)}, and the rounds confirmed it.`);
  } else if (majority && nobodyMoved && label) {
    // Nobody moved, yet the winner is not round 1's plurality: the count, which weighs whole rankings, made the difference.
    changes.push(`The first round's majority favoured ${quoted(majority)} and no persona changed position; ${quoted(label)} wins because the count weighs every persona's full ranking, not only first choices.`);
  } else if (majority) {
    changes.push(`The first round's majority favoured ${quoted(majority)}, and the rounds moved the panel ${label ? `to ${quoted(label)}` : 'away from it'}.`);
  }
  if (nobodyMoved && !(majority && majority !== label && label)) changes.push('No persona changed position during the rounds.');
  for (const change of input.positionChanges.slice(0, 3)) {
    const why = thirdPerson(change.because);
    changes.push(`${change.personaName} moved from ${quoted(change.from)} to ${quoted(change.to)}${why ? `: ${sentenceOf(why)}` : '.'}`);
  }
  if (input.positionChanges.length > 3) changes.push('Others moved too; the contributions record their reasons.');
  return { summary: shown.join(' ').slice(0, 3000), changes: changes.join(' ').slice(0, 2000) };
}

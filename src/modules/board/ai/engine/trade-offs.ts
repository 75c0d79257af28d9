import { REASONS } from './families.js';
import type { Feature } from './features.js';
import { settlingFigure, traitOf } from './kinds.js';
import { differences, type ScoredOption } from './scoring.js';
import { quoted } from './words.js';

/**
 * The reason one option beats another on a feature, as a clause about the first ("it …"): the concrete trade-off of
 * the options' kinds where they have one ("it brings predictable revenue every month, while with “B” its revenue
 * rises and falls with how often customers buy"), the feature's general reason otherwise. `more` is whether the
 * chosen option has more of the feature.
 */
export function tradeOff(chosen: { label: string }, rival: { label: string } | undefined, feature: Feature, more: boolean): string {
  const general = REASONS[feature][more ? 'more' : 'less'];
  if (!rival) return general;
  // A reason to choose names the chosen kind's strength or the rival kind's drawback, never the other way round.
  const mine = traitOf(chosen.label, feature, more ? 1 : -1, rival.label, 'pro');
  const theirs = traitOf(rival.label, feature, more ? -1 : 1, chosen.label, 'con');
  const other = quoted(rival.label);
  if (mine && theirs) return `${mine}, while with ${other} ${theirs}`;
  if (mine) return mine;
  if (theirs) return /^it /.test(theirs) ? `${general}, where ${other} ${theirs.slice(3)}` : `${general}, where with ${other} ${theirs}`;
  return general;
}

/** A clause about an option ("it brings …") said with the option's name first: "“A” brings …", "“A” means that …". */
export function saidOf(clause: string, label: string): string {
  return /^it /.test(clause) ? `${quoted(label)} ${clause.slice(3)}` : `${quoted(label)} means that ${clause}`;
}

/**
 * The concrete reason behind a position when the persona's own weights name no deciding feature: the largest
 * difference between the options (with the panel's pull said as such when it held the position), or, when the
 * labels differ on nothing, the figure that would settle it. Never empty of content: it names a feature or a fact.
 */
export function fallbackReason(chosen: ScoredOption, rival: ScoredOption, problemText: string, heldByPanel: boolean): string {
  const top = differences(chosen, rival)[0];
  if (top) {
    const clause = saidOf(tradeOff(chosen, rival, top.feature, top.more), chosen.label);
    return heldByPanel ? `the panel showed that ${clause}, which counts for more than the small margin I saw for ${quoted(rival.label)}` : clause;
  }
  const settling = settlingFigure([chosen.label, rival.label], problemText);
  if (settling) return `the two differ in kind, not size, and the choice turns on ${settling.figure}${settling.missing ? ', which the problem does not give' : ''}`;
  return `as named it costs, risks and commits no more than ${quoted(rival.label)}, and the problem gives no figure that separates them`;
}

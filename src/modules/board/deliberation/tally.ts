import type { Tally, VoteRule } from '../board.contract.js';

/** What the count reads of an option: its order in the session is the last tie-break. */
export type TallyOption = { id: string; label: string; proposedBy: string | null };
/** One persona's ballot: every option best first, and the ones it could accept. */
export type Ballot = { personaCode: string; ranking: readonly string[]; approved: readonly string[] };

/**
 * Counts the ballots under one rule (pure, so the count can be checked by hand):
 * - borda: on a ballot ranking n options, the option ranked i-th (from 0) gets n-1-i points; options a ballot leaves
 *   out get nothing from it;
 * - approval: one point per option a ballot approves;
 * - plurality: one point for a ballot's first choice.
 * A persona's own proposal gets nothing from its own ballot (each such entry counts in selfVotesExcluded), and its first
 * choice is the first option it ranked that it did not propose: nobody reviews its own contribution.
 * Ties on points are broken by first choices, then by the options' order in the session.
 */
export function tallyVotes(rule: VoteRule, options: readonly TallyOption[], ballots: readonly Ballot[]): Tally {
  const known = new Map(options.map((option, index) => [option.id, { option, index, points: 0, firstChoices: 0 }]));
  let selfVotesExcluded = 0;
  for (const ballot of ballots) {
    const ranking = [...new Set(ballot.ranking)].filter((id) => known.has(id));
    const own = (id: string) => known.get(id)!.option.proposedBy === ballot.personaCode;
    const first = ranking.find((id) => !own(id));
    if (first) known.get(first)!.firstChoices += 1;
    const award = (id: string, points: number) => {
      if (points <= 0) return;
      if (own(id)) selfVotesExcluded += 1;
      else known.get(id)!.points += points;
    };
    if (rule === 'borda') ranking.forEach((id, index) => award(id, ranking.length - 1 - index));
    else if (rule === 'approval') for (const id of new Set(ballot.approved)) if (known.has(id)) award(id, 1);
    else if (ranking[0]) {
      // Plurality counts one mark per ballot: the first ranked, unless it is the voter's own proposal.
      if (own(ranking[0])) selfVotesExcluded += 1;
      if (first) known.get(first)!.points += 1;
    }
  }
  const scores = [...known.values()].sort((a, b) => b.points - a.points || b.firstChoices - a.firstChoices || a.index - b.index);
  const top = scores[0];
  const winner = ballots.length > 0 && top ? top.option.id : null;
  return {
    rule,
    scores: scores.map((s) => ({ optionId: s.option.id, label: s.option.label, points: s.points, firstChoices: s.firstChoices })),
    winner,
    tiedWith: winner && top ? scores.filter((s) => s !== top && s.points === top.points).map((s) => s.option.id) : [],
    ballots: ballots.length,
    selfVotesExcluded,
  };
}

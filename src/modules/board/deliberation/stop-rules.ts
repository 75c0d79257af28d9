import type { BoardConfig } from '../../../config.js';
import type { StopReason } from '../board.contract.js';

/**
 * When the rounds end and when the contrarian moderator speaks (Liang et al., 2305.19118: debate slides into
 * conformity without an adaptive stop and a dissenting voice). Pure: the job feeds it what the rounds did.
 */

/** What one finished round looked like. */
export type RoundRecord = {
  number: number;
  /** Each seated persona's position after the round (null when it has none yet). */
  positions: Readonly<Record<string, string | null>>;
  /** Share of new content words (similarity.ts roundNovelty). */
  novelty: number;
  /** Whether any contribution brought evidence not heard before. */
  newEvidence: boolean;
  /** Whether the moderator intervened after this round. */
  moderated: boolean;
};

export type RoundDecision = { action: 'continue' } | { action: 'moderate'; consensus: string | null } | { action: 'stop'; reason: StopReason };

/** The option every seated persona holds, or null when they differ (or someone holds none). */
export function unanimousPosition(positions: Readonly<Record<string, string | null>>): string | null {
  const held = Object.values(positions);
  if (held.length === 0 || held.some((p) => p === null)) return null;
  return held.every((p) => p === held[0]) ? held[0]! : null;
}

/** The split of positions, independent of who holds which: "A:2,B:1". */
export function positionSplit(positions: Readonly<Record<string, string | null>>): string {
  const counts = new Map<string, number>();
  for (const p of Object.values(positions)) counts.set(p ?? '-', (counts.get(p ?? '-') ?? 0) + 1);
  return [...counts.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([option, count]) => `${option}:${count}`)
    .join(',');
}

/**
 * What to do after the last of `rounds` (oldest first):
 * 1. consensus — the panel is unanimous although the moderator challenged it after the round before;
 * 2. moderate — the panel is unanimous with low novelty, or two rounds in a row brought no new evidence, and the
 *    moderator did not just speak (it never speaks after the last allowed round: there would be no round to answer);
 * 3. low_novelty — from round 2 on, the round's novelty is below the threshold;
 * 4. stalled_disagreement — no consensus, and the split of positions repeated the round before's for `stallRounds`
 *    rounds in a row;
 * 5. max_rounds — the last allowed round is done.
 */
export function decideAfterRound(rounds: readonly RoundRecord[], maxRounds: number, config: BoardConfig): RoundDecision {
  const last = rounds.at(-1);
  if (!last) return { action: 'continue' };
  const previous = rounds.at(-2);
  const consensus = unanimousPosition(last.positions);
  const lowNovelty = last.number >= 2 && last.novelty < config.noveltyThreshold;
  const atLimit = last.number >= maxRounds;

  if (consensus && previous?.moderated) return { action: 'stop', reason: 'consensus' };
  const noEvidenceTwice = last.number >= 2 && !last.newEvidence && previous !== undefined && previous.number >= 2 && !previous.newEvidence;
  if (!atLimit && !previous?.moderated && ((consensus && lowNovelty) || noEvidenceTwice)) return { action: 'moderate', consensus };
  if (lowNovelty) return { action: 'stop', reason: consensus ? 'consensus' : 'low_novelty' };
  if (!consensus && stalled(rounds, config.stallRounds)) return { action: 'stop', reason: 'stalled_disagreement' };
  if (atLimit) return { action: 'stop', reason: 'max_rounds' };
  return { action: 'continue' };
}

/** The last `stallRounds` rounds each kept the split of the round before them. */
function stalled(rounds: readonly RoundRecord[], stallRounds: number): boolean {
  if (rounds.length < stallRounds + 1) return false;
  const recent = rounds.slice(-(stallRounds + 1)).map((round) => positionSplit(round.positions));
  return recent.every((split) => split === recent[0]);
}

/** The kind of a round: blind first, then exploration, challenge, and convergence until the rounds stop. */
export function roundKind(round: number): 'initial' | 'exploration' | 'challenge' | 'convergence' {
  if (round <= 1) return 'initial';
  if (round === 2) return 'exploration';
  if (round === 3) return 'challenge';
  return 'convergence';
}

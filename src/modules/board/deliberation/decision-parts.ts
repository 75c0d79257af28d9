import type { Baselines, BoardDecision, DeliberationOption } from '../board.contract.js';
import { MODERATOR_CODE } from '../board.contract.js';
import { textSimilarity } from './similarity.js';

/**
 * The parts of the decision record that are read from the rounds and the ballots, not written by a model. Pure.
 */

/** What these functions read of a contribution. */
export type ArgumentRecord = {
  personaCode: string;
  roundNumber: number;
  phase: string;
  claim: string;
  evidence: readonly string[];
  assumptions: readonly string[];
  confidence: number | null;
  position: string | null;
  positionChanged: boolean;
  changeReason: string | null;
  duplicateOf: number | null;
};

export type BallotRecord = { personaCode: string; voteChoice: string; reasoning: string; confidence: number | null; ranking: readonly string[] };

const labelOf = (options: readonly DeliberationOption[], id: string) => options.find((o) => o.id === id)?.label ?? id;

/** Each persona's contributions in the debate (the moderator and near-duplicates left out), oldest first. */
export function debated<T extends ArgumentRecord>(records: readonly T[]): T[] {
  return records.filter((r) => r.personaCode !== MODERATOR_CODE && r.duplicateOf === null);
}

/** Each persona's latest contribution in the debate. */
export function latestByPersona<T extends ArgumentRecord>(records: readonly T[]): Map<string, T> {
  const latest = new Map<string, T>();
  for (const record of debated(records)) latest.set(record.personaCode, record);
  return latest;
}

/** The plurality of round 1's positions (ties: option order); null when round 1 left no positions. */
export function roundOneMajority(records: readonly ArgumentRecord[], options: readonly DeliberationOption[]): Baselines['roundOneMajority'] {
  const counts: Record<string, number> = {};
  for (const r of records) if (r.roundNumber === 1 && r.personaCode !== MODERATOR_CODE && r.position) counts[r.position] = (counts[r.position] ?? 0) + 1;
  let best: DeliberationOption | undefined;
  for (const option of options) if ((counts[option.id] ?? 0) > 0 && (!best || counts[option.id]! > counts[best.id]!)) best = option;
  return best ? { optionId: best.id, label: best.label, counts } : null;
}

/**
 * The strongest dissent: among the latest contributions and the ballots that argue for an option other than the
 * winner, the most confident one (then the one with more evidence, then the earlier persona). A unanimous panel still leaves
 * one on record: the strongest case a persona made for another option earlier in the debate (before it moved), else
 * the moderator's case against the consensus, for the runner-up. Null only when nobody ever argued against the winner.
 */
export function minorityReport(
  records: readonly ArgumentRecord[],
  ballots: readonly BallotRecord[],
  winner: string | null,
  options: readonly DeliberationOption[],
  nameOf: (code: string) => string,
  runnerUp: string | null = null,
): BoardDecision['minorityReport'] {
  type Case = { personaCode: string; optionId: string; argument: string; confidence: number; weight: number };
  const strongest = (cases: readonly Case[]) =>
    cases.reduce<Case | undefined>((top, c) => (!top || c.confidence > top.confidence || (c.confidence === top.confidence && c.weight > top.weight) ? c : top), undefined);
  const argumentOf = (r: ArgumentRecord) => [r.claim, ...r.evidence.map((e) => `- ${e}`)].join('\n');
  const known = (c: Case | undefined): c is Case => c !== undefined && options.some((o) => o.id === c.optionId);

  const standing: Case[] = [];
  for (const r of latestByPersona(records).values()) {
    if (!r.position || r.position === winner) continue;
    standing.push({ personaCode: r.personaCode, optionId: r.position, argument: argumentOf(r), confidence: r.confidence ?? 0, weight: r.evidence.length });
  }
  for (const b of ballots) {
    if (b.voteChoice === winner) continue;
    standing.push({ personaCode: b.personaCode, optionId: b.voteChoice, argument: b.reasoning, confidence: b.confidence ?? 0, weight: 0 });
  }
  let best = strongest(standing);
  if (!known(best)) {
    const earlier = debated(records)
      .filter((r) => r.position && r.position !== winner)
      .map((r) => ({
        personaCode: r.personaCode,
        optionId: r.position!,
        argument: `In round ${r.roundNumber}, before the panel converged:\n${argumentOf(r)}`,
        confidence: r.confidence ?? 0,
        weight: r.evidence.length,
      }));
    best = strongest(earlier);
  }
  if (!known(best) && runnerUp && runnerUp !== winner) {
    const challenge = [...records].reverse().find((r) => r.personaCode === MODERATOR_CODE && r.duplicateOf === null);
    if (challenge) best = { personaCode: MODERATOR_CODE, optionId: runnerUp, argument: argumentOf(challenge), confidence: 0, weight: 0 };
  }
  if (!known(best)) return null;
  return { personaCode: best.personaCode, personaName: nameOf(best.personaCode), optionId: best.optionId, label: labelOf(options, best.optionId), argument: best.argument.slice(0, 2000) };
}

/** The assumptions the winning side rests on, near-duplicates merged, at most `max`. */
export function winningAssumptions(records: readonly ArgumentRecord[], winner: string | null, threshold: number, max = 10): string[] {
  const kept: string[] = [];
  for (const r of debated(records)) {
    if (r.position !== winner) continue;
    for (const assumption of r.assumptions) {
      const text = assumption.trim();
      if (!text || kept.some((k) => k.toLowerCase() === text.toLowerCase() || textSimilarity(k, text) >= threshold)) continue;
      kept.push(text);
    }
  }
  return kept.slice(0, max);
}

/** Who moved, from which option to which, and why: contributions marked position_changed whose position did change. */
export function positionChanges(
  records: readonly ArgumentRecord[],
  options: readonly DeliberationOption[],
  nameOf: (code: string) => string,
  max = 10,
): BoardDecision['changes']['positionChanges'] {
  const last = new Map<string, string>();
  const changes: BoardDecision['changes']['positionChanges'] = [];
  for (const r of records) {
    if (r.personaCode === MODERATOR_CODE || !r.position) continue;
    const before = last.get(r.personaCode);
    if (r.positionChanged && before && before !== r.position) {
      changes.push({
        personaCode: r.personaCode,
        personaName: nameOf(r.personaCode),
        from: labelOf(options, before),
        to: labelOf(options, r.position),
        because: (r.changeReason ?? '').trim() || 'No reason given.',
      });
    }
    last.set(r.personaCode, r.position);
  }
  return changes.slice(-max);
}

/** A ballot as the count needs it: only known options, each once, every option ranked (the unranked last, in order). */
export function completeRanking(ranking: readonly string[], options: readonly DeliberationOption[]): string[] {
  const ids = options.map((o) => o.id);
  const known = [...new Set(ranking.map((id) => normalizeOptionId(id)).filter((id): id is string => id !== null && ids.includes(id)))];
  return [...known, ...ids.filter((id) => !known.includes(id))];
}

/** "a", " B. " → "A"/"B"; anything else → null. */
export function normalizeOptionId(id: string | null | undefined): string | null {
  const match = /^\s*(?:option\s+)?([A-Za-z])\b/i.exec(id ?? '');
  return match ? match[1]!.toUpperCase() : null;
}

/** The ballot a persona would cast from its last position, when the budget ran out before it could vote. */
export function derivedRanking(position: string, options: readonly DeliberationOption[]): string[] {
  return completeRanking([position], options);
}

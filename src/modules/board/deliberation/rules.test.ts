import { describe, expect, it } from 'vitest';
import type { BoardConfig } from '../../../config.js';
import { budgetReached, concurrentCalls } from './budget.js';
import { minorityReport, type ArgumentRecord } from './decision-parts.js';
import { anonymizeFor, seededShuffle } from './shuffle.js';
import { contentWords, hasNewEvidence, nearDuplicateOf, roundNovelty, textSimilarity } from './similarity.js';
import { decideAfterRound, positionSplit, unanimousPosition, type RoundRecord } from './stop-rules.js';
import { tallyVotes, type Ballot } from './tally.js';

const options = [
  { id: 'A', label: 'One city', proposedBy: null },
  { id: 'B', label: 'Three cities', proposedBy: null },
  { id: 'C', label: 'One city, second ready', proposedBy: 'cfo' },
  { id: 'D', label: 'Wait a quarter', proposedBy: 'ops' },
];
const ballots: Ballot[] = [
  { personaCode: 'cfo', ranking: ['C', 'A', 'D', 'B'], approved: ['C', 'A'] },
  { personaCode: 'growth', ranking: ['B', 'C', 'A', 'D'], approved: ['B', 'C'] },
  { personaCode: 'ops', ranking: ['A', 'D', 'C', 'B'], approved: ['A', 'D', 'C'] },
  { personaCode: 'legal', ranking: ['D', 'A', 'B', 'C'], approved: ['D'] },
];

describe('tally', () => {
  it('counts Borda points as a hand count does, never from a persona’s own proposal', () => {
    // 4 options: 3, 2, 1, 0 points.
    // cfo    C A D B → A 2, D 1, B 0   (own C: 3 points excluded)
    // growth B C A D → B 3, C 2, A 1, D 0
    // ops    A D C B → A 3, C 1, B 0   (own D: 2 points excluded)
    // legal  D A B C → D 3, A 2, B 1, C 0
    // A 2+1+3+2 = 8, B 0+3+0+1 = 4, C 0+2+1+0 = 3, D 1+0+0+3 = 4; B and D tie on 4 and on one first choice each
    // (legal → D, growth → B), so option order puts B first.
    const tally = tallyVotes('borda', options, ballots);
    expect(tally.scores.map((s) => [s.optionId, s.points, s.firstChoices])).toEqual([
      ['A', 8, 2],
      ['B', 4, 1],
      ['D', 4, 1],
      ['C', 3, 0],
    ]);
    expect(tally).toMatchObject({ rule: 'borda', winner: 'A', tiedWith: [], ballots: 4, selfVotesExcluded: 2 });
  });

  it('counts approvals, leaving out approvals of one’s own proposal', () => {
    // A: cfo, ops; B: growth; C: growth, ops (cfo's own excluded); D: legal (ops's own excluded).
    const tally = tallyVotes('approval', options, ballots);
    expect(tally.scores.map((s) => [s.optionId, s.points])).toEqual([
      ['A', 2],
      ['C', 2],
      ['B', 1],
      ['D', 1],
    ]);
    expect(tally).toMatchObject({ winner: 'A', tiedWith: ['C'], selfVotesExcluded: 2 });
  });

  it('counts plurality on the first choice that is not the voter’s own proposal', () => {
    // cfo's first is its own C → its mark goes to A; growth B; ops A; legal D.
    const tally = tallyVotes('plurality', options, ballots);
    expect(tally.scores.map((s) => [s.optionId, s.points])).toEqual([
      ['A', 2],
      ['B', 1],
      ['D', 1],
      ['C', 0],
    ]);
    expect(tally).toMatchObject({ winner: 'A', selfVotesExcluded: 1 });
  });

  it('breaks a tie on points by first choices, then by option order', () => {
    const two = options.slice(0, 2);
    const byFirsts = tallyVotes('approval', two, [
      { personaCode: 'x', ranking: ['B', 'A'], approved: ['A', 'B'] },
      { personaCode: 'y', ranking: ['B', 'A'], approved: ['A', 'B'] },
    ]);
    expect(byFirsts).toMatchObject({ winner: 'B', tiedWith: ['A'] });
    const byOrder = tallyVotes('borda', two, [
      { personaCode: 'x', ranking: ['B', 'A'], approved: [] },
      { personaCode: 'y', ranking: ['A', 'B'], approved: [] },
    ]);
    expect(byOrder).toMatchObject({ winner: 'A', tiedWith: ['B'] });
  });

  it('has no winner without ballots and ignores unknown or repeated options', () => {
    expect(tallyVotes('borda', options, [])).toMatchObject({ winner: null, ballots: 0 });
    const tally = tallyVotes('borda', options.slice(0, 2), [{ personaCode: 'x', ranking: ['Z', 'B', 'B', 'A'], approved: [] }]);
    expect(tally.scores.map((s) => [s.optionId, s.points])).toEqual([
      ['B', 1],
      ['A', 0],
    ]);
  });
});

describe('similarity and novelty', () => {
  it('finds content words without stop words', () => {
    expect(contentWords('We think the runway covers 14 months, and the panel agrees.')).toEqual(['runway', 'covers', '14', 'months', 'agrees']);
  });

  it('rates a text reworded only in stop words as the same, and a different argument as different', () => {
    const a = 'The cash runway covers fourteen months of burn in one city.';
    expect(textSimilarity(a, 'Our cash runway covers fourteen months of burn, in one city!')).toBe(1);
    expect(textSimilarity(a, 'Competitors arrive within two quarters in every city.')).toBeLessThan(0.2);
    expect(textSimilarity(a, 'The cash runway covers fourteen months of burn in one city, and payback comes in eleven months.')).toBeGreaterThan(0.5);
  });

  it('names the earlier contribution a new one nearly repeats, or none', () => {
    const earlier = [{ id: 1, content: 'Courier hiring takes twelve weeks per city.' }, { id: 2, content: 'Cash runway covers fourteen months.' }];
    expect(nearDuplicateOf('Cash runway covers fourteen months!', earlier, 0.85)?.id).toBe(2);
    expect(nearDuplicateOf('Cash runway covers nine months after the raise.', earlier, 0.85)).toBeUndefined();
  });

  it('measures a round’s novelty as the share of its content words nobody used before', () => {
    const earlier = ['Cash runway covers fourteen months.'];
    expect(roundNovelty(['Runway covers months.'], earlier)).toBe(0);
    expect(roundNovelty(['Runway covers waitlists.'], earlier)).toBeCloseTo(1 / 3, 5);
    expect(roundNovelty(['Brand new argument entirely.'], [])).toBe(1);
    expect(hasNewEvidence(['Cash runway covers fourteen months'], earlier, 0.85)).toBe(false);
    expect(hasNewEvidence(['Waitlists hold eight thousand households'], earlier, 0.85)).toBe(true);
  });
});

describe('stop rules', () => {
  const config: BoardConfig = { noveltyThreshold: 0.2, duplicateSimilarity: 0.85, stallRounds: 2 };
  const round = (number: number, positions: Record<string, string | null>, novelty = 0.5, extra: Partial<RoundRecord> = {}): RoundRecord => ({
    number,
    positions,
    novelty,
    newEvidence: true,
    moderated: false,
    ...extra,
  });
  const split = { a: 'A', b: 'B', c: 'A' };
  const all = { a: 'A', b: 'A', c: 'A' };

  it('reads unanimity and the split of positions', () => {
    expect(unanimousPosition(all)).toBe('A');
    expect(unanimousPosition(split)).toBeNull();
    expect(unanimousPosition({ a: 'A', b: null })).toBeNull();
    expect(positionSplit(split)).toBe(positionSplit({ a: 'B', b: 'A', c: 'A' }));
  });

  it('goes on after round 1 whatever its novelty', () => {
    expect(decideAfterRound([round(1, all, 0)], 6, config)).toEqual({ action: 'continue' });
  });

  it('sends in the moderator when the panel agrees without anything new, and stops on consensus if it still agrees', () => {
    const history = [round(1, split, 1), round(2, all, 0.05)];
    expect(decideAfterRound(history, 6, config)).toEqual({ action: 'moderate', consensus: 'A' });
    history[1]!.moderated = true;
    expect(decideAfterRound([...history, round(3, all, 0.4)], 6, config)).toEqual({ action: 'stop', reason: 'consensus' });
    expect(decideAfterRound([...history, round(3, split, 0.4)], 6, config)).toEqual({ action: 'continue' });
  });

  it('sends in the moderator after two rounds without new evidence', () => {
    const history = [round(1, split, 1), round(2, split, 0.5, { newEvidence: false }), round(3, split, 0.5, { newEvidence: false })];
    expect(decideAfterRound(history, 6, config)).toEqual({ action: 'moderate', consensus: null });
  });

  it('stops on low novelty from round 2 on, when the panel still disagrees', () => {
    expect(decideAfterRound([round(1, split, 1), round(2, split, 0.1)], 6, config)).toEqual({ action: 'stop', reason: 'low_novelty' });
    expect(decideAfterRound([round(1, split, 1), round(2, split, 0.2)], 6, config)).toEqual({ action: 'continue' });
  });

  it('stops a disagreement whose split held for stallRounds rounds', () => {
    const history = [round(1, split, 1), round(2, { a: 'B', b: 'A', c: 'A' }), round(3, split)];
    expect(decideAfterRound(history, 6, config)).toEqual({ action: 'stop', reason: 'stalled_disagreement' });
    expect(decideAfterRound(history.slice(0, 2), 6, config)).toEqual({ action: 'continue' });
    expect(decideAfterRound([round(1, split, 1), round(2, { a: 'B', b: 'B', c: 'A' }), round(3, split)], 6, config)).toEqual({ action: 'continue' });
  });

  it('stops at max rounds, where the moderator no longer speaks', () => {
    expect(decideAfterRound([round(1, split, 1), round(2, { a: 'B', b: 'B', c: 'A' })], 2, config)).toEqual({ action: 'stop', reason: 'max_rounds' });
    expect(decideAfterRound([round(1, split, 1), round(2, all, 0.05)], 2, config)).toEqual({ action: 'stop', reason: 'consensus' });
    expect(decideAfterRound([round(1, all, 1)], 1, config)).toEqual({ action: 'stop', reason: 'max_rounds' });
  });
});

describe('anonymous, shuffled peer review', () => {
  const codes = ['cfo', 'growth', 'ops', 'legal', 'design'];

  it('gives the same order for the same seed, persona and round', () => {
    expect(seededShuffle(codes, 7, 'cfo:2')).toEqual(seededShuffle(codes, 7, 'cfo:2'));
    expect(seededShuffle(codes, 7, 'cfo:2').sort()).toEqual([...codes].sort());
  });

  it('gives other orders to other personas, rounds and seeds', () => {
    const orders = new Set<string>();
    for (const salt of ['cfo:2', 'cfo:3', 'ops:2', 'ops:3', 'legal:2', 'legal:4']) orders.add(seededShuffle(codes, 7, salt).join());
    for (const seed of [1, 2, 3]) orders.add(seededShuffle(codes, seed, 'cfo:2').join());
    expect(orders.size).toBeGreaterThan(5);
  });

  it('never shows a persona its own contribution, and labels by position in its order', () => {
    const seen = anonymizeFor('ops', codes, (code) => code, 7, 2);
    expect(seen.map((s) => s.item)).not.toContain('ops');
    expect(seen).toHaveLength(4);
    expect(seen.map((s) => s.label)).toEqual(['Expert A', 'Expert B', 'Expert C', 'Expert D']);
  });
});

describe('caps', () => {
  const caps = { budgetUsd: 0.01, tokenCap: 10_000 };
  it('is reached at the cost cap or the token cap', () => {
    expect(budgetReached({ cost: 0.0099, tokens: 0 }, caps)).toBe(false);
    expect(budgetReached({ cost: 0.01, tokens: 0 }, caps)).toBe(true);
    expect(budgetReached({ cost: 0, tokens: 10_000 }, caps)).toBe(true);
    expect(budgetReached({ cost: 0, tokens: 10_000 }, { budgetUsd: 1, tokenCap: null })).toBe(false);
  });

  it('runs only as many calls at once as keep the overshoot within one call', () => {
    const perCall = { cost: 0.004, tokens: 1200 };
    // $0.006 left: one call fits, a second may overshoot by at most one call → 2, never 5.
    expect(concurrentCalls({ cost: 0.004, tokens: 0 }, caps, perCall, 5)).toBe(2);
    expect(concurrentCalls({ cost: 0, tokens: 0 }, { budgetUsd: 1, tokenCap: null }, perCall, 5)).toBe(5);
    // The token cap limits too: 2,000 tokens left → 2.
    expect(concurrentCalls({ cost: 0, tokens: 8000 }, { budgetUsd: 1, tokenCap: 10_000 }, perCall, 5)).toBe(2);
    // Nothing priced yet (the built-in engine): no limit.
    expect(concurrentCalls({ cost: 0, tokens: 0 }, caps, { cost: 0, tokens: 0 }, 4)).toBe(4);
    for (let left = 0.0001; left < 0.02; left += 0.0007) {
      const k = concurrentCalls({ cost: 0.02 - left, tokens: 0 }, { budgetUsd: 0.02, tokenCap: null }, perCall, 5);
      expect(k * perCall.cost).toBeLessThanOrEqual(left + perCall.cost + 1e-12);
      expect(k).toBeGreaterThanOrEqual(1);
    }
  });
});

describe('the minority report', () => {
  const withDescriptions = options.map((o) => ({ ...o, description: '' }));
  const record = (personaCode: string, roundNumber: number, position: string | null, claim: string, confidence = 0.6): ArgumentRecord => ({
    personaCode,
    roundNumber,
    phase: roundNumber === 1 ? 'initial_round' : personaCode === 'moderator' ? 'moderator_intervention' : 'deliberation',
    claim,
    evidence: [],
    assumptions: [],
    confidence,
    position,
    positionChanged: false,
    changeReason: null,
    duplicateOf: null,
  });
  const nameOf = (code: string) => code.toUpperCase();

  it('is the most confident standing case for another option', () => {
    const records = [record('cfo', 2, 'A', 'One city keeps cash.', 0.8), record('growth', 2, 'B', 'Three cities reach more.', 0.7), record('ops', 2, 'B', 'Three cities share one team.', 0.5)];
    expect(minorityReport(records, [], 'A', withDescriptions, nameOf)).toMatchObject({ personaCode: 'growth', optionId: 'B', argument: 'Three cities reach more.' });
  });

  it('keeps the case a persona made before the panel converged when nobody dissents at the end', () => {
    const records = [record('cfo', 1, 'A', 'One city keeps cash.'), record('growth', 1, 'B', 'Three cities reach more.', 0.7), record('cfo', 2, 'A', 'Still one city.'), record('growth', 2, 'A', 'One city after all.')];
    const report = minorityReport(records, [], 'A', withDescriptions, nameOf, 'B');
    expect(report).toMatchObject({ personaCode: 'growth', optionId: 'B' });
    expect(report!.argument).toContain('In round 1, before the panel converged');
  });

  it('falls back to the moderator’s case for the runner-up, and is empty only when nobody argued against the winner', () => {
    const unanimous = [record('cfo', 1, 'A', 'One city.'), record('growth', 1, 'A', 'One city too.')];
    expect(minorityReport(unanimous, [], 'A', withDescriptions, nameOf, 'B')).toBeNull();
    const challenged = [...unanimous, record('moderator', 1, 'A', 'What if three cities are the only way to reach the target?', 0)];
    expect(minorityReport(challenged, [], 'A', withDescriptions, nameOf, 'B')).toMatchObject({ personaCode: 'moderator', personaName: 'MODERATOR', optionId: 'B' });
  });
});

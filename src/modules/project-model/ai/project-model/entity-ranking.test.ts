import { describe, expect, it } from 'vitest';
import { loadCorpus } from '../../../../../bench/corpus/corpus.js';
import { examplesOf, trainEntityRanking } from '../../../../../bench/corpus/entity-ranking-training.js';
import { chooseRecords, entityFeatures, ENTITY_FEATURES } from './offline/entity-ranking.js';
import { readCandidates } from './offline/build.js';
import type { EntityFinding } from './offline/entities.js';
import { ENTITY_RANKING } from './offline/entity-ranking.weights.js';

/**
 * The entity ranking's weights are learnt, never written by hand: a change to its features, to the readers that find
 * candidates or to the corpus's development ideas fails here until `npm run train:entities` is run again.
 */
describe('the offline entity ranking', () => {
  it('is what the corpus\'s development ideas train, feature by feature', () => {
    expect(ENTITY_RANKING.features).toEqual(ENTITY_FEATURES);
    const trained = trainEntityRanking(loadCorpus().filter((item) => item.split === 'dev').flatMap(examplesOf));
    expect(trained).toEqual(ENTITY_RANKING);
  }, 120_000);
});

describe('choosing records among ranked candidates', () => {
  const finding = (term: string, order: number): EntityFinding => ({ term, lemma: term, score: 0, order, sources: [], verbs: [], derived: false });
  const chosen = (...candidates: [string, number, number][]) =>
    chooseRecords(candidates.map(([term, , order]) => finding(term, order)), candidates.map(([, likelihood]) => likelihood), 0.4, 12).map((c) => c.term);

  it('names a record by the compound its last word refers back to ("entry cards", then "the cards")', () => {
    expect(chosen(['card', 0.9, 2], ['entry card', 0.5, 1])).toEqual(['entry card']);
  });

  it('keeps the one word when the compound comes later, picks some out by a describing word, or by a time', () => {
    expect(chosen(['ticket', 0.9, 0], ['show ticket', 0.5, 3])).toEqual(['ticket']);
    expect(chosen(['patient', 0.9, 1], ['diabetic patient', 0.5, 0])).toEqual(['patient']);
    expect(chosen(['service', 0.9, 1], ['sunday service', 0.5, 0])).toEqual(['service']);
  });
});

describe('what the ranking reads of a candidate', () => {
  it('tells a thing only named where the text says how the work is done today from one named elsewhere too', () => {
    const { candidates, context } = readCandidates({ projectName: 'Crumbs', idea: 'Right now we write every cake order in a paper diary. Customers should order cakes online and pay a deposit. Each order has a collection date.' });
    const today = ENTITY_FEATURES.indexOf('only named where the text says how the work is done today');
    const feature = (term: string) => entityFeatures(candidates, context)[candidates.findIndex((c) => c.term === term)]?.[today];
    expect(feature('diary')).toBe(1);
    expect(feature('order')).toBe(0);
  });
});

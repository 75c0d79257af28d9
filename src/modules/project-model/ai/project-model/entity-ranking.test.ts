import { describe, expect, it } from 'vitest';
import { loadCorpus } from '../../../../../bench/corpus/corpus.js';
import { examplesOf, trainEntityRanking } from '../../../../../bench/corpus/entity-ranking-training.js';
import { ENTITY_FEATURES } from './offline/entity-ranking.js';
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

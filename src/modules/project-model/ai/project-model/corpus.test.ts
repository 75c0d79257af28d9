import { describe, expect, it } from 'vitest';
import { loadCorpus } from '../../../../../bench/corpus/corpus.js';
import { runMeasures } from '../../../../../bench/corpus/measures.js';
import { judgedUseCases } from '../../../../../bench/corpus/judged.js';
import { buildProjectModel } from './offline.js';

/**
 * Floors over the whole quality corpus (bench/corpus/ideas): a change that makes the offline engine find fewer of a
 * domain's real records, invent more, miss actors or drop key actions fails here. The figures per idea are printed by
 * `npm run bench:quality`; the floors sit a little below what the engine reaches over the whole corpus.
 */
// The floors follow the whole corpus. Each round of new development ideas in new domains (the third to the fifth,
// docs/decisions/010-linguistic-pipeline.md) did worse than the ideas before it when it joined, key actions most.
// Precision is lower since people the product serves are kept as records: most earlier ideas' expectations leave them
// out of the ER diagram, the later rounds' list them (decision 010, sixth round). The seventh round's ten ideas, measured
// before they were read, expect key actions in the analyst's verbs more than in the writer's, and lowered that floor.
// The eighth round's ten ideas (notes written short: slashes, "+", "w/", percentages) joined after being measured and
// read; the floors held. The ninth round's twenty (entity recall 0.44 and 0.50, key actions 0.14 and 0.24 when first
// measured) lowered the entity-recall floor by two hundredths and the key-action floor by three. The tenth round's
// twenty (key actions 0.44 and 0.32 when first measured) left the whole corpus's key actions at 0.551; that floor is a
// hundredth lower, so that it still sits below what the engine reaches. The eleventh round's ten (key actions 0.21 when
// first measured, 0.33 when they joined) left it at 0.542, and the floor another hundredth lower. The twelfth round's
// ten (lists of wishes under "What I need:"; key actions 0.10 when first measured, 0.13 when they joined) left entity
// recall at 0.599 and key actions at 0.513: those floors are 0.59 and 0.50. The thirteenth round's ten (prose without
// lists; key actions 0.06 when first measured) and a mixed one (0.13) joined as the records came to be chosen by a
// learnt ranking (decision 010): entity recall 0.630, precision 0.636, actors 0.807 and key actions 0.465 over the 206
// ideas. The fourteenth round's ten (rambling prose; key actions 0.10 when first measured) joined after being read, and
// the ranking, retrained on them, chose a higher threshold: entity recall 0.613, precision 0.656, actors 0.807 and key
// actions 0.446 over the 216 ideas. The fifteenth round's ten (clubs, trades and small services; key actions 0.07 when
// first measured) joined after being read: entity recall 0.613, precision 0.644, actors 0.801 and key actions 0.426
// over the 226 ideas, so the precision and key-action floors are a hundredth lower. Reading lists as lists of
// nouns (decision 010, eighteenth round) moved the retrained ranking's threshold from 0.37 to 0.36: entity recall
// 0.625 and precision 0.634 against 0.614 and 0.644 before, F1 0.630 against 0.629, so the recall floor is a
// hundredth higher and the precision floor a hundredth lower.
const FLOORS: Record<string, number> = {
  'entity recall': 0.62,
  'entity precision': 0.63,
  'actor recall': 0.8,
  'key actions (use cases)': 0.42,
};

describe('the offline engine over the quality corpus', () => {
  const corpus = loadCorpus();
  const evaluated = corpus.map((item) => ({ item, model: buildProjectModel({ projectName: item.name, idea: item.idea, answers: item.answers }) }));

  it('has enough ideas, held-out ones among them', () => {
    expect(corpus.length).toBeGreaterThanOrEqual(226);
    expect(corpus.filter((item) => item.split === 'holdout').length).toBeGreaterThanOrEqual(10);
  });

  // Readers judged every use case of the development ideas (bench/corpus/judged.ts): 0.739 were worth a requirement
  // and 0.733 had the right actor when they judged; 0.761 and 0.740 of those still named now. Fewer sensible use cases,
  // or most of the judged ones renamed, fails here.
  it('keeps the use cases readers judged sensible, and few of them named anew', () => {
    const judged = judgedUseCases(evaluated);
    expect(judged.sensible.total).toBeGreaterThanOrEqual(0.75);
    expect(judged.rightActor.total).toBeGreaterThanOrEqual(0.72);
    expect(judged.judged).toBeGreaterThan(judged.unjudged * 4);
  });

  it.each(runMeasures(evaluated).map((result) => [result.name, result.total] as const))('%s stays above its floor', (name, total) => {
    expect(total).toBeGreaterThanOrEqual(FLOORS[name] ?? 1);
  });
});

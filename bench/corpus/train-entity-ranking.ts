/**
 * Learns the offline engine's entity ranking from the quality corpus's development ideas and writes it to
 * src/modules/project-model/ai/project-model/offline/entity-ranking.weights.ts; the held-out ideas are never trained
 * on, and their figures are printed beside. `--check` prints the stored ranking's figures on the corpus, or on another
 * set of ideas, instead.
 *
 *   npm run train:entities
 *   QUALITY_CORPUS=/path/to/ideas npm run train:entities -- --check
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ENTITY_RANKING } from '../../src/modules/project-model/ai/project-model/offline/entity-ranking.weights.js';
import { loadCorpus } from './corpus.js';
import { choose, examplesOf, likelihoods, rankingSource, trainEntityRanking, type Choice, type Example } from './entity-ranking-training.js';

const WEIGHTS_FILE = path.join(path.dirname(fileURLToPath(import.meta.url)), '../../src/modules/project-model/ai/project-model/offline/entity-ranking.weights.ts');
const figures = ({ recall, precision, f1 }: Choice): string => `recall ${recall.toFixed(3)}, precision ${precision.toFixed(3)}, F1 ${f1.toFixed(3)}`;

const report = (label: string, examples: Example[], ranking = ENTITY_RANKING): void => {
  if (examples.length > 0) console.log(`${label}: ${figures(choose(examples, likelihoods(ranking, examples), ranking.threshold))}`);
};

if (process.argv.includes('--check')) {
  // Another set of ideas is only ever measured, never trained on.
  report('ideas', loadCorpus(process.env.QUALITY_CORPUS || undefined).flatMap(examplesOf));
} else {
  const corpus = loadCorpus();
  const development = corpus.filter((item) => item.split === 'dev').flatMap(examplesOf);
  const heldOut = corpus.filter((item) => item.split === 'holdout').flatMap(examplesOf);
  const ranking = trainEntityRanking(development);
  console.log(`${development.length} candidates from ${new Set(development.map((e) => e.file)).size} development ideas; threshold ${ranking.threshold}`);
  report('development', development, ranking);
  report('held out', heldOut, ranking);
  ranking.features.forEach((name, k) => console.log(`  ${name.padEnd(40)} ${(ranking.weights[k] ?? 0).toFixed(3)}`));
  fs.writeFileSync(WEIGHTS_FILE, rankingSource(ranking));
}

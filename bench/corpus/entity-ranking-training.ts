/**
 * Learning the weights of the offline engine's entity ranking (src/modules/project-model/ai/project-model/offline/
 * entity-ranking.ts) from quality-corpus ideas: every candidate record the readers find is labelled by whether the
 * idea's expected entities name it, a logistic model with an L2 penalty is fitted to the candidates' features, and the
 * threshold is the one whose choice of records (at most the model's maximum per idea) has the best F1 over the ideas.
 * Deterministic: the same ideas always give the same weights.
 */
import { MAX_ENTITIES, readCandidates } from '../../src/modules/project-model/ai/project-model/offline/build.js';
import type { EntityFinding } from '../../src/modules/project-model/ai/project-model/offline/entities.js';
import { chooseRecords, ENTITY_FEATURES, entityFeatures, likelihoodOf, type EntityRanking } from '../../src/modules/project-model/ai/project-model/offline/entity-ranking.js';
import type { CorpusItem } from './corpus.js';
import { namesMatch, normalizeName } from './measures.js';

export type Example = EntityFinding & { file: string; features: number[]; matches: number | undefined; expected: number };
export type Choice = { recall: number; precision: number; f1: number };

/** A strong penalty: the corpus's labels vary from analyst to analyst, and unseen ideas are what the ranking is for. */
const PENALTY = 100;
const STEPS = 4000;
const RATE = 0.5;

/** Every candidate of an idea, with the expected entity it names (its index), if any. */
export function examplesOf(item: CorpusItem): Example[] {
  const { candidates, context } = readCandidates({ projectName: item.name, idea: item.idea, answers: item.answers });
  const features = entityFeatures(candidates, context);
  return candidates.map((candidate, index) => {
    const name = normalizeName(candidate.term);
    const group = item.expected.entities.findIndex((entity) => (Array.isArray(entity) ? entity : [entity]).some((alternative) => namesMatch(name, normalizeName(alternative))));
    return { ...candidate, file: item.file, features: features[index] ?? [], matches: group === -1 ? undefined : group, expected: item.expected.entities.length };
  });
}

const sigmoid = (z: number): number => 1 / (1 + Math.exp(-z));
// "+ 0" makes a weight rounded to minus zero plain zero, as the stored JSON writes it.
const round = (value: number): number => Number(value.toFixed(4)) + 0;

/** The likelihood a ranking gives each example. */
export function likelihoods(ranking: EntityRanking, examples: readonly Example[]): number[] {
  return examples.map(({ features }) => likelihoodOf(ranking, features));
}

function standardize(rows: number[][]): { mean: number[]; scale: number[] } {
  const width = ENTITY_FEATURES.length;
  const mean = Array.from({ length: width }, (_, k) => rows.reduce((sum, row) => sum + (row[k] ?? 0), 0) / rows.length);
  const scale = Array.from({ length: width }, (_, k) => Math.sqrt(rows.reduce((sum, row) => sum + ((row[k] ?? 0) - (mean[k] ?? 0)) ** 2, 0) / rows.length) || 1);
  return { mean, scale };
}

function fit(rows: number[][], labels: number[]): { weights: number[]; bias: number } {
  const width = ENTITY_FEATURES.length;
  const weights = new Array<number>(width).fill(0);
  let bias = 0;
  for (let step = 0; step < STEPS; step += 1) {
    const gradient = new Array<number>(width).fill(0);
    let biasGradient = 0;
    rows.forEach((row, index) => {
      const error = sigmoid(row.reduce((sum, value, k) => sum + value * (weights[k] ?? 0), bias)) - (labels[index] ?? 0);
      row.forEach((value, k) => {
        gradient[k] = (gradient[k] ?? 0) + error * value;
      });
      biasGradient += error;
    });
    for (let k = 0; k < width; k += 1) weights[k] = (weights[k] ?? 0) - (RATE * ((gradient[k] ?? 0) + PENALTY * (weights[k] ?? 0))) / rows.length;
    bias -= (RATE * biasGradient) / rows.length;
  }
  return { weights, bias };
}

/** Recall and precision of each idea's choice at a threshold, summed over the ideas as the corpus measure sums them. */
export function choose(examples: readonly Example[], likelihoodOf: readonly number[], threshold: number): Choice {
  const byIdea = new Map<string, { examples: Example[]; likelihoods: number[] }>();
  examples.forEach((example, index) => {
    const idea = byIdea.get(example.file) ?? { examples: [], likelihoods: [] };
    idea.examples.push(example);
    idea.likelihoods.push(likelihoodOf[index] ?? 0);
    byIdea.set(example.file, idea);
  });
  let found = 0;
  let chosen = 0;
  let right = 0;
  let expected = 0;
  for (const idea of byIdea.values()) {
    const kept = chooseRecords(idea.examples, idea.likelihoods, threshold, MAX_ENTITIES);
    chosen += kept.length;
    right += kept.filter((example) => example.matches !== undefined).length;
    found += new Set(kept.map((example) => example.matches).filter((group) => group !== undefined)).size;
    expected += idea.examples[0]?.expected ?? 0;
  }
  const recall = expected ? found / expected : 0;
  const precision = chosen ? right / chosen : 0;
  return { recall, precision, f1: recall + precision ? (2 * recall * precision) / (recall + precision) : 0 };
}

/** The ranking learnt from `examples`, rounded as it is stored. */
export function trainEntityRanking(examples: readonly Example[]): EntityRanking {
  const { mean, scale } = standardize(examples.map(({ features }) => features));
  const rows = examples.map(({ features }) => features.map((value, k) => (value - (mean[k] ?? 0)) / (scale[k] ?? 1)));
  const { weights, bias } = fit(rows, examples.map(({ matches }) => Number(matches !== undefined)));
  const ranking: EntityRanking = { features: [...ENTITY_FEATURES], mean: mean.map(round), scale: scale.map(round), weights: weights.map(round), bias: round(bias), threshold: 0.5 };
  const likelihoodOf = likelihoods(ranking, examples);
  let best = { threshold: 0.5, f1: -1 };
  for (let hundredths = 20; hundredths <= 70; hundredths += 1) {
    const { f1 } = choose(examples, likelihoodOf, hundredths / 100);
    if (f1 > best.f1) best = { threshold: hundredths / 100, f1 };
  }
  return { ...ranking, threshold: best.threshold };
}

/** The source of the weights file. */
export function rankingSource(ranking: EntityRanking): string {
  return [
    '// Generated by `npm run train:entities` (bench/corpus/train-entity-ranking.ts) from the quality corpus; do not edit.',
    'export const ENTITY_RANKING = {',
    `  features: ${JSON.stringify(ranking.features)},`,
    `  mean: ${JSON.stringify(ranking.mean)},`,
    `  scale: ${JSON.stringify(ranking.scale)},`,
    `  weights: ${JSON.stringify(ranking.weights)},`,
    `  bias: ${ranking.bias},`,
    `  threshold: ${ranking.threshold},`,
    '};',
    '',
  ].join('\n');
}

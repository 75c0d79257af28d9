import { joinList } from '../../../../core/text/index.js';
import type { StoryEstimate, StoryEstimateInput } from './schema.js';

/**
 * The offline estimate: the points of the finished stories that read most like this one, as their median weighted
 * by how alike they read, on the planning scale. No number at all when none reads alike enough: a guess from
 * unrelated stories would look like data and is not.
 */
export const ESTIMATE_SIMILARITY = 0.3;
const MAX_COMPARED = 5;
const SCALE = [0, 1, 2, 3, 5, 8, 13, 20, 40, 100];

const percent = (similarity: number) => `${Math.round(similarity * 100)}%`;
const pointsText = (points: number) => `${points} point${points === 1 ? '' : 's'}`;

/** The scale's value nearest to `value` (the smaller one on a tie). */
export function onScale(value: number): number {
  return SCALE.reduce((best, step) => (Math.abs(step - value) < Math.abs(best - value) ? step : best), SCALE[0]!);
}

function weightedMedian(items: ReadonlyArray<{ value: number; weight: number }>): number {
  const sorted = [...items].sort((a, b) => a.value - b.value);
  const half = sorted.reduce((sum, item) => sum + item.weight, 0) / 2;
  let running = 0;
  for (const item of sorted) {
    running += item.weight;
    if (running >= half) return item.value;
  }
  return sorted.at(-1)?.value ?? 0;
}

export function estimateOffline(input: StoryEstimateInput): StoryEstimate {
  const ranked = [...input.candidates].sort((a, b) => b.similarity - a.similarity || a.key.localeCompare(b.key));
  const close = ranked.filter((c) => c.similarity >= ESTIMATE_SIMILARITY).slice(0, MAX_COMPARED);
  const comparedTo = close.map((c) => ({ storyId: c.storyId, key: c.key, title: c.title, storyPoints: c.storyPoints, similarity: c.similarity }));
  if (!close.length) {
    const nearest = ranked[0];
    return {
      storyPoints: null,
      comparedTo: [],
      explanation: !input.candidates.length
        ? 'The project has no finished story with points yet, so there is nothing to compare with; estimate it with the team.'
        : nearest && nearest.similarity > 0
          ? `No finished story reads like this one: the closest, ${nearest.key}, is only ${percent(nearest.similarity)} alike, so estimate it with the team.`
          : 'No finished story reads like this one, so estimate it with the team.',
    };
  }
  const storyPoints = onScale(weightedMedian(close.map((c) => ({ value: c.storyPoints, weight: c.similarity }))));
  const listed = joinList(close.map((c) => `${c.key} (${pointsText(c.storyPoints)}, ${percent(c.similarity)} alike)`));
  const basis = close.length === 1 ? `the one finished story that reads alike: ${listed}` : `the ${close.length} finished stories that read most alike, weighted by how alike they are: ${listed}`;
  return { storyPoints, comparedTo, explanation: `The suggestion is ${pointsText(storyPoints)}, from ${basis}.` };
}

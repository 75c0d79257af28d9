import type { OptionInput, PersonaProfile, Problem } from '../inputs.js';
import { FAMILIES } from './families.js';
import { features, optionFeatures, type Feature, type Features } from './features.js';
import { problemText } from './facts.js';
import { unit } from './words.js';

/**
 * A persona's view of the options: each option's features weighed by what its discipline cares about, pulled by its
 * appetite for risk (a bold persona likes size, speed and upside; a careful one likes what can be undone), and by
 * what the problem says (a tight budget makes everyone count the cost). The seed only breaks near-ties.
 */
export type ScoredOption = { id: string; label: string; features: Features; score: number; contributions: Record<Feature, number> };

/** Below this difference two options count as tied, and the seed decides. */
export const TIE = 0.02;

const APPETITE: Partial<Record<Feature, number>> = { scale: 0.5, speed: 0.4, upside: 0.5, reversibility: -0.4, risk: 0.3 };

/** What the problem's own words add to every persona's weights. */
export function pressures(problem: Problem): Partial<Record<Feature, number>> {
  const text = problemText(problem).toLowerCase();
  const add: Partial<Record<Feature, number>> = {};
  const bump = (feature: Feature, by: number) => (add[feature] = (add[feature] ?? 0) + by);
  if (/\b(?:tight|limited|short|little|low|running out of|only)\b[^.\n]{0,30}\b(?:budget|runway|cash|money|funds?)\b|\b(?:budget|runway|cash)\b[^.\n]{0,20}\b(?:tight|limited|short|low)\b/.test(text)) bump('cost', -0.5);
  if (/\b(?:deadline|competitor|window|urgent|asap|before (?:they|our|the)|first mover)\b|\bwithin \d+ (?:hours|days)\b/.test(text)) bump('speed', 0.4);
  if (/\b(?:regulat\w*|gdpr|complian\w*|breach|lawsuit|fine[sd]?)\b/.test(text)) bump('risk', -0.3);
  if (/\b(?:waitlist|waiting list|sign[- ]?ups|pre-?orders|strong demand|customers (?:ask|asked|want))\b/.test(text)) bump('upside', 0.3);
  return add;
}

export function weightsFor(persona: PersonaProfile, problem: Problem): Record<Feature, number> {
  const family = FAMILIES[persona.family].weights;
  const extra = pressures(problem);
  const result = {} as Record<Feature, number>;
  for (const feature of features) result[feature] = (family[feature] ?? 0) + persona.riskAppetite * (APPETITE[feature] ?? 0) + (extra[feature] ?? 0);
  return result;
}

export function scoreOptions(persona: PersonaProfile, problem: Problem, options: readonly OptionInput[], seed: number): ScoredOption[] {
  const weights = weightsFor(persona, problem);
  // Scores are scaled so two mirror-image options differ by at most about 1, whatever the number of weights.
  const scale = 2 * Math.max(features.reduce((sum, feature) => sum + Math.abs(weights[feature]), 0), 0.5);
  const rows = optionFeatures(options.map((o) => o.label));
  return options.map((option, i) => {
    const row = rows[i]!;
    const contributions = {} as Record<Feature, number>;
    let score = 0;
    for (const feature of features) {
      contributions[feature] = (row[feature] * weights[feature]) / scale;
      score += contributions[feature];
    }
    return { id: option.id, label: option.label, features: row, score: score + unit(`${persona.code}:${option.id}`, seed) * TIE, contributions };
  });
}

/** Best first. */
export function ranked<T extends ScoredOption>(scored: readonly T[]): T[] {
  return [...scored].sort((a, b) => b.score - a.score || a.id.localeCompare(b.id));
}

/** The feature that separates two options most in this persona's eyes, and whether `a` has more of it. */
export function decidingFeature(a: ScoredOption, b: ScoredOption, skip: readonly Feature[] = []): { feature: Feature; more: boolean } | undefined {
  let best: { feature: Feature; more: boolean; gap: number } | undefined;
  for (const feature of features) {
    if (skip.includes(feature)) continue;
    const gap = a.contributions[feature] - b.contributions[feature];
    const difference = a.features[feature] - b.features[feature];
    if (Math.abs(difference) < 0.15) continue;
    if (!best || gap > best.gap) best = { feature, more: difference > 0, gap };
  }
  return best && best.gap > 0 ? { feature: best.feature, more: best.more } : undefined;
}

/** The features on which two options visibly differ, largest difference first. */
export function differences(a: ScoredOption, b: ScoredOption): Array<{ feature: Feature; more: boolean }> {
  return features
    .map((feature) => ({ feature, difference: a.features[feature] - b.features[feature] }))
    .filter((d) => Math.abs(d.difference) >= 0.15)
    .sort((x, y) => Math.abs(y.difference) - Math.abs(x.difference))
    .map((d) => ({ feature: d.feature, more: d.difference > 0 }));
}

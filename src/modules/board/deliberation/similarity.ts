/**
 * How much of a contribution is new, and whether it repeats an earlier one — pure functions over content words, so the
 * thresholds in configuration (BOARD_NOVELTY_THRESHOLD, BOARD_DUPLICATE_SIMILARITY) mean the same on every engine.
 */

/** Words that carry no argument: left out before comparing. */
const STOP_WORDS = new Set(
  `a about above after again against all also am an and any are as at be because been before being below between both but by
  can could did do does doing down during each few for from further had has have having he her here hers him his how i if in
  into is it its itself just may me might more most must my no nor not now of off on once only or other our ours out over own
  same shall she should so some such than that the their theirs them then there these they this those through to too under
  until up very was we were what when where which while who whom why will with would you your yours option options expert
  experts panel view think believe`
    .split(/\s+/)
    .filter(Boolean),
);

/** Lower-cased words of three letters or more (or any number), stop words left out, in order. */
export function contentWords(text: string): string[] {
  return (text.toLowerCase().match(/[\p{L}\p{N}]+(?:['’][\p{L}]+)?/gu) ?? []).filter(
    (word) => !STOP_WORDS.has(word) && (word.length >= 3 || /\d/.test(word)),
  );
}

/** Overlapping runs of `size` content words; a text shorter than that is its one run. */
export function shingles(text: string, size = 2): Set<string> {
  const words = contentWords(text);
  if (words.length < size) return new Set(words.length ? [words.join(' ')] : []);
  const runs = new Set<string>();
  for (let i = 0; i + size <= words.length; i++) runs.add(words.slice(i, i + size).join(' '));
  return runs;
}

/** Jaccard similarity (0–1) of two texts' word shingles: 1 for the same argument reworded only in stop words. */
export function textSimilarity(a: string, b: string, size = 2): number {
  const left = shingles(a, size);
  const right = shingles(b, size);
  if (left.size === 0 && right.size === 0) return 1;
  let shared = 0;
  for (const run of left) if (right.has(run)) shared += 1;
  return shared / (left.size + right.size - shared);
}

/** The earlier text `text` nearly repeats (similarity ≥ threshold, most similar first), or undefined. */
export function nearDuplicateOf<T extends { content: string }>(text: string, earlier: readonly T[], threshold: number): T | undefined {
  let best: { item: T; score: number } | undefined;
  for (const item of earlier) {
    const score = textSimilarity(text, item.content);
    if (score >= threshold && (!best || score > best.score)) best = { item, score };
  }
  return best?.item;
}

/**
 * A round's novelty: the share of the distinct content words of its contributions that no earlier contribution used.
 * 1 for a first round; near 0 when the panel only repeats itself.
 */
export function roundNovelty(roundTexts: readonly string[], earlierTexts: readonly string[]): number {
  const seen = new Set(earlierTexts.flatMap(contentWords));
  const words = new Set(roundTexts.flatMap(contentWords));
  if (words.size === 0) return 0;
  let fresh = 0;
  for (const word of words) if (!seen.has(word)) fresh += 1;
  return fresh / words.size;
}

/** True when some evidence item of the round says something no earlier evidence item said (by near-duplicate test). */
export function hasNewEvidence(roundEvidence: readonly string[], earlierEvidence: readonly string[], threshold: number): boolean {
  const earlier = earlierEvidence.map((content) => ({ content }));
  return roundEvidence.some((item) => !nearDuplicateOf(item, earlier, threshold));
}

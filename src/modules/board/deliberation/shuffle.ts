/**
 * Anonymous, per-persona shuffled peer review (llm-council #592): each persona reads the others in its own order,
 * under labels that change every round, so no one can follow a voice across rounds or favour the first one listed.
 * Seeded: the same session seed, persona and round give the same order (the offline engine stays repeatable).
 */
import { fnv1a, seededRandom } from '../../../core/text/index.js';


/** Fisher–Yates with a generator seeded by the session seed and `salt` (e.g. persona and round). */
export function seededShuffle<T>(items: readonly T[], seed: number, salt: string): T[] {
  const random = seededRandom(fnv1a(`${seed}:${salt}`));
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

/** "Expert A", "Expert B", …: labels given in the shuffled order, so they say nothing about who spoke. */
export function expertLabel(index: number): string {
  return `Expert ${String.fromCharCode(65 + (index % 26))}${index >= 26 ? Math.floor(index / 26) : ''}`;
}

/**
 * What `reader` sees of the others in `round`: everyone but itself, shuffled for it, labelled in that order.
 * `codeOf` names each item's author.
 */
export function anonymizeFor<T>(reader: string, items: readonly T[], codeOf: (item: T) => string, seed: number, round: number): Array<{ label: string; item: T }> {
  const others = items.filter((item) => codeOf(item) !== reader);
  return seededShuffle(others, seed, `${reader}:${round}`).map((item, index) => ({ label: expertLabel(index), item }));
}

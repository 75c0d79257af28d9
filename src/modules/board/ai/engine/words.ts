import { parseText, type TaggedToken } from '../../../../core/text/nlp/index.js';
import { FNV_OFFSET_BASIS, fnv1a, oneLine, truncate } from '../../../../core/text/index.js';

/**
 * Small word-level helpers the offline engine composes its text with: tokens with their place in the text, the
 * "-ing" form of a verb, quoting and lower-casing a label for use inside a sentence.
 */
export type PlacedToken = TaggedToken & { start: number; end: number };

/** Tags a fragment as the predicate of "We …", so a bare verb is read as a verb; offsets are into the fragment. */
export function tagPredicate(fragment: string): PlacedToken[] {
  const prefix = 'We ';
  const text = prefix + fragment;
  const tokens = parseText(text).flatMap((sentence) => sentence.tokens);
  const placed: PlacedToken[] = [];
  let cursor = 0;
  for (const token of tokens) {
    const at = text.indexOf(token.text, cursor);
    if (at < 0) continue;
    cursor = at + token.text.length;
    if (at < prefix.length) continue;
    placed.push({ ...token, start: at - prefix.length, end: cursor - prefix.length });
  }
  return placed;
}

/** The text a run of tokens covers, as written. */
export function span(text: string, tokens: readonly PlacedToken[], from: number, to = tokens.length): string {
  const first = tokens[from];
  const last = tokens[to - 1];
  if (!first || !last || to <= from) return '';
  return text.slice(first.start, last.end);
}

/** "launch" → "launching", "hire" → "hiring", "shut" → "shutting", "buy" → "buying". */
export function gerund(lemma: string): string {
  const word = lemma.toLowerCase();
  if (/ie$/.test(word)) return `${word.slice(0, -2)}ying`;
  if (/(?:ee|ye|oe)$/.test(word) || word === 'be') return `${word}ing`;
  if (/[^aeiou]e$/.test(word)) return `${word.slice(0, -1)}ing`;
  if (/^[^aeiou]*[aeiou][^aeiouwxy]$/.test(word)) return `${word}${word.slice(-1)}ing`;
  return `${word}ing`;
}

/** An imperative label as a gerund phrase: "Launch in three cities" → "launching in three cities". */
export function gerundPhrase(label: string): string {
  const match = /^(\S+)(.*)$/.exec(label.trim());
  if (!match) return label;
  const [, verb = '', rest = ''] = match;
  if (/^do$/i.test(verb) && /^\s+not\b/i.test(rest)) return `not ${gerundPhrase(rest.replace(/^\s+not\s+/i, ''))}`;
  return `${gerund(verb)}${rest}`;
}

/** A label quoted for use inside a sentence. */
export function quoted(label: string): string {
  return `“${label.replace(/[.!?]+$/, '')}”`;
}

/** A label lower-cased at its first letter unless it starts with a name or an acronym ("Launch" → "launch"). */
export function lowerFirst(text: string): string {
  if (/^[A-Z][A-Z0-9]/.test(text)) return text;
  return text.charAt(0).toLowerCase() + text.slice(1);
}

/** Lower-case content-word stems of a text, for overlap between facts, options and lenses. */
export function keywords(text: string): Set<string> {
  const words = text.toLowerCase().match(/[\p{L}][\p{L}\p{N}'-]{2,}/gu) ?? [];
  return new Set(words.filter((w) => !COMMON.has(w)).map((w) => w.replace(/(?:ies|es|s|ing|ed)$/, '')));
}

const COMMON = new Set(
  'the and for with that this from into our your their they them then than what which when where who whom whose why how should would could will shall must can may might not yet now are was were been being have has had does did doing its it’s it\'s about over under more less most least also just only very some any all each every other such there here both either neither whether between first one'.split(' '),
);

export function overlap(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  let count = 0;
  for (const word of a) if (b.has(word)) count += 1;
  return count;
}

/** Whole sentences cut to a length, at a sentence end when possible, else at a word with an ellipsis. */
export function clip(text: string, max: number): string {
  const flat = oneLine(text);
  if (flat.length <= max) return flat;
  const cut = flat.slice(0, max - 1);
  const end = Math.max(cut.lastIndexOf('. '), cut.lastIndexOf('? '), cut.lastIndexOf('! '));
  return end > max / 2 ? cut.slice(0, end + 1) : truncate(flat, max);
}

/** A stable 32-bit hash of a string and a seed: the engine's only source of variation. */
export function hash(text: string, seed = 0): number {
  let h = fnv1a(text, (FNV_OFFSET_BASIS ^ seed) >>> 0);
  // A finalizer, so that texts differing only in their last character land far apart.
  h ^= h >>> 15;
  h = Math.imul(h, 2246822507) >>> 0;
  h ^= h >>> 13;
  return h >>> 0;
}

/** A number in [0, 1) from a hash. */
export function unit(text: string, seed = 0): number {
  return hash(text, seed) / 4294967296;
}

export function wordCount(text: string): number {
  return (text.match(/[\p{L}\p{N}][\p{L}\p{N}'’-]*/gu) ?? []).length;
}

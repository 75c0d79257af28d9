/**
 * A word: letters and digits, with an apostrophe ending ("walker's", "isn’t") or inner hyphens and dots ("e-mail",
 * "Node.js", "3.5") kept inside. Global: use it with matchAll, which works on a copy.
 */
export const WORD = /[\p{L}\p{N}][\p{L}\p{M}\p{N}]*(?:['’][\p{L}]+|[-.][\p{L}\p{N}][\p{L}\p{M}\p{N}]*)*/gu;
/** A word or a single punctuation mark, so that readers of a sentence see where punctuation breaks it. */
export const WORD_OR_MARK = new RegExp(`${WORD.source}|[^\\s\\p{L}\\p{N}]`, 'gu');

/** Lower-case words of the text ("walker's" and "e-mail" stay one word). */
export function tokenize(text: string): string[] {
  return Array.from(text.matchAll(WORD), (match) => normalizeApostrophe(match[0].toLowerCase()));
}

/** Typographic apostrophes as plain ones, so "isn’t" and "isn't" are the same word. */
export function normalizeApostrophe(word: string): string {
  return word.replace(/’/g, "'");
}

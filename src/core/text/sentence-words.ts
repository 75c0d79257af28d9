import { singularize } from './inflection.js';
import { normalizeApostrophe, WORD_OR_MARK } from './tokenize.js';

/** A word in its sentence. `key` groups inflections: lower case, singular, without a possessive "'s". */
export type Word = {
  surface: string;
  lower: string;
  key: string;
  possessive: boolean;
  /** True when punctuation separates this word from the previous one. */
  breakBefore: boolean;
  sentence: number;
};

/** The words of a sentence in order, each with its singular key and whether punctuation comes before it. */
export function sentenceWords(sentence: string, sentenceIndex: number): Word[] {
  const result: Word[] = [];
  let pendingBreak = true;
  for (const [token] of sentence.matchAll(WORD_OR_MARK)) {
    if (!/^[\p{L}\p{N}]/u.test(token)) {
      pendingBreak = true;
      continue;
    }
    const lower = normalizeApostrophe(token.toLowerCase());
    const possessive = lower.endsWith("'s");
    const base = possessive ? lower.slice(0, -2) : lower;
    result.push({ surface: token, lower: base, key: singularize(base), possessive, breakBefore: pendingBreak, sentence: sentenceIndex });
    pendingBreak = false;
  }
  return result;
}

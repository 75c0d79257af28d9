import { STOP_WORDS } from './stop-words.js';
import { tokenize } from './tokenize.js';
import { wordSet } from './word-set.js';

/** Fillers of product and business prose that carry little meaning on their own ("app", "easily", "need"). */
export const LOW_SIGNAL = wordSet(`
  able allow allowed allowing allows app apps basic basically best better certain
  different easily easy enable enables especially etc e.g i.e every feature features get gets getting good got great
  help helps idea ideas important kind lets like likes lot lots main make makes making many maybe need needed needs
  new nice ok okay people person platform please possible probably product products provide provides really simple
  simply software solution something specific stuff support supports sure system systems thing things think
  use used uses using various want wanted wants way ways website well whole yes`);

/** Words that mean something on their own: no stop words, fillers or bare numbers. */
export function contentWords(text: string): string[] {
  return tokenize(text).filter(isContentWord);
}

/** For a lower-case word: whether it is no stop word or filler and has a letter and more than one character. */
export function isContentWord(lower: string): boolean {
  return !STOP_WORDS.has(lower) && !LOW_SIGNAL.has(lower) && /\p{L}/u.test(lower) && lower.length > 1;
}

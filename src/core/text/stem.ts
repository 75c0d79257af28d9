import { singularize } from './inflection.js';
import { normalizeApostrophe } from './tokenize.js';

/** A light stem for matching words across inflections: refunds, refunded, refundable → refund; cancellation → cancel. */
export function stem(word: string): string {
  let result = singularize(normalizeApostrophe(word.toLowerCase()).replace(/'s$/, ''));
  for (const suffix of ['ation', 'ing', 'ed', 'able', 'ible', 'ment', 'ly']) {
    if (result.endsWith(suffix) && result.length - suffix.length >= 4) {
      result = result.slice(0, -suffix.length);
      break;
    }
  }
  // Same rule for every word, so that "cancel" meets "cancellation" and "ship" meets "shipping".
  result = result.replace(/([^aeiou])\1$/, '$1');
  return result.length > 4 ? result.replace(/e$/, '') : result;
}

import { singularize } from '../../../core/text/index.js';

/** Phrases compared regardless of inflection: "Dog owners'" and "dog owner" have the same key. */
export function phraseKey(lowerWords: readonly string[]): string {
  return lowerWords.map((word) => singularize(word.replace(/'s$/, ''))).join(' ');
}

/** Whether a phrase key contains another as whole words. */
export function containsPhrase(longer: string, shorter: string): boolean {
  return ` ${longer} `.includes(` ${shorter} `);
}

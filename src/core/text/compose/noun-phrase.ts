import { pluralize } from '../inflection.js';
import type { GrammaticalNumber } from './verbs.js';
import { indefiniteArticle } from './articles.js';

/**
 * A noun phrase from its parts: the head noun in its singular form ("booking request"), modifiers that go before it
 * ("signed-in"), the number and the determiner. A modifier the head already carries is not repeated, so "signed-in"
 * on "signed-in volunteer" stays one "signed-in".
 */
export type Determiner = 'a' | 'the' | 'each' | 'every' | 'none';

export type NounPhraseParts = {
  head: string;
  number?: GrammaticalNumber;
  determiner?: Determiner;
  modifiers?: readonly string[];
};

export type NounPhrase = { text: string; number: GrammaticalNumber };

function words(text: string): string[] {
  return text.trim().split(/\s+/).filter(Boolean);
}

export function nounPhrase(parts: NounPhraseParts): NounPhrase {
  const number = parts.number ?? 'singular';
  const head = words(parts.head).join(' ');
  const headWords = new Set(words(head.toLowerCase()));
  const modifiers: string[] = [];
  for (const modifier of parts.modifiers ?? []) {
    const kept = words(modifier).filter((w) => !headWords.has(w.toLowerCase()) && !modifiers.some((m) => m.toLowerCase() === w.toLowerCase()));
    modifiers.push(...kept);
  }
  const body = [...modifiers, number === 'plural' ? pluralize(head) : head].join(' ');
  const determiner = parts.determiner ?? 'none';
  // "a"/"each"/"every" take one thing; with a plural they fall away ("members", not "a members").
  if (determiner === 'none' || (number === 'plural' && determiner !== 'the')) return { text: body, number };
  const word = determiner === 'a' ? indefiniteArticle(body) : determiner;
  return { text: `${word} ${body}`, number };
}

/** The third-person plural pronoun as a subject: "they return", "they can be reached". */
export const THEY: NounPhrase = { text: 'they', number: 'plural' };

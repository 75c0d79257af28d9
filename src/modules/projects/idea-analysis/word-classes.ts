/** Guesses at a word's class from its form and the word lists: adverb, plural, possible verb, adjective. */
import { STOP_WORDS, wordSet, type Word } from '../../../core/text/index.js';
import { MODALS, NUMBER_WORDS } from './lexicon/function-words.js';
import { ACTION_ADVERBS, ADJECTIVES, IRREGULAR_PARTICIPLES, LY_WORDS, PHRASE_ADVERBS } from './lexicon/modifiers.js';
import { NOUNS_IN_AL } from './lexicon/things.js';

/** An adverb by list or by its -ly ending, or "never"/"not": words that qualify a verb or end a noun phrase. */
export function isAdverbLike(word: Word): boolean {
  return PHRASE_ADVERBS.has(word.lower) || ACTION_ADVERBS.has(word.lower) || word.lower === 'never' || word.lower === 'not' || (/[a-z]{3}ly$/.test(word.lower) && !LY_WORDS.has(word.lower));
}

/** Nouns that take a plural verb without a plural ending: "door staff scan tickets". */
const PLURAL_NOUNS = wordSet(`staff personnel people police crew cattle`);

/** A plural by ending (its singular key differs) or by nature ("staff"); possessives never count. */
export function looksPlural(word: Word): boolean {
  return !word.possessive && (word.key !== word.lower || PLURAL_NOUNS.has(word.lower));
}

/** A word that could be a verb: a letter word that is no stop word, number or known noun of a role. */
export function couldBeVerb(word: Word | undefined): boolean {
  return word !== undefined && /^\p{Ll}/u.test(word.surface) && !STOP_WORDS.has(word.lower) && !MODALS.has(word.lower) && !isAdverbLike(word) && !NUMBER_WORDS.has(word.lower) && !ADJECTIVES.has(word.lower);
}

/** "signed", "weekly", "legal", "next-day", "-ing" forms: words that describe a noun rather than name one. */
export function isAdjectiveLike(word: Word, asHead = false): boolean {
  if (ADJECTIVES.has(word.lower) || word.lower.includes('-')) return true;
  if (/(?:ed|ous|ful|less)$/.test(word.lower) || IRREGULAR_PARTICIPLES.has(word.lower) || (/ly$/.test(word.lower) && !LY_WORDS.has(word.lower))) return true;
  return !asHead && (/(?:ive|ic|ing)$/.test(word.lower) || (/al$/.test(word.lower) && !NOUNS_IN_AL.has(word.lower)));
}

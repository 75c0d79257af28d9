import { isContentWord, STOP_WORDS, type Word } from '../../../core/text/index.js';
import type { NounPhrase } from './clauses.js';
import { CLAUSE_BREAKERS, DETERMINERS, HAVE_VERBS, MODALS, NUMBER_WORDS } from './lexicon/function-words.js';
import { ADJECTIVES } from './lexicon/modifiers.js';
import { isRoleWord } from './lexicon/people.js';
import { ATTRIBUTE_WORDS, FACET_NOUNS, GENERIC_NOUNS, PRODUCT_NOUNS, QUANTITY_NOUNS, SCREEN_NOUNS, TIME_NOUNS } from './lexicon/things.js';
import type { Reading } from './reading.js';
import { isAdjectiveLike } from './word-classes.js';

/**
 * The entity a noun phrase names: its head, with a noun modifier when it has one ("stock movement", "job opening"); a
 * modifier alone when the head is a field or facet of it ("visit time" → visit, with time). People, the product,
 * screens, adjectives and verb forms name no entity; a generic or field word ("level") only where the text treats it as
 * a thing of its own: the subject of a verb ("levels get harder") or "each level".
 */
export function phraseEntity(sentence: Word[], phrase: NounPhrase, reading: Reading, actorKeys: Set<string>): { name: string; attributes: string[] } | undefined {
  const head = sentence[phrase.end - 1];
  const modifier = phrase.end - 2 >= phrase.start ? sentence[phrase.end - 2] : undefined;
  if (!head) return undefined;
  const excluded = (word: Word): boolean =>
    isRoleWord(word.key) || actorKeys.has(word.key) || reading.products.has(word.key) || PRODUCT_NOUNS.has(word.key) || /\p{Lu}.*\p{Lu}/u.test(word.surface);
  const usableModifier = modifier !== undefined && isEntityWord(modifier) && !isAdjectiveLike(modifier) && !isRoleWord(modifier.key) && !actorKeys.has(modifier.key) && !ATTRIBUTE_WORDS.has(modifier.key) && !GENERIC_NOUNS.has(modifier.key);
  // "orders with a delivery address": a field of the record before it
  if (phrase.preposition === 'with' && ATTRIBUTE_WORDS.has(head.key)) return undefined;
  if (!isEntityWord(head) && !GENERIC_NOUNS.has(head.key)) return undefined;
  if (excluded(head) || SCREEN_NOUNS.has(head.key) || isAdjectiveLike(head, true) || (/ing$/.test(head.lower) && phrase.determiner === undefined)) return undefined;
  const ownThing = ((phrase.slot === 'subject' && phrase.active) || phrase.determiner === 'each' || phrase.determiner === 'every') && !TIME_NOUNS.has(head.key);
  // "60 frames per second", "the number of boxes": a rate or a quantity, not a record
  const counted = phrase.determiner !== undefined && (/^\d/.test(phrase.determiner) || NUMBER_WORDS.has(phrase.determiner));
  if ((counted && sentence[phrase.end]?.lower === 'per') || (QUANTITY_NOUNS.has(head.key) && sentence[phrase.end]?.lower === 'of')) return undefined;
  if (ATTRIBUTE_WORDS.has(head.key) || FACET_NOUNS.has(head.key)) {
    if (usableModifier) return { name: modifier.key, attributes: ATTRIBUTE_WORDS.has(head.key) ? [head.lower] : [] };
    return ownThing && !FACET_NOUNS.has(head.key) ? { name: head.key, attributes: [] } : undefined;
  }
  if (TIME_NOUNS.has(head.key) || (GENERIC_NOUNS.has(head.key) && !usableModifier && !ownThing)) return undefined;
  return { name: usableModifier ? `${modifier.lower} ${head.key}` : head.key, attributes: [] };
}

/** "time entry" in "each time entry has …": a noun modifier counts when a determiner or the sentence start precedes it. */
export function compoundName(sentence: Word[], headIndex: number): string {
  const head = sentence[headIndex];
  const modifier = sentence[headIndex - 1];
  const before = sentence[headIndex - 2];
  if (!head) return '';
  const modifierFits = modifier && !head.breakBefore && !modifier.possessive && (isEntityWord(modifier) || GENERIC_NOUNS.has(modifier.key)) && !ATTRIBUTE_WORDS.has(modifier.key);
  if (modifierFits && (headIndex === 1 || (before && DETERMINERS.has(before.lower)))) return `${modifier.lower} ${head.key}`;
  return head.key;
}

export function isEntityWord(word: Word): boolean {
  return (
    isContentWord(word.lower) &&
    !GENERIC_NOUNS.has(word.key) &&
    !ADJECTIVES.has(word.lower) &&
    !MODALS.has(word.lower) &&
    !HAVE_VERBS.has(word.lower) &&
    /^\p{L}/u.test(word.lower) &&
    !/^\p{Lu}{2,}/u.test(word.surface) &&
    !/ly$/.test(word.lower) &&
    word.key.length >= 3
  );
}

/** "a date, a duration and an optional price" → ['date', 'duration', 'optional price'] (up to the clause's end). */
export function attributeList(sentence: Word[], from: number, verbs: ReadonlySet<number> = new Set()): string[] {
  const items: string[] = [];
  // ", and customers order …": a new clause, not another attribute
  const clauseAhead = (index: number): boolean => {
    for (let j = index; j < sentence.length; j++) {
      const word = sentence[j];
      if (!word || (j > index && (word.breakBefore || ['and', 'or'].includes(word.lower)))) return false;
      if (verbs.has(j)) return true;
    }
    return false;
  };
  let item: string[] = [];
  const flush = (): void => {
    while (item.length && STOP_WORDS.has(item[item.length - 1] ?? '')) item.pop();
    if (item.length) items.push(item.join(' '));
    item = [];
  };
  for (let i = from; i < sentence.length && items.length < 8; i++) {
    const word = sentence[i];
    if (!word) break;
    if (i > from && word.breakBefore) {
      flush();
      if (clauseAhead(['and', 'or'].includes(word.lower) ? i + 1 : i)) break;
    }
    if (['and', 'or'].includes(word.lower) || (word.lower === 'as' && sentence[i + 1]?.lower === 'well')) {
      flush();
      if (clauseAhead(i + 1)) break;
      continue;
    }
    if (CLAUSE_BREAKERS.has(word.lower) || MODALS.has(word.lower) || (STOP_WORDS.has(word.lower) && item.length > 0 && word.lower !== 'of')) {
      flush();
      break;
    }
    if (item.length === 0 && (STOP_WORDS.has(word.lower) || DETERMINERS.has(word.lower) || /^\d+$/.test(word.lower) || word.lower === 'well')) continue;
    if (item.length < 3) item.push(word.lower);
  }
  flush();
  return items.filter((attribute) => /\p{L}/u.test(attribute));
}

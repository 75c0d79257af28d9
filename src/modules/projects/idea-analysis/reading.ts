import type { Word } from '../../../core/text/index.js';
import { clausesOf, phraseRun, type Clauses } from './clauses.js';
import { CLAUSE_BREAKERS, DETERMINERS, MODALS, POSSESSIVE_PRONOUNS } from './lexicon/function-words.js';
import { isRoleWord } from './lexicon/people.js';

/** What the clause structure says about the words of a text, shared by actors and entities. */
export type Reading = {
  clauses: Clauses[];
  /** Heads of noun phrases that act as the subject of a verb or modal somewhere in the text. */
  subjects: Set<string>;
  /** Heads of the phrases that name the product itself: "A meal planner for …", "Atlas is a contract tool for …". */
  products: Set<string>;
  /** Per sentence, the positions of an attribute list: "each transaction has an amount, a date and a merchant". */
  attributePositions: Array<Set<number>>;
  /** Words the text uses after a determiner somewhere ("a pickup slot"): nouns, even where they could be verbs. */
  nounish: Set<string>;
};

/** Reads the clauses of every sentence once, and what they say about subjects, the product and attribute lists. */
export function readingOf(sentences: Word[][]): Reading {
  const nounish = new Set<string>();
  for (const sentence of sentences) {
    sentence.forEach((word, index) => {
      const previous = sentence[index - 1];
      if (previous && !word.breakBefore && (DETERMINERS.has(previous.lower) || POSSESSIVE_PRONOUNS.has(previous.lower))) nounish.add(word.lower);
    });
  }
  const clauses = sentences.map((sentence) => clausesOf(sentence, nounish));
  const subjects = new Set<string>();
  clauses.forEach((clause, i) => {
    for (const phrase of clause.phrases) {
      const head = sentences[i]?.[phrase.end - 1];
      if (head && phrase.slot === 'subject' && phrase.active) subjects.add(head.key);
    }
  });
  const products = new Set<string>();
  for (const sentence of sentences) {
    // "A/An … X for|where|that|which|to|with …" at the start of a sentence, or "Name is a … X for …"
    let from = -1;
    if (['a', 'an'].includes(sentence[0]?.lower ?? '')) from = 1;
    else if (['is', 'are'].includes(sentence[1]?.lower ?? '') && ['a', 'an'].includes(sentence[2]?.lower ?? '')) from = 3;
    if (from === -1) continue;
    const end = phraseRun(sentence, from);
    const next = sentence[end];
    if (end > from && (!next || next.breakBefore || ['for', 'where', 'that', 'which', 'to', 'with', 'of'].includes(next.lower))) {
      const head = sentence[end - 1];
      if (head) products.add(head.key);
    }
  }
  const attributePositions = sentences.map((sentence) => {
    const positions = new Set<number>();
    sentence.forEach((word, index) => {
      if (!['has', 'have', 'contains', 'contain', 'includes', 'include'].includes(word.lower)) return;
      const subject = sentence[index - 1];
      if (!subject || word.breakBefore || isRoleWord(subject.key) || ['to', 'been'].includes(sentence[index + 1]?.lower ?? '')) return;
      for (let i = index + 1; i < sentence.length; i++) {
        const item = sentence[i];
        if (!item || (CLAUSE_BREAKERS.has(item.lower) && !['and', 'or'].includes(item.lower)) || MODALS.has(item.lower)) break;
        positions.add(i);
      }
    });
    return positions;
  });
  return { clauses, subjects, products, attributePositions, nounish };
}

import type { TaggedToken } from './tagger.js';
import { knows, senses } from './wordnet.js';

/**
 * Noun-phrase chunking over tagged tokens: a run of adjectives, numbers and nouns ending in a noun ("two hours",
 * "a weekly shopping list", "the member's tools" → "member", "tools"), with the determiner before it. The head is the
 * last noun; the words before it are its modifiers.
 */
export type NounPhrase = {
  /** Index of the first token (the determiner when there is one) and one past the last. */
  start: number;
  end: number;
  /** The words of the phrase without the determiner, as written. */
  text: string;
  /** The head noun as written and its lemma (lower case, singular). */
  head: TaggedToken;
  headIndex: number;
  /** Lemmas of the nouns before the head ("shopping" in "shopping list"). */
  nouns: string[];
  /** Lemmas of the adjectives in the phrase. */
  adjectives: string[];
  /** The number written in the phrase, as written ("two", "3"). */
  number?: string;
  determiner?: string;
  /** Whether the head is plural as written. */
  plural: boolean;
};

/** Possessive determiners: "our technicians", "their dog". */
export const POSSESSIVES = /^(?:my|our|your|their|his|her|its)$/;
const NOMINAL = new Set(['NOUN', 'PROPN']);
const INSIDE = new Set(['NOUN', 'PROPN', 'ADJ', 'NUM']);
const DETERMINERS = new Set(['DET']);

function isPossessive(token: TaggedToken | undefined): boolean {
  return token !== undefined && (token.normal === "'s" || token.normal === "'" || token.normal === 's');
}

/** "a £300 deposit", "a 30% deposit": a currency sign before a number, or a per cent sign after one, is part of the phrase. */
function isCurrencySign(tokens: TaggedToken[], at: number): boolean {
  const text = tokens[at]?.text ?? '';
  return (/^[£$€¥]$/.test(text) && tokens[at + 1]?.pos === 'NUM') || (text === '%' && tokens[at - 1]?.pos === 'NUM' && /^(?:NOUN|ADJ)$/.test(tokens[at + 1]?.pos ?? ''));
}

/** "a follow-up visit", "fridge/freezer temps": a hyphen or a slash inside the phrase joins the words either side. */
function joinsWords(tokens: TaggedToken[], at: number, wordsStart: number): boolean {
  const text = tokens[at]?.text;
  if (text === '-') return INSIDE.has(tokens[at + 1]?.pos ?? 'X');
  // "the 'Road Closed' signs": quotes around a name inside the phrase.
  // A closing quote needs its opening one inside the phrase: "the adopters' addresses" is a possessive.
  if (/^['"‘’“”]$/.test(text ?? '')) {
    const opened = tokens.slice(wordsStart, at).some((token) => /^['"‘’“”]$/.test(token.text));
    return NOMINAL.has(tokens[at + 1]?.pos ?? '') && (at === wordsStart ? tokens[at + 1]?.pos === 'PROPN' : opened && NOMINAL.has(tokens[at - 1]?.pos ?? ''));
  }
  // The words either side of a slash modify a noun after them; "reader/scribe" alone names two things.
  return text === '/' && at > wordsStart && NOMINAL.has(tokens[at - 1]?.pos ?? '') && NOMINAL.has(tokens[at + 1]?.pos ?? '')
    && (NOMINAL.has(tokens[at + 2]?.pos ?? '') || tokens[at + 2]?.text === '/');
}

/** WordNet's glosses of a vague amount: "a large number or amount", "a small indefinite number", "a quantity that …". */
const VAGUE_AMOUNT = /\b(?:indefinite|number or amount)\b|^a quantity\b/;

/**
 * "loads of renewals", "a couple of vans", "a handful of calls": a word for a vague amount before "of" counts what
 * follows as a determiner does; never before a number ("packs of 10 lessons" are things). Returns how many tokens the
 * amount takes (0 when none opens at `at`).
 */
function amountAt(tokens: TaggedToken[], at: number): number {
  const article = tokens[at]?.normal === 'a' ? 1 : 0;
  const [word, of, next] = [tokens[at + article], tokens[at + article + 1], tokens[at + article + 2]];
  if (word?.pos !== 'NOUN' || of?.normal !== 'of' || !next || !/^(?:NOUN|ADJ|DET)$/.test(next.pos)) return 0;
  const amount = senses(word.lemma, 'noun').slice(0, 3).some((sense) => sense.lexname === 'noun.quantity' && VAGUE_AMOUNT.test(sense.gloss));
  return amount ? article + 2 : 0;
}

/** The noun phrases of a tagged sentence, left to right, not overlapping. */
export function nounPhrases(tokens: TaggedToken[]): NounPhrase[] {
  const phrases: NounPhrase[] = [];
  let i = 0;
  while (i < tokens.length) {
    const start = i;
    let determiner: string | undefined;
    const first = tokens[i] as TaggedToken;
    const amount = amountAt(tokens, i);
    if (amount > 0) {
      determiner = tokens.slice(i, i + amount).map((token) => token.normal).join(' ');
      i += amount;
    } else if (DETERMINERS.has(first.pos) || (first.pos === 'PRON' && POSSESSIVES.test(first.normal))) {
      determiner = first.normal;
      i += 1;
    }
    const wordsStart = i;
    while (i < tokens.length && (INSIDE.has((tokens[i] as TaggedToken).pos) || isCurrencySign(tokens, i) || joinsWords(tokens, i, wordsStart))) {
      // "invoice the farmer same day": an adjective after a noun starts another phrase; modifiers come before the noun.
      if (i > wordsStart && (tokens[i] as TaggedToken).pos === 'ADJ' && NOMINAL.has(tokens[i - 1]?.pos ?? '')) break;
      // A possessive ends the phrase: "the member's tools" is two phrases.
      if (isPossessive(tokens[i + 1]) && tokens[i + 1]?.pos === 'PART') {
        i += 1;
        break;
      }
      // "a text reminder 4 weeks before": a number after a noun starts another phrase.
      if (tokens[i + 1]?.pos === 'NUM' && NOMINAL.has((tokens[i] as TaggedToken).pos)) {
        i += 1;
        break;
      }
      i += 1;
    }
    let end = i;
    while (end > wordsStart && !NOMINAL.has((tokens[end - 1] as TaggedToken).pos)) end -= 1;
    if (end > wordsStart) {
      const words = tokens.slice(wordsStart, end);
      const head = tokens[end - 1] as TaggedToken;
      const numberToken = words.find((token) => token.pos === 'NUM');
      phrases.push({
        start,
        end,
        text: words.map((token) => token.text).join(' ').replace(/ ([-/]) /g, '$1').replace(/([£$€¥]) (?=\d)/g, '$1').replace(/(\d) %/g, '$1%'),
        head,
        headIndex: end - 1,
        // "sales rep", "parts list": a modifier WordNet knows in the plural keeps it.
        nouns: words.slice(0, -1).filter((token) => NOMINAL.has(token.pos)).map((token) => (token.normal !== token.lemma && /s$/.test(token.normal) && knows(token.normal, 'noun') ? token.normal : token.lemma)),
        adjectives: words.filter((token) => token.pos === 'ADJ').map((token) => token.lemma),
        ...(numberToken ? { number: numberToken.text } : {}),
        ...(determiner ? { determiner } : {}),
        plural: head.normal !== head.lemma && head.normal.endsWith('s'),
      });
      i = Math.max(end, start + 1);
      continue;
    }
    i = start + 1;
  }
  return phrases;
}

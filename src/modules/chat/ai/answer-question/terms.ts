import { contentWords, stem, tokenize } from '../../../../core/text/index.js';
import { derivedForms, semanticClasses, tagText } from '../../../../core/text/nlp/index.js';

// The words a question is about, and whether a text mentions any of them: shared by the offline answer, which ranks
// sources by them, and the chat flow, which answers "nothing found" without calling a model when no source does.

/** Words that make a question a question but say nothing about its subject. */
const QUESTION_FILLER = new Set(
  'answer ask describe detail details do does explain happen happens info information know long mean means often tell work works'.split(' '),
);

/** A word and, when hyphenated, its parts: "non-NHS" is about the NHS as "NHS-eligible" is. */
function withParts(word: string): string[] {
  return word.includes('-') ? [word, ...word.split('-').filter((part) => part.length > 1)] : [word];
}

/**
 * The words WordNet derives from a word and that share its first four letters: "delivery" → deliver, "pay" →
 * payment. A question about the delivery is answered by "we deliver within 15 miles". The doer of the act is another
 * subject ("walk" → walker), so never a word for people.
 */
function relatedForms(word: string): string[] {
  const forms = [...derivedForms(word, 'noun', 'verb', 2), ...derivedForms(word, 'verb', 'noun', 2)];
  return forms.filter((form) => form !== word && /^[a-z]+$/.test(form) && form.slice(0, 4) === word.slice(0, 4) && !semanticClasses(form, 'noun', 2).includes('noun.person'));
}

const MAXIMUM = /\b(?:up to|no more than|not more than|at most|capped|limited to|maximum|max|(?:or|and) (?:under|younger|less|fewer|below))\b|\bunder \d/i;
const MINIMUM = /\b(?:at least|no less than|no fewer than|minimum|min|(?:or|and) (?:over|older|more|above))\b|\bover \d|\d\+/i;
/**
 * Words for a bound on an amount, as a question asks for it ("What is the maximum a group can ask for?") and as a text
 * states it ("anything up to £1,500"): a text stating the bound mentions the question's word for it.
 */
const BOUNDS: ReadonlyArray<{ term: string; asked: RegExp; stated: (text: string) => boolean }> = [
  { term: stem('maximum'), asked: /\b(?:maximum|max)\b/i, stated: (text) => MAXIMUM.test(text) },
  { term: stem('minimum'), asked: /\b(?:minimum|min)\b/i, stated: (text) => MINIMUM.test(text) },
  // "What age limit applies?": a limit is either bound.
  { term: stem('limit'), asked: /\blimits?\b/i, stated: (text) => MAXIMUM.test(text) || MINIMUM.test(text) },
];

/** A unit's short form stands for the unit: "£12.60/hr" is paid per hour. */
const UNIT_SHORT_FORMS: ReadonlyMap<string, string> = new Map(Object.entries({ hr: 'hour', hrs: 'hour', min: 'minute', mins: 'minute', wk: 'week', wks: 'week', yr: 'year', yrs: 'year', mth: 'month', mths: 'month' }));

/** The stem of each verb's lemma in a text where it is not the stem of the verb as written ("sold" → sell). */
function verbLemmaKeys(text: string): Array<{ word: string; key: string }> {
  return tagText(text).flatMap((sentence) =>
    sentence.tokens
      .filter((token) => token.pos === 'VERB' && stem(token.lemma.toLowerCase()) !== stem(token.normal))
      .map((token) => ({ word: token.normal, key: stem(token.lemma.toLowerCase()) })),
  );
}

/**
 * Each word of a text with the keys it is matched by: its stems, for a verb the stem of its lemma too, so that an
 * irregular form meets its verb ("sold" → sell, "given" → give), and for a unit's short form the unit's.
 */
export function keyedWords(text: string): Array<{ word: string; keys: string[] }> {
  const lemmas = verbLemmaKeys(text);
  return tokenize(text).map((word) => {
    const unit = UNIT_SHORT_FORMS.get(word);
    const lemmaKeys = lemmas.filter((lemma) => lemma.word === word).map((lemma) => lemma.key);
    return { word, keys: [...new Set([...wordStems(word), ...lemmaKeys, ...(unit ? [stem(unit)] : [])])] };
  });
}

/** The keys of every word of a text, and of the bounds it states. */
export function textKeys(text: string): Set<string> {
  const keys = new Set(keyedWords(text).flatMap((word) => word.keys));
  for (const bound of BOUNDS) if (bound.stated(text)) keys.add(bound.term);
  return keys;
}

/** The stems of the words a question is about ("How long does a loan last?" → loan, last), and of their derivations. */
export function questionTerms(question: string): Set<string> {
  const words = contentWords(question).filter((word) => !QUESTION_FILLER.has(word));
  const chosen = words.length ? words : tokenize(question).filter((word) => /\p{L}/u.test(word) && word.length > 2 && !QUESTION_FILLER.has(word));
  // A part that is no content word ("non" in "non-NHS") says nothing the question is about.
  const parts = chosen.flatMap((word) => withParts(word).filter((part) => part === word || contentWords(part).length > 0));
  const chosenKeys = new Set(parts.map(stem));
  // A verb is asked about by its lemma's key too, as texts are read ("sold" → sell).
  for (const word of keyedWords(question)) if (chosen.includes(word.word)) for (const key of word.keys) chosenKeys.add(key);
  for (const bound of BOUNDS) if (bound.asked.test(question)) chosenKeys.add(bound.term);
  return new Set([...chosenKeys, ...parts.flatMap(relatedForms).map(stem)]);
}

/** The stems a written word stands for: its own, and its parts' when hyphenated. */
export function wordStems(word: string): string[] {
  return withParts(word).map(stem);
}

/** The question's terms a text mentions. */
export function termsIn(text: string, terms: ReadonlySet<string>): Set<string> {
  return new Set([...textKeys(text)].filter((key) => terms.has(key)));
}

/** The plain answer when nothing in the project is about the question. */
export const NOTHING_FOUND = 'I found nothing about that in this project.';

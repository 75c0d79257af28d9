import { contentWords, stem, tokenize } from '../../../../core/text/index.js';
import { derivedForms, semanticClasses } from '../../../../core/text/nlp/index.js';

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

/** The stems of the words a question is about ("How long does a loan last?" → loan, last), and of their derivations. */
export function questionTerms(question: string): Set<string> {
  const words = contentWords(question).filter((word) => !QUESTION_FILLER.has(word));
  const chosen = words.length ? words : tokenize(question).filter((word) => /\p{L}/u.test(word) && word.length > 2 && !QUESTION_FILLER.has(word));
  // A part that is no content word ("non" in "non-NHS") says nothing the question is about.
  const parts = chosen.flatMap((word) => withParts(word).filter((part) => part === word || contentWords(part).length > 0));
  return new Set([...parts, ...parts.flatMap(relatedForms)].map(stem));
}

/** The stems a written word stands for: its own, and its parts' when hyphenated. */
export function wordStems(word: string): string[] {
  return withParts(word).map(stem);
}

/** The question's terms a text mentions. */
export function termsIn(text: string, terms: ReadonlySet<string>): Set<string> {
  return new Set(tokenize(text).flatMap(wordStems).filter((word) => terms.has(word)));
}

/** The plain answer when nothing in the project is about the question. */
export const NOTHING_FOUND = 'I found nothing about that in this project.';

import { indefiniteArticle } from '../compose/articles.js';
import { singularCandidates, singularize } from '../inflection.js';
import type { TaggedSentence } from './tagger.js';
import { knowsWord } from './wordnet.js';

/** "SMS", "QR", "CSV": written in capitals, and no English word in lower case ("IT" is also "it", so it stays). */
function isAcronym(text: string): boolean {
  if (!/^[A-Z]{2,5}$/.test(text)) return false;
  const lower = text.toLowerCase();
  return !knowsWord(lower) && !/^(?:it|us|no|or|on|in|at|to|an|as|be|do|go|he|we|me|my|so|up|am|is|of|by|if)$/.test(lower);
}

/**
 * The tagger's normal forms and lemmas use American spelling ("licence" → license, "organiser" → organizer, "enrol" →
 * enroll) and lower case ("sms"). Names built from lemmas are given back in the author's spelling: a map from the
 * tagger's word to the written one (acronyms in capitals), and a function that puts it back into a composed text.
 */
function oneLetterApart(a: string, b: string): boolean {
  return a.length === b.length && [...a].filter((letter, at) => letter !== b[at]).length === 1;
}

export function authorSpellings(sentences: readonly TaggedSentence[]): Map<string, string> {
  const spellings = new Map<string, string>();
  for (const { tokens } of sentences) {
    for (const token of tokens) {
      if (isAcronym(token.text)) {
        spellings.set(token.text.toLowerCase(), token.text);
        continue;
      }
      const written = token.text.toLowerCase();
      // A spelling of the same word: the same start ("catalogue" → catalog), or one letter changed ("mum" → mom).
      const sameWord = written.slice(0, 3) === token.normal.slice(0, 3) || oneLetterApart(written, token.normal);
      if (written === token.normal || !/^[a-z]+$/.test(written) || !/^[a-z]+$/.test(token.normal) || !sameWord) continue;
      spellings.set(token.normal, written);
      // The lemma of a noun in the plural is its singular as written ("centres" → centre); of a bare verb, itself.
      const lemma = token.lemma.toLowerCase();
      // A lemma the written plural is made from is spelt as written already ("minibuses" → minibus).
      const asWritten = singularCandidates(written).includes(lemma);
      if (token.pos === 'NOUN' || token.pos === 'PROPN') spellings.set(lemma, asWritten ? lemma : singularize(written));
      else if (token.normal === lemma) spellings.set(lemma, written);
    }
  }
  for (const [from, to] of spellings) if (from === to || Math.abs(from.length - to.length) > 2) spellings.delete(from);
  return spellings;
}

/** A text with each word the author spelt differently in their spelling, its capital kept. */
export function respell(text: string, spellings: ReadonlyMap<string, string>): string {
  if (spellings.size === 0) return text;
  const respelled = text.replace(/[A-Za-z]+/g, (word) => {
    const written = spellings.get(word.toLowerCase());
    if (!written) return word;
    return /^[A-Z]/.test(word) ? written.charAt(0).toUpperCase() + written.slice(1) : written;
  });
  // An acronym is read letter by letter, so its article follows its first letter's name: "a sms" → "an SMS".
  return respelled.replace(/\b([Aa])n? ([A-Z]{2,}s?)\b/g, (_, a: string, acronym: string) => `${a}${indefiniteArticle(acronym).slice(1)} ${acronym}`);
}

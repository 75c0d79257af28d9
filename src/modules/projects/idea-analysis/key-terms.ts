import { isContentWord, sentenceWords, splitSentences, tokenize, type Word } from '../../../core/text/index.js';
import { DETERMINERS, MODALS, PREPOSITIONS } from './lexicon/function-words.js';
import { GENERIC_NOUNS } from './lexicon/things.js';
import { mostCommon } from './most-common.js';
import { containsPhrase, phraseKey } from './phrase-key.js';
import { readingOf, type Reading } from './reading.js';
import { isAdverbLike } from './word-classes.js';

/** `nounLike`: the term repeats or follows a determiner, preposition or number somewhere ("the walks", "for invoices"). */
export type KeyTerm = { term: string; weight: number; count: number; nounLike: boolean };

type TermStats = { key: string; surfaces: Map<string, number>; count: number; score: number; first: number; size: number; nounSlot: boolean };

/**
 * Single words and 2–3-word phrases ranked by frequency weighted by position (early sentences count more) and
 * length. Phrases are runs of content words inside a clause; one that occurs once counts only if it is a whole run
 * of two or three words or a known actor. A word or phrase that only ever occurs inside a longer chosen phrase is
 * left out. Weights are relative to the best term (1).
 */
export function extractKeyTerms(text: string, limit = 10, extraPhrases: readonly string[] = []): KeyTerm[] {
  const sentences = splitSentences(text).map(sentenceWords);
  return keyTermsOf(sentences, readingOf(sentences), limit, extraPhrases);
}

/**
 * The key terms of sentences already read (see extractKeyTerms). Key terms depend on the clause reading: a word in
 * a verb's place ("customers order …") is no term unless the text also uses it as a noun ("each order has …").
 */
export function keyTermsOf(sentences: Word[][], reading: Reading, limit: number, extraPhrases: readonly string[]): KeyTerm[] {
  const stats = new Map<string, TermStats>();
  const wholeRuns = new Set<string>();
  const known = new Set(extraPhrases.map((phrase) => phraseKey(tokenize(phrase))));
  let order = 0;
  sentences.forEach((sentence, sentenceIndex) => {
    const positionWeight = 1 + 1 / (1 + sentenceIndex);
    const verbs = reading.clauses[sentenceIndex]?.verbs ?? new Set<number>();
    for (const { run, start: runStart } of contentRuns(sentence, verbs, reading.nounish)) {
      const before = sentence[runStart - 1];
      const verbSlot = verbs.has(runStart) || (before !== undefined && !run[0]?.breakBefore && (MODALS.has(before.lower) || before.lower === 'to'));
      const nounSlot = before !== undefined && !run[0]?.breakBefore && !verbSlot && (DETERMINERS.has(before.lower) || (PREPOSITIONS.has(before.lower) && before.lower !== 'to') || verbs.has(runStart - 1));
      if (run.length >= 2 && run.length <= 3 && nounSlot) wholeRuns.add(phraseKey(run.map((w) => w.lower)));
      for (let size = 1; size <= 3; size++) {
        for (let start = 0; start + size <= run.length; start++) {
          const gram = run.slice(start, start + size);
          const key = phraseKey(gram.map((w) => w.lower));
          const surface = gram.map((w, i) => displayWord(w, runStart + start + i)).join(' ');
          let entry = stats.get(key);
          if (!entry) {
            entry = { key, surfaces: new Map(), count: 0, score: 0, first: order++, size, nounSlot: false };
            stats.set(key, entry);
          }
          entry.count += 1;
          if (start === 0 && (nounSlot || /^\d/.test(before?.lower ?? ''))) entry.nounSlot = true;
          entry.score += positionWeight * (1 + 0.5 * (size - 1)) * (verbSlot && start === 0 ? 0.5 : 1);
          entry.surfaces.set(surface, (entry.surfaces.get(surface) ?? 0) + 1);
        }
      }
    }
  });

  const eligible = [...stats.values()].filter((entry) => {
    if (entry.size === 1) return !GENERIC_NOUNS.has(entry.key) && (entry.key.length >= 3 || /^\p{Lu}{2,}$/u.test(mostCommon(entry.surfaces)));
    return entry.count >= 2 || wholeRuns.has(entry.key) || known.has(entry.key);
  });
  eligible.sort((a, b) => b.score - a.score || b.size - a.size || a.first - b.first);

  const chosen: TermStats[] = [];
  for (const entry of eligible) {
    if (chosen.length >= limit) break;
    const covered = chosen.some((other) => other.size > entry.size && containsPhrase(other.key, entry.key) && other.count >= entry.count);
    if (covered) continue;
    // A longer phrase that repeats a chosen word's every occurrence replaces it.
    for (let i = chosen.length - 1; i >= 0; i--) {
      const other = chosen[i];
      if (other && other.size < entry.size && containsPhrase(entry.key, other.key) && entry.count >= other.count) chosen.splice(i, 1);
    }
    chosen.push(entry);
  }
  const top = chosen[0]?.score ?? 1;
  return chosen.map((entry) => ({
    term: mostCommon(entry.surfaces),
    weight: Math.max(0.01, Math.round((entry.score / top) * 100) / 100),
    count: entry.count,
    nounLike: entry.count >= 2 || entry.nounSlot,
  }));
}

/**
 * Maximal runs of content words not separated by punctuation, with the index of their first word. Verbs split runs: "the driver records a reason" gives "driver" and "reason", never "driver records". A verb is no
 * term of its own unless the text also uses it as a noun ("customers order …", "each order has …").
 */
function contentRuns(sentence: Word[], verbs: ReadonlySet<number> = new Set(), nounish: ReadonlySet<string> = new Set()): Array<{ run: Word[]; start: number }> {
  const runs: Array<{ run: Word[]; start: number }> = [];
  let run: Word[] = [];
  let start = 0;
  const close = (): void => {
    // "book appointments online", "pay monthly": an adverb ends a phrase without belonging to it
    while (run.length && isAdverbLike(run[run.length - 1] as Word)) run.pop();
    if (run.length) runs.push({ run, start });
    run = [];
  };
  sentence.forEach((word, index) => {
    const usable = isContentWord(word.lower) && !/^\p{N}/u.test(word.lower) && (!verbs.has(index) || nounish.has(word.lower));
    if (!usable || word.breakBefore || verbs.has(index)) close();
    if (!usable) return;
    if (run.length === 0) start = index;
    run.push(word);
    if (word.possessive || verbs.has(index)) close();
  });
  close();
  return runs;
}

/** Acronyms and names (CamelCase, or capitalised inside a sentence) keep their capitals; other words are lower case. */
function displayWord(word: Word, indexInSentence: number): string {
  const surface = word.surface.replace(/['’]s$/, '');
  const acronymOrCamel = /^\p{Lu}[\p{Lu}\p{N}]+s?$/u.test(surface) || /^\p{Lu}\p{Ll}+\p{Lu}/u.test(surface);
  const name = indexInSentence > 0 && /^\p{Lu}\p{Ll}/u.test(surface);
  return acronymOrCamel || name ? surface : word.lower;
}

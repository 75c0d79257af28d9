import { joinList, oneLine, splitSentences, truncate } from '../../../../core/text/index.js';
import { answerKindOf, asksCount, holdsAnswerKind, type AnswerKind } from './answer-kind.js';
import type { ContextSection as Section } from './schema.js';
import { NOTHING_FOUND, keyedWords, questionTerms, textKeys } from './terms.js';

// The offline answer: rank the sources by the question's terms; state the matching facts of the project model in
// plain sentences, saying where each was read, and quote the best sentences of the matching document sections.
// Every statement cites its source as [id].

const MAX_SECTIONS = 3;
const MAX_QUOTES_PER_SECTION = 2;

type ScoredSentence = { text: string; index: number; score: number; matched: Set<string> };
type ScoredSection = { section: Section; score: number; quotes: ScoredSentence[] };

export function answerFromContext(question: string, context: Section[]): string {
  const terms = questionTerms(question);
  const shownTerms = displayTerms(question, terms);
  const ranked = terms.size ? rankSections(terms, context, answerKindOf(question), asksCount(question)) : [];
  if (ranked.length === 0) return NOTHING_FOUND;

  const lines: string[] = [];
  const matched = new Set<string>();
  const facts = ranked.filter((entry) => entry.section.kind === 'fact');
  const sections = ranked.filter((entry) => entry.section.kind !== 'fact');
  // The same sentence can reach the answer twice (as stated, and as a rule of the model read from it): say it once.
  const stated = new Set<string>();
  for (const { section, quotes: all } of facts) {
    const quotes = all.filter((quote) => !stated.has(quote.text.trim()));
    if (quotes.length === 0) continue;
    for (const quote of quotes) stated.add(quote.text.trim());
    const where = oneLine(section.title);
    const said = quotes.map((quote) => quote.text.trim()).join(' ');
    lines.push(`${where ? `According to ${where}: ` : ''}${said} [${section.id}]`);
    for (const quote of quotes) for (const term of quote.matched) matched.add(term);
  }
  for (const { section, quotes } of sections) {
    if (lines.length) lines.push('');
    lines.push(`**${oneLine(section.title) || section.id}** says: [${section.id}]`);
    for (const quote of quotes) {
      lines.push(`> ${truncate(quote.text, 400)} [${section.id}]`);
      for (const term of quote.matched) matched.add(term);
    }
  }
  const missing = [...terms].filter((term) => !matched.has(term));
  const missingShown = shownTerms.filter(({ keys }) => keys.every((key) => missing.includes(key))).map(({ word }) => word);
  if (missingShown.length) lines.push('', `Nothing I found mentions ${joinList(missingShown.map((w) => `“${w}”`), 'or')}.`);
  return lines.join('\n');
}

/**
 * The sections that best answer a question, best first (at most three, each scoring at least half the best): their
 * sentences rank by the rarer question terms they share, shorter first, and double when they hold the kind of answer
 * asked for.
 */
export function relevantSections(question: string, context: Section[]): Section[] {
  const terms = questionTerms(question);
  return terms.size ? rankSections(terms, context, answerKindOf(question), asksCount(question)).map((entry) => entry.section) : [];
}

/** The question's words as written, each once, with the keys it is matched by. */
function displayTerms(question: string, terms: Set<string>): Array<{ word: string; keys: string[] }> {
  const shown: Array<{ word: string; keys: string[] }> = [];
  const seen = new Set<string>();
  for (const { word, keys } of keyedWords(question)) {
    const asked = keys.filter((key) => terms.has(key) && !seen.has(key));
    if (asked.length === 0) continue;
    for (const key of asked) seen.add(key);
    shown.push({ word, keys: asked });
  }
  return shown;
}

/** Whether a number in the sentence counts one of the words asked about: "4 toys", "30 pegs". */
function countsAskedWord(sentence: string, terms: Set<string>): boolean {
  const words = keyedWords(sentence);
  return words.some(({ word }, index) => /^\d[\d,.]*$/.test(word) && (words[index + 1]?.keys ?? []).some((key) => terms.has(key)));
}

/** Sections by how well their best sentences match the terms; a sentence holding the kind of answer asked for counts double. */
function rankSections(terms: Set<string>, sources: Section[], kind: AnswerKind | undefined, counting: boolean): ScoredSection[] {
  // The same sentence can come twice (as stated, and as the model's reading of it): it is one source, ranked and
  // counted once.
  const said = new Set<string>();
  const context = sources.filter((section) => {
    const text = oneLine(section.text).toLowerCase();
    if (said.has(text)) return false;
    said.add(text);
    return true;
  });
  const sectionSentences = context.map((section) => splitSentences(section.text).map((text) => ({ text, stems: textKeys(text) })));
  const sectionStems = context.map((section, i) => {
    const all = textKeys(section.title);
    for (const sentence of sectionSentences[i] ?? []) for (const word of sentence.stems) all.add(word);
    return all;
  });
  const documentFrequency = new Map<string, number>();
  for (const term of terms) documentFrequency.set(term, sectionStems.filter((stems) => stems.has(term)).length);
  const weight = (term: string): number => Math.log(1 + (context.length + 1) / ((documentFrequency.get(term) ?? 0) + 0.5));

  const scored: ScoredSection[] = [];
  context.forEach((section, sectionIndex) => {
    if (!sectionStems[sectionIndex]?.size) return;
    const sentences: ScoredSentence[] = (sectionSentences[sectionIndex] ?? []).map(({ text, stems: sentenceStems }, index) => {
      const matched = new Set([...sentenceStems].filter((word) => terms.has(word)));
      let score = 0;
      for (const term of matched) score += weight(term);
      if (score > 0 && kind && holdsAnswerKind(text, kind)) score *= 2;
      // "How many toys come in the cheaper plan?": a number right before a word asked about ("a box of 4 toys") is the
      // count asked for (a sum asked for, "How much is a class?", is no count of classes).
      if (score > 0 && counting && countsAskedWord(text, terms)) score *= 3;
      return { text, index, score: score / Math.sqrt(Math.max(8, sentenceStems.size) / 8), matched };
    });
    const titleStems = textKeys(section.title);
    let titleScore = 0;
    for (const term of terms) if (titleStems.has(term)) titleScore += weight(term);
    const best = sentences.reduce((top, sentence) => (sentence.score > top ? sentence.score : top), 0);
    if (best === 0 && titleScore === 0) return;
    const quotes = sentences
      .filter((sentence) => sentence.score > 0 && sentence.score >= best * 0.6)
      .sort((a, b) => b.score - a.score || a.index - b.index)
      .slice(0, MAX_QUOTES_PER_SECTION)
      .sort((a, b) => a.index - b.index);
    if (quotes.length === 0) {
      const opening = sentences[0];
      if (!opening) return;
      quotes.push(opening);
    }
    // A matching question in a FAQ is answered by the sentence after it.
    const last = quotes[quotes.length - 1];
    const answer = last?.text.endsWith('?') ? sentences[last.index + 1] : undefined;
    if (answer && !quotes.includes(answer)) quotes.push(answer);
    scored.push({ section, score: best + 0.5 * titleScore, quotes });
  });
  const top = scored.reduce((max, entry) => Math.max(max, entry.score), 0);
  return scored
    .filter((entry) => entry.score >= top * 0.5)
    .sort((a, b) => b.score - a.score)
    .slice(0, MAX_SECTIONS);
}

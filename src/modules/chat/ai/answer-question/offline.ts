import { contentWords, joinList, oneLine, splitSentences, stem, tokenize, truncate } from '../../../../core/text/index.js';
import type { ContextSection as Section } from './schema.js';

// The offline answer: rank sections by the question's terms, quote the best sentences, cite them.

/** Words that make a question a question but say nothing about its subject. */
const QUESTION_FILLER = new Set(
  'answer ask describe detail details do does explain happen happens info information know long mean means often tell work works'.split(' '),
);
const MAX_SECTIONS = 3;
const MAX_QUOTES_PER_SECTION = 2;

type ScoredSentence = { text: string; index: number; score: number; matched: Set<string> };
type ScoredSection = { section: Section; score: number; quotes: ScoredSentence[] };

export function answerFromContext(question: string, context: Section[]): string {
  const terms = questionTerms(question);
  const shownTerms = displayTerms(question, terms);
  if (terms.size === 0) {
    return [
      "Atelier's offline engine could not find any searchable words in this question, so it cannot look it up in the context.",
      '',
      'Ask with the words the documents use, for example the name of a feature, a policy or a screen.',
    ].join('\n');
  }
  const ranked = rankSections(terms, context);
  if (ranked.length === 0) return nothingFound(shownTerms, context);

  const lines: string[] = [
    `Composed by Atelier's offline engine from the cited sections: the passages that best match the question, quoted as written.`,
  ];
  const matched = new Set<string>();
  for (const { section, quotes } of ranked) {
    lines.push('', `**${oneLine(section.title) || section.id}** [${section.id}]`);
    for (const quote of quotes) {
      lines.push(`> ${truncate(quote.text, 400)} [${section.id}]`);
      for (const term of quote.matched) matched.add(term);
    }
  }
  const missing = [...terms].filter((term) => !matched.has(term));
  const missingShown = shownTerms.filter((word) => missing.includes(stem(word)));
  lines.push('');
  if (missingShown.length) lines.push(`The cited sections do not mention ${joinList(missingShown.map((w) => `“${w}”`))}; check them for the full context.`);
  else lines.push('The offline engine quotes rather than interprets; read the cited sections for the full context.');
  return lines.join('\n');
}

function questionTerms(question: string): Set<string> {
  const words = contentWords(question).filter((word) => !QUESTION_FILLER.has(word));
  const chosen = words.length ? words : tokenize(question).filter((word) => /\p{L}/u.test(word) && word.length > 2 && !QUESTION_FILLER.has(word));
  return new Set(chosen.map(stem));
}

function displayTerms(question: string, terms: Set<string>): string[] {
  const shown: string[] = [];
  const seen = new Set<string>();
  for (const word of tokenize(question)) {
    const key = stem(word);
    if (terms.has(key) && !seen.has(key)) {
      seen.add(key);
      shown.push(word);
    }
  }
  return shown;
}

function rankSections(terms: Set<string>, context: Section[]): ScoredSection[] {
  const stems = new Map<string, string>();
  const stemsOf = (text: string): Set<string> =>
    new Set(
      tokenize(text).map((word) => {
        let stemmed = stems.get(word);
        if (stemmed === undefined) {
          stemmed = stem(word);
          stems.set(word, stemmed);
        }
        return stemmed;
      }),
    );
  const sectionSentences = context.map((section) => splitSentences(section.text).map((text) => ({ text, stems: stemsOf(text) })));
  const sectionStems = context.map((section, i) => {
    const all = stemsOf(section.title);
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
      return { text, index, score: score / Math.sqrt(Math.max(8, sentenceStems.size) / 8), matched };
    });
    const titleStems = stemsOf(section.title);
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

function nothingFound(shownTerms: string[], context: Section[]): string {
  const subject = joinList(shownTerms.slice(0, 5).map((w) => `“${w}”`));
  const searched = context.length
    ? `It searched ${context.length} section${context.length === 1 ? '' : 's'} (${joinList(context.slice(0, 5).map((s) => oneLine(s.title) || s.id))}${context.length > 5 ? ', …' : ''}) and none of them mentions ${subject}.`
    : 'No context sections were provided with the question.';
  return [
    `Atelier's offline engine found nothing in the provided context that answers this question.`,
    '',
    searched,
    '',
    `To get an answer, add a document or section that covers ${subject} (for example a specification, a policy or meeting notes) to the project and ask again.`,
  ].join('\n');
}

import { isContentWord } from './content-words.js';
import { truncate } from './phrases.js';
import { sentenceWords, type Word } from './sentence-words.js';
import { splitSentences } from './sentences.js';

/**
 * An extractive summary: the best-scored sentences (by their words' frequency and their position), in their
 * original order.
 */
export function summarize(text: string, maxSentences = 3): string {
  const sentences = splitSentences(text);
  return summarizeSentences(sentences, sentences.map(sentenceWords), maxSentences);
}

/** The same for sentences already split into words (callers that read the words for more keep one pass). */
export function summarizeSentences(sentences: string[], sentenceWordLists: Word[][], maxSentences: number): string {
  if (sentences.length === 0) return '';
  const frequency = new Map<string, number>();
  for (const list of sentenceWordLists) for (const word of list) if (isContentWord(word.lower)) frequency.set(word.key, (frequency.get(word.key) ?? 0) + 1);
  const scored = sentenceWordLists.map((list, index) => {
    const keys = new Set(list.filter((w) => isContentWord(w.lower)).map((w) => w.key));
    let score = 0;
    for (const key of keys) score += frequency.get(key) ?? 0;
    const lengthPenalty = Math.sqrt(Math.max(list.length, 4));
    const heading = list.length < 4 && !/[.!?…]$/.test(sentences[index] ?? '') && sentences.length > 1;
    return { index, score: (score / lengthPenalty + (index === 0 ? 2 : 1 / (1 + index))) * (heading ? 0.1 : 1) };
  });
  const wanted = Math.min(maxSentences, Math.max(1, Math.ceil(sentences.length / 3)), sentences.length);
  return scored
    .sort((a, b) => b.score - a.score || a.index - b.index)
    .slice(0, wanted)
    .sort((a, b) => a.index - b.index)
    .map(({ index }) => truncate(sentences[index] ?? '', 300))
    .join(' ');
}

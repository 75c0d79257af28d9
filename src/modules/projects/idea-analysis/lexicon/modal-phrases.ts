import type { Word } from '../../../../core/text/index.js';
import type { Priority } from '../priority.js';

/** Modal phrases, longest first, with the priority each one gives what follows ("must be able to" → must). */
export const MODAL_PHRASES: Array<{ words: string[]; priority: Priority }> = [
  { words: ['must', 'be', 'able', 'to'], priority: 'must' },
  { words: ['should', 'be', 'able', 'to'], priority: 'should' },
  { words: ['can', 'be', 'able', 'to'], priority: 'should' },
  { words: ['will', 'be', 'able', 'to'], priority: 'must' },
  { words: ['are', 'able', 'to'], priority: 'should' },
  { words: ['is', 'able', 'to'], priority: 'should' },
  { words: ['need', 'to'], priority: 'must' },
  { words: ['needs', 'to'], priority: 'must' },
  { words: ['has', 'to'], priority: 'must' },
  { words: ['have', 'to'], priority: 'must' },
  { words: ['want', 'to'], priority: 'should' },
  { words: ['wants', 'to'], priority: 'should' },
  { words: ['would', 'like', 'to'], priority: 'could' },
  { words: ['must'], priority: 'must' },
  { words: ['shall'], priority: 'must' },
  { words: ['will'], priority: 'must' },
  { words: ['should'], priority: 'should' },
  { words: ['can'], priority: 'should' },
  { words: ['could'], priority: 'could' },
  { words: ['may'], priority: 'could' },
  { words: ['might'], priority: 'could' },
];
const MODAL_FIRST_WORDS = new Set(MODAL_PHRASES.map((phrase) => phrase.words[0] ?? ''));

/** The modal phrase that starts at `index` of the sentence, if any. */
export function modalPhraseAt(sentence: Word[], index: number): { words: string[]; priority: Priority } | undefined {
  const first = sentence[index]?.lower;
  if (first === undefined || !MODAL_FIRST_WORDS.has(first)) return undefined;
  return MODAL_PHRASES.find((phrase) => phrase.words.every((w, i) => sentence[index + i]?.lower === w));
}

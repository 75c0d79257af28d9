import { capitalize, oneLine, truncate } from '../../../../core/text/index.js';
import type { DocumentTaskInput } from './input.js';

/** A piece of the input a statement can come from: the idea, an answer, or a section of a source document. */
export type Passage = { id: string; label: string; text: string };

/**
 * The pieces of the input a statement can cite: `idea`, `answer-n` (numbered among the answered questions) and the
 * source sections by their ids, each with the label a reader sees.
 */
export function passagesOf(input: Pick<DocumentTaskInput, 'idea' | 'answers' | 'sources'>): Passage[] {
  const passages: Passage[] = [{ id: 'idea', label: 'the idea', text: input.idea.trim() }];
  (input.answers ?? [])
    .filter((a) => a.answer.trim() !== '')
    .forEach((a, index) => passages.push({ id: `answer-${index + 1}`, label: `the answer to “${truncate(oneLine(a.question), 80)}”`, text: a.answer }));
  for (const source of input.sources ?? []) {
    for (const section of source.sections) {
      const label = [oneLine(source.title) || capitalize(source.type.replaceAll('_', ' ')), oneLine(section.heading)].filter(Boolean).join(' › ');
      passages.push({ id: section.id, label, text: section.text });
    }
  }
  return passages;
}

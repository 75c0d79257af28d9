import { clausesOf, nounPhrases, parseText, type Clause, type NounPhrase, type TaggedSentence } from '../../../../../core/text/nlp/index.js';
import type { ModelSource } from '../../../project-model.contract.js';
import type { ProjectModelInput } from '../schema.js';

/** One sentence of the input, parsed, with where it was read. */
export type Sentence = {
  text: string;
  tagged: TaggedSentence;
  phrases: NounPhrase[];
  clauses: Clause[];
  source: ModelSource;
  /** The question an answer replies to, lower case; absent for the idea and documents. */
  question?: string;
  /** Position in the whole input: later sentences never reorder earlier findings. */
  order: number;
};

const QUOTE_MAX = 600;

/**
 * Lines of a text with list markers removed: an unpunctuated bullet is a sentence of its own, and so is each step of
 * a flow written with arrows ("lead comes in → sales rep sends a quote → customer signs").
 */
function lines(text: string): string[] {
  return text
    .split(/\n+|\s*(?:→|->|=>|⇒)\s*/)
    .map((line) => line.replace(/^\s*(?:[-*•]|\d+[.)])\s+/, '').trim())
    .filter((line) => line !== '');
}

function parse(text: string, source: Omit<ModelSource, 'quote'>, question: string | undefined, sentences: Sentence[]): void {
  for (const line of lines(text)) {
    for (const tagged of parseText(line)) {
      const quote = tagged.text.trim();
      if (!/[a-z]/i.test(quote)) continue;
      sentences.push({
        text: quote,
        tagged,
        phrases: nounPhrases(tagged.tokens),
        clauses: clausesOf(tagged),
        source: { ...source, quote: quote.slice(0, QUOTE_MAX) },
        ...(question ? { question: question.toLowerCase() } : {}),
        order: sentences.length,
      });
    }
  }
}

/** Every sentence of the idea, the answered questions and the documents, in that order. */
export function readInput(input: ProjectModelInput): Sentence[] {
  const sentences: Sentence[] = [];
  parse(input.idea, { kind: 'idea' }, undefined, sentences);
  for (const answer of input.answers ?? []) {
    if (answer.answer.trim() === '') continue;
    parse(answer.answer, { kind: 'answer', label: answer.question.slice(0, 300) }, answer.question, sentences);
  }
  for (const document of input.sources ?? []) {
    for (const section of document.sections) parse(section.text, { kind: 'document', label: document.title.slice(0, 300) }, undefined, sentences);
  }
  return sentences;
}

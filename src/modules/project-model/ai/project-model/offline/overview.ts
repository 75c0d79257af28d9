import type { ModelQuestion, ModelTerm, ProjectModel } from '../../../project-model.contract.js';
import type { ProjectModelInput } from '../schema.js';
import type { IdPool } from './ids.js';
import type { Sentence } from './read.js';

/**
 * The summary and problem (the idea's own sentences), the glossary (each actor and record with the sentence that
 * introduces it) and the open questions: the clarifying questions nobody answered, and what the text leaves open
 * that every artifact needs (the platform).
 */
const PROBLEM = /\b(?:mess|chaos|problem|lose|losing|hate|by hand|on paper|paper forms|spreadsheet|whatsapp|by phone|phoning|instead of|nobody trusts|forget|forgets|double booking|struggle|waste|manual)\b/i;

export function summaryOf(sentences: Sentence[]): { summary: string; problem: string } {
  const idea = sentences.filter((sentence) => sentence.source.kind === 'idea');
  const summary = idea.slice(0, 2).map((sentence) => sentence.text).join(' ').slice(0, 1000);
  const problem = idea.find((sentence) => PROBLEM.test(sentence.text))?.text ?? '';
  return { summary, problem: problem.slice(0, 1000) };
}

export function glossaryOf(model: ProjectModel): ModelTerm[] {
  const terms: ModelTerm[] = [];
  for (const item of [...model.entities, ...model.actors]) {
    const quote = item.sources[0]?.quote;
    if (!quote || terms.some((term) => term.term === item.name)) continue;
    terms.push({ term: item.name, definition: quote.slice(0, 1000), sources: item.sources.slice(0, 1) });
  }
  return terms.slice(0, 40);
}

export function openQuestionsOf(input: ProjectModelInput, model: ProjectModel, ids: IdPool): ModelQuestion[] {
  const questions: ModelQuestion[] = [];
  for (const answer of input.answers ?? []) {
    if (answer.answer.trim() !== '') continue;
    questions.push({ id: ids.take(answer.question.split(/\s+/).slice(0, 6).join(' ')), question: answer.question.trim().slice(0, 1000) });
  }
  const answered = (input.answers ?? []).filter((a) => a.answer.trim() !== '').map((a) => a.question.toLowerCase());
  const asked = (input.answers ?? []).map((a) => a.question.toLowerCase());
  if (!model.constraints.some((c) => c.category === 'platform') && !asked.some((q) => /platform|device|mobile|app\b/.test(q)) && !answered.some((q) => /platform|device/.test(q))) {
    questions.push({ id: ids.take('platform'), question: 'Which devices and platforms must the product run on?' });
  }
  return questions.slice(0, 20);
}

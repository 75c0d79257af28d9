import { createHash } from 'node:crypto';
import { oneLine, splitSentences } from '../../core/text/index.js';
import { relevantSections } from './ai/answer-question/index.js';
import type { ModelFact } from './model-facts.js';

/**
 * What the author stated, in their own words: the idea's sentences and each answer to a clarifying question. The
 * model keeps what it understood of them; a factual question ("How much is the fee?") is best answered by the
 * sentence that states it ("Adopters pay a fee of £150"), cited as the idea or the answer it came from.
 */
export type Statement = { where: string; text: string };

export function statementsOf(idea: string, answers: ReadonlyArray<{ question: string; answer: string }>): Statement[] {
  const statements: Statement[] = splitSentences(idea).map((text) => ({ where: 'the idea', text: oneLine(text) }));
  for (const { question, answer } of answers) {
    if (!answer.trim()) continue;
    const where = `your answer to “${oneLine(question)}”`;
    for (const text of splitSentences(answer)) statements.push({ where, text: oneLine(text) });
  }
  return statements.filter((s) => s.text !== '');
}

const MAX_STATEMENTS = 3;
const statementId = (s: Statement) => `say-${createHash('sha1').update(`${s.where}\u0000${s.text}`).digest('hex').slice(0, 8)}`;

/** The statements a question is about, ranked as the answer ranks its sources; one shared term is enough. */
export function statementsFor(statements: readonly Statement[], question: string): ModelFact[] {
  const sections = statements.map((statement) => ({ id: statementId(statement), title: statement.where, text: statement.text, kind: 'fact' as const }));
  return relevantSections(question, sections)
    .slice(0, MAX_STATEMENTS)
    .map((section) => ({ id: section.id, where: section.title, label: 'Stated', text: section.text }));
}

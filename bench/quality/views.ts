/**
 * Measures of the views drawn from a project model, for the offline quality benchmark: how many of the expected
 * entities the ER diagram shows (recall) and how many of its entities are expected (precision), and whether chat
 * answers each stated fact with its keywords. Pure functions over the built-in engine; the benchmark supplies the
 * model (built by the `project-model` task) and the corpus' expectations.
 */
import { singularize, tokenize } from '../../src/core/text/index.js';
import { answerQuestionTask, factsFor, NOTHING_FOUND, statementsFor, type Statement } from '../../src/modules/chat/index.js';
import { generateDiagramTask } from '../../src/modules/diagrams/index.js';
import type { ProjectModel } from '../../src/modules/project-model/index.js';

/** An expected entity: one name, or a name with the synonyms that count as it. */
export type ExpectedName = string | string[];

const key = (name: string) => tokenize(name).map(singularize).join(' ');

/** The entity names an ER diagram shows: `Id["Name"] {` (the offline engine's form) or a bare `NAME {`. */
export function erEntityNames(mermaid: string): string[] {
  const names: string[] = [];
  for (const line of mermaid.split('\n')) {
    const match = /^\s*([A-Za-z_][\w-]*)(?:\["([^"]+)"\])?\s*\{\s*$/.exec(line);
    if (match) names.push(match[2] ?? match[1]!.replace(/_/g, ' '));
  }
  return names;
}

/** Whether a shown name is the expected one: equal after case and number, or its last word is (a "tool loan" is a loan). */
function matches(shown: string, expected: ExpectedName): boolean {
  const shownKey = key(shown);
  const head = shownKey.split(' ').at(-1) ?? '';
  return (Array.isArray(expected) ? expected : [expected]).some((name) => key(name) === shownKey || key(name) === head);
}

export type EntityMeasure = { recall: number; precision: number; found: string[]; missing: string[]; extra: string[] };

/** Entity recall and precision of an ER diagram's code against the expected entities. */
export function erEntityMeasure(mermaid: string, expected: readonly ExpectedName[]): EntityMeasure {
  const shown = erEntityNames(mermaid);
  const label = (e: ExpectedName) => (Array.isArray(e) ? e[0] ?? '' : e);
  const found = expected.filter((e) => shown.some((name) => matches(name, e))).map(label);
  const missing = expected.filter((e) => !shown.some((name) => matches(name, e))).map(label);
  const extra = shown.filter((name) => !expected.some((e) => matches(name, e)));
  return {
    recall: expected.length ? found.length / expected.length : 1,
    precision: shown.length ? (shown.length - extra.length) / shown.length : expected.length ? 0 : 1,
    found,
    missing,
    extra,
  };
}

/** The ER diagram the offline engine draws from a model. */
export function offlineErDiagram(projectName: string, model: ProjectModel): string {
  return generateDiagramTask.builtin({ type: 'er', projectName, sourceText: '', model }, {}).mermaid;
}

/**
 * The offline chat answer to a question from what the author stated and the model's facts, as chat gives them
 * (documents left out, so the reading of the idea is measured).
 */
export function offlineChatAnswer(model: ProjectModel, question: string, statements: readonly Statement[] = []): string {
  const context = [...statementsFor(statements, question), ...factsFor(model, question).slice(0, 4)].map((fact) => ({ id: fact.id, title: fact.where, text: fact.text, kind: 'fact' as const }));
  return answerQuestionTask.builtin({ question, context }, {});
}

/** Whether an answer states a fact: not "nothing found", and every keyword in it (case and number aside). */
export function answersFact(answer: string, keywords: readonly string[]): boolean {
  if (answer.trim() === NOTHING_FOUND) return false;
  const said = ` ${key(answer)} `;
  return keywords.every((keyword) => said.includes(` ${key(keyword)} `));
}

export type FidelityMeasure = { answered: number; asked: number; fidelity: number; unanswered: string[] };

/** Chat fidelity: the share of a corpus item's facts the offline chat answers with their keywords. */
export function chatFidelity(model: ProjectModel, facts: ReadonlyArray<{ question: string; answer: readonly string[] }>, statements: readonly Statement[] = []): FidelityMeasure {
  const unanswered = facts.filter((fact) => !answersFact(offlineChatAnswer(model, fact.question, statements), fact.answer)).map((fact) => fact.question);
  const answered = facts.length - unanswered.length;
  return { answered, asked: facts.length, fidelity: facts.length ? answered / facts.length : 1, unanswered };
}

import { createHash } from 'node:crypto';
import { capitalize, joinList, oneLine } from '../../core/text/index.js';
import type { ModelSource, ProjectModel } from '../project-model/index.js';
import { questionTerms, termsIn } from './ai/answer-question/index.js';

/**
 * The project model as facts chat can state and cite: each rule, constraint, actor, entity, use case, metric and
 * glossary term becomes a sentence or two, with where it was read (the idea, an answer, a document) as its title.
 */

export type ModelFact = { id: string; where: string; label: string; text: string };

const MAX_FACTS = 4;

/** Where an item was read, in the words a reader knows: "the idea", "your answer to “Who approves a loan?”". */
export function whereRead(sources: readonly ModelSource[]): string {
  const source = sources[0];
  if (!source) return 'the project model';
  const label = source.label ? oneLine(source.label) : '';
  switch (source.kind) {
    case 'idea':
      return 'the idea';
    case 'answer':
      return label ? `your answer to “${label}”` : 'your answers';
    case 'document':
      return label ? `the document “${label}”` : 'the project’s documents';
    case 'instruction':
      return 'your instructions';
    case 'correction':
      return 'a correction in the Model tab';
    case 'inferred':
      return 'what was inferred from the idea';
  }
}

const sentence = (text: string) => capitalize(oneLine(text)).replace(/([^.!?])$/, '$1.');
const factId = (key: string) => `mod-${createHash('sha1').update(key).digest('hex').slice(0, 8)}`;

/** Every fact the model holds, in the model's order. */
export function factsOf(model: ProjectModel): ModelFact[] {
  const nameOf = (id: string | undefined) => model.actors.find((a) => a.id === id)?.name ?? model.entities.find((e) => e.id === id)?.name;
  const facts: ModelFact[] = [];
  const add = (key: string, label: string, sources: readonly ModelSource[], text: string) => {
    if (text.trim()) facts.push({ id: factId(key), where: whereRead(sources), label, text: text.trim() });
  };
  if (model.summary) add('summary', 'Summary', [], sentence(model.summary));
  for (const rule of model.rules) add(`rule:${rule.id}`, 'Rule', rule.sources, sentence(rule.text));
  for (const c of model.constraints) add(`constraint:${c.id}`, `${capitalize(c.category)} constraint`, c.sources, `${capitalize(c.category)}: ${sentence(c.text)}`);
  for (const actor of model.actors) {
    const what = actor.kind === 'system' ? 'an outside system the product works with' : 'one of the people who use the product';
    const needs = actor.needs.length ? ` The ${actor.name.toLowerCase()} needs to ${joinList(actor.needs.map(oneLine))}.` : '';
    add(`actor:${actor.id}`, actor.name, actor.sources, `The ${actor.name.toLowerCase()} is ${what}.${actor.description ? ` ${sentence(actor.description)}` : ''}${needs}`);
  }
  for (const useCase of model.useCases) {
    const who = nameOf(useCase.actor);
    const steps = useCase.steps.map((s) => `${s.actor === 'system' ? 'the product' : `the ${(nameOf(s.actor) ?? s.actor).toLowerCase()}`} ${oneLine(s.action)}`);
    add(
      `usecase:${useCase.id}`,
      useCase.name,
      useCase.sources,
      [`${who ? `The ${who.toLowerCase()} can` : 'People can'} ${useCase.name.charAt(0).toLowerCase()}${useCase.name.slice(1)}.`, steps.length ? sentence(`Steps: ${steps.join(', then ')}`) : '', useCase.outcome ? sentence(useCase.outcome) : '']
        .filter(Boolean)
        .join(' '),
    );
  }
  for (const entity of model.entities) {
    const attributes = entity.attributes.map((a) => a.name.toLowerCase());
    const states = entity.states.length ? ` A ${entity.name.toLowerCase()} is ${joinList(entity.states, 'or')}, in that order.` : '';
    add(`entity:${entity.id}`, entity.name, entity.sources, `The product keeps ${entity.name.toLowerCase()} records${attributes.length ? ` with ${joinList(attributes)}` : ''}.${entity.description ? ` ${sentence(entity.description)}` : ''}${states}`);
  }
  for (const metric of model.metrics) add(`metric:${metric.id}`, 'Success measure', metric.sources, `Success is measured by ${metric.name.charAt(0).toLowerCase()}${metric.name.slice(1)}${metric.target ? `, with the target ${oneLine(metric.target)}` : ''}.`);
  for (const term of model.glossary) add(`term:${term.term}`, term.term, term.sources, `${term.term}: ${sentence(term.definition)}`);
  return facts;
}

/** The facts a question is about: those mentioning most of its terms (in their text, label or source), best first. */
export function factsFor(model: ProjectModel, question: string): ModelFact[] {
  const terms = questionTerms(question);
  if (terms.size === 0) return [];
  return factsOf(model)
    .map((fact, index) => ({ fact, index, score: termsIn(`${fact.label} ${fact.text} ${fact.where}`, terms).size }))
    .filter((entry) => entry.score > 0)
    .sort((a, b) => b.score - a.score || a.index - b.index)
    .slice(0, MAX_FACTS)
    .map((entry) => entry.fact);
}

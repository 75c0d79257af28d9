import { contentWords, oneLine, singularize, tokenize, truncate } from '../../../../core/text/index.js';
import {
  projectModelTask,
  type ModelActor,
  type ModelConstraint,
  type ModelEntity,
  type ModelSource,
  type ModelUseCase,
  type ProjectModel,
} from '../../../project-model/index.js';
import type { DocumentTaskInput } from './input.js';

/**
 * The project model as the offline writers read it: items by id, the people and the outside systems apart, the use
 * cases and entities the author's instructions focus on first, and each item's sources as the ids a document cites.
 */
export type ModelView = {
  name: string;
  model: ProjectModel;
  /** Words of the author's instructions ("focus on lending" → lending), singular, lower case. */
  focus: string[];
  /** What the instructions name, as the model names it (use case and entity names), for the summary. */
  focusNames: string[];
  persons: ModelActor[];
  systems: ModelActor[];
  /** Use cases, those the instructions focus on first. */
  useCases: ModelUseCase[];
  /** Entities, those the instructions focus on first. */
  entities: ModelEntity[];
  platform: ModelConstraint[];
  actor(id: string): ModelActor | undefined;
  entity(id: string | undefined): ModelEntity | undefined;
  /** "idea", "answer-2": the passages an item came from. */
  sourceIds(sources: readonly ModelSource[]): string[];
};

/** The model the writers draw from: the one supplied, or the built-in reading of the input when none was. */
export function modelOf(input: DocumentTaskInput): ProjectModel {
  if (input.model) return input.model;
  return projectModelTask.builtin(
    {
      projectName: input.projectName,
      idea: input.idea,
      ...(input.answers ? { answers: input.answers } : {}),
      ...(input.sources ? { sources: input.sources } : {}),
      ...(input.instructions ? { instructions: input.instructions } : {}),
    },
    {},
  );
}

const words = (text: string): string[] => contentWords(text).map(singularize);

function byFocus<T>(items: readonly T[], focus: readonly string[], text: (item: T) => string): T[] {
  if (focus.length === 0) return [...items];
  const score = (item: T): number => words(text(item)).filter((w) => focus.includes(w)).length;
  return items
    .map((item, index) => ({ item, index, score: score(item) }))
    .sort((a, b) => b.score - a.score || a.index - b.index)
    .map(({ item }) => item);
}

export function viewOf(input: DocumentTaskInput): ModelView {
  const model = modelOf(input);
  const focus = [...new Set(words(input.instructions ?? ''))];
  const actors = new Map(model.actors.map((a) => [a.id, a]));
  const entities = new Map(model.entities.map((e) => [e.id, e]));
  const ucText = (uc: ModelUseCase): string => `${uc.name} ${entities.get(uc.entity ?? '')?.name ?? ''} ${actors.get(uc.actor)?.name ?? ''}`;
  const useCases = byFocus(model.useCases, focus, ucText);
  const orderedEntities = byFocus(model.entities, focus, (e) => e.name);
  const named = (text: string): boolean => focus.length > 0 && words(text).some((w) => focus.includes(w));
  const focusNames = [
    ...useCases.filter((uc) => named(ucText(uc))).map((uc) => uc.name),
    ...orderedEntities.filter((e) => named(e.name) && !useCases.some((uc) => uc.entity === e.id && named(ucText(uc)))).map((e) => e.name),
  ].slice(0, 4);
  const answered = (input.answers ?? []).filter((a) => a.answer.trim() !== '');
  const answerId = (label: string | undefined): string | undefined => {
    if (!label) return undefined;
    const probe = tokenize(label).join(' ');
    const index = answered.findIndex((a) => tokenize(a.question).join(' ') === probe);
    return index >= 0 ? `answer-${index + 1}` : undefined;
  };
  return {
    name: truncate(oneLine(input.projectName), 120) || 'The product',
    model,
    focus,
    focusNames,
    persons: model.actors.filter((a) => a.kind === 'person'),
    systems: model.actors.filter((a) => a.kind === 'system'),
    useCases,
    entities: orderedEntities,
    platform: model.constraints.filter((c) => c.category === 'platform'),
    actor: (id) => actors.get(id),
    entity: (id) => (id ? entities.get(id) : undefined),
    sourceIds: (sources) => [
      ...new Set(sources.map((s) => (s.kind === 'idea' ? 'idea' : s.kind === 'answer' ? answerId(s.label) : undefined)).filter((id): id is string => Boolean(id))),
    ],
  };
}

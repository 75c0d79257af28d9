import type { z } from 'zod';
import { AppError } from '../../core/errors.js';
import { joinList } from '../../core/text/index.js';
import { documentSlug, firstFreeSlug } from '../documents/index.js';
import { markCorrected, pruneDangling, repoint, unionSources, unionWords, type ReferenceKind } from './model-references.js';
import {
  modelActorSchema,
  modelConstraintSchema,
  modelEntitySchema,
  modelMetricSchema,
  modelQuestionSchema,
  modelRelationshipSchema,
  modelRuleSchema,
  modelTermSchema,
  modelUseCaseSchema,
  projectModelSchema,
  type ModelAttribute,
  type ModelCorrection,
  type ModelEntity,
  type ModelListName,
  type ProjectModel,
} from './project-model.contract.js';
import { invalidModel, MODEL_INVALID, validateModel } from './validate-model.js';

/** A correction that names something the model does not have, or would break it. */
function refused(field: string, message: string): AppError {
  return new AppError(MODEL_INVALID, `Invalid correction: correction.${field}: ${message}`, {
    details: [{ field: `correction.${field}`, message, in: 'body' }],
  });
}

export type CorrectionResult = { model: ProjectModel; note: string };

const nouns: Record<ModelListName, string> = {
  actors: 'actor',
  entities: 'entity',
  relationships: 'relationship',
  useCases: 'use case',
  rules: 'rule',
  metrics: 'metric',
  constraints: 'constraint',
  glossary: 'glossary term',
  openQuestions: 'open question',
};

const itemSchemas = {
  actors: modelActorSchema,
  entities: modelEntitySchema,
  relationships: modelRelationshipSchema,
  useCases: modelUseCaseSchema,
  rules: modelRuleSchema,
  metrics: modelMetricSchema,
  constraints: modelConstraintSchema,
  glossary: modelTermSchema,
  openQuestions: modelQuestionSchema,
} satisfies Record<ModelListName, z.ZodType>;

/** How an item of a list reads in a note: its name, its sentence or its term. */
function labelOf(list: ModelListName, item: Record<string, unknown>, model: ProjectModel): string {
  if (list === 'relationships') {
    const name = (id: unknown) => model.entities.find((e) => e.id === id)?.name ?? String(id);
    return `${name(item.from)} ${String(item.label)} ${name(item.to)}`;
  }
  const text = item.name ?? item.term ?? item.text ?? item.question ?? item.id;
  return typeof text === 'string' ? quoteIfSentence(text) : '';
}

/** Sentences (rules, questions) read better quoted in a note; names do not. */
function quoteIfSentence(text: string): string {
  const short = text.length > 80 ? `${text.slice(0, 77)}…` : text;
  return /\s\S+\s/.test(text) && /[.?!]$/.test(text.trim()) ? `“${short}”` : short;
}

/** A fresh id for a new item: its name as a slug, with -2, -3 … when taken. */
function freeId(name: string, taken: Iterable<string>): string {
  return firstFreeSlug(documentSlug(name, 'item').slice(0, 70).replace(/-+$/, ''), taken);
}

function idsOf(model: ProjectModel, list: Exclude<ModelListName, 'relationships' | 'glossary'>): string[] {
  return model[list].map((item) => item.id);
}

function findEntity(model: ProjectModel, id: string, field: string): ModelEntity {
  const entity = model.entities.find((e) => e.id === id);
  if (!entity) throw refused(field, `"${id}" is not the id of an entity of the model`);
  return entity;
}

function replaceEntity(model: ProjectModel, id: string, change: (e: ModelEntity) => ModelEntity): ProjectModel {
  return { ...model, entities: model.entities.map((e) => (e.id === id ? { ...change(e), sources: markCorrected(e.sources) } : e)) };
}

const sameName = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();

/** Attributes of both, each name once; the first list's version wins. */
function unionAttributes(a: ModelAttribute[], b: ModelAttribute[]): ModelAttribute[] {
  return [...a, ...b.filter((x) => !a.some((y) => sameName(x.name, y.name)))];
}

/**
 * Applies one correction to a model: a new model and the note the history shows ("Renamed entity Booking to
 * Reservation"). Items a person touched carry a `correction` source, so a rebuild keeps them as corrected. The input
 * is not changed. A correction naming something the model does not have, or leaving it inconsistent, is a 422
 * naming the field.
 */
export function applyCorrection(model: ProjectModel, correction: ModelCorrection): CorrectionResult {
  const result = apply(model, correction);
  const parsed = projectModelSchema.safeParse(result.model);
  if (!parsed.success) {
    throw invalidModel(parsed.error.issues.map((issue) => ({ path: issue.path.join('.'), message: issue.message })));
  }
  const problems = validateModel(parsed.data);
  if (problems.length) throw invalidModel(problems);
  return { model: parsed.data, note: result.note };
}

function apply(model: ProjectModel, c: ModelCorrection): CorrectionResult {
  switch (c.kind) {
    case 'rename-entity': {
      const entity = findEntity(model, c.entityId, 'entityId');
      if (entity.name === c.name) return { model, note: `Kept entity ${entity.name}` };
      return { model: replaceEntity(model, entity.id, (e) => ({ ...e, name: c.name })), note: `Renamed entity ${entity.name} to ${c.name}` };
    }
    case 'merge-entities': {
      const from = findEntity(model, c.from, 'from');
      const into = findEntity(model, c.into, 'into');
      if (from.id === into.id) throw refused('into', 'an entity cannot be merged into itself');
      // Relationships between the two become self-relations once merged: they said nothing but that the two are one.
      const between = (r: { from: string; to: string }) => (r.from === from.id && r.to === into.id) || (r.from === into.id && r.to === from.id);
      const pointed = repoint({ ...model, relationships: model.relationships.filter((r) => !between(r)) }, 'entity', from.id, into.id);
      const seen = new Set<string>();
      const relationships = pointed.relationships.filter((r) => {
        const key = `${r.from}>${r.to}`;
        return !seen.has(key) && Boolean(seen.add(key));
      });
      const merged: ModelEntity = {
        ...into,
        description: into.description || from.description,
        // A reference between the two would point the merged entity at itself.
        attributes: unionAttributes(
          into.attributes.filter((a) => a.references !== from.id),
          from.attributes.filter((a) => a.references !== into.id),
        ).slice(0, 40),
        states: unionWords(into.states, from.states).slice(0, 12),
        sources: markCorrected(unionSources(into.sources, from.sources)),
      };
      return {
        model: { ...pointed, relationships, entities: pointed.entities.filter((e) => e.id !== from.id).map((e) => (e.id === into.id ? merged : e)) },
        note: `Merged entity ${from.name} into ${into.name}`,
      };
    }
    case 'update-entity': {
      const entity = findEntity(model, c.entityId, 'entityId');
      const changed = (['name', 'description', 'states'] as const).filter((key) => c[key] !== undefined);
      return {
        model: replaceEntity(model, entity.id, (e) => ({
          ...e,
          ...(c.name !== undefined ? { name: c.name } : {}),
          ...(c.description !== undefined ? { description: c.description } : {}),
          ...(c.states !== undefined ? { states: c.states } : {}),
        })),
        note: `Updated entity ${entity.name}${changed.length ? ` (${changed.join(', ')})` : ''}`,
      };
    }
    case 'add-attribute': {
      const entity = findEntity(model, c.entityId, 'entityId');
      if (entity.attributes.some((a) => sameName(a.name, c.attribute.name))) throw refused('attribute.name', `${entity.name} already has an attribute "${c.attribute.name}"`);
      if (c.attribute.references !== undefined) findEntity(model, c.attribute.references, 'attribute.references');
      return {
        model: replaceEntity(model, entity.id, (e) => ({ ...e, attributes: [...e.attributes, c.attribute] })),
        note: `Added attribute ${c.attribute.name} to ${entity.name}`,
      };
    }
    case 'update-attribute': {
      const entity = findEntity(model, c.entityId, 'entityId');
      const attribute = entity.attributes.find((a) => sameName(a.name, c.name));
      if (!attribute) throw refused('name', `${entity.name} has no attribute "${c.name}"`);
      const renamed = c.changes.name !== undefined && !sameName(c.changes.name, attribute.name);
      if (renamed && entity.attributes.some((a) => sameName(a.name, c.changes.name!))) throw refused('changes.name', `${entity.name} already has an attribute "${c.changes.name}"`);
      if (c.changes.references !== undefined) findEntity(model, c.changes.references, 'changes.references');
      const next = { ...attribute, ...c.changes };
      return {
        model: replaceEntity(model, entity.id, (e) => ({ ...e, attributes: e.attributes.map((a) => (a === attribute ? next : a)) })),
        note: renamed ? `Renamed attribute ${attribute.name} of ${entity.name} to ${next.name}` : `Changed attribute ${attribute.name} of ${entity.name}`,
      };
    }
    case 'remove-attribute': {
      const entity = findEntity(model, c.entityId, 'entityId');
      const attribute = entity.attributes.find((a) => sameName(a.name, c.name));
      if (!attribute) throw refused('name', `${entity.name} has no attribute "${c.name}"`);
      return {
        model: replaceEntity(model, entity.id, (e) => ({ ...e, attributes: e.attributes.filter((a) => a !== attribute) })),
        note: `Removed attribute ${attribute.name} from ${entity.name}`,
      };
    }
    case 'update-actor': {
      const actor = model.actors.find((a) => a.id === c.actorId);
      if (!actor) throw refused('actorId', `"${c.actorId}" is not the id of an actor of the model`);
      const next = {
        ...actor,
        ...(c.name !== undefined ? { name: c.name } : {}),
        ...(c.actorKind !== undefined ? { kind: c.actorKind } : {}),
        ...(c.description !== undefined ? { description: c.description } : {}),
        ...(c.needs !== undefined ? { needs: c.needs } : {}),
        sources: markCorrected(actor.sources),
      };
      const what =
        next.name !== actor.name
          ? `Renamed actor ${actor.name} to ${next.name}${next.kind !== actor.kind ? ` (a ${next.kind})` : ''}`
          : next.kind !== actor.kind
            ? `Made actor ${actor.name} a ${next.kind}`
            : `Updated actor ${actor.name}`;
      return { model: { ...model, actors: model.actors.map((a) => (a.id === actor.id ? next : a)) }, note: what };
    }
    case 'add-actor':
      return addItem(model, 'actors', c.actor, 'actor');
    case 'merge-actors': {
      const from = model.actors.find((a) => a.id === c.from);
      if (!from) throw refused('from', `"${c.from}" is not the id of an actor of the model`);
      const into = model.actors.find((a) => a.id === c.into);
      if (!into) throw refused('into', `"${c.into}" is not the id of an actor of the model`);
      if (from.id === into.id) throw refused('into', 'an actor cannot be merged into itself');
      const pointed = repoint(model, 'actor', from.id, into.id);
      const merged = {
        ...into,
        description: into.description || from.description,
        needs: unionWords(into.needs, from.needs).slice(0, 12),
        sources: markCorrected(unionSources(into.sources, from.sources)),
      };
      return {
        model: { ...pointed, actors: pointed.actors.filter((a) => a.id !== from.id).map((a) => (a.id === into.id ? merged : a)) },
        note: `Merged actor ${from.name} into ${into.name}`,
      };
    }
    case 'confirm-rule': {
      const rule = model.rules.find((r) => r.id === c.ruleId);
      if (!rule) throw refused('ruleId', `"${c.ruleId}" is not the id of a rule of the model`);
      const text = c.text ?? rule.text;
      const next = { ...rule, confirmed: c.confirmed, text, sources: markCorrected(rule.sources) };
      const verb = c.confirmed ? 'Confirmed' : 'Unconfirmed';
      return {
        model: { ...model, rules: model.rules.map((r) => (r.id === rule.id ? next : r)) },
        note: text !== rule.text ? `${verb} rule, reworded as ${quoteIfSentence(text)}` : `${verb} rule ${quoteIfSentence(text)}`,
      };
    }
    case 'update-use-case': {
      const useCase = model.useCases.find((u) => u.id === c.useCaseId);
      if (!useCase) throw refused('useCaseId', `"${c.useCaseId}" is not the id of a use case of the model`);
      if (c.actor !== undefined && !model.actors.some((a) => a.id === c.actor)) throw refused('actor', `"${c.actor}" is not the id of an actor of the model`);
      if (c.entity) findEntity(model, c.entity, 'entity');
      c.steps?.forEach((s, i) => {
        if (s.actor !== 'system' && !model.actors.some((a) => a.id === s.actor)) throw refused(`steps.${i}.actor`, `"${s.actor}" is not the id of an actor of the model`);
        if (s.entity !== undefined) findEntity(model, s.entity, `steps.${i}.entity`);
      });
      const { entity: _old, ...rest } = useCase;
      const entity = c.entity === null ? undefined : (c.entity ?? useCase.entity);
      const next = {
        ...rest,
        ...(entity ? { entity } : {}),
        ...(c.name !== undefined ? { name: c.name } : {}),
        ...(c.actor !== undefined ? { actor: c.actor } : {}),
        ...(c.action !== undefined ? { action: c.action } : {}),
        ...(c.trigger !== undefined ? { trigger: c.trigger } : {}),
        ...(c.outcome !== undefined ? { outcome: c.outcome } : {}),
        ...(c.steps !== undefined ? { steps: c.steps } : {}),
        ...(c.priority !== undefined ? { priority: c.priority } : {}),
        sources: markCorrected(useCase.sources),
      };
      return {
        model: { ...model, useCases: model.useCases.map((u) => (u.id === useCase.id ? next : u)) },
        note: next.name !== useCase.name ? `Renamed use case ${useCase.name} to ${next.name}` : `Updated use case ${useCase.name}`,
      };
    }
    case 'update-summary':
      return {
        model: { ...model, ...(c.summary !== undefined ? { summary: c.summary } : {}), ...(c.problem !== undefined ? { problem: c.problem } : {}) },
        note: c.summary !== undefined && c.problem !== undefined ? 'Rewrote the summary and the problem' : c.problem !== undefined ? 'Rewrote the problem' : 'Rewrote the summary',
      };
    case 'add-item':
      return addItem(model, c.list, c.item, 'item');
    case 'remove-item':
      return removeItem(model, c.list, c.id, c.replaceWith);
    case 'answer-question': {
      const question = model.openQuestions.find((q) => q.id === c.questionId);
      if (!question) throw refused('questionId', `"${c.questionId}" is not the id of an open question of the model`);
      const source = { kind: 'correction' as const, label: question.question.slice(0, 300), quote: c.answer.slice(0, 600) };
      const text = /[.!?]$/.test(c.answer.trim()) ? c.answer.trim() : `${c.answer.trim()}.`;
      const about = model.entities.some((e) => e.id === question.about) ? question.about : undefined;
      let next: ProjectModel = { ...model, openQuestions: model.openQuestions.filter((q) => q.id !== question.id) };
      if (c.addAs === 'rule') {
        next = { ...next, rules: [...next.rules, { id: freeId(text, idsOf(next, 'rules')), text, confirmed: true, ...(about ? { entity: about } : {}), sources: [source] }] };
      } else if (c.addAs === 'constraint') {
        next = { ...next, constraints: [...next.constraints, { id: freeId(text, idsOf(next, 'constraints')), category: c.category ?? 'other', text, sources: [source] }] };
      }
      const added = c.addAs === 'none' ? '' : `, recorded as a ${c.addAs}`;
      return { model: next, note: `Answered ${quoteIfSentence(question.question)}${added}` };
    }
  }
}

/** Adds an item to a list, with an id derived from its name when it has none; the list's schema judges the item. */
function addItem(model: ProjectModel, list: ModelListName, raw: Record<string, unknown>, field: string): CorrectionResult {
  let candidate: Record<string, unknown> = { ...raw };
  if (list !== 'relationships' && list !== 'glossary' && (candidate.id === undefined || candidate.id === '')) {
    const base = [candidate.name, candidate.text, candidate.question].find((v): v is string => typeof v === 'string' && v.trim() !== '') ?? nouns[list];
    candidate = { ...candidate, id: freeId(base, idsOf(model, list)) };
  }
  const parsed = itemSchemas[list].safeParse(candidate);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw refused([field, ...issue.path].join('.'), issue.message);
  }
  const item = parsed.data as Record<string, unknown> & { sources?: unknown };
  if ('sources' in item) item.sources = markCorrected(item.sources as Parameters<typeof markCorrected>[0]);
  if (list === 'glossary') {
    if (model.glossary.some((t) => sameName(t.term, String(item.term)))) throw refused(`${field}.term`, `the glossary already defines "${String(item.term)}"`);
  } else if (list === 'relationships') {
    if (model.relationships.some((r) => r.from === item.from && r.to === item.to && sameName(r.label, String(item.label)))) throw refused(field, 'the model already has this relationship');
  } else if ((model[list] as Array<{ id: string }>).some((x) => x.id === item.id)) {
    throw refused(`${field}.id`, `"${String(item.id)}" is already the id of ${/^[aeiou]/.test(nouns[list]) ? 'an' : 'a'} ${nouns[list]}`);
  }
  const next = { ...model, [list]: [...model[list], item] };
  return { model: next, note: `Added ${nouns[list]} ${labelOf(list, item, next)}` };
}

const referenceKinds: Partial<Record<ModelListName, ReferenceKind>> = { entities: 'entity', actors: 'actor' };

/**
 * Removes an item; references to it move to `replaceWith` (another item of the same list) or are dropped — a use case
 * of a removed actor goes with it, a relationship to a removed entity too, optional references are cleared.
 */
function removeItem(model: ProjectModel, list: ModelListName, id: string, replaceWith: string | undefined): CorrectionResult {
  if (list === 'relationships') {
    const [from, to] = id.split('>');
    const kept = model.relationships.filter((r) => !(r.from === from && r.to === to));
    if (kept.length === model.relationships.length) throw refused('id', `the model has no relationship "${id}" (write it as from>to)`);
    const removed = model.relationships.find((r) => r.from === from && r.to === to)!;
    return { model: { ...model, relationships: kept }, note: `Removed relationship ${labelOf('relationships', removed, model)}` };
  }
  if (list === 'glossary') {
    const term = model.glossary.find((t) => sameName(t.term, id));
    if (!term) throw refused('id', `the glossary does not define "${id}"`);
    return { model: { ...model, glossary: model.glossary.filter((t) => t !== term) }, note: `Removed glossary term ${term.term}` };
  }
  const items = model[list] as Array<{ id: string }>;
  const item = items.find((x) => x.id === id);
  if (!item) throw refused('id', `"${id}" is not the id of ${/^[aeiou]/.test(nouns[list]) ? 'an' : 'a'} ${nouns[list]} of the model`);
  let next = model;
  if (replaceWith !== undefined) {
    if (replaceWith === id || !items.some((x) => x.id === replaceWith)) throw refused('replaceWith', `"${replaceWith}" is not the id of another ${nouns[list]} of the model`);
    next = repoint(model, referenceKinds[list] ?? 'other', id, replaceWith);
  }
  next = { ...next, [list]: (next[list] as Array<{ id: string }>).filter((x) => x.id !== id) };
  const { model: pruned, dropped } = pruneDangling(next);
  const consequences = [
    dropped.useCases ? `${dropped.useCases} use case${dropped.useCases === 1 ? '' : 's'}` : '',
    dropped.relationships ? `${dropped.relationships} relationship${dropped.relationships === 1 ? '' : 's'}` : '',
    dropped.steps ? `${dropped.steps} step${dropped.steps === 1 ? '' : 's'}` : '',
  ].filter(Boolean);
  const label = labelOf(list, item, model);
  const replacement = replaceWith !== undefined ? ` (now ${labelOf(list, items.find((x) => x.id === replaceWith) as Record<string, unknown>, model)})` : '';
  return {
    model: pruned,
    note: `Removed ${nouns[list]} ${label}${replacement}${consequences.length ? ` with ${joinList(consequences)} that depended on it` : ''}`,
  };
}

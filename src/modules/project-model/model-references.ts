import type { ModelSource, ProjectModel } from './project-model.contract.js';

/** What an id names, which decides where references to it live. */
export type ReferenceKind = 'entity' | 'actor' | 'other';

/**
 * The model with every reference to `from` pointing at `to`: for an entity, attribute references, relationship ends,
 * use case and step entities, rule entities and questions about it; for an actor, use case and step actors and
 * questions; for anything else, the questions about it.
 */
export function repoint(model: ProjectModel, kind: ReferenceKind, from: string, to: string): ProjectModel {
  const swap = <T extends string | undefined>(id: T): T => (id === from ? (to as T) : id);
  const openQuestions = model.openQuestions.map((q) => (q.about === from ? { ...q, about: to } : q));
  if (kind === 'entity') {
    return {
      ...model,
      entities: model.entities.map((e) => ({ ...e, attributes: e.attributes.map((a) => (a.references === from ? { ...a, references: to } : a)) })),
      relationships: model.relationships.map((r) => ({ ...r, from: swap(r.from), to: swap(r.to) })),
      useCases: model.useCases.map((u) => ({
        ...u,
        ...(u.entity !== undefined ? { entity: swap(u.entity) } : {}),
        steps: u.steps.map((s) => (s.entity !== undefined ? { ...s, entity: swap(s.entity) } : s)),
      })),
      rules: model.rules.map((r) => (r.entity !== undefined ? { ...r, entity: swap(r.entity) } : r)),
      openQuestions,
    };
  }
  if (kind === 'actor') {
    return {
      ...model,
      useCases: model.useCases.map((u) => ({ ...u, actor: swap(u.actor), steps: u.steps.map((s) => ({ ...s, actor: s.actor === from ? to : s.actor })) })),
      openQuestions,
    };
  }
  return { ...model, openQuestions };
}

export type PruneReport = { relationships: number; useCases: number; steps: number };

/**
 * The model without references to ids that do not exist: relationships with a missing end and use cases without
 * their actor are dropped, so are steps of a missing actor; an optional reference (a use case's, step's or rule's
 * entity, an attribute's `references`, a question's `about`) is cleared. Repeated relationships (same ends and label)
 * and items whose id was used before in their list are dropped too. What a removal or a model from elsewhere leaves
 * dangling is cleaned up by this one function.
 */
export function pruneDangling(model: ProjectModel): { model: ProjectModel; dropped: PruneReport } {
  const firstOfId = <T extends { id: string }>(items: T[]): T[] => {
    const seen = new Set<string>();
    return items.filter((item) => !seen.has(item.id) && Boolean(seen.add(item.id)));
  };
  const base: ProjectModel = {
    ...model,
    actors: firstOfId(model.actors),
    entities: firstOfId(model.entities),
    useCases: firstOfId(model.useCases),
    rules: firstOfId(model.rules),
    metrics: firstOfId(model.metrics),
    constraints: firstOfId(model.constraints),
    openQuestions: firstOfId(model.openQuestions),
  };
  const actors = new Set(base.actors.map((a) => a.id));
  const entities = new Set(base.entities.map((e) => e.id));
  const known = (id: string | undefined) => (id !== undefined && entities.has(id) ? id : undefined);
  const dropped: PruneReport = { relationships: 0, useCases: 0, steps: 0 };

  const seenRelationships = new Set<string>();
  const relationships = base.relationships.filter((r) => {
    const key = `${r.from}>${r.to}>${r.label.toLowerCase()}`;
    const keep = entities.has(r.from) && entities.has(r.to) && !seenRelationships.has(key);
    seenRelationships.add(key);
    if (!keep) dropped.relationships++;
    return keep;
  });
  const useCases = base.useCases
    .filter((u) => actors.has(u.actor) || (dropped.useCases++, false))
    .map((u) => {
      const steps = u.steps.filter((s) => s.actor === 'system' || actors.has(s.actor) || (dropped.steps++, false));
      const { entity: _entity, ...rest } = u;
      const entity = known(u.entity);
      return {
        ...rest,
        ...(entity ? { entity } : {}),
        steps: steps.map(({ entity: stepEntity, ...step }) => ({ ...step, ...(known(stepEntity) ? { entity: stepEntity } : {}) })),
      };
    });
  const withEntities: ProjectModel = {
    ...base,
    entities: base.entities.map((e) => ({
      ...e,
      attributes: e.attributes.map(({ references, ...a }) =>
        references === undefined ? a : entities.has(references) ? { ...a, references } : { ...a, type: a.type === 'reference' ? 'text' : a.type },
      ),
    })),
    relationships,
    useCases,
    rules: base.rules.map(({ entity, ...r }) => ({ ...r, ...(known(entity) ? { entity } : {}) })),
  };
  const anyItem = new Set(
    [withEntities.actors, withEntities.entities, withEntities.useCases, withEntities.rules, withEntities.metrics, withEntities.constraints, withEntities.openQuestions].flatMap(
      (list: Array<{ id: string }>) => list.map((item) => item.id),
    ),
  );
  const openQuestions = withEntities.openQuestions.map(({ about, ...q }) => ({ ...q, ...(about !== undefined && anyItem.has(about) ? { about } : {}) }));
  return { model: { ...withEntities, openQuestions }, dropped };
}

const MAX_SOURCES = 8;

/** Sources with a person's correction first, so a rebuild knows to keep the item as corrected. */
export function markCorrected(sources: ModelSource[]): ModelSource[] {
  if (sources.some((s) => s.kind === 'correction')) return sources;
  return [{ kind: 'correction' as const }, ...sources].slice(0, MAX_SOURCES);
}

/** Two lists of sources as one, without repeats, within the limit; corrections first. */
/** Words of both lists, each once whatever its case; the first list's spelling wins. */
export function unionWords(a: string[], b: string[]): string[] {
  const same = (x: string, y: string): boolean => x.trim().toLowerCase() === y.trim().toLowerCase();
  return [...a, ...b.filter((x) => !a.some((y) => same(x, y)))];
}

export function unionSources(a: ModelSource[], b: ModelSource[]): ModelSource[] {
  const seen = new Set<string>();
  const all = [...a, ...b].filter((s) => {
    const key = JSON.stringify([s.kind, s.label ?? '', s.quote ?? '']);
    return !seen.has(key) && Boolean(seen.add(key));
  });
  return [...all.filter((s) => s.kind === 'correction'), ...all.filter((s) => s.kind !== 'correction')].slice(0, MAX_SOURCES);
}

/**
 * A built model as it can be saved: a configured model may point at ids it never defined (an attribute referencing an
 * actor, a step on a record it left out); those references are dropped rather than failing the build.
 */
export function withoutDanglingReferences(model: ProjectModel): ProjectModel {
  return pruneDangling(model).model;
}

import { AppError, defineErrorCode } from '../../core/errors.js';
import type { ProjectModel } from './project-model.contract.js';

/** One thing wrong with a model: where (a path such as `relationships.2.to`) and what. */
export type ModelProblem = { path: string; message: string };

/** The lists whose items carry an id, which other items refer to. */
const idLists = ['actors', 'entities', 'useCases', 'rules', 'metrics', 'constraints', 'openQuestions'] as const;

/**
 * What does not hold together in a model the schema accepted: an id used twice in one list, or a reference (a
 * relationship's ends, a use case's actor and entity, a step's actor and entity, a rule's entity, an attribute's
 * `references`, a question's `about`) to an id that does not exist. Items refer to each other by id, so one missing
 * id would leave every artifact drawn from the model pointing at nothing.
 */
export function validateModel(model: ProjectModel): ModelProblem[] {
  const problems: ModelProblem[] = [];
  for (const list of idLists) {
    const seen = new Set<string>();
    model[list].forEach((item, index) => {
      if (seen.has(item.id)) problems.push({ path: `${list}.${index}.id`, message: `"${item.id}" is the id of an earlier item of ${list}` });
      seen.add(item.id);
    });
  }
  const actors = new Set(model.actors.map((a) => a.id));
  const entities = new Set(model.entities.map((e) => e.id));
  const anyItem = new Set(idLists.flatMap((list) => model[list].map((item) => item.id)));
  const entity = (path: string, id: string | undefined) => {
    if (id !== undefined && !entities.has(id)) problems.push({ path, message: `"${id}" is not the id of an entity` });
  };
  const actor = (path: string, id: string) => {
    if (!actors.has(id)) problems.push({ path, message: `"${id}" is not the id of an actor` });
  };

  model.entities.forEach((e, i) => e.attributes.forEach((a, j) => entity(`entities.${i}.attributes.${j}.references`, a.references)));
  model.relationships.forEach((r, i) => {
    entity(`relationships.${i}.from`, r.from);
    entity(`relationships.${i}.to`, r.to);
  });
  model.useCases.forEach((u, i) => {
    actor(`useCases.${i}.actor`, u.actor);
    entity(`useCases.${i}.entity`, u.entity);
    u.steps.forEach((s, j) => {
      if (s.actor !== 'system') actor(`useCases.${i}.steps.${j}.actor`, s.actor);
      entity(`useCases.${i}.steps.${j}.entity`, s.entity);
    });
  });
  model.rules.forEach((r, i) => entity(`rules.${i}.entity`, r.entity));
  model.openQuestions.forEach((q, i) => {
    if (q.about !== undefined && !anyItem.has(q.about)) problems.push({ path: `openQuestions.${i}.about`, message: `"${q.about}" is not the id of an item of the model` });
  });
  return problems;
}

/** A model, or a change to one, that does not hold together; details name each path and what is wrong. */
export const MODEL_INVALID = defineErrorCode('MODEL_INVALID', 422);

export function invalidModel(problems: ModelProblem[], prefix = 'model'): AppError {
  const first = problems[0];
  const where = first ? `${prefix}.${first.path}: ${first.message}` : prefix;
  const more = problems.length > 1 ? ` (and ${problems.length - 1} more)` : '';
  return new AppError(MODEL_INVALID, `The model does not hold together: ${where}${more}`, {
    details: problems.map((p) => ({ field: `${prefix}.${p.path}`, message: p.message, in: 'body' })),
  });
}

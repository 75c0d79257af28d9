import { pluralize, singularize, tokenize } from '../../../../core/text/index.js';
import type { ModelAttribute, ModelEntity, ProjectModel } from '../../../project-model/index.js';
import { isPersonNoun } from '../../../projects/index.js';
import type { WireframeTaskInput } from './schema.js';

/** What the screens show: the project's name, its main entities (most acted on first), its people and its metrics. */
export type WireframeFacts = {
  name: string;
  model: ProjectModel;
  /** The records screens are drawn for, the one most use cases act on first; never the project itself. */
  entities: ModelEntity[];
  /** The people who use the product, plural: "members", "coordinators". */
  groups: string[];
};

const words = (text: string) => tokenize(text).map(singularize).join(' ');

/** Fields that describe a requirement rather than the record (a priority, where it was read) are never drawn. */
const NOT_A_FIELD = /^(?:priority|priorities|p[0-3]|moscow|metadata|source|sources|must have|should have|could have)$/i;

export function isDrawnAttribute(attribute: ModelAttribute): boolean {
  return !NOT_A_FIELD.test(attribute.name.trim()) && !/\b(?:priority|metadata)\b/i.test(attribute.name);
}

export function wireframeFacts(input: Pick<WireframeTaskInput, 'projectName' | 'model'>): WireframeFacts {
  const model = input.model;
  const project = words(input.projectName);
  const uses = (entity: ModelEntity) => model.useCases.filter((u) => u.entity === entity.id || u.steps.some((s) => s.entity === entity.id)).length;
  const entities = model.entities
    .filter((entity) => words(entity.name) !== project)
    .map((entity, index) => ({ entity: { ...entity, attributes: entity.attributes.filter(isDrawnAttribute) }, index }))
    .sort((a, b) => uses(b.entity) - uses(a.entity) || a.index - b.index)
    .map(({ entity }) => entity);
  const groups = model.actors.filter((a) => a.kind === 'person').map((a) => pluralize(a.name.toLowerCase()));
  return { name: input.projectName.trim(), model, entities, groups };
}

/** Whether records of an entity are people (a member, a patient): their names are people's names. */
export function isPersonEntity(facts: WireframeFacts, entity: ModelEntity | undefined): boolean {
  if (!entity) return false;
  return facts.model.actors.some((a) => a.kind === 'person' && (a.id === entity.id || words(a.name) === words(entity.name))) || isPersonNoun(tokenize(entity.name).at(-1) ?? '');
}

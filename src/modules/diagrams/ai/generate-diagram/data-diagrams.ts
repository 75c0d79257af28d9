import { joinList } from '../../../../core/text/index.js';
import type { AttributeType, Cardinality, ModelEntity, ModelRelationship, ProjectModel } from '../../../project-model/index.js';
import { identifier, safeLabel, uniqueBy } from './labels.js';
import { nodeId, type Focus } from './model-view.js';

// The diagrams of what is kept: the model's entities with typed attributes and their relationships, as ER and
// class diagrams. Keys come from the model: every entity has an id, a reference attribute is a foreign key, and the
// "many" side of a relationship holds the key of the "one" side when no attribute says so already.

const COLUMN_TYPES: Record<AttributeType, string> = {
  text: 'string',
  long_text: 'text',
  number: 'int',
  money: 'decimal',
  boolean: 'boolean',
  date: 'date',
  datetime: 'datetime',
  duration: 'interval',
  email: 'string',
  phone: 'string',
  url: 'string',
  location: 'string',
  file: 'file',
  enum: 'enum',
  reference: 'uuid',
};

type Column = { type: string; name: string; key?: 'PK' | 'FK'; comment?: string };

/** The entities a diagram shows: all of them, or the focused one and its neighbours. */
export function entitiesInView(model: ProjectModel, focus: Focus): { entities: ModelEntity[]; relationships: ModelRelationship[] } {
  const known = new Set(model.entities.map((e) => e.id));
  const stated = model.relationships.filter((r) => known.has(r.from) && known.has(r.to) && r.from !== r.to);
  const linked = (a: string, b: string) => stated.some((r) => (r.from === a && r.to === b) || (r.from === b && r.to === a));
  // A reference attribute no relationship accounts for is a relationship of its own: many of these point to one.
  const implied: ModelRelationship[] = model.entities.flatMap((entity) =>
    entity.attributes
      .filter((a) => a.type === 'reference' && a.references && a.references !== entity.id && known.has(a.references) && !linked(entity.id, a.references))
      .map((a) => ({ from: entity.id, to: a.references!, cardinality: 'many-to-one' as const, label: a.name })),
  );
  const relationships = uniqueBy([...stated, ...implied], (r) => `${r.from}>${r.to}`);
  const centre = focus.entity ?? (focus.useCase?.entity ? model.entities.find((e) => e.id === focus.useCase!.entity) : undefined);
  if (!centre) return { entities: model.entities, relationships };
  const near = relationships.filter((r) => r.from === centre.id || r.to === centre.id);
  const ids = new Set([centre.id, ...near.flatMap((r) => [r.from, r.to])]);
  return { entities: model.entities.filter((e) => ids.has(e.id)), relationships: near };
}

/** Which side of a relationship holds the other's key: the "many" side of one-to-many; none for many-to-many. */
function keyHolder(r: ModelRelationship): { holder: string; target: string } | undefined {
  if (r.cardinality === 'one-to-many') return { holder: r.to, target: r.from };
  if (r.cardinality === 'many-to-one' || r.cardinality === 'one-to-one') return { holder: r.from, target: r.to };
  return undefined;
}

function columnsOf(entity: ModelEntity, model: ProjectModel, relationships: readonly ModelRelationship[]): Column[] {
  const nameOf = (id: string) => model.entities.find((e) => e.id === id)?.name ?? id;
  const columns: Column[] = [{ type: 'uuid', name: 'id', key: 'PK' }];
  const referenced = new Set<string>();
  for (const attribute of entity.attributes) {
    const name = identifier(attribute.name, '');
    if (name === '' || name === 'id') continue;
    if (attribute.type === 'reference') {
      if (attribute.references) referenced.add(attribute.references);
      const target = attribute.references ? nameOf(attribute.references) : '';
      columns.push({ type: 'uuid', name: name.endsWith('_id') ? name : `${name}_id`, key: 'FK', ...(target ? { comment: safeLabel(target, 40, '') } : {}) });
      continue;
    }
    const values = attribute.type === 'enum' && attribute.values?.length ? joinList(attribute.values.map((v) => safeLabel(v, 24, '')).filter(Boolean), 'or') : '';
    columns.push({ type: COLUMN_TYPES[attribute.type], name, ...(values ? { comment: values } : {}) });
  }
  // A lifecycle is a status column whose values are the states.
  if (entity.states.length && !columns.some((c) => c.name === 'status' || c.name === 'state')) {
    columns.push({ type: 'enum', name: 'status', comment: joinList(entity.states.map((s) => safeLabel(s, 24, '')).filter(Boolean), 'or') });
  }
  for (const r of relationships) {
    const side = keyHolder(r);
    if (!side || side.holder !== entity.id || referenced.has(side.target)) continue;
    referenced.add(side.target);
    columns.push({ type: 'uuid', name: `${identifier(nameOf(side.target), 'parent')}_id`, key: 'FK', comment: safeLabel(nameOf(side.target), 40, '') });
  }
  return uniqueBy(columns, (c) => c.name);
}

/** Crow's foot between `from` and `to`, read from `from`: one member borrows many loans is ||--o{. */
const CROWS_FOOT: Record<Cardinality, string> = {
  'one-to-one': '||--o|',
  'one-to-many': '||--o{',
  'many-to-one': '}o--||',
  'many-to-many': '}o--o{',
};

export function er(model: ProjectModel, focus: Focus): string {
  const { entities, relationships } = entitiesInView(model, focus);
  const lines = ['erDiagram'];
  for (const entity of entities) {
    lines.push(`  ${nodeId('E', entity.id)}["${safeLabel(entity.name, 40, 'Record')}"] {`);
    for (const column of columnsOf(entity, model, relationships)) {
      const comment = column.comment ? ` "${column.comment}"` : '';
      lines.push(`    ${column.type} ${column.name}${column.key ? ` ${column.key}` : ''}${comment}`);
    }
    lines.push('  }');
  }
  for (const r of relationships) lines.push(`  ${nodeId('E', r.from)} ${CROWS_FOOT[r.cardinality]} ${nodeId('E', r.to)} : "${safeLabel(r.label, 40, 'relates to')}"`);
  return lines.join('\n');
}

const MULTIPLICITY: Record<Cardinality, [string, string]> = {
  'one-to-one': ['1', '0..1'],
  'one-to-many': ['1', '*'],
  'many-to-one': ['*', '1'],
  'many-to-many': ['*', '*'],
};

/** A class's operations: the verbs of the use cases that act on it ("Approve a loan" → approve()). */
function operationsOf(entity: ModelEntity, model: ProjectModel): string[] {
  const verbs = model.useCases.filter((u) => u.entity === entity.id).map((u) => identifier(u.action, ''));
  return uniqueBy(verbs, (v) => v).slice(0, 5);
}

export function classDiagram(model: ProjectModel, focus: Focus): string {
  const { entities, relationships } = entitiesInView(model, focus);
  const lines = ['classDiagram'];
  if (entities.length === 0) lines.push('  note "No records are known yet"');
  for (const entity of entities) {
    lines.push(`  class ${nodeId('C', entity.id)}["${safeLabel(entity.name, 40, 'Record')}"] {`);
    // Associations show the references; the attributes are the entity's own data.
    for (const column of columnsOf(entity, model, []).filter((c) => c.key !== 'FK')) lines.push(`    +${column.type} ${column.name}`);
    for (const operation of operationsOf(entity, model)) lines.push(`    +${operation}()`);
    lines.push('  }');
  }
  for (const r of relationships) {
    const [from, to] = MULTIPLICITY[r.cardinality];
    lines.push(`  ${nodeId('C', r.from)} "${from}" --> "${to}" ${nodeId('C', r.to)} : ${safeLabel(r.label, 40, 'relates to')}`);
  }
  return lines.join('\n');
}

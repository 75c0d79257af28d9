import { tokenize } from '../../../../core/text/index.js';
import type { DataEntity, DiagramFacts } from './facts.js';
import { identifier, norm, pascal, uniqueBy } from './labels.js';

// The diagrams of what is kept: entities with typed attributes and their relations, as ER and class diagrams.

type AttributeType = 'string' | 'date' | 'datetime' | 'int' | 'decimal' | 'boolean' | 'uuid';

function attributeType(name: string): AttributeType {
  if (/\b(id|identifier)\b/.test(name)) return 'uuid';
  if (/\b(at|time|timestamp)\b/.test(name)) return 'datetime';
  if (/\b(date|day|deadline|birthday)\b/.test(name)) return 'date';
  if (/\b(count|number|quantity|age|duration|minutes|hours|size|capacity)\b/.test(name)) return 'int';
  if (/\b(price|amount|cost|total|fee|rate|balance)\b/.test(name)) return 'decimal';
  if (/^(is|has)\b|\b(active|enabled|approved)\b/.test(name)) return 'boolean';
  return 'string';
}

function attributesOf(entity: DataEntity): Array<{ name: string; type: AttributeType }> {
  const named = entity.attributes.map((a, i) => ({ name: identifier(a, `attribute_${i + 1}`), type: attributeType(a) }));
  const all = [{ name: 'id', type: 'uuid' as const }, ...named.filter((a) => a.name !== 'id' && a.name !== 'identifier')];
  return uniqueBy(all, (a) => a.name);
}

/** Pairs of entities that relate: a user-like entity owns the others; an entity named inside another's row links them. */
function relations(facts: DiagramFacts): Array<{ from: number; to: number; label: string }> {
  const entities = facts.entities;
  const owner = entities.findIndex((e) => /\b(user|account|member|customer|person|profile)\b/i.test(e.name));
  const links: Array<{ from: number; to: number; label: string }> = [];
  entities.forEach((entity, i) => {
    entities.forEach((other, j) => {
      if (i === j) return;
      if (entity.attributes.some((a) => norm(a).includes(norm(other.name)))) links.push({ from: j, to: i, label: 'has' });
    });
  });
  entities.forEach((_, i) => {
    if (owner >= 0 && i !== owner && !links.some((l) => l.to === i)) links.push({ from: owner, to: i, label: 'creates' });
    else if (owner < 0 && i > 0 && !links.some((l) => l.to === i)) links.push({ from: 0, to: i, label: 'has' });
  });
  return uniqueBy(links, (l) => `${Math.min(l.from, l.to)}-${Math.max(l.from, l.to)}`);
}

export function er(facts: DiagramFacts): string {
  const ids = facts.entities.map((e, i) => `${pascal(e.name, 'Entity')}${i}`);
  const lines = ['erDiagram'];
  facts.entities.forEach((entity, i) => {
    lines.push(`  ${ids[i]}["${entity.name}"] {`);
    for (const attribute of attributesOf(entity)) lines.push(`    ${attribute.type} ${attribute.name}${attribute.name === 'id' ? ' PK' : ''}`);
    lines.push('  }');
  });
  for (const link of relations(facts)) lines.push(`  ${ids[link.from]} ||--o{ ${ids[link.to]} : "${link.label}"`);
  return lines.join('\n');
}

export function classDiagram(facts: DiagramFacts): string {
  const ids = facts.entities.map((e, i) => `${pascal(e.name, 'Entity')}${i}`);
  const lines = ['classDiagram'];
  facts.entities.forEach((entity, i) => {
    lines.push(`  class ${ids[i]}["${entity.name}"] {`);
    for (const attribute of attributesOf(entity)) lines.push(`    +${attribute.type} ${attribute.name}`);
    const operations = facts.useCases
      .filter((uc) => norm(uc.title).includes(norm(entity.name)))
      .map((uc) => identifier(tokenize(uc.title)[0] ?? '', ''))
      .filter((op) => op !== '');
    for (const operation of uniqueBy(operations, (o) => o).slice(0, 4)) lines.push(`    +${operation}()`);
    lines.push('  }');
  });
  for (const link of relations(facts)) lines.push(`  ${ids[link.from]} "1" --> "*" ${ids[link.to]} : ${link.label}`);
  return lines.join('\n');
}

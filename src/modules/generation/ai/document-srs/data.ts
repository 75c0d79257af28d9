import { sentence } from '../../../../core/text/compose/index.js';
import { capitalize, joinList } from '../../../../core/text/index.js';
import type { ModelAttribute } from '../../../project-model/index.js';
import { common, entityPhrase, relationshipSentence, type ModelView } from '../document-writer/index.js';
import type { DocumentSrs } from './schema.js';

// Section 3.4 and appendix A: the data kept about each entity, its relationships, and the glossary.

export function attributeLabel(attribute: ModelAttribute, view: ModelView): string {
  const name = attribute.name.replaceAll('_', ' ');
  const type =
    attribute.type === 'reference' ? `reference to ${common((view.entity(attribute.references) ?? view.actor(attribute.references ?? ''))?.name ?? 'a record')}` : attribute.type === 'enum' && attribute.values?.length ? `one of ${joinList(attribute.values, 'or')}` : attribute.type.replace('_', ' ');
  return `${name} (${type}${attribute.required ? ', required' : ''})`;
}

export function dataRequirements(view: ModelView): DocumentSrs['specificRequirements']['dataRequirements'] {
  return view.entities.slice(0, 20).map((entity) => {
    const relations = view.model.relationships
      .filter((r) => r.from === entity.id)
      .map((r) => relationshipSentence(r, view))
      .filter((s): s is string => Boolean(s));
    const description = [
      entity.description.trim() ? sentence(entity.description) : sentence(`${capitalize(entityPhrase(entity, 'a').text)} is a record ${view.name} keeps`),
      entity.states.length ? sentence(`Its states are ${joinList(entity.states.map((s) => `“${s}”`))}`) : '',
      ...relations,
    ].filter(Boolean);
    return {
      entity: entity.name,
      description: description.join(' '),
      attributes: entity.attributes.length ? entity.attributes.map((a) => attributeLabel(a, view)) : ['attributes not stated yet'],
    };
  });
}

export function glossaryOf(view: ModelView): DocumentSrs['appendices']['glossary'] {
  const glossary = view.model.glossary.map((g) => ({ term: g.term, definition: sentence(g.definition) }));
  const known = new Set(glossary.map((g) => g.term.toLowerCase()));
  for (const item of [...view.model.actors, ...view.entities]) {
    if (known.has(item.name.toLowerCase()) || !item.description.trim()) continue;
    known.add(item.name.toLowerCase());
    glossary.push({ term: item.name, definition: sentence(item.description) });
  }
  return glossary.slice(0, 30);
}

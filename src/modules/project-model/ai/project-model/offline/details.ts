import type { ModelAttribute, ModelEntity, ModelRelationship, ModelUseCase } from '../../../project-model.contract.js';
import type { EntityFinding } from './entities.js';
import type { Sentence } from './read.js';
import { participle } from './verbs.js';
import { lemmaOf, termOf } from './words.js';

/**
 * An entity's attributes, lifecycle and relationships. Attributes come from what the text lists with the record
 * ("a party with name, party size and phone number", "each plant has a variety, pot size …"), typed by what the word
 * names; lifecycle states are the participles of the verbs applied to it in order ("requested → approved"); a record
 * made by acting on another ("loan" of a "tool") refers to it many-to-one.
 */
const TYPE_PATTERNS: [ModelAttribute['type'], RegExp][] = [
  ['email', /\bemail\b/],
  ['phone', /\b(?:phone|mobile|telephone)(?: number)?\b/],
  ['datetime', /\b(?:time|slot|start|end|arrival|pickup|deadline)\b/],
  ['date', /\bdates?\b|\bday\b|\bbirthday\b|\bdue\b/],
  ['duration', /\b(?:duration|length|hours|nights)\b/],
  ['money', /\b(?:price|fee|cost|rent|amount|deposit|rate|balance|total|vat|charge|salary|budget)\b/],
  ['number', /\b(?:number|count|size|capacity|quantity|weight|age|seats|score|rating|level|grade)\b/],
  ['location', /\b(?:address|location|origin|destination|postcode|site|place|station|venue)\b/],
  ['file', /\b(?:photo|picture|image|file|document|receipt|certificate|scan|attachment|video|letter|pdf|signature)\b/],
  ['url', /\b(?:url|link|website|repository)\b/],
  ['long_text', /\b(?:notes?|description|comments?|abstract|statement|history|instructions|details)\b/],
  ['boolean', /^(?:is |has )|\b(?:paid|approved|verified)\b/],
];

export function attributeType(name: string): ModelAttribute['type'] {
  const lower = name.toLowerCase();
  for (const [type, pattern] of TYPE_PATTERNS) if (pattern.test(lower)) return type;
  return 'text';
}

function listedAttributes(entity: EntityFinding, sentences: Sentence[]): string[] {
  const names: string[] = [];
  for (const sentence of sentences) {
    const { tokens } = sentence.tagged;
    sentence.phrases.forEach((phrase, index) => {
      if (termOf(phrase) !== entity.term && lemmaOf(phrase) !== entity.lemma) return;
      const next = tokens[phrase.end];
      const listing = next && (next.normal === 'with' || (next.normal === 'has' || next.normal === 'have') || next.normal === '(');
      if (!listing) return;
      for (const later of sentence.phrases.slice(index + 1)) {
        const between = tokens.slice(phrase.end, later.start).filter((t) => t.pos === 'VERB' || t.normal === '.' || t.normal === ';');
        if (between.length > 0) break;
        names.push(later.text.toLowerCase());
      }
    });
  }
  return [...new Set(names)].slice(0, 12);
}

function defaultAttributes(finding: EntityFinding, states: string[]): ModelAttribute[] {
  const attributes: ModelAttribute[] = [];
  if (finding.derived || finding.verbs.length > 0) attributes.push({ name: 'created at', type: 'datetime', required: true });
  if (states.length > 1) attributes.push({ name: 'status', type: 'enum', required: true, values: states });
  return attributes;
}

export function statesOf(finding: EntityFinding, findings: EntityFinding[]): string[] {
  const verbs = [...finding.verbs];
  // An act noun ("loan") lives through what is done to its object ("borrow", "return" a tool).
  if (finding.about) for (const verb of findings.find((f) => f.term === finding.about)?.verbs ?? []) if (!verbs.includes(verb)) verbs.push(verb);
  const states = verbs.filter((verb) => !/^(?:see|view|browse|find|add|create|manage|track|have|need|want|use|open)$/.test(verb)).map(participle);
  return states.length >= 2 ? [...new Set(states)].slice(0, 8) : [];
}

export function detailEntity(entity: ModelEntity, finding: EntityFinding, findings: EntityFinding[], sentences: Sentence[], idOf: (term: string) => string | undefined): ModelEntity {
  const states = statesOf(finding, findings);
  const listed = listedAttributes(finding, sentences).map((name): ModelAttribute => {
    const target = idOf(name);
    return target && target !== entity.id ? { name, type: 'reference', required: false, references: target } : { name, type: attributeType(name), required: false };
  });
  const about = finding.about ? idOf(finding.about) : undefined;
  const reference: ModelAttribute[] = about && about !== entity.id ? [{ name: finding.about as string, type: 'reference', required: true, references: about }] : [];
  const attributes = [...reference, ...listed, ...defaultAttributes(finding, states)];
  const unique = attributes.filter((attribute, index) => attributes.findIndex((a) => a.name === attribute.name) === index);
  return { ...entity, attributes: unique.slice(0, 40), states };
}

export function relationshipsOf(entities: ModelEntity[], useCases: ModelUseCase[]): ModelRelationship[] {
  const relationships: ModelRelationship[] = [];
  for (const entity of entities) {
    for (const attribute of entity.attributes) {
      if (attribute.type !== 'reference' || !attribute.references) continue;
      relationships.push({ from: entity.id, to: attribute.references, cardinality: 'many-to-one', label: `is for ${attribute.name.startsWith('a') ? 'an' : 'a'} ${attribute.name}` });
    }
  }
  void useCases;
  return relationships.slice(0, 80);
}

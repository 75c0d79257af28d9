import type { NounPhrase } from '../../../../../core/text/nlp/index.js';
import type { ModelAttribute, ModelEntity, ModelRelationship } from '../../../project-model.contract.js';
import type { EntityFinding } from './entities.js';
import type { Sentence } from './read.js';
import { participle } from './verbs.js';
import { lemmaOf, termOf } from './words.js';
import { indefiniteArticle } from '../../../../../core/text/compose/index.js';

/**
 * An entity's attributes, lifecycle and relationships. Attributes come from what the text lists with the record
 * ("a party with name, party size and phone number", "each plant has a variety, pot size …"), typed by what the word
 * names; lifecycle states are the participles of the verbs applied to it in order ("requested → approved"); a record
 * made by acting on another ("loan" of a "tool") refers to it many-to-one, and so does a record the text puts under
 * another ("the animal's vaccinations", "a seat on a tour").
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

/**
 * Which record belongs to which, read from the text: a possessive ("the animal's vaccinations": Vaccination belongs
 * to Animal) or a phrase hanging from another by "for", "on", "in" or "per" ("vaccinations for each animal",
 * "a seat on a tour"). Many of the first belong to one of the second.
 */
function containmentsIn(sentence: Sentence, entityOf: (phrase: NounPhrase) => ModelEntity | undefined): [ModelEntity, ModelEntity][] {
  const pairs: [ModelEntity, ModelEntity][] = [];
  const { tokens } = sentence.tagged;
  sentence.phrases.forEach((phrase, index) => {
    const next = sentence.phrases[index + 1];
    if (!next) return;
    const between = tokens.slice(phrase.end, next.start).map((token) => token.normal);
    const possessive = between.length === 1 && (between[0] === "'s" || between[0] === "'");
    // "of" is left out: "the schedule of sessions" holds them rather than belonging to one.
    const hanging = between.length === 1 && /^(?:for|on|in|per)$/.test(between[0] ?? '');
    if (!possessive && !hanging) return;
    const [part, whole] = possessive ? [entityOf(next), entityOf(phrase)] : [entityOf(phrase), entityOf(next)];
    if (part && whole && part.id !== whole.id) pairs.push([part, whole]);
    // "vaccinations and vet appointments for each animal": the phrases coordinated before it hang there too.
    for (let before = index - 1; hanging && whole && before >= 0; before -= 1) {
      const joined = sentence.phrases[before] as NounPhrase;
      const gap = tokens.slice(joined.end, (sentence.phrases[before + 1] as NounPhrase).start).map((token) => token.normal);
      if (gap.length !== 1 || !/^(?:and|or|,)$/.test(gap[0] ?? '')) break;
      const other = entityOf(joined);
      if (other && other.id !== whole.id) pairs.push([other, whole]);
    }
  });
  return pairs;
}

export function relationshipsOf(entities: ModelEntity[], sentences: Sentence[], entityOf: (phrase: NounPhrase) => ModelEntity | undefined): ModelRelationship[] {
  const relationships: ModelRelationship[] = [];
  const has = (from: string, to: string): boolean => relationships.some((r) => (r.from === from && r.to === to) || (r.from === to && r.to === from));
  for (const entity of entities) {
    for (const attribute of entity.attributes) {
      if (attribute.type !== 'reference' || !attribute.references || has(entity.id, attribute.references)) continue;
      // The act's own record ("a loan is for a tool") or a record listed with it ("each tour has a meeting point").
      const name = attribute.name.toLowerCase();
      relationships.push({ from: entity.id, to: attribute.references, cardinality: 'many-to-one', label: `${attribute.required ? 'is for' : 'has'} ${indefiniteArticle(name)} ${name}` });
    }
  }
  for (const sentence of sentences) {
    for (const [part, whole] of containmentsIn(sentence, entityOf)) {
      if (has(part.id, whole.id)) continue;
      const name = whole.name.toLowerCase();
      relationships.push({ from: part.id, to: whole.id, cardinality: 'many-to-one', label: `belongs to ${indefiniteArticle(name)} ${name}` });
    }
  }
  return relationships.slice(0, 80);
}

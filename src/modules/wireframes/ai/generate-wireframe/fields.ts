import { escapeText, singularPhrase, tokenize } from '../../../../core/text/index.js';
import { isPersonNoun, type Entity } from '../../../projects/index.js';
import type { WireframeFacts } from './facts.js';
import { el, text, titleCase } from './markup.js';

// Field kinds: what a column or an input looks like, by the field's name.

export type FieldKind = 'date' | 'time' | 'money' | 'email' | 'phone' | 'number' | 'status' | 'place' | 'long' | 'rating' | 'name' | 'boolean' | 'text';

const FIELD_KINDS: Array<[FieldKind, RegExp]> = [
  ['time', /\b(?:time|hour|start|end|duration)\b/i],
  ['date', /\b(?:date|day|deadline|due|birthday|created|updated|when)\b/i],
  ['money', /\b(?:price|cost|amount|fee|total|budget|salary|rate|payment|balance|value)\b/i],
  ['email', /\be-?mail\b/i],
  ['phone', /\b(?:phone|mobile|telephone)\b/i],
  ['rating', /\b(?:rating|score|stars?)\b/i],
  ['number', /\b(?:number|count|quantity|capacity|size|age|weight|height|length|distance|minutes|hours|seats|stock|level)\b/i],
  ['status', /\b(?:status|state|stage|priority|type|category|kind)\b/i],
  ['place', /\b(?:location|address|place|city|venue|room|area|region|country)\b/i],
  ['long', /\b(?:description|notes?|comments?|summary|details|bio|message|reason|instructions?)\b/i],
  ['boolean', /\b(?:active|enabled|approved|paid|available|verified|done|completed)\b/i],
  ['name', /\b(?:name|title|label)\b/i],
];

export function kindOf(field: string): FieldKind {
  for (const [kind, pattern] of FIELD_KINDS) if (pattern.test(field)) return kind;
  return 'text';
}

const SAMPLE_DATES = ['12 Mar 2026', '14 Mar 2026', '18 Mar 2026', '21 Mar 2026', '25 Mar 2026'];
const SAMPLE_TIMES = ['09:00', '10:30', '13:00', '15:30', '18:00'];
const SAMPLE_MONEY = ['$24.00', '$18.50', '$40.00', '$12.75', '$31.00'];
const SAMPLE_STATUS = ['Active', 'Pending', 'Active', 'Closed', 'Draft'];
const SAMPLE_PLACES = ['North Hall', '12 Main St', 'Riverside', 'Room 4B', 'Online'];
const SAMPLE_NAMES = ['Alex Morgan', 'Sam Lee', 'Priya Shah', 'Jordan Diaz', 'Chris Kim'];

/** A realistic placeholder value for row `row` of a field, or null for a grey text bar. */
export function sampleValue(entity: Entity, field: string, row: number): string | null {
  const pick = <T>(list: readonly T[]): T => list[row % list.length]!;
  if (isPersonNoun(tokenize(field).at(-1) ?? '')) return pick(SAMPLE_NAMES);
  switch (kindOf(field)) {
    case 'date':
      return pick(SAMPLE_DATES);
    case 'time':
      return /duration/i.test(field) ? `${30 + 15 * (row % 4)} min` : pick(SAMPLE_TIMES);
    case 'money':
      return pick(SAMPLE_MONEY);
    case 'email':
      return `${pick(SAMPLE_NAMES).split(' ')[0]!.toLowerCase()}@example.com`;
    case 'phone':
      return `+1 555 010${row}`;
    case 'rating':
      return `${(4.8 - 0.3 * (row % 4)).toFixed(1)} / 5`;
    case 'number':
      return String(3 + ((row * 7) % 19));
    case 'status':
      return pick(SAMPLE_STATUS);
    case 'place':
      return pick(SAMPLE_PLACES);
    case 'boolean':
      return row % 3 === 2 ? 'No' : 'Yes';
    case 'name':
      return /\b(?:person|user|owner|member|customer|client|contact)\b/i.test(field) ? pick(SAMPLE_NAMES) : `${titleCase(entity.name)} ${row + 1}`;
    default:
      return null;
  }
}

export function cellContent(entity: Entity, field: string, row: number): string {
  const value = sampleValue(entity, field, row);
  if (value === null) return el('span', { class: `wf-bar wf-bar-${(row % 3) + 1}` });
  if (kindOf(field) === 'status') return text('span', value, { class: 'wf-badge' });
  return escapeText(value);
}

/**
 * The entity's columns: its fields, or when the text names none, what any record shows: a name, the person it
 * belongs to (the project's main user group), when it was made and its status.
 */
export function fieldsOf(entity: Entity, facts: WireframeFacts, max = 5): string[] {
  const fields = entity.attributes.filter((field) => field.trim() !== '').slice(0, max);
  if (fields.length) return fields;
  const owner = facts.groups[0] ? singularPhrase(facts.groups[0]) : undefined;
  return ['name', ...(owner ? [owner] : []), 'created', 'status'].slice(0, max);
}

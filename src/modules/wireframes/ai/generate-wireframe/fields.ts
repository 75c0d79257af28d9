import { capitalize, escapeText } from '../../../../core/text/index.js';
import type { ModelAttribute, ModelEntity } from '../../../project-model/index.js';
import { isPersonEntity, type WireframeFacts } from './facts.js';
import { el, text, titleCase } from './markup.js';

// Fields: what a column, a detail row or an input shows, by the attribute's type in the model.

export type Field = Pick<ModelAttribute, 'name' | 'type' | 'values' | 'references' | 'required'>;

/** Types a table column shows well; long text and files belong on the detail page. */
const COLUMN_TYPES = new Set<Field['type']>(['text', 'number', 'money', 'boolean', 'date', 'datetime', 'duration', 'email', 'phone', 'location', 'enum', 'reference']);

/** The entity's fields; a lifecycle is a status field whose values are the states. One without any shows its name. */
export function fieldsOf(entity: ModelEntity): Field[] {
  const fields: Field[] = entity.attributes.map((a) => ({ ...a }));
  if (fields.length === 0) fields.push({ name: 'name', type: 'text', required: true });
  if (entity.states.length && !fields.some((f) => /^(?:status|state)$/i.test(f.name))) fields.push({ name: 'status', type: 'enum', values: entity.states, required: false });
  return fields;
}

/** The main attributes, for a table: required ones first, at most `max`. */
export function columnsOf(entity: ModelEntity, max = 5): Field[] {
  const fields = fieldsOf(entity).filter((f) => COLUMN_TYPES.has(f.type));
  const ordered = [...fields.filter((f) => f.required), ...fields.filter((f) => !f.required)];
  const chosen = new Set(ordered.slice(0, max));
  // Shown in the model's order, which is how people listed them.
  return fields.filter((f) => chosen.has(f));
}

/** What a person fills in: everything but the lifecycle, which the workflow moves. */
export function inputsOf(entity: ModelEntity, max = 10): Field[] {
  return fieldsOf(entity)
    .filter((f) => !(entity.states.length && f.type === 'enum' && f.values === entity.states))
    .slice(0, max);
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const FIRST_DAY = Date.UTC(2026, 2, 12);
const DAY_MS = 86_400_000;

/** Row `row`'s date of a record's `nth` date field: rows a few days apart, each later date field a week after the one before. */
function sampleDate(row: number, nth: number): string {
  const day = new Date(FIRST_DAY + (row * 3 + nth * 7) * DAY_MS);
  return `${day.getUTCDate()} ${MONTHS[day.getUTCMonth()]} ${day.getUTCFullYear()}`;
}
const SAMPLE_TIMES = ['09:00', '10:30', '13:00', '15:30', '18:00'];
const SAMPLE_MONEY = ['$24.00', '$18.50', '$40.00', '$12.75', '$31.00'];
const SAMPLE_PLACES = ['North Hall', '12 Main St', 'Riverside', 'Room 4B', 'Online'];
const SAMPLE_NAMES = ['Alex Morgan', 'Sam Lee', 'Priya Shah', 'Jordan Diaz', 'Chris Kim'];
const SAMPLE_DURATIONS = ['1 week', '3 days', '2 hours', '45 min', '1 week'];

const pick = <T>(list: readonly T[], row: number): T => list[row % list.length]!;

/** A realistic sample value for row `row` of a field, by its type; null draws a grey text bar. */
export function sampleValue(facts: WireframeFacts, entity: ModelEntity, field: Field, row: number): string | null {
  const nth = Math.max(0, entity.attributes.filter((a) => a.type === 'date' || a.type === 'datetime').findIndex((a) => a.name === field.name));
  switch (field.type) {
    case 'date':
      return sampleDate(row, nth);
    case 'datetime':
      return `${sampleDate(row, nth)}, ${pick(SAMPLE_TIMES, row)}`;
    case 'duration':
      return pick(SAMPLE_DURATIONS, row);
    case 'money':
      return pick(SAMPLE_MONEY, row);
    case 'number':
      return String(3 + ((row * 7) % 19));
    case 'boolean':
      return row % 3 === 2 ? 'No' : 'Yes';
    case 'email':
      return `${pick(SAMPLE_NAMES, row).split(' ')[0]!.toLowerCase()}@example.com`;
    case 'phone':
      return `+1 555 010${row % 10}`;
    case 'url':
      return `example.com/${entity.name.toLowerCase().replace(/[^a-z0-9]+/g, '-')}-${row + 1}`;
    case 'location':
      return pick(SAMPLE_PLACES, row);
    case 'file':
      return `${field.name.toLowerCase().replace(/[^a-z0-9]+/g, '-')}-${row + 1}.pdf`;
    case 'enum':
      return field.values?.length ? capitalize(pick(field.values, row)) : null;
    case 'reference': {
      const target = facts.model.entities.find((e) => e.id === field.references);
      if (isPersonEntity(facts, target)) return pick(SAMPLE_NAMES, row + 1);
      return target ? `${titleCase(target.name)} ${((row * 3) % 7) + 1}` : null;
    }
    case 'long_text':
      return null;
    case 'text':
      if (/\b(?:name|title|label)\b/i.test(field.name)) return isPersonEntity(facts, entity) ? pick(SAMPLE_NAMES, row) : `${titleCase(entity.name)} ${row + 1}`;
      if (/\b(?:address|place|city|venue|room|area)\b/i.test(field.name)) return pick(SAMPLE_PLACES, row);
      return null;
  }
}

export function cellContent(facts: WireframeFacts, entity: ModelEntity, field: Field, row: number): string {
  const value = sampleValue(facts, entity, field, row);
  if (value === null) return el('span', { class: `wf-bar wf-bar-${(row % 3) + 1}` });
  if (field.type === 'enum') return text('span', value, { class: 'wf-badge' });
  return escapeText(value);
}

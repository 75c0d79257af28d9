import { capitalize, escapeAttribute, escapeText, tokenize } from '../../../../core/text/index.js';

// Markup helpers: canonical serialization (double quotes, escaped text and attributes), so sanitizing is a no-op.

export type Attributes = Record<string, string | true | undefined>;

function attrs(attributes: Attributes): string {
  return Object.entries(attributes)
    .filter((entry): entry is [string, string | true] => entry[1] !== undefined)
    .map(([name, value]) => ` ${name}="${value === true ? '' : escapeAttribute(value)}"`)
    .join('');
}

/** One element; children are already-serialized markup. */
export function el(tag: string, attributes: Attributes, ...children: string[]): string {
  return `<${tag}${attrs(attributes)}>${children.join('')}</${tag}>`;
}

export function voidEl(tag: string, attributes: Attributes): string {
  return `<${tag}${attrs(attributes)}>`;
}

export function text(tag: string, content: string, attributes: Attributes = {}): string {
  return el(tag, attributes, escapeText(content));
}

export function lines(...parts: string[]): string {
  return parts.filter((part) => part !== '').join('\n');
}

/** Ids carry a prefix: DOM-clobbering protection drops ids such as "location" or "title" that shadow page properties. */
export function fieldId(entityName: string, field: string): string {
  return `wf-${slug(entityName)}-${slug(field)}`;
}

function slug(text: string): string {
  return tokenize(text).join('-').replace(/[^a-z0-9-]/g, '') || 'field';
}

export function titleCase(text: string): string {
  return capitalize(text.trim());
}

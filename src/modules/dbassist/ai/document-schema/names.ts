import { pluralize, singularize } from '../../../../core/text/index.js';

/**
 * Identifiers as words: `customer_id`, `CustomerId`, `customer-id` and `CUSTOMER_ID` all read "customer id". Database
 * names are the only place these rules apply, so they live with the documentation rather than in the text toolkit.
 */
export function identifierWords(identifier: string): string[] {
  return identifier
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((word) => word.toLowerCase());
}

/** Abbreviations schemas use that a reader would spell out. */
const ABBREVIATIONS = new Map(Object.entries({
  desc: 'description', descr: 'description', abbr: 'abbreviation', abbrev: 'abbreviation', qty: 'quantity', amt: 'amount',
  addr: 'address', dob: 'date of birth', cust: 'customer', emp: 'employee', dept: 'department', org: 'organization',
  num: 'number', no: 'number', nbr: 'number', pct: 'percentage', qtr: 'quarter', msg: 'message', img: 'image', pwd: 'password',
  tel: 'telephone', prod: 'product', ref: 'reference', seq: 'sequence', src: 'source', dst: 'destination',
  dt: 'date', ts: 'timestamp', tz: 'time zone', lang: 'language', loc: 'location', min: 'minimum', max: 'maximum', avg: 'average',
}));

/** Trailing words that say "this is a key" rather than what the column holds. */
const KEY_SUFFIXES = new Set(['id', 'ids', 'key', 'fk', 'uuid', 'guid', 'no', 'num', 'nr']);

/** `customer_id` → "customer", `OrderDetails` → "order details", `id` → "id". */
export function humanize(identifier: string, options: { dropKeySuffix?: boolean } = {}): string {
  const words = identifierWords(identifier);
  if (options.dropKeySuffix && words.length > 1 && KEY_SUFFIXES.has(words.at(-1)!)) words.pop();
  // A lone "no" or "num" is the column's whole name, not an abbreviation to spell out.
  return words.map((word) => (words.length > 1 ? (ABBREVIATIONS.get(word) ?? word) : word)).join(' ');
}

/** What one row of a table is called: `orders` → "order", `OrderDetails` → "order detail", `staff` → "staff member". */
export function rowNoun(tableName: string): string {
  const words = identifierWords(tableName);
  if (words.length === 0) return 'row';
  // A prefix like tbl_ or t_ names the kind of object, not the thing it holds.
  if (words.length > 1 && ['tbl', 'tb', 't', 'tab', 'vw', 'v', 'mv'].includes(words[0]!)) words.shift();
  const last = words.at(-1)!;
  if (last === 'staff') words.push('member');
  else if (last === 'data' || last === 'info') words.push('record');
  else words[words.length - 1] = singularize(last);
  return words.join(' ');
}

/**
 * What one row of a view is about: `sales_by_store` → "store", `customer_list` → "customer", `actor_info` → "actor".
 * A view is named for what it shows, so the table rule ("orders" → "order") reads it wrongly.
 */
export function viewRowNoun(viewName: string): string {
  let words = identifierWords(viewName);
  if (words.length > 1 && ['vw', 'v', 'mv', 'view'].includes(words[0]!)) words.shift();
  const by = words.lastIndexOf('by');
  if (by >= 0 && by < words.length - 1) words = words.slice(by + 1);
  while (words.length > 1 && ['list', 'info', 'view', 'summary', 'details', 'report', 'stats', 'overview', 'all', 'v', 'vw'].includes(words.at(-1)!)) words.pop();
  if (words.length > 2) words = words.slice(-1);
  return rowNoun(words.join('_'));
}

/** The plural of a row noun: "order detail" → "order details". */
export function rowNounPlural(tableName: string): string {
  return pluralize(rowNoun(tableName));
}

/** "a" or "an" before a word, by its sound as far as spelling tells. */
export function article(phrase: string): string {
  const word = phrase.trim().toLowerCase();
  if (/^(?:hour|honest|honou?r|heir)/.test(word)) return 'an';
  if (/^(?:uni|use|usu|uti|eu|one|once|ubi|us\b|ur[aeiou])/.test(word)) return 'a';
  if (/^(?:[aeiou]|[fhlmnrsx](?:$|\s))/.test(word)) return 'an';
  return 'a';
}

/** "an order", "a user". */
export function withArticle(phrase: string): string {
  return `${article(phrase)} ${phrase}`;
}

/** "the customer's" / "the customers'" possessive of a noun phrase. */
export function possessive(phrase: string): string {
  return phrase.endsWith('s') ? `${phrase}'` : `${phrase}'s`;
}

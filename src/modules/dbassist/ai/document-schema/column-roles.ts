import { capitalize, joinList, pluralize } from '../../../../core/text/index.js';
import { typeFamily, type TypeFamily } from './column-types.js';
import { humanize, identifierWords, possessive, rowNoun, withArticle } from './names.js';
import type { ColumnInput, TableDocInput } from './schema.js';

/**
 * What a column means, as a colleague would put it in a data dictionary, from its comment, keys, name and type:
 * "The customer this order belongs to (in `customers`)". A meaning read from the name alone says "probably"; the
 * engine never states a business rule the schema does not show.
 */
export type TableContext = {
  input: TableDocInput;
  /** "order" for `orders`. */
  row: string;
  /** The table key without the namespace when the namespace is the table's own: how other tables are written. */
  display(tableKey: string): string;
  /** Another table whose rows a name like `customer_id` would point at, by its row noun. */
  tableByNoun: Map<string, string>;
  /** A link table: its primary key is two or more foreign keys. */
  isJunction: boolean;
};

const ADJECTIVES = new Set(['active', 'enabled', 'disabled', 'deleted', 'visible', 'hidden', 'public', 'private', 'available', 'paid', 'archived', 'locked', 'default', 'primary', 'open', 'closed', 'valid', 'verified', 'explicit', 'blocked', 'published', 'approved', 'current', 'discontinued', 'required', 'optional', 'internal', 'featured', 'confirmed', 'completed', 'cancelled', 'canceled', 'suspended', 'banned', 'online', 'free', 'taxable', 'shipped', 'read', 'pinned', 'starred', 'system', 'admin', 'test']);
const BOOLEAN_LEADS = new Set(['is', 'has', 'can', 'should', 'allow', 'allows', 'needs', 'was', 'did', 'does', 'show', 'use', 'uses']);
const CREATED = new Set(['created', 'creation', 'inserted', 'added', 'registered', 'create']);
const UPDATED = new Set(['updated', 'modified', 'changed', 'update', 'modification', 'edited']);
const TIME_WORDS = new Set(['at', 'on', 'date', 'time', 'ts', 'timestamp', 'datetime', 'dt', 'when']);
const TEXT_WORDS = new Set(['description', 'desc', 'notes', 'note', 'comment', 'comments', 'remarks', 'remark', 'summary', 'body', 'details', 'bio', 'about', 'text', 'content', 'memo']);
const PICTURE_WORDS = new Set(['photo', 'picture', 'image', 'avatar', 'logo', 'thumbnail', 'icon', 'pic', 'img']);
const WEB_WORDS = new Set(['url', 'uri', 'link', 'homepage', 'website', 'web', 'href']);
const SECRET_FAMILIES = new Set(['secret']);

/** The column's words without the table's own row noun in front: `order_date` of orders → "date". */
function ownWords(column: ColumnInput, context: TableContext, options: { dropKeySuffix?: boolean } = {}): string {
  const full = humanize(column.name, options);
  const row = context.row;
  if (full.startsWith(`${row} `)) return full.slice(row.length + 1);
  const rowWords = row.split(' ');
  const last = rowWords.at(-1)!;
  if (rowWords.length > 1 && full.startsWith(`${last} `)) return full.slice(last.length + 1);
  return full;
}

/** How a column names another table: `customers` in the same namespace, `sales.customers` elsewhere. */
function tableRef(context: TableContext, key: string): string {
  return `\`${context.display(key)}\``;
}

function tableNameOf(key: string): string {
  return key.split('.').at(-1) ?? key;
}

export type Meaning = { text: string; hedged: boolean };

function foreignKeyMeaning(column: ColumnInput, context: TableContext): string {
  const ref = column.references!;
  const refNoun = rowNoun(tableNameOf(ref.table));
  const own = humanize(column.name, { dropKeySuffix: true });
  const row = context.row;
  const where = ` (in ${tableRef(context, ref.table)})`;
  const selfKey = `${context.input.table.namespace ? `${context.input.table.namespace}.` : ''}${context.input.table.name}`;
  const isSelf = ref.table === selfKey;
  if (isSelf) {
    if (/^parent\b/.test(own)) return `The parent ${refNoun} of this ${row}, another row of the same table`;
    if (/ (?:to|by|from|of|for)$/.test(own)) return `The ${refNoun} this ${row} ${/ by$/.test(own) ? `is ${own}` : own}, another row of the same table`;
    return `Another ${refNoun}, which this ${row} refers to as “${own}”`;
  }
  if (context.isJunction && column.isPk) {
    const others = context.input.table.foreignKeys.map((fk) => pluralize(rowNoun(tableNameOf(fk.refTable))));
    return `The ${refNoun} in this pairing of ${joinList([...new Set(others)])}${where}`;
  }
  if (own === refNoun || own === pluralize(refNoun) || refNoun.endsWith(` ${own}`) || own === humanize(tableNameOf(ref.table))) {
    return `The ${refNoun} this ${row} belongs to${where}`;
  }
  if (/ (?:to|by|from|via|for|with)$/.test(own)) return `The ${refNoun} this ${row} refers to as “${own}”${where}`;
  return `The ${own} of this ${row}, which is ${withArticle(refNoun)}${where}`;
}

/** A column named like `customer_id` that no foreign key declares. */
function undeclaredReference(column: ColumnInput, context: TableContext): string | null {
  const words = identifierWords(column.name);
  if (words.length < 2 || !['id', 'key', 'fk', 'uuid', 'code'].includes(words.at(-1)!)) return null;
  const noun = humanize(column.name, { dropKeySuffix: true });
  const key = context.tableByNoun.get(noun) ?? context.tableByNoun.get(noun.split(' ').at(-1)!);
  if (!key) return null;
  if (key === `${context.input.table.namespace ? `${context.input.table.namespace}.` : ''}${context.input.table.name}`) return null;
  return `Probably the ${rowNoun(tableNameOf(key))} this ${context.row} refers to (in ${tableRef(context, key)}), although no foreign key is declared`;
}

/** Last words of a column name that say it counts or measures something, whatever its sampled values. */
const MEASURE_WORDS = new Set(['quantity', 'qty', 'count', 'number', 'num', 'amount', 'total', 'level', 'rank', 'position', 'order', 'sort', 'version', 'year', 'size', 'length', 'weight', 'score', 'rating', 'stock', 'units']);

function looksBoolean(column: ColumnInput, family: TypeFamily): 'type' | 'values' | 'name' | null {
  if (family === 'boolean') return 'type';
  const words = identifierWords(column.name);
  const stats = column.stats;
  if (family === 'integer' && stats && stats.distinctCount !== null && stats.distinctCount <= 2 && stats.sampledRows >= 4) {
    const seen = new Set([...stats.examples, ...(stats.min !== null ? [stats.min] : []), ...(stats.max !== null ? [stats.max] : [])]);
    // Only 0 and 1 both seen make a flag: a quantity that was always 1 in the sample is still a quantity.
    const measured = MEASURE_WORDS.has(words.at(-1) ?? '');
    if (!measured && seen.size === 2 && seen.has('0') && seen.has('1')) return 'values';
  }
  const loose = family === 'integer' || family === 'text' || family === 'other';
  if (words.length > 1 && BOOLEAN_LEADS.has(words[0]!) && loose) return 'name';
  if (words.length === 1 && ADJECTIVES.has(words[0]!) && loose) return 'name';
  return null;
}

function whether(column: ColumnInput, context: TableContext): string {
  // `activebool`, `deleted_flag`: the suffix says "boolean", not what is true.
  const words = identifierWords(column.name.replace(/_?(?:bool|flag|yn)$/i, '') || column.name);
  const row = context.row;
  const lead = words[0]!;
  if (BOOLEAN_LEADS.has(lead) && words.length > 1) {
    const rest = words.slice(1).join(' ');
    if (lead === 'is' || lead === 'was') return `Whether the ${row} ${lead} ${rest}`;
    if (lead === 'has' || lead === 'can' || lead === 'should' || lead === 'does' || lead === 'did' || lead === 'needs') return `Whether the ${row} ${lead} ${rest}`;
    return `Whether to ${lead} ${rest} for the ${row}`;
  }
  const phrase = words.join(' ');
  if (words.length === 1 && (ADJECTIVES.has(lead) || /(?:ed|ive|able|ible)$/.test(lead))) return `Whether the ${row} is ${phrase}`;
  return `Whether the ${row} is marked “${phrase}”`;
}

/** The meaning of one column (no final period). */
export function columnMeaning(column: ColumnInput, context: TableContext): Meaning {
  const family = typeFamily(column.dataType, column.enumValues);
  const row = context.row;
  const words = identifierWords(column.name);
  const own = ownWords(column, context) || humanize(column.name);
  const of = `of the ${row}`;

  if (column.comment?.trim()) return { text: capitalize(column.comment.trim().replace(/[.\s]+$/, '')), hedged: false };
  if (column.personal && SECRET_FAMILIES.has(column.personal)) {
    const what = words.includes('hash') || words.includes('password') || words.includes('passwd') ? 'a password or its hash' : withArticle(own);
    return { text: `A secret ${of} (probably ${what}); none of its values are shown here`, hedged: true };
  }
  const primaryKey = context.input.table.primaryKey;
  if (column.isPk && primaryKey.length > 1 && !column.references) {
    const others = joinList(primaryKey.filter((c) => c !== column.name).map((c) => `\`${c}\``));
    const what = ['id', 'identifier', 'key'].includes(own) ? `The identifier of the ${row}` : `The ${own} ${of}`;
    return { text: `${what}; with ${others} it forms the primary key`, hedged: false };
  }
  if (column.isPk && primaryKey.length === 1) {
    if (column.references) return { text: `The ${rowNoun(tableNameOf(column.references.table))} this ${row} extends, whose key it shares (in ${tableRef(context, column.references.table)})`, hedged: false };
    const auto = column.isIdentity || /nextval|auto_increment|identity|gen_random_uuid|uuid_generate|uuidv/i.test(column.defaultValue ?? '');
    if (family === 'text') return { text: `The code that identifies each ${row}`, hedged: false };
    return { text: `The unique identifier of each ${row}${auto ? ', assigned by the database' : ''}`, hedged: false };
  }
  if (column.references) return { text: foreignKeyMeaning(column, context), hedged: false };
  const undeclared = undeclaredReference(column, context);
  if (undeclared) return { text: undeclared, hedged: true };

  const timeLike = family === 'timestamp' || family === 'date';
  const hasTimeWord = words.some((w) => TIME_WORDS.has(w)) || words.length === 1;
  if (words.some((w) => CREATED.has(w)) && hasTimeWord) return hedge(`When the ${row} was created`, !timeLike);
  if ((words.some((w) => UPDATED.has(w)) && hasTimeWord) || own === 'last update' || own === 'last modified') return hedge(`When the ${row} was last changed`, !timeLike);
  if (words.includes('deleted') && hasTimeWord && timeLike) return { text: `When the ${row} was deleted, if it was (a soft delete: the row stays)`, hedged: false };
  if (timeLike && words.length === 2 && ['at', 'on'].includes(words[1]!) && /ed$/.test(words[0]!)) return { text: `When the ${row} was ${words[0]}`, hedged: false };

  const bool = looksBoolean(column, family);
  if (bool === 'type') return { text: whether(column, context), hedged: false };
  if (bool) return { text: `Probably ${whether(column, context).replace(/^W/, 'w')}`, hedged: true };

  if (column.personal === 'email' || words.includes('email')) return { text: `The ${own.replace(/\bemail\b/, 'email address').replace(/address address/, 'address')} ${of}`, hedged: false };
  if (column.personal === 'phone' || words.some((w) => ['phone', 'fax', 'mobile', 'telephone'].includes(w))) {
    return { text: `The ${own}${/number$/.test(own) ? '' : ' number'} ${of}`, hedged: false };
  }
  if (family === 'json') return { text: `Structured data (JSON) holding the ${own} ${of}; the schema does not say which keys it has`, hedged: false };
  if (family === 'binary') {
    if (words.some((w) => PICTURE_WORDS.has(w))) return { text: `${capitalize(withArticle(own))} ${of}, stored as binary data`, hedged: false };
    return { text: `The ${own} ${of}, stored as binary data`, hedged: false };
  }
  if (family === 'search') return { text: `A full-text search vector of the ${row}, probably built from its text columns`, hedged: true };
  if (family === 'array') return { text: `The ${own} ${of}, stored as a list`, hedged: false };
  if (words.some((w) => WEB_WORDS.has(w))) return { text: `The ${own} ${of}${words.some((w) => ['url', 'uri'].includes(w)) ? ', a web address' : ', probably a web address'}`, hedged: !words.some((w) => ['url', 'uri'].includes(w)) };
  const last = words.at(-1)!;
  if (TEXT_WORDS.has(last) && family === 'text' && !/\((?:[1-9]\d?)\)/.test(column.dataType)) {
    return { text: /s$/.test(own) ? `Free-text ${own} about the ${row}` : `A free-text ${own} ${of}`, hedged: false };
  }
  if (last === 'count' && words.length > 1 && (family === 'integer' || family === 'decimal')) {
    return { text: `The number of ${pluralize(words.slice(0, -1).join(' '))} ${of}`, hedged: false };
  }
  if ((words[0] === 'num' || words[0] === 'number') && words.length > 1 && family === 'integer') {
    return { text: `The number of ${words.slice(words[1] === 'of' ? 2 : 1).join(' ')} ${of}`, hedged: false };
  }
  if (family === 'uuid' || ['uuid', 'guid'].includes(own)) return { text: ['uuid', 'guid', 'id'].includes(own) ? `A UUID identifying the ${row}` : `The ${own} ${of}, a UUID`, hedged: false };
  // A column named like its table (`city.city`) holds the thing itself as text, usually its name.
  if (own === row || own === pluralize(row)) return { text: `The ${row} itself, as ${family === 'text' ? 'text' : `a ${family} value`}`, hedged: false };
  return { text: `The ${own} ${of}`, hedged: false };
}

function hedge(text: string, hedged: boolean): Meaning {
  return hedged ? { text: `Probably ${text.replace(/^W/, 'w')}`, hedged } : { text, hedged };
}

/** "23%", "0.4%"; "every" and "no" at the ends. */
export function percent(share: number): string {
  const value = share * 100;
  if (value > 0 && value < 1) return `${Math.max(0.1, Math.round(value * 10) / 10)}%`;
  return `${Math.round(value)}%`;
}

/** A sampled value as inline code, cut short and never containing a backtick. */
export function code(value: string): string {
  const clean = value.replace(/`/g, "'").replace(/\s+/g, ' ').trim();
  return `\`${clean.length > 40 ? `${clean.slice(0, 39)}…` : clean}\``;
}

export { possessive };

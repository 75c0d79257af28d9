import { capitalize, joinList, pluralize } from '../../../../core/text/index.js';
import { code, columnMeaning, percent, type TableContext } from './column-roles.js';
import { typeFamily } from './column-types.js';
import { humanize, rowNoun, viewRowNoun, withArticle } from './names.js';
import type { ColumnInput, DocumentSchemaInput, DocumentSchemaOutput, SchemaDocInput, TableDocInput } from './schema.js';

/**
 * The offline documentation engine: a data dictionary written from what the schema and a sample of the data show —
 * names, types, keys, comments, null shares, distinct counts, ranges and (masked) examples. It states what the facts
 * show, says "probably" for what it reads from a name, and leaves out what it cannot know.
 */

const nameOf = (key: string) => key.split('.').at(-1) ?? key;
const count = (n: number, noun: string) => `${n.toLocaleString('en-US')} ${n === 1 ? noun : pluralize(noun)}`;

function contextOf(input: TableDocInput): TableContext {
  const { table } = input;
  const ownKey = table.namespace ? `${table.namespace}.${table.name}` : table.name;
  const tableByNoun = new Map<string, string>();
  for (const key of [...input.neighbours, ownKey]) {
    const noun = rowNoun(nameOf(key));
    if (!tableByNoun.has(noun)) tableByNoun.set(noun, key);
    const plain = humanize(nameOf(key));
    if (!tableByNoun.has(plain)) tableByNoun.set(plain, key);
  }
  // "account_id" may point at `user_accounts`: the last word of a table's noun, when no table is named by it alone.
  for (const key of [...input.neighbours, ownKey]) {
    const last = rowNoun(nameOf(key)).split(' ').at(-1)!;
    if (!tableByNoun.has(last)) tableByNoun.set(last, key);
  }
  const fkColumns = new Set(table.foreignKeys.flatMap((fk) => fk.columns));
  // A pure link table: its key is its foreign keys, and besides them it keeps at most a timestamp of the link.
  const others = table.columns.filter((c) => !table.primaryKey.includes(c.name));
  const isJunction =
    table.kind === 'table' &&
    table.primaryKey.length >= 2 &&
    table.foreignKeys.length >= 2 &&
    table.primaryKey.every((c) => fkColumns.has(c)) &&
    others.every((c) => ['timestamp', 'date'].includes(typeFamily(c.dataType)));
  return {
    input,
    row: table.kind === 'view' || table.kind === 'materialized_view' ? viewRowNoun(table.name) : rowNoun(table.name),
    tableByNoun,
    isJunction,
    display: (key) => (table.namespace && key.startsWith(`${table.namespace}.`) ? key.slice(table.namespace.length + 1) : key),
  };
}

/** "may be empty" facts, for one column. */
function nullFact(column: ColumnInput, template: 'short' | 'full', isView: boolean): string | null {
  if (!column.isNullable) return template === 'full' && !column.isPk ? 'It is required' : null;
  const share = column.stats?.nullShare;
  // A view's columns are all nullable in the catalog whatever the data: only the sample says something.
  if (isView && (share === null || share === undefined || share === 0)) return null;
  if (share === null || share === undefined) return template === 'full' ? 'It is optional' : 'optional';
  if (share >= 1) return template === 'full' ? `It is optional and was empty in every one of the ${count(column.stats!.sampledRows, 'sampled row')}` : 'optional: empty in every sampled row';
  if (share === 0) return template === 'full' ? 'It is optional, though every sampled row has a value' : null;
  return template === 'full' ? `It is optional: ${percent(share)} of the ${count(column.stats!.sampledRows, 'sampled row')} leave it empty` : `optional: empty in ${percent(share)} of sampled rows`;
}

/** The values the sample saw: a closed set, a range, or examples (already masked when personal). */
function valueFact(column: ColumnInput, template: 'short' | 'full'): string | null {
  const stats = column.stats;
  const family = typeFamily(column.dataType, column.enumValues);
  if (column.enumValues.length) {
    const values = column.enumValues.slice(0, 8).map(code);
    return `${template === 'full' ? 'Its values are one of' : 'one of'} ${joinList(values, 'or')}${column.enumValues.length > 8 ? ` and ${column.enumValues.length - 8} more` : ''}`;
  }
  if (!stats || stats.sampledRows === 0 || family === 'binary' || family === 'json' || family === 'search') return null;
  if (column.personal === 'secret') return null;
  const nonNull = Math.round(stats.sampledRows * (1 - (stats.nullShare ?? 0)));
  if (nonNull === 0) return null;
  const masked = stats.masked ? ' (masked)' : '';
  const distinct = stats.distinctCount;
  const numeric = family === 'integer' || family === 'decimal' || family === 'date' || family === 'timestamp' || family === 'time';
  if (column.isPk || (column.references && template === 'short')) return null;
  if (distinct !== null && distinct > 0 && distinct <= 12 && stats.examples.length >= distinct && nonNull >= distinct * 2 && !stats.masked) {
    const values = joinList(stats.examples.slice(0, distinct).map(code));
    if (distinct === 1) return template === 'full' ? `Every sampled row holds ${values}` : `always ${values} in the sample`;
    return template === 'full' ? `The sample holds ${count(distinct, 'distinct value')}: ${values}` : `sampled values ${values}`;
  }
  if (numeric && stats.min !== null && stats.max !== null) {
    if (stats.min === stats.max) return template === 'full' ? `Every sampled value is ${code(stats.min)}` : `always ${code(stats.min)} in the sample`;
    return template === 'full' ? `Sampled values range from ${code(stats.min)} to ${code(stats.max)}` : `from ${code(stats.min)} to ${code(stats.max)} in the sample`;
  }
  if (stats.examples.length) {
    const shown = stats.examples.slice(0, template === 'full' ? 3 : 2).map(code);
    return template === 'full' ? `Examples${masked}: ${joinList(shown)}` : `for example ${joinList(shown)}${stats.masked ? ', masked' : ''}`;
  }
  return null;
}

function uniqueFact(column: ColumnInput, template: 'short' | 'full'): string | null {
  if (column.isPk) return null;
  if (column.isUnique) return template === 'full' ? 'No two rows share a value' : 'unique';
  const stats = column.stats;
  if (template === 'full' && stats && stats.distinctCount !== null && stats.sampledRows >= 20) {
    const nonNull = Math.round(stats.sampledRows * (1 - (stats.nullShare ?? 0)));
    if (nonNull >= 20 && stats.distinctCount === nonNull) return 'Every sampled value is different, although no constraint requires it';
    if (stats.distinctCount > 12 && !column.references) return `The sample holds ${count(stats.distinctCount, 'distinct value')}`;
  }
  return null;
}

function sentence(text: string): string {
  const trimmed = text.trim();
  return /[.!?…]$/.test(trimmed) ? trimmed : `${trimmed}.`;
}

/** One sentence ('short') or up to four ('full'). */
export function describeColumn(column: ColumnInput, context: TableContext, template: 'short' | 'full'): string {
  const isView = context.input.table.kind === 'view' || context.input.table.kind === 'materialized_view';
  const meaning = columnMeaning(column, context).text;
  if (template === 'short') {
    const clauses = [uniqueFact(column, 'short'), nullFact(column, 'short', isView), valueFact(column, 'short')].filter((c): c is string => Boolean(c));
    return sentence(clauses.length ? `${meaning} (${clauses.join('; ')})` : meaning);
  }
  const parts = [meaning];
  const nulls = nullFact(column, 'full', isView);
  const unique = uniqueFact(column, 'full');
  const values = valueFact(column, 'full');
  const defaults = column.defaultValue && !column.isIdentity && !/nextval/i.test(column.defaultValue) ? `It defaults to ${code(column.defaultValue)}` : null;
  // Four sentences at most: the meaning, then what the sample and the schema say about its values.
  const facts = [nulls && defaults ? `${nulls}, and ${defaults.replace(/^It /, '')}` : (nulls ?? defaults), unique, values].filter((c): c is string => Boolean(c));
  return [...parts, ...facts].slice(0, 4).map(sentence).join(' ');
}

function keyPhrase(columns: readonly string[]): string {
  return columns.length === 1 ? code(columns[0]!) : `the combination of ${joinList(columns.map(code))}`;
}

function sizeSentence(input: TableDocInput): string | null {
  const estimate = input.table.rowEstimate;
  const sampled = input.table.columns.find((c) => c.stats)?.stats?.sampledRows;
  if (estimate !== null && estimate > 0) return `It holds about ${count(Math.round(estimate), 'row')}.`;
  if (sampled === 0) return 'It held no rows when it was sampled.';
  if (sampled) return `Its sample read ${count(sampled, 'row')}.`;
  return null;
}

/** A table this one points at; `role` is what the column calls it when that is not the table's own name ("support rep"). */
type Parent = { noun: string; key: string; columns: string[]; optional: boolean; role: string | null };

function parentsOf(input: TableDocInput, context: TableContext): { parents: Parent[]; selfRefs: string[][] } {
  const ownKey = input.table.namespace ? `${input.table.namespace}.${input.table.name}` : input.table.name;
  const byName = new Map(input.table.columns.map((c) => [c.name, c]));
  const parents: Parent[] = [];
  const selfRefs: string[][] = [];
  for (const fk of input.table.foreignKeys) {
    if (fk.refTable === ownKey) {
      selfRefs.push(fk.columns);
      continue;
    }
    const noun = rowNoun(nameOf(fk.refTable));
    const own = fk.columns.length === 1 ? humanize(fk.columns[0]!, { dropKeySuffix: true }) : noun;
    const plainRole = own === noun || own === pluralize(noun) || noun.endsWith(` ${own}`) || own === humanize(nameOf(fk.refTable)) || / (?:to|by|from|via|for|with|of)$/.test(own);
    parents.push({ noun, key: fk.refTable, columns: fk.columns, optional: fk.columns.some((c) => byName.get(c)?.isNullable), role: plainRole ? null : own });
  }
  void context;
  return { parents, selfRefs };
}

function parentPhrase(parent: Parent, context: TableContext): string {
  return `${withArticle(parent.noun)} (${parent.columns.map(code).join(', ')} → \`${context.display(parent.key)}\`)`;
}

/** "A customer has a support rep (`support_rep_id` → `employee`)": parents the columns give a role of their own. */
function roleSentence(parents: Parent[], context: TableContext): string | null {
  if (parents.length === 0) return null;
  const subject = capitalize(withArticle(context.row));
  const items = parents.map((p) => `${withArticle(p.role!)} (${p.columns.map(code).join(', ')} → \`${context.display(p.key)}\`)`);
  const optional = parents.every((p) => p.optional);
  return `${subject} ${optional ? 'can have' : 'has'} ${joinList(items)}${optional ? `; ${parents.length === 1 ? 'it is' : 'each is'} optional` : ''}.`;
}

function belongsSentence(parents: Parent[], context: TableContext): string | null {
  if (parents.length === 0) return null;
  const subject = capitalize(withArticle(context.row));
  const required = parents.filter((p) => !p.optional).map((p) => parentPhrase(p, context));
  const optional = parents.filter((p) => p.optional).map((p) => parentPhrase(p, context));
  if (optional.length === 0) return `${subject} belongs to ${joinList(required)}.`;
  if (required.length === 0) return `${subject} can belong to ${joinList(optional)}; ${optional.length === 1 ? 'the link is' : 'each link is'} optional.`;
  return `${subject} belongs to ${joinList(required)}, and optionally to ${joinList(optional)}.`;
}

function referredSentence(input: TableDocInput, context: TableContext): string | null {
  const ownKey = input.table.namespace ? `${input.table.namespace}.${input.table.name}` : input.table.name;
  const grouped = new Map<string, string[]>();
  for (const ref of input.table.referencedBy) if (ref.table !== ownKey) grouped.set(ref.table, [...(grouped.get(ref.table) ?? []), ...ref.columns]);
  const refs = [...grouped].map(([table, columns]) => ({ table, columns }));
  if (refs.length === 0) return null;
  const shown = refs.slice(0, 6).map((r) => `\`${context.display(r.table)}\` (${r.columns.map(code).join(', ')})`);
  const more = refs.length > 6 ? ` and ${count(refs.length - 6, 'more table')}` : '';
  return `${capitalize(joinList(shown))}${more} ${refs.length === 1 ? 'refers' : 'refer'} to it.`;
}

/** The first paragraph: what a row is, its key, what it belongs to, what refers to it, its size. */
function purposeParagraph(input: TableDocInput, context: TableContext, withSize: boolean): string {
  const { table } = input;
  const sentences: string[] = [];
  if (table.comment?.trim()) sentences.push(sentence(capitalize(table.comment.trim())));
  const { parents, selfRefs } = parentsOf(input, context);
  if (table.kind === 'view' || table.kind === 'materialized_view') {
    const what = table.kind === 'view' ? 'A view' : 'A materialized view (its rows are stored and must be refreshed)';
    sentences.push(table.viewSources.length ? `${what} that reads from ${joinList(table.viewSources.slice(0, 8).map((s) => `\`${context.display(s)}\``))}.` : `${what}; its definition names no other table of this database.`);
    if (!table.comment) sentences.push(`Judging by its name, each row is probably about one ${context.row}.`);
  } else if (context.isJunction) {
    const sides = [...new Set(parents.map((p) => p.noun))];
    sentences.push(
      sides.length === 2
        ? `Each row links one ${sides[0]} to one ${sides[1]}, and the pair is the primary key.`
        : `Each row links one ${joinList(sides)}, and the combination is the primary key.`,
    );
  } else {
    const key = table.primaryKey.length ? `, identified by ${keyPhrase(table.primaryKey)}` : '';
    const lead = table.comment ? `Each row is ${withArticle(context.row)}` : `Each row is probably ${withArticle(context.row)}`;
    sentences.push(`${lead}${key}.`);
    if (!table.primaryKey.length && table.kind === 'table') sentences.push('The table has no primary key, so nothing in the schema tells two identical rows apart.');
  }
  if (!context.isJunction) {
    const belongs = belongsSentence(parents.filter((p) => !p.role), context);
    if (belongs) sentences.push(belongs);
    const roles = roleSentence(parents.filter((p) => p.role), context);
    if (roles) sentences.push(roles);
  }
  if (selfRefs.length) sentences.push(`${capitalize(joinList(selfRefs.map((cols) => cols.map(code).join(', '))))} ${selfRefs.length === 1 && selfRefs[0]!.length === 1 ? 'points' : 'point'} at another ${context.row} of the same table.`);
  const referred = referredSentence(input, context);
  if (referred) sentences.push(referred);
  if (withSize) {
    const size = sizeSentence(input);
    if (size) sentences.push(size);
  }
  return sentences.join(' ');
}

function columnLine(column: ColumnInput, description: string): string {
  const marks = [column.dataType, column.isPk ? 'primary key' : '', column.references ? 'foreign key' : '', column.isNullable ? '' : 'required'].filter(Boolean);
  return `- ${code(column.name)} (${marks.join(', ')}): ${description}`;
}

/** What a foreign key's ON DELETE means for the rows of this table. */
function deleteRule(onDelete: string, parent: string, row: string): string {
  switch (onDelete.toUpperCase()) {
    case 'CASCADE':
      return `deleting ${withArticle(parent)} also deletes its ${pluralize(row)}`;
    case 'SET NULL':
      return `deleting ${withArticle(parent)} empties the column in its ${pluralize(row)}`;
    case 'SET DEFAULT':
      return `deleting ${withArticle(parent)} resets the column in its ${pluralize(row)} to the default`;
    default:
      return `${withArticle(parent)} that still has ${pluralize(row)} cannot be deleted`;
  }
}

function relationshipLines(input: TableDocInput, context: TableContext): string[] {
  const lines = input.table.foreignKeys.map((fk) => {
    const target = `\`${context.display(fk.refTable)}\` (${fk.refColumns.map(code).join(', ')})`;
    return `- ${fk.columns.map(code).join(', ')} references ${target}; ${deleteRule(fk.onDelete, rowNoun(nameOf(fk.refTable)), context.row)}.`;
  });
  for (const ref of input.table.referencedBy) lines.push(`- \`${context.display(ref.table)}\` refers to this table through ${ref.columns.map(code).join(', ')}.`);
  if (lines.length === 0) lines.push('- No foreign key points from or to this table.');
  return lines;
}

function dataNotes(input: TableDocInput): string[] {
  const { table } = input;
  const notes: string[] = [];
  const size = sizeSentence(input);
  if (size) notes.push(`- ${size}`);
  const sampled = table.columns.find((c) => c.stats)?.stats?.sampledRows;
  if (sampled === undefined) notes.push('- No values were sampled, so nothing is said about nulls or ranges.');
  else notes.push(`- Null shares, ranges and examples come from a sample of ${count(sampled, 'row')}.`);
  const sparse = table.columns.filter((c) => (c.stats?.nullShare ?? 0) >= 0.5 && (c.stats?.sampledRows ?? 0) > 0);
  if (sparse.length) notes.push(`- Mostly empty in the sample: ${joinList(sparse.map((c) => `${code(c.name)} (${percent(c.stats!.nullShare!)})`))}.`);
  const personal = table.columns.filter((c) => c.personal && c.personal !== 'secret');
  if (personal.length) notes.push(`- ${capitalize(joinList(personal.map((c) => code(c.name))))} ${personal.length === 1 ? 'looks' : 'look'} personal; ${personal.length === 1 ? 'its' : 'their'} sampled values are masked.`);
  const secrets = table.columns.filter((c) => c.personal === 'secret');
  if (secrets.length) notes.push(`- ${capitalize(joinList(secrets.map((c) => code(c.name))))} ${secrets.length === 1 ? 'looks' : 'look'} like a secret; none of ${secrets.length === 1 ? 'its' : 'their'} values are shown.`);
  if (table.checks.length) notes.push(`- ${count(table.checks.length, 'check constraint')} ${table.checks.length === 1 ? 'limits' : 'limit'} the values: ${table.checks.slice(0, 3).map(code).join(', ')}.`);
  const secondary = table.indexes.filter((i) => !table.primaryKey.length || i.columns.join(',') !== table.primaryKey.join(','));
  if (secondary.length) notes.push(`- ${count(secondary.length, 'index', )} besides the primary key: ${secondary.slice(0, 5).map((i) => `${code(i.name)} on ${i.columns.map(code).join(', ')}${i.unique ? ' (unique)' : ''}`).join(', ')}.`);
  return notes;
}

function documentTable(input: TableDocInput): DocumentSchemaOutput {
  const context = contextOf(input);
  const columns = input.table.columns.map((column) => ({ name: column.name, description: describeColumn(column, context, input.template) }));
  if (input.template === 'short') return { description: purposeParagraph(input, context, true), columns };
  const shortOnes = input.table.columns.map((column) => describeColumn(column, context, 'short'));
  const description = [
    '## Purpose',
    '',
    purposeParagraph(input, context, false),
    '',
    '## Columns',
    '',
    ...input.table.columns.map((column, i) => columnLine(column, shortOnes[i]!)),
    '',
    '## Relationships',
    '',
    ...relationshipLines(input, context),
    '',
    '## Data notes',
    '',
    ...dataNotes(input),
  ].join('\n');
  return { description, columns };
}

/** The tables most others point at, then the largest: what a newcomer should read first. */
function mainTables(input: SchemaDocInput): SchemaDocInput['tables'] {
  return [...input.tables]
    .filter((t) => t.kind !== 'view')
    .sort((a, b) => b.referencedByCount - a.referencedByCount || (b.rowEstimate ?? 0) - (a.rowEstimate ?? 0) || a.key.localeCompare(b.key))
    .slice(0, 5);
}

function documentDatabase(input: SchemaDocInput): DocumentSchemaOutput {
  const tables = input.tables.filter((t) => t.kind === 'table' || t.kind === 'partitioned_table' || t.kind === 'foreign_table');
  const views = input.tables.filter((t) => t.kind === 'view' || t.kind === 'materialized_view');
  const main = mainTables(input);
  const multi = input.namespaces.length > 1;
  const show = (key: string, name: string) => `\`${multi ? key : name}\``;
  const where = input.namespaces.length ? ` in ${joinList(input.namespaces.slice(0, 5).map((n) => `\`${n}\``))}` : '';
  const sentences = [
    `The ${input.databaseName.trim() ? `“${input.databaseName.trim()}” ` : ''}database holds ${count(tables.length, 'table')}${views.length ? ` and ${count(views.length, 'view')}` : ''}${where}.`,
  ];
  if (main.length) {
    const topics = [...new Set(main.slice(0, 4).map((t) => pluralize(rowNoun(t.name))))];
    sentences.push(`Judging by the names of its central tables, it probably keeps track of ${joinList(topics)}.`);
    const referred = main.filter((t) => t.referencedByCount > 0);
    if (referred.length) sentences.push(`The tables others refer to most are ${joinList(referred.slice(0, 3).map((t) => `${show(t.key, t.name)} (${count(t.referencedByCount, 'reference')})`))}.`);
  } else {
    sentences.push('It has no tables yet, so there is nothing more to say about its purpose.');
  }
  const commented = input.tables.filter((t) => t.comment?.trim()).length;
  if (input.template === 'short') return { description: sentences.join(' '), columns: [] };
  const notes = [
    `- ${commented === 0 ? 'No table has' : `${count(commented, 'table')} of ${input.tables.length} ${commented === 1 ? 'has' : 'have'}`} a comment in the database itself.`,
    `- The tables and views have ${count(input.tables.reduce((sum, t) => sum + t.columnCount, 0), 'column')} in all.`,
  ];
  const empty = input.tables.filter((t) => t.rowEstimate === 0).length;
  if (empty) notes.push(`- ${count(empty, 'table')} ${empty === 1 ? 'was' : 'were'} empty by the server's estimate.`);
  return {
    description: [
      '## Purpose',
      '',
      sentences.join(' '),
      '',
      '## Main tables',
      '',
      ...(main.length
        ? main.map((t) => `- ${show(t.key, t.name)}: ${[t.rowEstimate && t.rowEstimate > 0 ? `about ${count(Math.round(t.rowEstimate), 'row')}` : '', count(t.columnCount, 'column'), t.referencedByCount ? `referred to by ${count(t.referencedByCount, 'foreign key')}` : ''].filter(Boolean).join(', ')}.`)
        : ['- None yet.']),
      '',
      '## Data notes',
      '',
      ...notes,
    ].join('\n'),
    columns: [],
  };
}

export function documentSchemaOffline(input: DocumentSchemaInput): DocumentSchemaOutput {
  return input.scope === 'table' ? documentTable(input) : documentDatabase(input);
}

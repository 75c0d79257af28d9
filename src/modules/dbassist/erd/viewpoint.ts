import { tableKey, type SchemaModel, type TableModel } from '../snapshot/schema-model.js';

/** Names of a viewpoint that match no table, or more than one: the route answers 400 naming them. */
export class UnknownTablesError extends Error {
  constructor(
    readonly unknown: string[],
    readonly ambiguous: { name: string; matches: string[] }[],
  ) {
    const parts = [
      unknown.length > 0 ? `no table is named ${unknown.map((name) => `"${name}"`).join(', ')}` : null,
      ...ambiguous.map(({ name, matches }) => `"${name}" could be ${matches.map((key) => `"${key}"`).join(' or ')}: give the namespace`),
    ].filter((part): part is string => part !== null);
    super(`Unknown tables: ${parts.join('; ')}`);
    this.name = 'UnknownTablesError';
  }
}

/**
 * The tables a list of names picks, in the model's order. A name is a table key ("namespace.table"), or a bare table
 * name when only one namespace has it; an exact spelling wins over a case-insensitive one. Names that match nothing,
 * or several tables, throw UnknownTablesError naming every one of them.
 */
export function resolveTables(model: SchemaModel, names: readonly string[]): TableModel[] {
  const picked = new Set<TableModel>();
  const unknown: string[] = [];
  const ambiguous: { name: string; matches: string[] }[] = [];
  for (const raw of names) {
    const name = raw.trim();
    if (name === '') continue;
    const matches = matchTable(model.tables, name);
    if (matches.length === 1) picked.add(matches[0]!);
    else if (matches.length === 0) unknown.push(name);
    else ambiguous.push({ name, matches: matches.map(tableKey) });
  }
  if (unknown.length > 0 || ambiguous.length > 0) throw new UnknownTablesError(unknown, ambiguous);
  return model.tables.filter((table) => picked.has(table));
}

function matchTable(tables: readonly TableModel[], name: string): TableModel[] {
  const lower = name.toLowerCase();
  const tiers: ((table: TableModel) => boolean)[] = [
    (table) => tableKey(table) === name,
    (table) => table.name === name,
    (table) => tableKey(table).toLowerCase() === lower,
    (table) => table.name.toLowerCase() === lower,
  ];
  for (const test of tiers) {
    const found = tables.filter(test);
    if (found.length > 0) return found;
  }
  return [];
}

/** "a, b,c" → ["a", "b", "c"]; empty names dropped. */
export function splitTableList(list: string): string[] {
  return list
    .split(',')
    .map((name) => name.trim())
    .filter((name) => name !== '');
}

import type { SchemaModel, TableModel } from '../snapshot/schema-model.js';

/**
 * The stable order SchemaModel promises (tables by namespace then name, columns by position, everything else by
 * name), by code point rather than locale so that two servers with different collations agree.
 */
export function byText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Unnamed items (SQLite constraints) sort after named ones, by their columns. */
function itemKey(item: { name: string | null; columns?: string[]; expression?: string }): string {
  return `${item.name === null ? '\uffff' : item.name}\u0000${item.columns?.join(',') ?? item.expression ?? ''}`;
}

function byItem<T extends { name: string | null; columns?: string[]; expression?: string }>(a: T, b: T): number {
  return byText(itemKey(a), itemKey(b));
}

export function orderTable(table: TableModel): TableModel {
  return {
    ...table,
    columns: [...table.columns].sort((a, b) => a.ordinal - b.ordinal),
    foreignKeys: [...table.foreignKeys].sort(byItem),
    uniques: [...table.uniques].sort(byItem),
    checks: [...table.checks].sort(byItem),
    indexes: [...table.indexes].sort((a, b) => byText(a.name, b.name)),
    triggers: [...table.triggers].sort((a, b) => byText(a.name, b.name)),
  };
}

export function orderModel(model: SchemaModel): SchemaModel {
  return {
    ...model,
    namespaces: [...model.namespaces].sort(byText),
    tables: model.tables.map(orderTable).sort((a, b) => byText(a.namespace, b.namespace) || byText(a.name, b.name)),
    enums: [...model.enums].sort((a, b) => byText(a.namespace, b.namespace) || byText(a.name, b.name)),
  };
}

/** Groups rows by a key (a table's oid or name), keeping their order. */
export function groupBy<Row, Key>(rows: readonly Row[], keyOf: (row: Row) => Key): Map<Key, Row[]> {
  const groups = new Map<Key, Row[]>();
  for (const row of rows) {
    const key = keyOf(row);
    const group = groups.get(key);
    if (group) group.push(row);
    else groups.set(key, [row]);
  }
  return groups;
}

/** A row estimate as the model keeps it: a whole number, or null when the engine does not know. */
export function rowEstimateOf(value: unknown): number | null {
  if (value === null || value === undefined) return null;
  const number = Number(value);
  return Number.isFinite(number) && number >= 0 ? Math.round(number) : null;
}

/** Cuts an example value to 80 characters, as ColumnSample promises. */
export function exampleText(value: unknown): string {
  const text = typeof value === 'string' ? value : Buffer.isBuffer(value) ? `\\x${value.toString('hex')}` : String(value);
  return text.length > 80 ? text.slice(0, 80) : text;
}

import type { SchemaTable } from './client';
import { tableKeyOf } from './dbassist-paths';

/** A table the search keeps: by its own name, or for some of its columns (named, to be highlighted). */
export type TableMatch = { table: SchemaTable; byName: boolean; columns: string[] };

/**
 * Tables whose name ("namespace.table") or any column's name contains the query, case-insensitively; every table
 * when the query is empty. A table kept only for its columns lists them, so the list can show why it is there.
 */
export function searchTables(tables: SchemaTable[], query: string): TableMatch[] {
  const needle = query.trim().toLowerCase();
  if (!needle) return tables.map((table) => ({ table, byName: false, columns: [] }));
  const matches: TableMatch[] = [];
  for (const table of tables) {
    const byName = tableKeyOf(table).toLowerCase().includes(needle);
    const columns = table.columns.filter((column) => column.name.toLowerCase().includes(needle)).map((column) => column.name);
    if (byName || columns.length > 0) matches.push({ table, byName, columns });
  }
  return matches;
}

/** Splits `text` around the occurrences of `query` (case-insensitive), for <mark>ing them. */
export function splitOnMatches(text: string, query: string): Array<{ text: string; hit: boolean }> {
  const needle = query.trim().toLowerCase();
  if (!needle) return [{ text, hit: false }];
  const parts: Array<{ text: string; hit: boolean }> = [];
  const lower = text.toLowerCase();
  let at = 0;
  for (let found = lower.indexOf(needle); found !== -1; found = lower.indexOf(needle, at)) {
    if (found > at) parts.push({ text: text.slice(at, found), hit: false });
    parts.push({ text: text.slice(found, found + needle.length), hit: true });
    at = found + needle.length;
  }
  if (at < text.length) parts.push({ text: text.slice(at), hit: false });
  return parts;
}

import type { ColumnEntry, TableEntry } from './lexicon.js';

/** Columns that say what a row is: first and last name, a name or title, `<table>_name`, a description, the first text. */
export function labelColumns(table: TableEntry): ColumnEntry[] {
  const text = table.columns.filter((c) => !c.isKey && c.family === 'text');
  const named = (words: string) => text.find((c) => c.words.join(' ') === words);
  const first = named('first name');
  const last = named('last name');
  if (first && last) return [first, last];
  const own = text.find((c) => c.words.join(' ') === table.words.join(' '));
  const pick =
    named('name') ?? named('title') ?? named('label') ?? text.find((c) => c.words.join(' ') === [...table.words, 'name'].join(' ')) ?? own ??
    text.find((c) => c.words.at(-1) === 'name') ?? text.find((c) => c.words.at(-1) === 'title') ?? text.find((c) => c.words.at(-1) === 'label') ??
    text.find((c) => c.words.at(-1) === 'description');
  return pick ? [pick] : [];
}

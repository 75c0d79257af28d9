import { singularize } from '../../../../core/text/index.js';
import { senses, synonyms } from '../../../../core/text/nlp/index.js';
import { typeFamily, type TypeFamily } from '../document-schema/column-types.js';
import { identifierWords } from '../document-schema/names.js';
import type { AskColumn, AskTable } from './schema.js';

/**
 * The words a schema answers to: every table by its name split into words (singular), its row noun and the WordNet
 * synonyms that mean the same thing first; every column by its words, without its table's name in front
 * (`invoice_date` in `invoice` is also "date") and by its head word. Built from the tables given, nothing else: the
 * same rules read any database.
 */
export type ColumnEntry = {
  table: TableEntry;
  column: AskColumn;
  family: TypeFamily;
  /** Singular words of the name, abbreviations kept as written. */
  words: string[];
  /** Part of the primary key or of a foreign key: it identifies rows, it does not describe them. */
  isKey: boolean;
};

export type TableEntry = {
  /** "namespace.name" (or "name" without a namespace). */
  key: string;
  table: AskTable;
  words: string[];
  columns: ColumnEntry[];
};

export type Sense = { kind: 'table'; table: TableEntry } | { kind: 'column'; column: ColumnEntry };

/** A phrase of the schema with what it means; `weak` phrases (a column's head word, a synonym) yield to exact ones. */
export type LexiconHit = Sense & { weak: boolean };

export type Lexicon = {
  tables: TableEntry[];
  /** Phrase (singular words joined by spaces) → what it names. */
  phrases: Map<string, LexiconHit[]>;
  /** The longest phrase, in words. */
  longest: number;
  /** Every word any phrase uses (to tell a schema word from an unknown one). */
  words: Set<string>;
};

const PREFIXES = new Set(['tbl', 'tb', 't', 'tab', 'vw', 'v', 'mv']);

export function schemaWords(identifier: string): string[] {
  const words = identifierWords(identifier).map((word) => singularize(word));
  if (words.length > 1 && PREFIXES.has(words[0]!)) words.shift();
  return words;
}

export function tableKeyOf(table: Pick<AskTable, 'namespace' | 'name'>): string {
  return table.namespace ? `${table.namespace}.${table.name}` : table.name;
}

/** WordNet synonyms of a one-word name whose own first sense is the name's first sense ("client" for customer). */
function sameSenseSynonyms(word: string): string[] {
  const first = senses(word, 'noun')[0];
  if (!first) return [];
  return synonyms(word, 'noun', 1).filter((synonym) => senses(synonym, 'noun')[0]?.offset === first.offset);
}

function add(phrases: Map<string, LexiconHit[]>, words: string[], hit: LexiconHit): void {
  if (words.length === 0) return;
  const phrase = words.join(' ');
  const list = phrases.get(phrase) ?? [];
  const same = list.find((h) => h.kind === hit.kind && (h.kind === 'table' ? h.table === (hit as { table: TableEntry }).table : h.column === (hit as { column: ColumnEntry }).column));
  if (same) {
    same.weak &&= hit.weak;
    return;
  }
  list.push(hit);
  phrases.set(phrase, list);
}

export function buildLexicon(tables: readonly AskTable[]): Lexicon {
  const phrases = new Map<string, LexiconHit[]>();
  const entries: TableEntry[] = tables.map((table) => {
    const entry: TableEntry = { key: tableKeyOf(table), table, words: schemaWords(table.name), columns: [] };
    const keyColumns = new Set([...table.primaryKey, ...table.foreignKeys.flatMap((fk) => fk.columns)]);
    entry.columns = table.columns.map((column) => ({
      table: entry,
      column,
      family: typeFamily(column.dataType),
      words: schemaWords(column.name),
      isKey: keyColumns.has(column.name),
    }));
    return entry;
  });

  for (const entry of entries) {
    add(phrases, entry.words, { kind: 'table', table: entry, weak: false });
    if (entry.words.length === 1) {
      for (const synonym of sameSenseSynonyms(entry.words[0]!)) add(phrases, synonym.split(/[\s-]+/).map(singularize), { kind: 'table', table: entry, weak: true });
    }
    for (const column of entry.columns) {
      if (column.isKey) continue;
      const hit = { kind: 'column' as const, column };
      add(phrases, column.words, { ...hit, weak: false });
      // `invoice_date` in invoice, `category_name` in categories: the table's words in front say nothing more.
      const own = entry.words;
      if (column.words.length > own.length && own.every((word, i) => column.words[i] === word)) add(phrases, column.words.slice(own.length), { ...hit, weak: false });
      if (column.words.length > 1) add(phrases, column.words.slice(-1), { ...hit, weak: true });
    }
  }
  // An exact phrase of one object makes the same phrase weak for the others only when it is weak itself.
  const words = new Set<string>();
  let longest = 1;
  for (const phrase of phrases.keys()) {
    const split = phrase.split(' ');
    longest = Math.max(longest, split.length);
    for (const word of split) words.add(word);
  }
  return { tables: entries, phrases, longest, words };
}

import { isStopWord } from '../../../core/text/index.js';
import { tagText } from '../../../core/text/nlp/index.js';
import type { AskSqlInput, AskTable, AskValue } from '../ai/ask-sql/index.js';
import { edgesOf, shortestPath } from '../ai/ask-sql/join-graph.js';
import { buildLexicon, type TableEntry } from '../ai/ask-sql/lexicon.js';
import { readQuestion } from '../ai/ask-sql/question.js';
import { typeFamily } from '../ai/document-schema/column-types.js';
import type { ColumnStats } from '../dbassist.schema.js';
import { tableKey, type SchemaModel, type TableModel } from '../snapshot/schema-model.js';

/**
 * The context a question gets, retrieved rather than the whole schema: the tables whose names, columns or values the
 * question uses, the tables on the foreign-key paths between them and their direct neighbours (up to a cap), each with
 * its documentation and sampled values; the values of the data the question names; and similar saved queries.
 */
export type ColumnFacts = { description: string | null; stats: ColumnStats | null };
export type SchemaFacts = {
  tableDescription(key: string): string | null;
  column(key: string, column: string): ColumnFacts;
};

/** Looks values up in the data: which of `candidates` the table's columns hold (case-insensitive), as stored. */
export type ValueLookup = (table: TableModel, columns: string[], candidates: string[]) => Promise<{ column: string; value: string }[]>;

export type SavedExample = { question: string; sql: string };

const MAX_TABLES = 24;
/** Columns looked up in the data for one question, at most (the runner's time budget bounds them too). */
const MAX_LOOKUP_COLUMNS = 120;

export function askTableOf(table: TableModel, facts: SchemaFacts): AskTable {
  const key = tableKey(table);
  return {
    namespace: table.namespace,
    name: table.name,
    kind: table.kind,
    description: facts.tableDescription(key)?.slice(0, 4000) ?? table.comment?.slice(0, 4000) ?? null,
    primaryKey: table.primaryKey?.columns ?? [],
    columns: table.columns.slice(0, 2000).map((column) => {
      const known = facts.column(key, column.name);
      const stats = known.stats;
      return {
        name: column.name,
        dataType: column.dataType,
        isNullable: column.isNullable,
        description: known.description?.slice(0, 4000) ?? column.comment?.slice(0, 4000) ?? null,
        examples: stats && !stats.masked ? stats.examples.slice(0, 10).map((e) => e.slice(0, 200)) : [],
        min: stats && !stats.masked ? (stats.min?.slice(0, 200) ?? null) : null,
        max: stats && !stats.masked ? (stats.max?.slice(0, 200) ?? null) : null,
      };
    }),
    foreignKeys: table.foreignKeys.slice(0, 500).map((fk) => ({ columns: fk.columns, refNamespace: fk.refNamespace, refTable: fk.refTable, refColumns: fk.refColumns })),
  };
}

/** Runs of one to four words of the question, as written, that could be a value (not only function words or numbers). */
export function valueCandidates(question: string): string[] {
  const words = tagText(question).flatMap((s) => s.tokens).filter((t) => t.pos !== 'PUNCT' || /[/&.'-]/.test(t.text));
  const found = new Set<string>();
  for (let i = 0; i < words.length; i += 1) {
    for (let n = 1; n <= 4 && i + n <= words.length; n += 1) {
      const run = words.slice(i, i + n);
      if (run.every((t) => isStopWord(t.text) || /^\d+$/.test(t.text) || t.pos === 'PUNCT')) continue;
      if (isStopWord(run[0]!.text) || isStopWord(run.at(-1)!.text)) continue;
      // Rebuild the run as typed: "AC/DC" is three tokens without spaces.
      const start = question.indexOf(run[0]!.text);
      const text = start >= 0 ? question.slice(start).match(new RegExp(run.map((t) => t.text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('\\s*')))?.[0] : undefined;
      found.add(text ?? run.map((t) => t.text).join(' '));
    }
  }
  return [...found].slice(0, 200);
}

/** Whether a column could hold a value a question names: text that is not a key. */
function searchable(table: TableModel, column: TableModel['columns'][number]): boolean {
  if (typeFamily(column.dataType) !== 'text' && typeFamily(column.dataType) !== 'enum' && !column.enumName) return false;
  if (table.primaryKey?.columns.includes(column.name) && table.primaryKey.columns.length === 1 && !/name|title/i.test(column.name)) return false;
  return !table.foreignKeys.some((fk) => fk.columns.includes(column.name));
}

/**
 * The values of the data the question names: first among the sampled examples of the snapshot, then (when a lookup is
 * given) in the tables themselves.
 */
export async function findValues(question: string, tables: readonly TableModel[], facts: SchemaFacts, lookup?: ValueLookup): Promise<AskValue[]> {
  const candidates = valueCandidates(question);
  const lowered = new Map(candidates.map((c) => [c.toLowerCase(), c]));
  const values: AskValue[] = [];
  const seen = new Set<string>();
  const push = (table: TableModel, column: string, value: string) => {
    const id = `${tableKey(table)}\u0000${column}\u0000${value}`;
    if (seen.has(id) || values.length >= 200) return;
    seen.add(id);
    values.push({ namespace: table.namespace, table: table.name, column, value });
  };
  let lookups = 0;
  for (const table of tables) {
    const columns = table.columns.filter((column) => searchable(table, column));
    for (const column of columns) {
      const stats = facts.column(tableKey(table), column.name).stats;
      for (const example of stats?.examples ?? []) if (lowered.has(example.toLowerCase())) push(table, column.name, example);
    }
    if (lookup && candidates.length && columns.length && lookups < MAX_LOOKUP_COLUMNS) {
      const asked = columns.slice(0, MAX_LOOKUP_COLUMNS - lookups).map((c) => c.name);
      lookups += asked.length;
      // A table the lookup cannot read (an unpopulated materialized view, no privilege) just offers no values.
      const found = await lookup(table, asked, candidates).catch(() => []);
      for (const { column, value } of found) push(table, column, value);
    }
  }
  return values;
}

/** The tables a question is about, with those that join them and (room permitting) their neighbours. */
export function relevantTables(question: string, model: SchemaModel, values: readonly AskValue[], facts: SchemaFacts): TableModel[] {
  const candidates = model.tables.filter((t) => t.kind !== 'view' || model.tables.length < MAX_TABLES);
  if (candidates.length <= MAX_TABLES) return candidates;
  const lexicon = buildLexicon(candidates.map((t) => askTableOf(t, facts)));
  const read = readQuestion(question, lexicon, []);
  const hit = new Set<TableEntry>();
  for (const mention of read.mentions) {
    if (mention.kind !== 'schema') continue;
    for (const h of mention.hits) hit.add(h.kind === 'table' ? h.table : h.column.table);
  }
  for (const value of values) {
    const entry = lexicon.tables.find((t) => t.table.name === value.table && t.table.namespace === value.namespace);
    if (entry) hit.add(entry);
  }
  const edges = edgesOf(lexicon.tables);
  const chosen = [...hit];
  for (const a of [...hit]) {
    for (const b of [...hit]) {
      if (a === b) continue;
      for (const step of shortestPath(edges, [a], b) ?? []) if (!chosen.includes(step.table)) chosen.push(step.table);
    }
  }
  for (const table of [...chosen]) {
    for (const edge of edges) {
      if (chosen.length >= MAX_TABLES) break;
      const other = edge.from === table ? edge.to : edge.to === table ? edge.from : null;
      if (other && !chosen.includes(other)) chosen.push(other);
    }
  }
  const keys = new Set(chosen.slice(0, Math.max(MAX_TABLES, hit.size)).map((t) => t.key));
  return candidates.filter((t) => keys.has(tableKey(t)));
}

/** Everything the ask-sql task gets for one question. */
export async function askContext(
  question: string,
  model: SchemaModel,
  facts: SchemaFacts,
  options: { lookup?: ValueLookup; examples?: SavedExample[] } = {},
): Promise<AskSqlInput> {
  const values = await findValues(question, model.tables, facts, options.lookup);
  const tables = relevantTables(question, model, values, facts);
  const keys = new Set(tables.map((t) => `${t.namespace}\u0000${t.name}`));
  return {
    question,
    engine: model.engine,
    tables: tables.map((t) => askTableOf(t, facts)),
    values: values.filter((v) => keys.has(`${v.namespace}\u0000${v.table}`)),
    examples: (options.examples ?? []).slice(0, 10).map((e) => ({ question: e.question.slice(0, 2000), sql: e.sql.slice(0, 20000) })),
  };
}

import fs from 'node:fs';
import path from 'node:path';
import type { PGlite } from '@electric-sql/pglite';
import { askSqlOffline } from '../../src/modules/dbassist/ai/ask-sql/offline.js';
import type { AskSqlOutput } from '../../src/modules/dbassist/ai/ask-sql/index.js';
import { askContext, type SchemaFacts, type ValueLookup } from '../../src/modules/dbassist/ask/retrieve-context.js';
import type { ColumnStats } from '../../src/modules/dbassist/dbassist.schema.js';
import { columnStats } from '../../src/modules/dbassist/docs/personal-data.js';
import { fillDatabase } from '../../src/modules/dbassist/mock/index.js';
import type { ColumnSample } from '../../src/modules/dbassist/drivers/driver.js';
import { tableKey } from '../../src/modules/dbassist/snapshot/schema-model.js';
import { loadSampleDatabase, type LoadedSample } from './dbassist-pglite.js';

/**
 * Execution accuracy of questions to SQL, scored as defog's sql-eval does: the generated query and the reference run on
 * the same database, and the answer counts as right when every column of the reference's result appears among the
 * generated result's columns with the same values, row for row (extra columns are allowed; row order is not compared).
 */
export type QuestionCase = { question: string; sql: string };
/** `fill`: the database ships without rows (Pagila), so the mock-data generator fills it, seeded, before asking. */
export type QuestionSet = { database: string; fill?: { rows: number; seed: number }; questions: QuestionCase[] };
export type CaseResult = { question: string; output: AskSqlOutput; correct: boolean; error: string | null };

const FIXTURES = path.resolve(import.meta.dirname, '../fixtures/nl-to-sql');

export function questionSet(name: string): QuestionSet {
  return JSON.parse(fs.readFileSync(path.join(FIXTURES, `${name}.json`), 'utf8')) as QuestionSet;
}

/** Column statistics sampled as the documentation job samples them, so the parser sees what the product would. */
export async function sampledFacts(sample: LoadedSample): Promise<SchemaFacts> {
  const stats = new Map<string, ColumnStats>();
  for (const table of sample.model.tables) {
    // A materialized view that was never refreshed cannot be read; it has no samples, as in the product.
    const raw: Record<string, ColumnSample> = await sample.driver.sampleColumns(table, 1000).catch(() => ({}));
    for (const column of table.columns) {
      const one = raw[column.name];
      if (one) stats.set(`${tableKey(table)}.${column.name}`, columnStats(column.name, column.dataType, one));
    }
  }
  return { tableDescription: () => null, column: (key, column) => ({ description: null, stats: stats.get(`${key}.${column}`) ?? null }) };
}

/** The live lookup of values through PGlite, as the product does through the connection. */
export function pgliteLookup(pglite: PGlite): ValueLookup {
  return async (table, columns, candidates) => {
    const found: { column: string; value: string }[] = [];
    for (const column of columns) {
      const result = await pglite.query<{ v: string }>(
        `SELECT DISTINCT "${column}"::text AS v FROM "${table.namespace}"."${table.name}" WHERE lower("${column}"::text) = ANY($1::text[]) LIMIT 20`,
        [candidates.map((c) => c.toLowerCase())],
      );
      found.push(...result.rows.map((r) => ({ column, value: r.v })));
    }
    return found;
  };
}

function normal(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (value instanceof Date) return value.toISOString();
  if (typeof value === 'number' || typeof value === 'bigint' || (typeof value === 'string' && /^-?\d+(?:\.\d+)?$/.test(value))) {
    const n = Number(value);
    return Number.isInteger(n) ? String(n) : n.toFixed(2);
  }
  return typeof value === 'string' ? value.trim() : JSON.stringify(value);
}

async function rowsOf(pglite: PGlite, sql: string): Promise<string[][]> {
  const result = await pglite.query<Record<string, unknown>>(sql, [], { rowMode: 'array' });
  return (result.rows as unknown as unknown[][]).map((row) => row.map(normal));
}

/** sql-eval's comparison: the reference's columns found among the generated ones, then the rows compared as multisets. */
export function sameResult(expected: string[][], actual: string[][]): boolean {
  if (expected.length !== actual.length) return false;
  if (expected.length === 0) return true;
  const width = expected[0]!.length;
  const columnOf = (rows: string[][], i: number) => rows.map((r) => r[i]!).sort();
  const picked: number[] = [];
  for (let i = 0; i < width; i += 1) {
    const want = columnOf(expected, i).join('\u0001');
    const match = actual[0]!.findIndex((_, j) => !picked.includes(j) && columnOf(actual, j).join('\u0001') === want);
    if (match < 0) return false;
    picked.push(match);
  }
  const key = (rows: string[][], cols: number[]) => rows.map((r) => cols.map((c) => r[c]).join('\u0001')).sort().join('\u0002');
  return key(expected, [...Array(width).keys()]) === key(actual, picked);
}

export async function runQuestionSet(name: string, options: { live?: boolean } = {}): Promise<{ results: CaseResult[]; accuracy: number }> {
  const set = questionSet(name);
  const sample = await loadSampleDatabase(set.database);
  try {
    if (set.fill) {
      await fillDatabase(sample.pglite, sample.model, set.fill);
      await sample.pglite.exec('ANALYZE');
    }
    const facts = await sampledFacts(sample);
    const lookup = options.live === false ? undefined : pgliteLookup(sample.pglite);
    const results: CaseResult[] = [];
    for (const item of set.questions) {
      const input = await askContext(item.question, sample.model, facts, { lookup });
      const output = askSqlOffline(input);
      let correct = false;
      let error: string | null = null;
      if (output.sql) {
        try {
          correct = sameResult(await rowsOf(sample.pglite, item.sql), await rowsOf(sample.pglite, output.sql));
        } catch (failure) {
          error = failure instanceof Error ? failure.message : String(failure);
        }
      }
      results.push({ question: item.question, output, correct, error });
    }
    return { results, accuracy: results.filter((r) => r.correct).length / results.length };
  } finally {
    await sample.close();
  }
}

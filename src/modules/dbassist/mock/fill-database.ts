import type { MockLocale } from '../../../shared/dbassist-kinds.js';
import { tableKey, type SchemaModel } from '../snapshot/schema-model.js';
import { postgresHints } from './live-hints.js';
import { planMock, type PlannedTable } from './planner.js';
import { runMock, type MockSink, type RunMockResult } from './run-mock.js';
import type { WrittenColumn } from './table-rows.js';
import { insertStatement, resetSequencesSql } from './writers/insert-statement.js';

/** A PostgreSQL client as node-postgres (`pg.Client`, a pool client) and PGlite both are. */
export type SqlClient = { query(sql: string): Promise<{ rows: unknown[] }> };

export type FillDatabaseOptions = {
  /** Rows per table: one number for every table, or per table key ("public.film" or "film"); default 100. */
  rows?: number | Record<string, number>;
  /** Only these tables (their parents are added as needed); every table of the model by default. */
  tables?: string[];
  seed?: number;
  locale?: MockLocale;
  edgeCases?: boolean;
  /** Rows per INSERT statement. */
  batchSize?: number;
};

/**
 * Fills an empty PostgreSQL database (a server or PGlite) with mock rows for every table of its schema model, parents
 * first, in one transaction: every foreign key, primary key, unique key, NOT NULL, length, precision, enum and simple
 * CHECK holds. The same options give the same rows. Sequences are moved past the rows written.
 */
export async function fillDatabase(client: SqlClient, model: SchemaModel, options: FillDatabaseOptions = {}): Promise<RunMockResult> {
  if (model.engine !== 'postgres') throw new Error(`fillDatabase writes to PostgreSQL; this model is ${model.engine}`);
  const fillable = model.tables.filter((t) => t.kind === 'table' || t.kind === 'partitioned_table');
  const wanted = options.tables ?? fillable.map((t) => tableKey(t));
  const rowsOf = (key: string) => {
    if (typeof options.rows === 'number') return options.rows;
    const name = key.includes('.') ? key.slice(key.indexOf('.') + 1) : key;
    return options.rows?.[key] ?? options.rows?.[name] ?? 100;
  };
  const plan = planMock({ model, requested: wanted.map((table) => ({ table, rows: rowsOf(table) })) });
  const hints = await postgresHints(async (sql) => (await client.query(sql)).rows as Array<Record<string, unknown>>);
  const batchSize = options.batchSize ?? 500;
  // Batched INSERTs: PGlite has no COPY FROM STDIN, and a fill of a whole schema is small.
  let columns: WrittenColumn[] = [];
  let current: PlannedTable | null = null;
  const sink: MockSink = {
    async beginTable(table, written) {
      current = table;
      columns = written;
    },
    async writeRows(rows) {
      if (current && rows.length) await client.query(insertStatement(current.table, columns, rows, 'postgres'));
    },
    async endTable(table, written) {
      for (const statement of resetSequencesSql(table.table, written)) await client.query(statement);
    },
  };
  await client.query('BEGIN');
  try {
    const result = await runMock({
      model,
      plan,
      options: { seed: options.seed ?? 1, locale: options.locale ?? 'en', edgeCases: options.edgeCases ?? false },
      sink,
      hints,
      batchSize,
    });
    await client.query('COMMIT');
    return result;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  }
}

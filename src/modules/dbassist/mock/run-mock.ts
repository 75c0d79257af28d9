import { tableKey, type SchemaModel, type TableModel } from '../snapshot/schema-model.js';
import type { GeneratorOptions } from './column-generator.js';
import type { MockRow, MockValue } from './mock-value.js';
import { parentKey, referencesOf, type MockPlan, type PlannedTable, type Reference } from './planner.js';
import { tableRows, type TableHints, type WrittenColumn } from './table-rows.js';

/** Where generated rows go: a file, a COPY stream, batched INSERTs, or memory for a preview. */
export type MockSink = {
  beginTable(table: PlannedTable, columns: WrittenColumn[]): Promise<void>;
  writeRows(rows: MockRow[]): Promise<void>;
  endTable(table: PlannedTable, columns: WrittenColumn[], rows: number): Promise<void>;
};

/** What a target database already holds: keys of parents that are reused, and where integer keys go on from. */
export type ExistingData = {
  rowCounts: ReadonlyMap<string, number>;
  keys(table: TableModel, columns: string[]): Promise<MockValue[][]>;
  /** One past the largest value of an integer column (1 when the table is empty). */
  nextValue(table: TableModel, column: string): Promise<number>;
};

export type MockProgress = { table: string; rowsDone: number; rowsPlanned: number };

export type RunMockInput = {
  model: SchemaModel;
  plan: MockPlan;
  options: GeneratorOptions;
  sink: MockSink;
  hints?: ReadonlyMap<string, TableHints>;
  existing?: ExistingData;
  batchSize?: number;
  signal?: AbortSignal;
  onProgress?(progress: MockProgress): void | Promise<void>;
};

export type RunMockResult = {
  tables: Array<{ table: string; rows: number }>;
  rowsPerSecond: number;
  /** CHECK constraints too complex to honour by construction ("table: expression"). */
  notUnderstoodChecks: string[];
};

const enumsOf = (model: SchemaModel) => new Map(model.enums.map((e) => [`${e.namespace}.${e.name}`, e.values]));

/** Generates the plan's tables in order into the sink, keeping each table's keys for the tables that reference it. */
export async function runMock(input: RunMockInput): Promise<RunMockResult> {
  const { model, plan, sink } = input;
  const batchSize = input.batchSize ?? 5000;
  const references = new Map(plan.tables.map((p) => [p.key, referencesOf(model, p.table)]));
  // For each parent, the column lists its children reference.
  const wanted = new Map<string, string[][]>();
  for (const refs of references.values()) {
    for (const ref of refs) {
      const list = wanted.get(parentKey(ref)) ?? [];
      if (!list.some((cols) => cols.join() === ref.refColumns.join())) list.push(ref.refColumns);
      wanted.set(parentKey(ref), list);
    }
  }
  const generatedKeys = new Map<string, Map<string, MockValue[][]>>();
  const reusedKeys = new Map<string, MockValue[][]>();
  for (const key of plan.reused) {
    const table = model.tables.find((t) => tableKey(t) === key);
    if (!table || !input.existing) continue;
    for (const cols of wanted.get(key) ?? []) reusedKeys.set(`${key}|${cols.join(',')}`, await input.existing.keys(table, cols));
  }
  const parentKeys = (ref: Reference): MockValue[][] | null => {
    const key = parentKey(ref);
    return generatedKeys.get(key)?.get(ref.refColumns.join(',')) ?? reusedKeys.get(`${key}|${ref.refColumns.join(',')}`) ?? null;
  };

  const rowsPlanned = plan.tables.reduce((sum, p) => sum + p.rows, 0);
  const started = performance.now();
  const tables: RunMockResult['tables'] = [];
  const notUnderstood: string[] = [];
  let rowsDone = 0;
  for (const planned of plan.tables) {
    input.signal?.throwIfAborted();
    const starts = new Map<string, number>();
    if (input.existing && (input.existing.rowCounts.get(planned.key) ?? 0) > 0) {
      // Counting keys go on after the largest existing value instead of colliding with it.
      const keyColumns = new Set([...(planned.table.primaryKey?.columns ?? []), ...planned.table.uniques.flatMap((u) => u.columns)]);
      for (const column of planned.table.columns) {
        const counting = column.isIdentity || /nextval\(/i.test(column.defaultValue ?? '') || keyColumns.has(column.name);
        if (counting && /int|serial|numeric|decimal|number/i.test(column.dataType)) starts.set(column.name, await input.existing.nextValue(planned.table, column.name));
      }
    }
    const rows = tableRows({
      planned,
      references: references.get(planned.key)!,
      engine: model.engine,
      enums: enumsOf(model),
      options: input.options,
      hints: input.hints?.get(planned.key),
      parentKeys,
      sequentialStart: (column) => starts.get(column) ?? 1,
      keepKeys: wanted.get(planned.key) ?? [],
    });
    notUnderstood.push(...rows.notUnderstoodChecks.map((c) => `${planned.key}: ${c}`));
    await sink.beginTable(planned, rows.columns);
    for (const batch of rows.batches(batchSize)) {
      input.signal?.throwIfAborted();
      await sink.writeRows(batch);
      rowsDone += batch.length;
      await input.onProgress?.({ table: planned.key, rowsDone, rowsPlanned });
    }
    await sink.endTable(planned, rows.columns, rows.produced());
    generatedKeys.set(planned.key, rows.keys);
    tables.push({ table: planned.key, rows: rows.produced() });
  }
  const seconds = (performance.now() - started) / 1000;
  return { tables, rowsPerSecond: Math.round(rowsDone / Math.max(seconds, 1e-6)), notUnderstoodChecks: notUnderstood };
}

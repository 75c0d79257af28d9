import { tableKey, type ForeignKeyModel, type SchemaModel, type TableModel } from '../snapshot/schema-model.js';

/**
 * Which tables get rows, how many, and in which order: the requested tables and, as needed, their parents, parents
 * first. A parent that already has rows in the target is read rather than filled. Cycles are broken at a nullable
 * foreign key, whose column is then left NULL; a cycle of NOT NULL keys cannot be filled and says so.
 */

/** A reference the generator follows: a declared foreign key, or one implied by a column named like a table's key. */
export type Reference = ForeignKeyModel & { implied: boolean; nullable: boolean };

export type PlannedTable = {
  table: TableModel;
  key: string;
  rows: number;
  /** Asked for, or added because a table asked for needs its keys. */
  reason: 'requested' | 'parent';
  /** References whose parent comes later in the order (a broken cycle): declared ones stay NULL, implied ones get plain values. */
  deferred: Reference[];
};

export type MockPlan = {
  tables: PlannedTable[];
  /** Parents whose existing rows are referenced instead of being filled. */
  reused: string[];
};

export class MockPlanError extends Error {}

const FILLABLE = new Set<TableModel['kind']>(['table', 'partitioned_table']);

export function findTable(model: SchemaModel, key: string): TableModel | undefined {
  return model.tables.find((t) => tableKey(t) === key) ?? model.tables.filter((t) => t.name === key).at(0);
}

const isIntLike = (dataType: string) => /int|serial|number|numeric|decimal/i.test(dataType);

/**
 * References of a table: its foreign keys, plus implied ones — a column with no foreign key that has the exact name
 * of another table's one-column primary key (`payment.customer_id` → `customer.customer_id`). Pagila's partitioned
 * `payment` keeps its keys on the partitions only, and a join along such a column expects matching rows.
 */
export function referencesOf(model: SchemaModel, table: TableModel): Reference[] {
  const nullable = (columns: string[]) => columns.every((c) => table.columns.find((col) => col.name === c)?.isNullable ?? true);
  const declared: Reference[] = table.foreignKeys.map((fk) => ({ ...fk, implied: false, nullable: nullable(fk.columns) }));
  const covered = new Set(table.foreignKeys.flatMap((fk) => fk.columns));
  const ownKey = table.primaryKey?.columns.length === 1 ? table.primaryKey.columns[0] : null;
  const implied: Reference[] = [];
  for (const column of table.columns) {
    if (covered.has(column.name) || column.name === ownKey || !/_?id$/i.test(column.name)) continue;
    const parent = model.tables.find(
      (t) => t !== table && FILLABLE.has(t.kind) && t.primaryKey?.columns.length === 1 && t.primaryKey.columns[0] === column.name,
    );
    const parentColumn = parent?.columns.find((c) => c.name === column.name);
    if (!parent || !parentColumn || isIntLike(parentColumn.dataType) !== isIntLike(column.dataType)) continue;
    implied.push({
      name: null,
      columns: [column.name],
      refNamespace: parent.namespace,
      refTable: parent.name,
      refColumns: [column.name],
      onDelete: 'NO ACTION',
      onUpdate: 'NO ACTION',
      implied: true,
      nullable: column.isNullable,
    });
  }
  return [...declared, ...implied];
}

export const parentKey = (ref: Reference) => tableKey({ namespace: ref.refNamespace, name: ref.refTable });

/** Whether the reference's columns are themselves a key of the table (one parent row per child row at most). */
export function isOneToOne(table: TableModel, ref: Reference): boolean {
  const keys = [table.primaryKey?.columns, ...table.uniques.map((u) => u.columns), ...table.indexes.filter((i) => i.unique && !i.predicate).map((i) => i.columns)];
  return keys.some((k) => k && k.length === ref.columns.length && k.every((c) => ref.columns.includes(c)));
}

/** How many parent rows a child of `rows` rows needs: a fifth, enough pairs for a junction table, all for one-to-one. */
function parentRowsFor(child: TableModel, ref: Reference, rows: number): number {
  if (isOneToOne(child, ref)) return rows;
  return Math.max(1, Math.ceil(rows / 5), Math.ceil(Math.sqrt(rows)) + 1);
}

export type PlanInput = {
  model: SchemaModel;
  /** Tables to fill ("namespace.table" or a bare name) with their row counts. */
  requested: Array<{ table: string; rows: number }>;
  /** Rows already in the target, per table key; a parent with rows is reused. Absent: an empty target (a file). */
  existingRows?: ReadonlyMap<string, number>;
};

export function planMock(input: PlanInput): MockPlan {
  const { model } = input;
  const planned = new Map<string, { table: TableModel; rows: number; reason: PlannedTable['reason'] }>();
  const reused = new Set<string>();
  for (const request of input.requested) {
    const table = findTable(model, request.table);
    if (!table) throw new MockPlanError(`Table ${request.table} is not in the schema`);
    if (!FILLABLE.has(table.kind)) throw new MockPlanError(`${tableKey(table)} is a ${table.kind.replace('_', ' ')}: only tables take rows`);
    planned.set(tableKey(table), { table, rows: request.rows, reason: 'requested' });
  }

  // Parents reachable through NOT NULL references, breadth first; nullable ones are filled only when planned anyway.
  const queue = [...planned.values()];
  while (queue.length) {
    const child = queue.shift()!;
    for (const ref of referencesOf(model, child.table)) {
      const key = parentKey(ref);
      if (ref.nullable || key === tableKey(child.table)) continue;
      const parent = findTable(model, key);
      if (!parent) throw new MockPlanError(`${tableKey(child.table)} references ${key}, which is not in the schema`);
      if ((input.existingRows?.get(key) ?? 0) > 0) {
        if (!planned.has(key)) reused.add(key);
        continue;
      }
      const needed = parentRowsFor(child.table, ref, child.rows);
      const current = planned.get(key);
      if (!current) {
        const entry = { table: parent, rows: needed, reason: 'parent' as const };
        planned.set(key, entry);
        queue.push(entry);
      } else if (current.reason === 'parent' && current.rows < needed) {
        current.rows = needed;
        queue.push(current);
      }
    }
  }

  return { tables: orderByReferences(model, [...planned.values()]), reused: [...reused].sort() };
}

/** Kahn's order over the planned tables; a cycle is broken at a nullable reference, which is then deferred. */
function orderByReferences(model: SchemaModel, entries: Array<{ table: TableModel; rows: number; reason: PlannedTable['reason'] }>): PlannedTable[] {
  const keys = new Set(entries.map((e) => tableKey(e.table)));
  const edges = new Map<string, Reference[]>();
  for (const entry of entries) {
    const key = tableKey(entry.table);
    edges.set(key, referencesOf(model, entry.table).filter((ref) => keys.has(parentKey(ref)) && parentKey(ref) !== key));
  }
  const deferred = new Map<string, Reference[]>(entries.map((e) => [tableKey(e.table), []]));
  const done = new Set<string>();
  const order: PlannedTable[] = [];
  // Requested order first among equals, so a fill of a whole schema goes in a predictable order.
  const remaining = [...entries];
  while (remaining.length) {
    const readyIndex = remaining.findIndex((e) => edges.get(tableKey(e.table))!.every((ref) => done.has(parentKey(ref))));
    if (readyIndex >= 0) {
      const [entry] = remaining.splice(readyIndex, 1);
      const key = tableKey(entry!.table);
      done.add(key);
      order.push({ table: entry!.table, key, rows: entry!.rows, reason: entry!.reason, deferred: deferred.get(key)! });
      continue;
    }
    // Every remaining table waits on another: defer a reference inside the knot, an implied one (no constraint holds
    // it) before a nullable declared one.
    const waiting = remaining.flatMap((e) => edges.get(tableKey(e.table))!.filter((ref) => !done.has(parentKey(ref))).map((ref) => ({ key: tableKey(e.table), ref })));
    const breakable = waiting.find((w) => w.ref.implied) ?? waiting.find((w) => w.ref.nullable);
    if (!breakable) {
      const names = remaining.map((e) => tableKey(e.table)).join(', ');
      throw new MockPlanError(`Tables ${names} reference each other through NOT NULL foreign keys: no order can fill them`);
    }
    edges.set(breakable.key, edges.get(breakable.key)!.filter((ref) => ref !== breakable.ref));
    deferred.get(breakable.key)!.push(breakable.ref);
  }
  return order;
}

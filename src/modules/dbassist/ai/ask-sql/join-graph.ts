import { tableKeyOf, type TableEntry } from './lexicon.js';

/**
 * Tables joined along their foreign keys: a join step says which table comes in and which columns match. Paths are
 * the shortest over the foreign-key graph read both ways (a table that references another, or is referenced by it);
 * a self-reference (employee.reports_to) never joins a table to itself here.
 */
export type JoinEdge = {
  /** The table that holds the foreign key, and the one it references. */
  from: TableEntry;
  to: TableEntry;
  fromColumns: string[];
  toColumns: string[];
};

export type JoinStep = { table: TableEntry; edge: JoinEdge };

export function edgesOf(tables: readonly TableEntry[]): JoinEdge[] {
  const byKey = new Map(tables.map((t) => [t.key, t]));
  const edges: JoinEdge[] = [];
  for (const from of tables) {
    for (const fk of from.table.foreignKeys) {
      const to = byKey.get(tableKeyOf({ namespace: fk.refNamespace, name: fk.refTable }));
      if (!to || to === from) continue;
      edges.push({ from, to, fromColumns: fk.columns, toColumns: fk.refColumns });
    }
  }
  return [...edges, ...impliedEdges(tables, edges)];
}

/**
 * Keys the schema does not declare (a partitioned table whose foreign keys sit on its partitions, MyISAM tables): a
 * column named exactly like another table's one-column primary key (`customer_id`) joins that table. A bare `id`
 * says nothing about which table it is, so it never joins.
 */
function impliedEdges(tables: readonly TableEntry[], declared: readonly JoinEdge[]): JoinEdge[] {
  const owners = new Map<string, TableEntry[]>();
  for (const table of tables) {
    const key = table.table.primaryKey;
    if (key.length !== 1 || key[0] === 'id' || table.table.kind === 'view') continue;
    owners.set(key[0]!, [...(owners.get(key[0]!) ?? []), table]);
  }
  const implied: JoinEdge[] = [];
  for (const from of tables) {
    if (from.table.kind === 'view') continue;
    for (const column of from.table.columns) {
      const to = owners.get(column.name);
      if (!to || to.length !== 1 || to[0] === from || from.table.primaryKey.length === 1 && from.table.primaryKey[0] === column.name) continue;
      if (declared.some((e) => e.from === from && e.fromColumns.includes(column.name))) continue;
      implied.push({ from, to: to[0]!, fromColumns: [column.name], toColumns: [column.name] });
    }
  }
  return implied;
}

function neighbours(edges: readonly JoinEdge[], table: TableEntry): { next: TableEntry; edge: JoinEdge }[] {
  const found: { next: TableEntry; edge: JoinEdge }[] = [];
  for (const edge of edges) {
    if (edge.from === table) found.push({ next: edge.to, edge });
    else if (edge.to === table) found.push({ next: edge.from, edge });
  }
  return found;
}

/** The shortest path from any of `start` to `goal`, as the steps that bring in each new table; null when none. */
export function shortestPath(edges: readonly JoinEdge[], start: readonly TableEntry[], goal: TableEntry): JoinStep[] | null {
  if (start.includes(goal)) return [];
  const previous = new Map<TableEntry, JoinStep | null>(start.map((t) => [t, null]));
  const queue = [...start];
  while (queue.length > 0) {
    const table = queue.shift()!;
    for (const { next, edge } of neighbours(edges, table)) {
      if (previous.has(next)) continue;
      previous.set(next, { table: next, edge });
      if (next === goal) {
        const steps: JoinStep[] = [];
        for (let step = previous.get(goal); step; ) {
          steps.unshift(step);
          const other = step.edge.from === step.table ? step.edge.to : step.edge.from;
          step = previous.get(other) ?? null;
        }
        return steps;
      }
      queue.push(next);
    }
  }
  return null;
}

/** Hops between two tables over the foreign-key graph (Infinity when they are not connected). */
export function distance(edges: readonly JoinEdge[], a: TableEntry, b: TableEntry): number {
  const path = shortestPath(edges, [a], b);
  return path ? path.length : Number.POSITIVE_INFINITY;
}

/**
 * The joins that bring every table of `wanted` in, starting from `root`: each new table comes by its shortest path
 * from the tables already there. Null when one cannot be reached.
 */
export function joinTree(edges: readonly JoinEdge[], root: TableEntry, wanted: readonly TableEntry[]): JoinStep[] | null {
  const joined: TableEntry[] = [root];
  const steps: JoinStep[] = [];
  for (const table of wanted) {
    if (joined.includes(table)) continue;
    const path = shortestPath(edges, joined, table);
    if (!path) return null;
    for (const step of path) {
      if (joined.includes(step.table)) continue;
      joined.push(step.table);
      steps.push(step);
    }
  }
  return steps;
}

import { quotePostgresIdentifier } from '../drivers/postgres.js';
import { tableKeyOf, type CatalogTable, type PlanningSession } from './hypopg-session.js';
import type { ColumnUse } from './query-columns.js';

/**
 * Dexter's method (ankane/dexter) for one saved query: price the plan, add hypothetical single-column indexes on the
 * columns the query filters, joins and sorts on, then two-column ones, and read from each plan which hypothetical
 * indexes the planner chose. Unlike Dexter, which keeps one winner, every chosen index is kept whose removal would
 * make the plan a tenth dearer, so a join can get an index on each side.
 */

/** An index must cut the plan cost by a tenth to be proposed: it is maintained on every write to its table. */
export const MIN_SAVING_SHARE = 0.1;

/** Two-column candidates grow with the square of a table's columns; past this many, only the first ones pair. */
const MAX_PAIRED_COLUMNS = 8;

/** Types a btree index on which would not serve a filter (Dexter leaves json and jsonb out too). */
const UNINDEXABLE_TYPE = /^(json|jsonb|xml)\b/;

export type Candidate = { table: CatalogTable; columns: string[]; definition: string };

export type ProposedIndex = { table: string; columns: string[]; definition: string; costAfter: number };

export type Advice = {
  costBefore: number;
  /** The plan's cost with every proposed index (the cost before when none is proposed). */
  costAfter: number;
  indexes: ProposedIndex[];
  /** Why nothing is proposed: no column to index, all of them indexed already, or no index lowers the cost enough. */
  reason: 'proposed' | 'no-columns' | 'indexed-already' | 'no-saving';
};

/**
 * The table each column use belongs to: the innermost query level with a table that has the column (PostgreSQL's
 * rule), then the indexable columns of each table in the order the query names them.
 */
export function columnsByTable(uses: ColumnUse[], tables: Map<string, CatalogTable>): Map<CatalogTable, string[]> {
  const byTable = new Map<CatalogTable, string[]>();
  for (const use of uses) {
    for (const level of use.levels) {
      const owner = level.map((name) => tables.get(tableKeyOf(name))).find((table) => table?.columns.has(use.column));
      if (!owner) continue;
      const type = owner.columns.get(use.column) ?? '';
      const columns = byTable.get(owner) ?? [];
      if (!UNINDEXABLE_TYPE.test(type) && !columns.includes(use.column)) columns.push(use.column);
      byTable.set(owner, columns);
      break;
    }
  }
  return byTable;
}

/** True when an existing btree index starts with exactly these columns, so a new one would add nothing. */
export function coveredByExisting(table: CatalogTable, columns: string[]): boolean {
  return table.btreeIndexes.some((index) => columns.every((column, position) => index[position] === column));
}

export function indexDefinition(table: CatalogTable, columns: string[]): string {
  const name = `${quotePostgresIdentifier(table.namespace)}.${quotePostgresIdentifier(table.name)}`;
  return `CREATE INDEX ON ${name} (${columns.map(quotePostgresIdentifier).join(', ')})`;
}

/** Single columns, then ordered pairs of columns of the same table, less what an existing index already starts with. */
export function candidateIndexes(byTable: Map<CatalogTable, string[]>): { singles: Candidate[]; pairs: Candidate[] } {
  const singles: Candidate[] = [];
  const pairs: Candidate[] = [];
  const add = (into: Candidate[], table: CatalogTable, columns: string[]) => {
    if (!coveredByExisting(table, columns)) into.push({ table, columns, definition: indexDefinition(table, columns) });
  };
  for (const [table, columns] of byTable) {
    for (const column of columns) add(singles, table, [column]);
    const paired = columns.slice(0, MAX_PAIRED_COLUMNS);
    for (const first of paired) for (const second of paired) if (first !== second) add(pairs, table, [first, second]);
  }
  return { singles, pairs };
}

function cheaper(cost: number, than: number): boolean {
  return cost <= than * (1 - MIN_SAVING_SHARE);
}

/** The plan's cost with exactly these hypothetical indexes. */
async function costWith(session: PlanningSession, sql: string, indexes: Candidate[]): Promise<number> {
  await session.reset();
  for (const index of indexes) await session.createHypothetical(index.definition);
  return (await session.planCost(sql)).cost;
}

export async function adviseIndexes(session: PlanningSession, sql: string, uses: ColumnUse[], tables: Map<string, CatalogTable>): Promise<Advice> {
  await session.reset();
  const before = await session.planCost(sql);
  const none = (reason: Advice['reason']): Advice => ({ costBefore: before.cost, costAfter: before.cost, indexes: [], reason });
  const byTable = columnsByTable(uses, tables);
  if ([...byTable.values()].every((columns) => columns.length === 0)) return none('no-columns');
  const { singles, pairs } = candidateIndexes(byTable);
  if (singles.length + pairs.length === 0) return none('indexed-already');

  // Pass 1: every single-column candidate; pass 2: the pairs as well (Dexter's two rounds).
  const byName = new Map<string, Candidate>();
  for (const candidate of singles) {
    const name = await session.createHypothetical(candidate.definition);
    if (name) byName.set(name, candidate);
  }
  const pass1 = await session.planCost(sql);
  for (const candidate of pairs) {
    const name = await session.createHypothetical(candidate.definition);
    if (name) byName.set(name, candidate);
  }
  const pass2 = await session.planCost(sql);
  // A two-column index has to earn its width: its plan must beat the single-column one clearly.
  const chosen = cheaper(pass2.cost, pass1.cost) ? pass2 : pass1;
  let kept = chosen.indexNames.flatMap((name) => byName.get(name) ?? []);
  if (kept.length === 0) return none('no-saving');

  let keptCost = await costWith(session, sql, kept);
  if (!cheaper(keptCost, before.cost)) return none('no-saving');
  // Drop each index without which the plan costs less than a tenth more (a single column a chosen pair starts with,
  // a join side that barely matters): each index that stays earns its upkeep given the others.
  for (const index of [...kept]) {
    if (kept.length === 1) break;
    const rest = kept.filter((other) => other !== index);
    const restCost = await costWith(session, sql, rest);
    if (!cheaper(keptCost, restCost)) {
      kept = rest;
      keptCost = restCost;
    }
  }
  const indexes: ProposedIndex[] = [];
  for (const index of kept) {
    indexes.push({
      table: `${index.table.namespace}.${index.table.name}`,
      columns: index.columns,
      definition: index.definition,
      costAfter: await costWith(session, sql, [index]),
    });
  }
  await session.reset();
  return { costBefore: before.cost, costAfter: keptCost, indexes, reason: 'proposed' };
}

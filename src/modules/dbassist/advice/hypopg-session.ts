import type pg from 'pg';
import { AppError } from '../../../core/errors.js';
import { quotePostgresIdentifier } from '../drivers/postgres.js';
import type { TableName } from './query-columns.js';

/**
 * One read-only session on the connection's PostgreSQL server, where hypopg's hypothetical indexes live: they exist
 * only in this backend's memory, are seen only by its planner and vanish when it disconnects. Nothing is written to
 * the database (hypopg works in a read-only transaction, even on a standby).
 */

/** A table of the query as the catalog knows it, with its columns and the leading columns of its usable indexes. */
export type CatalogTable = {
  oid: number;
  namespace: string;
  name: string;
  /** Column name → type (format_type). */
  columns: Map<string, string>;
  /** The key columns of each valid plain btree index (no expression, no predicate), in index order. */
  btreeIndexes: string[][];
};

export type HypopgState = { state: 'enabled' | 'not-enabled' | 'not-installed'; serverMajor: number };

/** What the planner chose: the estimated total cost, and the names of the indexes the plan reads. */
export type PlanCost = { cost: number; indexNames: string[] };

/** The planner and hypopg, as the advisor uses them (the real session below; tests may give another). */
export interface PlanningSession {
  planCost(sql: string): Promise<PlanCost>;
  /** Creates a hypothetical index from a CREATE INDEX statement; its name as plans show it, or null if hypopg refused it. */
  createHypothetical(definition: string): Promise<string | null>;
  /** Drops every hypothetical index of the session. */
  reset(): Promise<void>;
}

type PlanNode = { 'Total Cost'?: number; 'Index Name'?: string; Plans?: PlanNode[] };

function indexNamesOf(node: PlanNode, into: Set<string>): Set<string> {
  if (node['Index Name']) into.add(node['Index Name']);
  for (const child of node.Plans ?? []) indexNamesOf(child, into);
  return into;
}

export class HypopgSession implements PlanningSession {
  private hypopg = '';

  constructor(private readonly client: pg.Client) {}

  /** Bounds every statement of the session (planning with many hypothetical indexes stays well under it). */
  async setTimeout(ms: number): Promise<void> {
    await this.client.query(`select set_config('statement_timeout', $1, false)`, [String(Math.max(1, Math.floor(ms)))]);
  }

  /** Whether hypopg can be used in this database: enabled (CREATE EXTENSION done), only installed, or absent. */
  async hypopgState(): Promise<HypopgState> {
    const { rows } = await this.client.query<{ schema: string | null; available: boolean; major: number }>(`
      select (select n.nspname::text from pg_extension e join pg_namespace n on n.oid = e.extnamespace where e.extname = 'hypopg') as schema,
             exists (select 1 from pg_available_extensions where name = 'hypopg') as available,
             current_setting('server_version_num')::int / 10000 as major`);
    const row = rows[0]!;
    if (row.schema) this.hypopg = quotePostgresIdentifier(row.schema);
    return { state: row.schema ? 'enabled' : row.available ? 'not-enabled' : 'not-installed', serverMajor: row.major };
  }

  /** The query's tables as the search path resolves them; names that are no table here (views too) are left out. */
  async catalogTables(names: TableName[]): Promise<Map<string, CatalogTable>> {
    const qualified = [...new Set(names.map(tableKeyOf))];
    const { rows: tables } = await this.client.query<{ key: string; oid: number; namespace: string; name: string }>(
      `select q.key, c.oid::int as oid, n.nspname::text as namespace, c.relname::text as name
         from unnest($1::text[]) as q(key)
         join pg_class c on c.oid = to_regclass(q.key)
         join pg_namespace n on n.oid = c.relnamespace
        where c.relkind in ('r', 'm')`,
      [qualified],
    );
    const oids = tables.map((table) => table.oid);
    const { rows: columns } = await this.client.query<{ oid: number; name: string; type: string }>(
      `select a.attrelid::int as oid, a.attname::text as name, format_type(a.atttypid, a.atttypmod) as type
         from pg_attribute a where a.attrelid = any($1::oid[]) and a.attnum > 0 and not a.attisdropped order by a.attnum`,
      [oids],
    );
    const { rows: indexes } = await this.client.query<{ oid: number; columns: string[] }>(
      `select i.indrelid::int as oid,
              array(select a.attname::text from unnest(i.indkey::int2[]) with ordinality k(attnum, pos)
                      join pg_attribute a on a.attrelid = i.indrelid and a.attnum = k.attnum
                     where k.pos <= i.indnkeyatts order by k.pos) as columns
         from pg_index i join pg_class ic on ic.oid = i.indexrelid join pg_am am on am.oid = ic.relam
        where i.indrelid = any($1::oid[]) and i.indisvalid and am.amname = 'btree' and i.indexprs is null and i.indpred is null`,
      [oids],
    );
    const byKey = new Map<string, CatalogTable>();
    for (const table of tables) {
      byKey.set(table.key, {
        oid: table.oid,
        namespace: table.namespace,
        name: table.name,
        columns: new Map(columns.filter((column) => column.oid === table.oid).map((column) => [column.name, column.type])),
        btreeIndexes: indexes.filter((index) => index.oid === table.oid).map((index) => index.columns),
      });
    }
    return byKey;
  }

  async planCost(sql: string): Promise<PlanCost> {
    let plan: PlanNode;
    try {
      // The extended protocol carries one statement only (pg 8.11's queryMode, not in its types); without ANALYZE
      // nothing runs.
      const explain: pg.QueryConfig & { queryMode: 'extended' } = { text: `EXPLAIN (FORMAT JSON) ${sql}`, queryMode: 'extended' };
      const { rows } = await this.client.query<{ 'QUERY PLAN': [{ Plan: PlanNode }] }>(explain);
      plan = rows[0]!['QUERY PLAN'][0].Plan;
    } catch (error) {
      throw new AppError('UNPROCESSABLE', `The server could not plan the saved query: ${error instanceof Error ? error.message : String(error)}`);
    }
    return { cost: plan['Total Cost'] ?? 0, indexNames: [...indexNamesOf(plan, new Set())] };
  }

  async createHypothetical(definition: string): Promise<string | null> {
    try {
      const { rows } = await this.client.query<{ indexname: string }>(`select indexname from ${this.hypopg}.hypopg_create_index($1)`, [definition]);
      return rows[0]?.indexname ?? null;
    } catch {
      // A type without a btree operator class, a partitioned table, …: that candidate is not priced.
      return null;
    }
  }

  async reset(): Promise<void> {
    await this.client.query(`select ${this.hypopg}.hypopg_reset()`);
  }

  async close(): Promise<void> {
    // Ending the session drops its hypothetical indexes too; reset first in case a pooler keeps the backend.
    if (this.hypopg) await this.reset().catch(() => undefined);
    await this.client.end().catch(() => undefined);
  }
}

/** "schema"."table" as to_regclass reads it (the parser already folded unquoted names to lower case). */
export function tableKeyOf(table: TableName): string {
  return table.schema === null ? quotePostgresIdentifier(table.name) : `${quotePostgresIdentifier(table.schema)}.${quotePostgresIdentifier(table.name)}`;
}

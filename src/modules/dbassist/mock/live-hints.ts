import type { TableHints } from './table-rows.js';

/**
 * What a PostgreSQL target's catalog says beyond the snapshot: generated columns (never written) and domains (their
 * base type and CHECKs, such as Pagila's `year` between 1901 and 2155). Keys are "namespace.table".
 */
export type CatalogQuery = (sql: string) => Promise<Array<Record<string, unknown>>>;

const HINTS_SQL = `
  select n.nspname::text as ns, c.relname::text as tbl, a.attname::text as col, a.attgenerated::text as generated,
         case when t.typtype = 'd' then format_type(t.typbasetype, t.typtypmod) end as base_type,
         case when t.typtype = 'd' then array(select pg_get_constraintdef(k.oid) from pg_constraint k where k.contypid = t.oid and k.contype = 'c') end as domain_checks
    from pg_attribute a
    join pg_class c on c.oid = a.attrelid
    join pg_namespace n on n.oid = c.relnamespace
    join pg_type t on t.oid = a.atttypid
   where c.relkind in ('r', 'p') and a.attnum > 0 and not a.attisdropped and (a.attgenerated <> '' or t.typtype = 'd')
     and n.nspname not in ('pg_catalog', 'information_schema')`;

export async function postgresHints(query: CatalogQuery): Promise<Map<string, TableHints>> {
  const hints = new Map<string, TableHints>();
  for (const row of await query(HINTS_SQL)) {
    const key = `${String(row.ns)}.${String(row.tbl)}`;
    const entry = hints.get(key) ?? { skip: new Set<string>(), dataTypes: new Map<string, string>(), checks: [] };
    const column = String(row.col);
    if (row.generated) entry.skip.add(column);
    if (typeof row.base_type === 'string') entry.dataTypes.set(column, row.base_type);
    const checks = Array.isArray(row.domain_checks) ? (row.domain_checks as string[]) : [];
    // A domain's CHECK names VALUE; against the column it reads the same with the column's name.
    for (const check of checks) entry.checks.push(check.replace(/\bVALUE\b/g, column));
    hints.set(key, entry);
  }
  return hints;
}

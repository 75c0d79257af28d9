import { columnSamplesOf } from './column-samples.js';
import pg from 'pg';
import type { ColumnModel, EnumModel, ForeignKeyModel, IndexModel, SchemaModel, TableModel, TriggerModel } from '../snapshot/schema-model.js';
import type { TableKind } from '../../../shared/dbassist-kinds.js';
import type { NetworkTarget } from './connection-uri.js';
import type { ColumnSample, DatabaseDriver, IntrospectProgress, ServerProbe } from './driver.js';
import { normalizeSchemaModel } from '../snapshot/normalize.js';
import { groupBy, rowEstimateOf } from './catalog-rows.js';

/**
 * PostgreSQL through node-postgres. Introspection reads pg_catalog with one query per kind of object for the whole
 * database (relations, columns, constraints, indexes, triggers, enums), never one per table: a thousand tables cost
 * the same seven round trips as ten. System schemas and objects owned by extensions are left out, and so are the
 * partitions of a partitioned table (the parent stands for them).
 */

const CONNECT_TIMEOUT_MS = 5_000;
const QUERY_TIMEOUT_MS = 120_000;

/** The schemas and relations a crawl covers, as CTEs every catalog query starts from. */
const RELATIONS = `
  with ns as (
    select n.oid, n.nspname::text as nspname
    from pg_namespace n
    where n.nspname not in ('pg_catalog', 'information_schema')
      and n.nspname not like 'pg\\_toast%' and n.nspname not like 'pg\\_temp\\_%'
      and not exists (select 1 from pg_depend d where d.classid = 'pg_namespace'::regclass and d.objid = n.oid and d.deptype = 'e')
  ),
  rels as (
    select c.oid, ns.nspname, c.relname::text as relname, c.relkind::text as relkind, c.reltuples
    from pg_class c join ns on ns.oid = c.relnamespace
    where c.relkind in ('r', 'p', 'v', 'm', 'f') and not c.relispartition
      and not exists (select 1 from pg_depend d where d.classid = 'pg_class'::regclass and d.objid = c.oid and d.deptype = 'e')
  )`;

const NAMESPACES_SQL = `${RELATIONS} select nspname from ns order by nspname`;

const TABLES_SQL = `${RELATIONS}
  select r.oid, r.nspname, r.relname, r.relkind, r.reltuples::float8 as reltuples,
         obj_description(r.oid, 'pg_class') as comment,
         case when r.relkind in ('v', 'm') then pg_get_viewdef(r.oid, true) end as viewdef
  from rels r`;

const COLUMNS_SQL = `${RELATIONS}
  select a.attrelid as oid,
         a.attname::text as name,
         format_type(a.atttypid, a.atttypmod) as data_type,
         not a.attnotnull as nullable,
         pg_get_expr(ad.adbin, ad.adrelid) as default_value,
         dsc.description as comment,
         a.attidentity::text as identity,
         case when t.typtype = 'e' then tn.nspname || '.' || t.typname end as enum_name
  from pg_attribute a
  join rels r on r.oid = a.attrelid
  join pg_type t on t.oid = a.atttypid
  join pg_namespace tn on tn.oid = t.typnamespace
  left join pg_attrdef ad on ad.adrelid = a.attrelid and ad.adnum = a.attnum
  left join pg_description dsc on dsc.classoid = 'pg_class'::regclass and dsc.objoid = a.attrelid and dsc.objsubid = a.attnum
  where a.attnum > 0 and not a.attisdropped
  order by a.attrelid, a.attnum`;

const CONSTRAINTS_SQL = `${RELATIONS}
  select con.conrelid as oid, con.conname::text as name, con.contype::text as type,
         array(select a.attname::text from unnest(con.conkey) with ordinality k(num, pos)
               join pg_attribute a on a.attrelid = con.conrelid and a.attnum = k.num order by k.pos) as columns,
         fn.nspname::text as ref_namespace, fc.relname::text as ref_table,
         array(select a.attname::text from unnest(con.confkey) with ordinality k(num, pos)
               join pg_attribute a on a.attrelid = con.confrelid and a.attnum = k.num order by k.pos) as ref_columns,
         con.confupdtype::text as on_update, con.confdeltype::text as on_delete,
         case when con.contype = 'c' then pg_get_constraintdef(con.oid, true) end as definition
  from pg_constraint con
  join rels r on r.oid = con.conrelid
  left join pg_class fc on fc.oid = con.confrelid
  left join pg_namespace fn on fn.oid = fc.relnamespace
  where con.contype in ('p', 'f', 'u', 'c')`;

const INDEXES_SQL = `${RELATIONS}
  select i.indrelid as oid, ic.relname::text as name, i.indisunique as unique, i.indisprimary as primary,
         am.amname::text as method, pg_get_expr(i.indpred, i.indrelid, true) as predicate,
         (select array_agg(case when k.attnum <> 0 then a.attname::text else pg_get_indexdef(i.indexrelid, k.pos::int, true) end
                           order by k.pos)
            from unnest(i.indkey::int2[]) with ordinality k(attnum, pos)
            left join pg_attribute a on a.attrelid = i.indrelid and a.attnum = k.attnum
           where k.pos <= i.indnkeyatts) as columns
  from pg_index i
  join rels r on r.oid = i.indrelid
  join pg_class ic on ic.oid = i.indexrelid
  join pg_am am on am.oid = ic.relam`;

const TRIGGERS_SQL = `${RELATIONS}
  select t.tgrelid as oid, t.tgname::text as name, t.tgtype::int as type, pg_get_triggerdef(t.oid, true) as definition
  from pg_trigger t join rels r on r.oid = t.tgrelid
  where not t.tgisinternal`;

const ENUMS_SQL = `${RELATIONS}
  select ns.nspname as namespace, t.typname::text as name,
         array(select e.enumlabel::text from pg_enum e where e.enumtypid = t.oid order by e.enumsortorder) as labels
  from pg_type t join ns on ns.oid = t.typnamespace
  where t.typtype = 'e'
    and not exists (select 1 from pg_depend d where d.classid = 'pg_type'::regclass and d.objid = t.oid and d.deptype = 'e')`;

const relationKinds: Record<string, TableKind> = { r: 'table', p: 'partitioned_table', v: 'view', m: 'materialized_view', f: 'foreign_table' };
const referentialActions: Record<string, string> = { a: 'NO ACTION', r: 'RESTRICT', c: 'CASCADE', n: 'SET NULL', d: 'SET DEFAULT' };

type TableRow = { oid: number; nspname: string; relname: string; relkind: string; reltuples: number | null; comment: string | null; viewdef: string | null };
type ColumnRow = {
  oid: number;
  name: string;
  data_type: string;
  nullable: boolean;
  default_value: string | null;
  comment: string | null;
  identity: string;
  enum_name: string | null;
};
type ConstraintRow = {
  oid: number;
  name: string;
  type: 'p' | 'f' | 'u' | 'c';
  columns: string[];
  ref_namespace: string | null;
  ref_table: string | null;
  ref_columns: string[];
  on_update: string;
  on_delete: string;
  definition: string | null;
};
type IndexRow = { oid: number; name: string; unique: boolean; primary: boolean; method: string; predicate: string | null; columns: string[] | null };
type TriggerRow = { oid: number; name: string; type: number; definition: string };

/** pg_trigger.tgtype bits (src/include/catalog/pg_trigger.h). */
function triggerOf(row: TriggerRow): TriggerModel {
  const timing = row.type & 64 ? 'INSTEAD OF' : row.type & 2 ? 'BEFORE' : 'AFTER';
  const events = [
    [4, 'INSERT'],
    [16, 'UPDATE'],
    [8, 'DELETE'],
    [32, 'TRUNCATE'],
  ]
    .filter(([bit]) => row.type & (bit as number))
    .map(([, event]) => event as string);
  return { name: row.name, timing, events, definition: row.definition };
}

/** "CHECK ((price > 0))" → "(price > 0)". */
function checkExpression(definition: string): string {
  const match = /^CHECK\s*\((.*)\)(\s+NOT VALID)?$/s.exec(definition.trim());
  return match ? match[1]!.trim() : definition;
}

/**
 * A serial column (a nextval default) counts as an identity too: it is how tables made before PostgreSQL 10 number
 * their rows, and readers of the model (documentation, mock data) treat both alike.
 */
function isIdentity(row: ColumnRow): boolean {
  return row.identity === 'a' || row.identity === 'd' || (row.default_value?.startsWith('nextval(') ?? false);
}

/** `position` is the column's place among the live columns (attnum keeps gaps where columns were dropped). */
function columnOf(row: ColumnRow, position: number): ColumnModel {
  return {
    name: row.name,
    ordinal: position + 1,
    dataType: row.data_type,
    isNullable: row.nullable,
    defaultValue: row.default_value,
    comment: row.comment,
    isIdentity: isIdentity(row),
    enumName: row.enum_name,
  };
}

function foreignKeyOf(row: ConstraintRow): ForeignKeyModel {
  return {
    name: row.name,
    columns: row.columns,
    refNamespace: row.ref_namespace ?? '',
    refTable: row.ref_table ?? '',
    refColumns: row.ref_columns,
    onDelete: referentialActions[row.on_delete] ?? 'NO ACTION',
    onUpdate: referentialActions[row.on_update] ?? 'NO ACTION',
  };
}

function indexOf(row: IndexRow): IndexModel {
  return { name: row.name, columns: row.columns ?? [], unique: row.unique, primary: row.primary, method: row.method.toLowerCase(), predicate: row.predicate };
}

export function quotePostgresIdentifier(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

/** Types whose min and max mean something (numbers, text, times, uuids); others report none. */
const ORDERED_TYPE = /^(smallint|integer|bigint|numeric|decimal|real|double precision|money|date|time|timestamp|interval|character|text|varchar|char|uuid|citext|name|inet|oid)\b/i;

/** How node-postgres reaches a target (address, credentials, TLS from sslmode, 5 s to connect). */
export function postgresClientConfig(target: NetworkTarget): pg.ClientConfig {
  const ssl =
    target.sslMode === undefined || target.sslMode === 'disable' || target.sslMode === 'allow' || target.sslMode === 'prefer'
      ? false
      : { rejectUnauthorized: target.sslMode === 'verify-ca' || target.sslMode === 'verify-full' };
  return {
    host: target.host,
    port: target.port,
    database: target.database,
    user: target.user ?? 'postgres',
    password: target.password,
    ssl,
    connectionTimeoutMillis: CONNECT_TIMEOUT_MS,
    application_name: 'atelier-dbassist',
  };
}

/**
 * A session on a PostgreSQL target, the one way in for drivers, runners, mock data and index advice. `readOnly` makes
 * the whole session refuse writes, whatever a statement tries; `settings` are further `-c name=value` options. On a
 * failed connect the client is ended and the engine's error thrown (callers map it with connectFailure).
 */
export async function connectPostgresSession(
  target: NetworkTarget,
  options: { readOnly: boolean; settings?: string[]; queryTimeoutMs?: number },
): Promise<pg.Client> {
  const settings = [...(options.settings ?? []), ...(options.readOnly ? ['-c default_transaction_read_only=on'] : [])];
  const client = new pg.Client({
    ...postgresClientConfig(target),
    ...(options.queryTimeoutMs === undefined ? {} : { query_timeout: options.queryTimeoutMs }),
    ...(settings.length === 0 ? {} : { options: settings.join(' ') }),
  });
  // An error after connecting (the server going away) must not crash the process; the next query reports it.
  client.on('error', () => undefined);
  try {
    await client.connect();
  } catch (error) {
    await client.end().catch(() => undefined);
    throw error;
  }
  return client;
}

/** The drivers' and index advice's read-only session, each query bounded. */
export function connectReadOnlyPostgres(target: NetworkTarget): Promise<pg.Client> {
  return connectPostgresSession(target, { readOnly: true, queryTimeoutMs: QUERY_TIMEOUT_MS });
}

export class PostgresDriver implements DatabaseDriver {
  readonly engine = 'postgres' as const;

  private constructor(private readonly client: pg.Client) {}

  /** Connects (5 s timeout) in a read-only session; the caller maps failures to DriverErrors. */
  static async connect(target: NetworkTarget): Promise<PostgresDriver> {
    return new PostgresDriver(await connectReadOnlyPostgres(target));
  }

  async probe(): Promise<ServerProbe> {
    const { rows } = await this.client.query<{ version: string; user: string; can_write: boolean }>(`
      select current_setting('server_version') as version, current_user::text as user,
        (current_setting('is_superuser') = 'on'
         or has_database_privilege(current_database(), 'CREATE')
         or exists (select 1 from pg_namespace n
                    where n.nspname not in ('pg_catalog', 'information_schema') and n.nspname not like 'pg\\_%'
                      and has_schema_privilege(n.oid, 'CREATE'))
         or exists (select 1 from pg_class c join pg_namespace n on n.oid = c.relnamespace
                    where c.relkind in ('r', 'p') and n.nspname not in ('pg_catalog', 'information_schema')
                      and n.nspname not like 'pg\\_%'
                      and (has_table_privilege(c.oid, 'INSERT') or has_table_privilege(c.oid, 'UPDATE')
                           or has_table_privilege(c.oid, 'DELETE')))) as can_write`);
    const row = rows[0]!;
    return { serverVersion: row.version, user: row.user, canWrite: row.can_write };
  }

  async introspect(onProgress?: IntrospectProgress): Promise<SchemaModel> {
    const run = async <Row extends pg.QueryResultRow>(text: string) => (await this.client.query<Row>(text)).rows;
    const version = await run<{ version: string }>(`select current_setting('server_version') as version`);
    const namespaces = await run<{ nspname: string }>(NAMESPACES_SQL);
    const tables = await run<TableRow>(TABLES_SQL);
    const columns = groupBy(await run<ColumnRow>(COLUMNS_SQL), (row) => row.oid);
    const constraints = groupBy(await run<ConstraintRow>(CONSTRAINTS_SQL), (row) => row.oid);
    const indexes = groupBy(await run<IndexRow>(INDEXES_SQL), (row) => row.oid);
    const triggers = groupBy(await run<TriggerRow>(TRIGGERS_SQL), (row) => row.oid);
    const enums = await run<{ namespace: string; name: string; labels: string[] }>(ENUMS_SQL);

    const models: TableModel[] = [];
    for (const [position, table] of tables.entries()) {
      const own = constraints.get(table.oid) ?? [];
      const primary = own.find((row) => row.type === 'p');
      const kind = relationKinds[table.relkind] ?? 'table';
      models.push({
        namespace: table.nspname,
        name: table.relname,
        kind,
        comment: table.comment,
        // Views hold no rows; -1 means "never analyzed" (PostgreSQL 14 and later).
        rowEstimate: kind === 'view' || kind === 'foreign_table' ? null : rowEstimateOf(table.reltuples),
        columns: (columns.get(table.oid) ?? []).map(columnOf),
        primaryKey: primary ? { name: primary.name, columns: primary.columns } : null,
        foreignKeys: own.filter((row) => row.type === 'f').map(foreignKeyOf),
        uniques: own.filter((row) => row.type === 'u').map((row) => ({ name: row.name, columns: row.columns })),
        checks: own.filter((row) => row.type === 'c').map((row) => ({ name: row.name, expression: checkExpression(row.definition ?? '') })),
        indexes: (indexes.get(table.oid) ?? []).map(indexOf),
        triggers: (triggers.get(table.oid) ?? []).map(triggerOf),
        viewDefinition: table.viewdef?.trim() ?? null,
      });
      onProgress?.(position + 1, tables.length);
    }
    return normalizeSchemaModel({
      engine: 'postgres',
      serverVersion: version[0]?.version ?? null,
      namespaces: namespaces.map((row) => row.nspname),
      tables: models,
      enums: enums.map((row): EnumModel => ({ namespace: row.namespace, name: row.name, values: row.labels })),
    });
  }

  async sampleColumns(table: Pick<TableModel, 'namespace' | 'name' | 'columns'>, rows: number): Promise<Record<string, ColumnSample>> {
    if (table.columns.length === 0) return {};
    const source = `${table.namespace ? `${quotePostgresIdentifier(table.namespace)}.` : ''}${quotePostgresIdentifier(table.name)}`;
    const parts = table.columns.map((column, i) => {
      const c = quotePostgresIdentifier(column.name);
      const ordered = ORDERED_TYPE.test(column.dataType) || column.enumName !== null;
      return [
        `count(${c})::int as nn${i}`,
        `count(distinct ${c}::text)::int as d${i}`,
        ordered ? `min(${c})::text as mn${i}` : `null::text as mn${i}`,
        ordered ? `max(${c})::text as mx${i}`
          : `null::text as mx${i}`,
        `(select coalesce(json_agg(v), '[]') from (select distinct left(x.${c}::text, 80) as v from s x where x.${c} is not null order by 1 limit 5) e) as ex${i}`,
      ].join(', ');
    });
    const text = `with s as materialized (select * from ${source} limit $1) select count(*)::int as n, ${parts.join(', ')} from s`;
    const { rows: result } = await this.client.query<Record<string, unknown>>(text, [Math.max(0, Math.floor(rows))]);
    return columnSamplesOf(result[0] ?? {}, table.columns);
  }

  async close(): Promise<void> {
    await this.client.end().catch(() => undefined);
  }
}

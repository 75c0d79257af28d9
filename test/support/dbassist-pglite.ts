import fs from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import type { ColumnSample, DatabaseDriver } from '../../src/modules/dbassist/drivers/driver.js';
import type { ColumnModel, SchemaModel, TableModel } from '../../src/modules/dbassist/snapshot/schema-model.js';

/**
 * A sample database (../shared/fixtures/sample-dbs) loaded into an in-memory PGlite, read back as a SchemaModel with
 * plain catalog queries, and sampled as a DatabaseDriver would: what the documentation tests document.
 */
export const SAMPLE_DBS = [process.env.ATELIER_SAMPLE_DBS, path.resolve(import.meta.dirname, '../../../shared/fixtures/sample-dbs'), '/work/shared/fixtures/sample-dbs']
  .filter((dir): dir is string => Boolean(dir))
  .find((dir) => fs.existsSync(dir)) ?? '/work/shared/fixtures/sample-dbs';

export type LoadedSample = { pglite: PGlite; model: SchemaModel; driver: DatabaseDriver; close(): Promise<void> };

/** Drops lines PGlite cannot run or that create and switch databases (Chinook's file does both). */
function loadableSql(file: string): string {
  return fs
    .readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => !/^\s*(?:\\|DROP DATABASE|CREATE DATABASE|SELECT pg_catalog\.set_config\('search_path', '', false\))/i.test(line))
    .join('\n')
    // Pagila keeps embeddings in a pgvector column; this PGlite has no pgvector, and an array of reals documents alike.
    .replace(/^CREATE EXTENSION IF NOT EXISTS vector.*$|^COMMENT ON EXTENSION vector.*$/gm, '')
    .replace(/^CREATE INDEX .* USING (?:hnsw|ivfflat) .*$/gm, '')
    .replace(/public\.vector\(\d+\)/g, 'real[]');
}

export async function loadSampleDatabase(relativeFile: string): Promise<LoadedSample> {
  const pglite = await PGlite.create();
  await pglite.exec(loadableSql(path.join(SAMPLE_DBS, relativeFile)));
  await pglite.exec('SET search_path TO public; ANALYZE;');
  const model = await readCatalog(pglite);
  const driver = pgliteDriver(pglite, model);
  return { pglite, model, driver, close: () => pglite.close() };
}

type Row = Record<string, unknown>;

const ACTIONS: Record<string, string> = { a: 'NO ACTION', r: 'RESTRICT', c: 'CASCADE', n: 'SET NULL', d: 'SET DEFAULT' };
const KINDS: Record<string, TableModel['kind']> = { r: 'table', v: 'view', m: 'materialized_view', p: 'partitioned_table', f: 'foreign_table' };

export async function readCatalog(pglite: PGlite): Promise<SchemaModel> {
  const q = async (sql: string) => (await pglite.query<Row>(sql)).rows;
  const relations = await q(`
    SELECT c.oid::int AS oid, n.nspname AS ns, c.relname AS name, c.relkind AS kind, obj_description(c.oid, 'pg_class') AS comment,
           c.reltuples::float8 AS est, CASE WHEN c.relkind IN ('v','m') THEN pg_get_viewdef(c.oid, true) END AS view_def
      FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
     WHERE c.relkind IN ('r','v','m','p','f') AND NOT c.relispartition
       AND n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg\\_%'
     ORDER BY n.nspname, c.relname`);
  const columns = await q(`
    SELECT a.attrelid::int AS oid, a.attname AS name, a.attnum::int AS num, format_type(a.atttypid, a.atttypmod) AS type,
           NOT a.attnotnull AS nullable, pg_get_expr(d.adbin, d.adrelid) AS def, col_description(a.attrelid, a.attnum) AS comment,
           a.attidentity <> '' AS ident, t.typtype AS typtype, tn.nspname || '.' || t.typname AS typname
      FROM pg_attribute a JOIN pg_type t ON t.oid = a.atttypid JOIN pg_namespace tn ON tn.oid = t.typnamespace
      LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
     WHERE a.attnum > 0 AND NOT a.attisdropped ORDER BY a.attrelid, a.attnum`);
  const constraints = await q(`
    SELECT conrelid::int AS oid, conname AS name, contype AS type, conkey::int[] AS keys, confrelid::int AS ref, confkey::int[] AS ref_keys,
           confdeltype AS on_delete, confupdtype AS on_update, pg_get_constraintdef(oid) AS def
      FROM pg_constraint WHERE conrelid <> 0 ORDER BY conname`);
  const indexes = await q(`
    SELECT i.indrelid::int AS oid, ic.relname AS name, i.indisunique AS uniq, i.indisprimary AS prim, am.amname AS method,
           pg_get_expr(i.indpred, i.indrelid) AS pred,
           (SELECT array_agg(pg_get_indexdef(i.indexrelid, k, true) ORDER BY k) FROM generate_series(1, i.indnkeyatts) k) AS cols
      FROM pg_index i JOIN pg_class ic ON ic.oid = i.indexrelid JOIN pg_am am ON am.oid = ic.relam ORDER BY ic.relname`);
  const triggers = await q(`SELECT tgrelid::int AS oid, tgname AS name, tgtype::int AS type, pg_get_triggerdef(oid) AS def FROM pg_trigger WHERE NOT tgisinternal ORDER BY tgname`);
  const enums = await q(`
    SELECT n.nspname AS ns, t.typname AS name, array_agg(e.enumlabel::text ORDER BY e.enumsortorder) AS vals
      FROM pg_enum e JOIN pg_type t ON t.oid = e.enumtypid JOIN pg_namespace n ON n.oid = t.typnamespace GROUP BY n.nspname, t.typname ORDER BY 1, 2`);

  const byOid = new Map(relations.map((r) => [r.oid as number, r]));
  const columnsOf = (oid: number) => columns.filter((c) => c.oid === oid);
  const nameOfColumn = (oid: number, num: number) => columnsOf(oid).find((c) => c.num === num)?.name as string;
  const tables: TableModel[] = relations.map((rel) => {
    const oid = rel.oid as number;
    const own = constraints.filter((c) => c.oid === oid);
    const pk = own.find((c) => c.type === 'p');
    const tgs = triggers.filter((t) => t.oid === oid);
    return {
      namespace: rel.ns as string,
      name: rel.name as string,
      kind: KINDS[rel.kind as string]!,
      comment: (rel.comment as string | null) ?? null,
      rowEstimate: (rel.est as number) >= 0 ? Math.round(rel.est as number) : null,
      columns: columnsOf(oid).map(
        (c): ColumnModel => ({
          name: c.name as string,
          ordinal: c.num as number,
          dataType: c.type as string,
          isNullable: c.nullable as boolean,
          defaultValue: (c.def as string | null) ?? null,
          comment: (c.comment as string | null) ?? null,
          isIdentity: c.ident as boolean,
          enumName: c.typtype === 'e' ? (c.typname as string) : null,
        }),
      ),
      primaryKey: pk ? { name: pk.name as string, columns: (pk.keys as number[]).map((k) => nameOfColumn(oid, k)) } : null,
      foreignKeys: own
        .filter((c) => c.type === 'f')
        .map((c) => {
          const ref = byOid.get(c.ref as number)!;
          return {
            name: c.name as string,
            columns: (c.keys as number[]).map((k) => nameOfColumn(oid, k)),
            refNamespace: ref.ns as string,
            refTable: ref.name as string,
            refColumns: (c.ref_keys as number[]).map((k) => nameOfColumn(c.ref as number, k)),
            onDelete: ACTIONS[c.on_delete as string] ?? 'NO ACTION',
            onUpdate: ACTIONS[c.on_update as string] ?? 'NO ACTION',
          };
        }),
      uniques: own.filter((c) => c.type === 'u').map((c) => ({ name: c.name as string, columns: (c.keys as number[]).map((k) => nameOfColumn(oid, k)) })),
      checks: own.filter((c) => c.type === 'c').map((c) => ({ name: c.name as string, expression: String(c.def).replace(/^CHECK /, '') })),
      indexes: indexes
        .filter((i) => i.oid === oid)
        .map((i) => ({ name: i.name as string, columns: (i.cols as string[]) ?? [], unique: i.uniq as boolean, primary: i.prim as boolean, method: i.method as string, predicate: (i.pred as string | null) ?? null })),
      triggers: tgs.map((t) => {
        const type = t.type as number;
        const events = [[4, 'INSERT'], [8, 'DELETE'], [16, 'UPDATE'], [32, 'TRUNCATE']].filter(([bit]) => type & (bit as number)).map(([, e]) => e as string);
        return { name: t.name as string, timing: type & 2 ? 'BEFORE' : type & 64 ? 'INSTEAD OF' : 'AFTER', events, definition: t.def as string };
      }),
      viewDefinition: (rel.view_def as string | null) ?? null,
    };
  });
  return {
    engine: 'postgres',
    serverVersion: null,
    namespaces: [...new Set(tables.map((t) => t.namespace))].sort(),
    tables,
    enums: enums.map((e) => ({ namespace: e.ns as string, name: e.name as string, values: e.vals as string[] })),
  };
}

function asText(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  if (value instanceof Uint8Array) return null;
  if (value instanceof Date) return value.toISOString().replace(/T00:00:00\.000Z$/, '').replace(/\.000Z$/, 'Z');
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value as string | number | boolean | bigint);
}

/** Statistics computed the way the real drivers report them (min/max by the value's own order). */
export function sampleRows(rows: Row[], columnNames: readonly string[]): Record<string, ColumnSample> {
  const result: Record<string, ColumnSample> = {};
  for (const name of columnNames) {
    const values = rows.map((r) => r[name]);
    const present = values.filter((v) => v !== null && v !== undefined);
    const texts = present.map(asText).filter((t): t is string => t !== null);
    const distinct = new Set(present.map((v) => (v instanceof Uint8Array ? Buffer.from(v).toString('hex') : asText(v))));
    const comparable = present.filter((v): v is string | number | bigint | boolean | Date => v instanceof Date || ['string', 'number', 'bigint', 'boolean'].includes(typeof v));
    const order = (v: string | number | bigint | boolean | Date) => (v instanceof Date ? v.getTime() : v);
    const sorted = [...comparable].sort((a, b) => {
      const x = order(a);
      const y = order(b);
      return typeof x === 'number' && typeof y === 'number' ? x - y : String(x).localeCompare(String(y));
    });
    result[name] = {
      sampledRows: rows.length,
      nullCount: values.length - present.length,
      distinctCount: distinct.size,
      min: sorted.length ? asText(sorted[0]) : null,
      max: sorted.length ? asText(sorted.at(-1)) : null,
      examples: [...new Set(texts)].slice(0, 5).map((t) => t.slice(0, 80)),
    };
  }
  return result;
}

export function pgliteDriver(pglite: PGlite, model: SchemaModel): DatabaseDriver {
  return {
    engine: 'postgres',
    probe: async () => ({ serverVersion: 'PGlite', user: 'postgres', canWrite: true }),
    introspect: async () => model,
    async sampleColumns(table, rows) {
      const result = await pglite.query<Row>(`SELECT * FROM "${table.namespace}"."${table.name}" LIMIT ${Math.max(1, Math.floor(rows))}`);
      return sampleRows(result.rows, table.columns.map((c) => c.name));
    },
    close: async () => undefined,
  };
}

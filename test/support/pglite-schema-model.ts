import { PGlite } from '@electric-sql/pglite';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { SchemaModel, TableModel } from '../../src/modules/dbassist/snapshot/schema-model.js';
import type { TableKind } from '../../src/shared/dbassist-kinds.js';

/**
 * SchemaModels of the sample databases for tests of what reads a model (ER diagrams, lint): the DDL is loaded into an
 * in-memory PGlite and its catalog read by a small reader of the parts those tests use (tables and views, columns,
 * primary, foreign and unique keys, indexes, comments). Partitions are left out, like their inherited keys.
 */

export type SampleSchema = 'northwind' | 'chinook' | 'pagila';

const files: Record<SampleSchema, string> = {
  northwind: 'northwind/northwind.sql',
  chinook: 'chinook/Chinook_PostgreSql.sql',
  pagila: 'pagila/pagila-schema.sql',
};

/**
 * The folder of the sample databases: $ATELIER_SAMPLE_DBS, else `shared/fixtures/sample-dbs` beside the checkout or
 * one of its parents (a worktree sits one level deeper than the main checkout).
 */
function sampleDbsDir(): string {
  if (process.env.ATELIER_SAMPLE_DBS) return process.env.ATELIER_SAMPLE_DBS;
  for (let dir = path.resolve('..'); ; dir = path.dirname(dir)) {
    const candidate = path.join(dir, 'shared', 'fixtures', 'sample-dbs');
    if (existsSync(candidate)) return candidate;
    if (path.dirname(dir) === dir) throw new Error('The sample databases were not found: set ATELIER_SAMPLE_DBS to their folder');
  }
}

/** The sample's DDL without its rows, and without what PGlite cannot run (psql commands, CREATE DATABASE, pgvector). */
export function sampleDdl(sample: SampleSchema): string {
  const sql = readFileSync(path.join(sampleDbsDir(), files[sample]), 'utf8');
  return sql
    .replace(/^INSERT INTO[\s\S]*?;[ \t]*$/gm, '')
    .replace(/^\s*(?:DROP DATABASE|CREATE DATABASE|\\).*$/gim, '')
    .replace(/^CREATE EXTENSION IF NOT EXISTS vector.*$/m, '')
    .replace(/^COMMENT ON EXTENSION vector.*$/m, '')
    .replace(/public\.vector\(\d+\)/g, 'real[]')
    .replace(/^CREATE INDEX \S+ ON \S+ USING hnsw.*$/m, '');
}

/** Runs `ddl` in a fresh in-memory PGlite and reads its schema. */
export async function schemaModelFromDdl(ddl: string): Promise<SchemaModel> {
  const db = new PGlite();
  try {
    await db.exec(ddl);
    return await readCatalog(db);
  } finally {
    await db.close();
  }
}

/** The samples' models, read one after the other in one PGlite (starting one takes seconds). */
export async function sampleSchemaModels<S extends SampleSchema>(samples: readonly S[]): Promise<Record<S, SchemaModel>> {
  const db = new PGlite();
  try {
    const models = {} as Record<S, SchemaModel>;
    for (const sample of samples) {
      await db.exec(sampleDdl(sample));
      models[sample] = await readCatalog(db);
      await db.exec('DROP SCHEMA public CASCADE; CREATE SCHEMA public;');
    }
    return models;
  } finally {
    await db.close();
  }
}

const kinds: Record<string, TableKind> = { r: 'table', p: 'partitioned_table', v: 'view', m: 'materialized_view', f: 'foreign_table' };

async function readCatalog(db: PGlite): Promise<SchemaModel> {
  const userNamespaces = `n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg_toast%'`;
  const relations = await db.query<{ oid: number; namespace: string; name: string; kind: string; comment: string | null }>(
    `SELECT c.oid, n.nspname AS namespace, c.relname AS name, c.relkind AS kind, obj_description(c.oid, 'pg_class') AS comment
       FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE c.relkind IN ('r', 'p', 'v', 'm', 'f') AND NOT c.relispartition AND ${userNamespaces}
      ORDER BY n.nspname, c.relname`,
  );
  const columns = await db.query<{ oid: number; name: string; ordinal: number; type: string; notnull: boolean; def: string | null; comment: string | null; identity: string }>(
    `SELECT a.attrelid AS oid, a.attname AS name, a.attnum AS ordinal, format_type(a.atttypid, a.atttypmod) AS type, a.attnotnull AS notnull,
            pg_get_expr(d.adbin, d.adrelid) AS def, col_description(a.attrelid, a.attnum) AS comment, a.attidentity AS identity
       FROM pg_attribute a LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
      WHERE a.attnum > 0 AND NOT a.attisdropped
      ORDER BY a.attrelid, a.attnum`,
  );
  const constraints = await db.query<{ oid: number; name: string; type: string; columns: string[]; refnamespace: string | null; reftable: string | null; refcolumns: string[] | null; def: string }>(
    `SELECT c.conrelid AS oid, c.conname AS name, c.contype AS type,
            ARRAY(SELECT a.attname FROM unnest(c.conkey) WITH ORDINALITY k(n, i) JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k.n ORDER BY k.i) AS columns,
            rn.nspname AS refnamespace, r.relname AS reftable,
            ARRAY(SELECT a.attname FROM unnest(c.confkey) WITH ORDINALITY k(n, i) JOIN pg_attribute a ON a.attrelid = c.confrelid AND a.attnum = k.n ORDER BY k.i) AS refcolumns,
            pg_get_constraintdef(c.oid) AS def
       FROM pg_constraint c LEFT JOIN pg_class r ON r.oid = c.confrelid LEFT JOIN pg_namespace rn ON rn.oid = r.relnamespace
      WHERE c.contype IN ('p', 'f', 'u', 'c') AND c.conrelid <> 0 AND c.conparentid = 0
      ORDER BY c.conname`,
  );
  const indexes = await db.query<{ oid: number; name: string; unique: boolean; primary: boolean; method: string; predicate: string | null; columns: string[] }>(
    `SELECT i.indrelid AS oid, ic.relname AS name, i.indisunique AS unique, i.indisprimary AS primary, am.amname AS method,
            pg_get_expr(i.indpred, i.indrelid) AS predicate,
            ARRAY(SELECT pg_get_indexdef(i.indexrelid, k.i::int, true) FROM generate_series(1, i.indnkeyatts) k(i) ORDER BY k.i) AS columns
       FROM pg_index i JOIN pg_class ic ON ic.oid = i.indexrelid JOIN pg_am am ON am.oid = ic.relam
      ORDER BY ic.relname`,
  );
  const views = await db.query<{ oid: number; def: string }>(`SELECT c.oid, pg_get_viewdef(c.oid, true) AS def FROM pg_class c WHERE c.relkind IN ('v', 'm')`);

  const byOid = new Map<number, TableModel>();
  const tables = relations.rows.map((row) => {
    const table: TableModel = {
      namespace: row.namespace,
      name: row.name,
      kind: kinds[row.kind] ?? 'table',
      comment: row.comment,
      rowEstimate: null,
      columns: [],
      primaryKey: null,
      foreignKeys: [],
      uniques: [],
      checks: [],
      indexes: [],
      triggers: [],
      viewDefinition: null,
    };
    byOid.set(row.oid, table);
    return table;
  });
  for (const row of columns.rows) {
    byOid.get(row.oid)?.columns.push({
      name: row.name,
      ordinal: row.ordinal,
      dataType: row.type,
      isNullable: !row.notnull,
      defaultValue: row.def,
      comment: row.comment,
      isIdentity: row.identity !== '',
      enumName: null,
    });
  }
  for (const row of constraints.rows) {
    const table = byOid.get(row.oid);
    if (!table) continue;
    if (row.type === 'p') table.primaryKey = { name: row.name, columns: row.columns };
    else if (row.type === 'u') table.uniques.push({ name: row.name, columns: row.columns });
    else if (row.type === 'c') table.checks.push({ name: row.name, expression: row.def });
    else if (row.type === 'f') {
      table.foreignKeys.push({
        name: row.name,
        columns: row.columns,
        refNamespace: row.refnamespace ?? '',
        refTable: row.reftable ?? '',
        refColumns: row.refcolumns ?? [],
        onDelete: 'NO ACTION',
        onUpdate: 'NO ACTION',
      });
    }
  }
  for (const row of indexes.rows) {
    byOid.get(row.oid)?.indexes.push({ name: row.name, columns: row.columns, unique: row.unique, primary: row.primary, method: row.method, predicate: row.predicate });
  }
  for (const row of views.rows) {
    const table = byOid.get(row.oid);
    if (table) table.viewDefinition = row.def;
  }
  const namespaces = [...new Set(tables.map((table) => table.namespace))].sort();
  return { engine: 'postgres', serverVersion: null, namespaces, tables, enums: [] };
}

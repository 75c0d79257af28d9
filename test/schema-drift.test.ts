import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { is } from 'drizzle-orm';
import { PgTable, getTableConfig } from 'drizzle-orm/pg-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as platformSchema from '../src/core/db/platform.schema.js';
import { REPO_ROOT } from './support/seeds.js';
import { createTestDatabase, testDrivers, type TestDatabase } from './support/test-db.js';

/**
 * The SQL migrations are the source of truth; the Drizzle definitions the code queries through must describe the
 * same tables. Every `*.schema.ts` under src/ is compared with the migrated database.
 */

type ColumnShape = { type: string; notNull: boolean; filledByDatabase: boolean; primaryKey: boolean };
type TableShape = Map<string, ColumnShape>;

function schemaFiles(dir = path.join(REPO_ROOT, 'src')): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'web' ? [] : schemaFiles(full);
    return entry.name.endsWith('.schema.ts') ? [full] : [];
  });
}

async function drizzleTables(): Promise<Map<string, { file: string; shape: TableShape }>> {
  const tables = new Map<string, { file: string; shape: TableShape }>();
  const modules: Array<[string, Record<string, unknown>]> = [['src/core/db/platform.schema.ts', platformSchema]];
  for (const file of schemaFiles()) {
    const relative = path.relative(REPO_ROOT, file);
    if (relative !== 'src/core/db/platform.schema.ts') modules.push([relative, (await import(pathToFileURL(file).href)) as Record<string, unknown>]);
  }
  for (const [file, exports] of modules) {
    for (const value of Object.values(exports)) {
      if (!is(value, PgTable)) continue;
      const config = getTableConfig(value);
      const key = `${config.schema ?? 'public'}.${config.name}`;
      const compositeKey = new Set(config.primaryKeys.flatMap((pk) => pk.columns.map((c) => c.name)));
      const shape: TableShape = new Map(
        config.columns.map((column) => [
          column.name,
          {
            type: column.getSQLType().replace(/, /g, ','), // numeric(12, 4) as PostgreSQL spells it: numeric(12,4)
            notNull: column.notNull,
            // A SQL default, an identity or a generated expression: the database fills it when the insert leaves it
            // out. ($defaultFn values are computed by the app, so they do not count.)
            filledByDatabase: column.default !== undefined || column.generated !== undefined || column.generatedIdentity !== undefined,
            primaryKey: column.primary || compositeKey.has(column.name),
          },
        ]),
      );
      const existing = tables.get(key);
      if (existing && existing.file !== file) throw new Error(`${key} is defined in both ${existing.file} and ${file}`);
      tables.set(key, { file, shape });
    }
  }
  return tables;
}

async function databaseTables(t: TestDatabase): Promise<Map<string, TableShape>> {
  const rows = await t.db.withAdmin((client) =>
    client.query<{ table: string; column: string; type: string; not_null: boolean; filled: boolean; pk: boolean }>(
      `SELECT n.nspname || '.' || c.relname AS table, a.attname AS column, format_type(a.atttypid, a.atttypmod) AS type,
              a.attnotnull AS not_null, (a.atthasdef OR a.attidentity <> '' OR a.attgenerated <> '') AS filled,
              EXISTS (SELECT 1 FROM pg_index i WHERE i.indrelid = c.oid AND i.indisprimary AND a.attnum = ANY (i.indkey)) AS pk
       FROM pg_class c
       JOIN pg_namespace n ON n.oid = c.relnamespace
       JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
       WHERE c.relkind IN ('r', 'p')
         AND n.nspname NOT IN ('pg_catalog', 'information_schema', 'atelier_meta')
         AND n.nspname NOT LIKE 'pg\\_toast%' AND n.nspname NOT LIKE 'pg\\_temp%'
       ORDER BY 1, a.attnum`,
    ),
  );
  const tables = new Map<string, TableShape>();
  for (const r of rows) {
    const shape = tables.get(r.table) ?? new Map<string, ColumnShape>();
    shape.set(r.column, { type: r.type, notNull: r.not_null, filledByDatabase: r.filled, primaryKey: r.pk });
    tables.set(r.table, shape);
  }
  return tables;
}

describe.each(testDrivers)('Drizzle definitions against the migrated database on %s', (kind) => {
  let t: TestDatabase;
  let drizzle: Awaited<ReturnType<typeof drizzleTables>>;
  let database: Map<string, TableShape>;
  beforeAll(async () => {
    t = await createTestDatabase(kind);
    drizzle = await drizzleTables();
    database = await databaseTables(t);
  });
  afterAll(async () => t?.drop());

  it('finds the platform definitions', () => {
    for (const table of ['app.users', 'app.user_sessions', 'app.tokens', 'app.login_attempts', 'app.organizations', 'app.organization_members', 'app.projects', 'app.audit_log']) {
      expect(drizzle.has(table), table).toBe(true);
    }
  });

  it('every Drizzle table exists with the same columns, types, nullability, database defaults and primary key', () => {
    const differences: string[] = [];
    for (const [table, { file, shape }] of drizzle) {
      const actual = database.get(table);
      if (!actual) {
        differences.push(`${table} (${file}) does not exist in the database`);
        continue;
      }
      for (const [column, expected] of shape) {
        const found = actual.get(column);
        if (!found) {
          differences.push(`${table}.${column} (${file}) does not exist in the database`);
          continue;
        }
        for (const property of ['type', 'notNull', 'filledByDatabase', 'primaryKey'] as const) {
          if (found[property] !== expected[property]) {
            differences.push(`${table}.${column} ${property}: Drizzle says ${expected[property]}, the database ${found[property]}`);
          }
        }
      }
      for (const column of actual.keys()) {
        if (!shape.has(column)) differences.push(`${table}.${column} exists in the database but not in ${file}`);
      }
    }
    expect(differences).toEqual([]);
  });

  it('every table of the database has a Drizzle definition', () => {
    const undefinedTables = [...database.keys()].filter((table) => !drizzle.has(table));
    expect(undefinedTables, 'tables the code cannot query through Drizzle').toEqual([]);
  });
});

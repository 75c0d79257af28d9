/**
 * Storing a crawl of a generated 1,000-table schema (10–20 columns each, foreign keys, indexes, unique keys) as a
 * version: the database work of an ingest (the one transaction that writes the version, its tables, columns and
 * re-linked documentation), against the target of 2 s. Also: a re-ingest of the unchanged schema (no new
 * version), and a changed one with documentation on every table to re-link. Prints figures and ratios; asserts
 * nothing.
 *
 *   npm run bench:dbassist                                  # embedded PGlite in a temporary directory
 *   BENCH_POSTGRES_URL=postgres://… npm run bench:dbassist  # then also PostgreSQL (TEST_DATABASE_URL works too), in a
 *                                                           # scratch database made on that server and dropped after
 *   BENCH_TABLES=2000 npm run bench:dbassist                # another size
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { isMain, type Ratio } from './support/results.js';
import { forEachDriver } from './support/scratch-database.js';
import { openDatabase, type Database } from '../src/core/db/database.js';
import { migrateUp } from '../src/core/db/migrator.js';
import { withUser } from '../src/core/db/tenancy.js';
import { objectFingerprint } from '../src/modules/dbassist/snapshot/fingerprint.js';
import { normalizeSchemaModel } from '../src/modules/dbassist/snapshot/normalize.js';
import { tableKey, type SchemaModel } from '../src/modules/dbassist/snapshot/schema-model.js';
import { prepareSnapshot, storeSnapshot } from '../src/modules/dbassist/snapshot/snapshot-store.js';
import { column, generatedModel } from '../test/support/schema-models.js';

export type IngestOptions = { tables: number; drivers: string[]; postgresUrl: string | undefined };

export function optionsFromEnvironment(env: NodeJS.ProcessEnv = process.env): IngestOptions {
  const postgresUrl = env.BENCH_POSTGRES_URL ?? env.TEST_DATABASE_URL;
  return { tables: Number(env.BENCH_TABLES ?? 1000), postgresUrl, drivers: (env.BENCH_DRIVERS ?? (postgresUrl ? 'pglite,postgres' : 'pglite')).split(',') };
}

let TABLES = 1000;
const TARGET_SECONDS = 2;

type Run = { label: string; prepareSeconds: number; seconds: number; version: string; unchanged: boolean };

async function seed(db: Database): Promise<{ userId: string; organizationId: string; connectionId: string }> {
  const userId = crypto.randomUUID();
  const organizationId = crypto.randomUUID();
  const connectionId = crypto.randomUUID();
  await db.withAdmin(async (sql) => {
    await sql.query(`INSERT INTO app.users (id, name, email, status, email_verified) VALUES ($1, 'Bench', $2, 'active', true)`, [userId, `bench-${userId}@example.com`]);
    await sql.query(`INSERT INTO app.organizations (id, name, slug, owner_id) VALUES ($1, 'Bench', $2, $3)`, [organizationId, `bench-${organizationId.slice(0, 8)}`, userId]);
    await sql.query(`INSERT INTO app.organization_members (id, organization_id, user_id, role) VALUES (gen_random_uuid(), $1, $2, 'owner')`, [organizationId, userId]);
    await sql.query(`INSERT INTO dbassist.connections (id, organization_id, name, db_type, connection_uri, created_by) VALUES ($1, $2, 'Bench', 'postgres', 'v1:sealed', $3)`, [connectionId, organizationId, userId]);
  });
  return { userId, organizationId, connectionId };
}

/** A documentation row for every table of the model, written for its current definition. */
async function documentEveryTable(db: Database, ids: { organizationId: string; connectionId: string; userId: string }, model: SchemaModel, schemaId: string): Promise<void> {
  const normalized = normalizeSchemaModel(model);
  await db.withAdmin(async (sql) => {
    for (const table of normalized.tables) {
      await sql.query(
        `INSERT INTO dbassist.docs (id, organization_id, connection_id, scope, ref_id, object_key, content_md, template, source, fingerprint, created_by)
         VALUES (gen_random_uuid(), $1, $2, 'table', $3, $4, $5, 'short', 'ai', $6, $7)`,
        [ids.organizationId, ids.connectionId, schemaId, tableKey(table), `Rows of ${table.name}, one per thing.\n\nMore.`, objectFingerprint({ table }), ids.userId],
      );
    }
  });
}

async function benchmark(driver: string, url: string | undefined): Promise<Run[]> {
  const dataDir = driver === 'pglite' ? fs.mkdtempSync(path.join(os.tmpdir(), 'atelier-bench-dbassist-')) : undefined;
  const db = url ? await openDatabase({ kind: 'postgres', url }) : await openDatabase({ kind: 'pglite', dataDir: dataDir! });
  try {
    await migrateUp(db);
    await db.useRuntimeRole();
    const ids = await seed(db);
    // The database work is the one transaction; normalizing and hashing the crawl happen before it, in the job.
    const store = async (label: string, model: SchemaModel): Promise<Run> => {
      const prepareStarted = performance.now();
      const snapshot = prepareSnapshot(model);
      const started = performance.now();
      const stored = await withUser(db, ids.userId, (tx) => storeSnapshot(tx, { connectionId: ids.connectionId, createdBy: ids.userId, snapshot }));
      return { label, prepareSeconds: (started - prepareStarted) / 1000, seconds: (performance.now() - started) / 1000, version: stored.version, unchanged: stored.unchanged };
    };
    const model = generatedModel(TABLES);
    const runs = [await store('first ingest', model)];
    runs.push(await store('re-ingest, unchanged', generatedModel(TABLES)));
    await documentEveryTable(db, ids, model, crypto.randomUUID());
    const changed = generatedModel(TABLES);
    for (const table of changed.tables.filter((_, index) => index % 10 === 0)) table.columns.push(column('added_later', 'text', { ordinal: 99 }));
    runs.push(await store(`changed (${TABLES / 10} tables), docs on every table`, changed));
    return runs;
  } finally {
    await db.close();
    if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

/** Ingests a generated schema of `tables` tables on each driver, prints the figures and answers the first ingest's time. */
export async function run(options: IngestOptions = optionsFromEnvironment()): Promise<Ratio[]> {
  TABLES = options.tables;
  const model = generatedModel(TABLES);
  const columns = model.tables.reduce((sum, table) => sum + table.columns.length, 0);
  const foreignKeys = model.tables.reduce((sum, table) => sum + table.foreignKeys.length, 0);
  const indexes = model.tables.reduce((sum, table) => sum + table.indexes.length, 0);
  console.log(`Generated schema: ${TABLES} tables, ${columns} columns, ${foreignKeys} foreign keys, ${indexes} indexes`);
  const ratios: Ratio[] = [];
  await forEachDriver(options.drivers, options.postgresUrl, async (driver, url) => {
    const runs = await benchmark(driver, url);
    for (const step of runs) {
      console.log(
        `${driver.padEnd(8)} ${step.label.padEnd(44)} database work ${step.seconds.toFixed(3)} s, ratio to the ${TARGET_SECONDS} s target ${(step.seconds / TARGET_SECONDS).toFixed(2)}` +
          `  (normalize + hash before it ${step.prepareSeconds.toFixed(3)} s; ${step.version}${step.unchanged ? ', unchanged' : ''})`,
      );
    }
    const first = runs[0]!;
    ratios.push({
      name: `${TABLES}-table ingest / ${TARGET_SECONDS} s target (${driver})`,
      value: first.seconds / TARGET_SECONDS,
      better: 'lower',
      detail: `first ingest ${first.seconds.toFixed(2)} s of database work (+ ${first.prepareSeconds.toFixed(2)} s normalize and hash)`,
    });
  });
  return ratios;
}

if (isMain(import.meta.url)) await run();

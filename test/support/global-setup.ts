import fs from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { openDatabase } from '../../src/core/db/database.js';
import { migrateUp } from '../../src/core/db/migrator.js';
import { PGLITE_SNAPSHOT, POSTGRES_TEMPLATE } from './paths.js';

/**
 * Migrates once per run: a PGlite data directory snapshot that each test loads in place of initdb + migrations,
 * and (when TEST_DATABASE_URL is set) a PostgreSQL template database each test clones.
 */
export default async function setup(): Promise<() => Promise<void>> {
  fs.mkdirSync(path.dirname(PGLITE_SNAPSHOT), { recursive: true });
  const pglite = await PGlite.create();
  const db = await openDatabase({ kind: 'pglite', pglite });
  await migrateUp(db);
  const snapshot = await pglite.dumpDataDir('none');
  fs.writeFileSync(PGLITE_SNAPSHOT, Buffer.from(await snapshot.arrayBuffer()));
  await db.close();

  const url = process.env.TEST_DATABASE_URL;
  if (url) {
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS ${POSTGRES_TEMPLATE} WITH (FORCE)`);
    await admin.query(`CREATE DATABASE ${POSTGRES_TEMPLATE}`);
    await admin.end();
    const templateDb = await openDatabase({ kind: 'postgres', url: withDatabase(url, POSTGRES_TEMPLATE), poolSize: 1 });
    await migrateUp(templateDb);
    await templateDb.close();
  }
  return async () => {
    fs.rmSync(path.dirname(PGLITE_SNAPSHOT), { recursive: true, force: true });
    if (url) {
      const admin = new pg.Client({ connectionString: url });
      await admin.connect();
      await admin.query(`DROP DATABASE IF EXISTS ${POSTGRES_TEMPLATE} WITH (FORCE)`);
      await admin.end();
    }
  };
}

export function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

import crypto from 'node:crypto';
import fs from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { openDatabase, type Database, type DatabaseKind } from '../../src/core/db/database.js';
import { withDatabase } from './global-setup.js';
import { PGLITE_SNAPSHOT, POSTGRES_TEMPLATE } from './paths.js';

/** The drivers integration tests run on: PGlite always, the PostgreSQL server when TEST_DATABASE_URL is set. */
export const testDrivers: DatabaseKind[] = process.env.TEST_DATABASE_URL ? ['pglite', 'postgres'] : ['pglite'];

export type TestDatabase = { db: Database; kind: DatabaseKind; url?: string; drop(): Promise<void> };

/** A freshly migrated database of its own, switched to the runtime role as the server does. */
export async function createTestDatabase(kind: DatabaseKind): Promise<TestDatabase> {
  if (kind === 'pglite') {
    const snapshot = new Blob([fs.readFileSync(PGLITE_SNAPSHOT)]);
    const pglite = await PGlite.create({ loadDataDir: snapshot });
    const db = await openDatabase({ kind: 'pglite', pglite });
    await db.useRuntimeRole();
    return { db, kind, drop: () => db.close() };
  }
  const serverUrl = process.env.TEST_DATABASE_URL;
  if (!serverUrl) throw new Error('TEST_DATABASE_URL is not set');
  const name = `atelier_test_${crypto.randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name} TEMPLATE ${POSTGRES_TEMPLATE}`);
  await admin.end();
  const url = withDatabase(serverUrl, name);
  const db = await openDatabase({ kind: 'postgres', url, poolSize: 5 });
  await db.useRuntimeRole();
  return {
    db,
    kind,
    url,
    async drop() {
      await db.close();
      const cleanup = new pg.Client({ connectionString: serverUrl });
      await cleanup.connect();
      await cleanup.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await cleanup.end();
    },
  };
}

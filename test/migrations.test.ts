import crypto from 'node:crypto';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase, type Database, type DatabaseKind } from '../src/core/db/database.js';
import { loadMigrations, migrateDown, migrateUp, migrationHistory, migrationStatus, type Migration } from '../src/core/db/migrator.js';
import { withDatabase } from './support/global-setup.js';
import { testDrivers } from './support/test-db.js';

/** An empty database that has never seen a migration: PGlite in memory, or a scratch database on the server. */
type FreshDatabase = { db: Database; open(): Promise<Database>; drop(): Promise<void> };

// initdb takes seconds on PGlite: run it once and start each test from a copy of the empty cluster.
let emptyCluster: Promise<Blob> | undefined;
async function emptyPglite(): Promise<PGlite> {
  emptyCluster ??= (async () => {
    const pglite = await PGlite.create();
    const dump = await pglite.dumpDataDir('none');
    await pglite.close();
    return dump;
  })();
  return PGlite.create({ loadDataDir: await emptyCluster });
}

async function createFreshDatabase(kind: DatabaseKind): Promise<FreshDatabase> {
  if (kind === 'pglite') {
    const db = await openDatabase({ kind: 'pglite', pglite: await emptyPglite() });
    return { db, open: async () => db, drop: () => db.close() };
  }
  const serverUrl = process.env.TEST_DATABASE_URL!;
  const name = `atelier_migrations_${crypto.randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name} TEMPLATE template0`);
  await admin.end();
  const url = withDatabase(serverUrl, name);
  const opened: Database[] = [];
  const open = async () => {
    const db = await openDatabase({ kind: 'postgres', url, poolSize: 2 });
    opened.push(db);
    return db;
  };
  const db = await open();
  return {
    db,
    open,
    async drop() {
      for (const handle of opened) await handle.close();
      const cleanup = new pg.Client({ connectionString: serverUrl });
      await cleanup.connect();
      await cleanup.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await cleanup.end();
    },
  };
}

const USER_SCHEMAS = `n.nspname NOT IN ('pg_catalog', 'information_schema', 'atelier_meta')
  AND n.nspname NOT LIKE 'pg\\_toast%' AND n.nspname NOT LIKE 'pg\\_temp%'`;

/** Everything the migrations define outside atelier_meta, as comparable text. */
async function fingerprint(db: Database) {
  return db.withAdmin(async (client) => {
    const list = async (query: string) => (await client.query<{ item: string }>(query)).map((r) => r.item);
    return {
      schemas: await list(`SELECT nspname AS item FROM pg_namespace n WHERE ${USER_SCHEMAS} AND nspname <> 'public' ORDER BY 1`),
      tables: await list(
        `SELECT n.nspname || '.' || c.relname AS item FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
         WHERE c.relkind IN ('r', 'p', 'v', 'm') AND ${USER_SCHEMAS} ORDER BY 1`,
      ),
      columns: await list(
        `SELECT n.nspname || '.' || c.relname || '.' || a.attname || ' ' || format_type(a.atttypid, a.atttypmod)
                || CASE WHEN a.attnotnull THEN ' not null' ELSE '' END AS item
         FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
         JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
         WHERE c.relkind IN ('r', 'p') AND ${USER_SCHEMAS} ORDER BY 1`,
      ),
      indexes: await list(`SELECT indexdef AS item FROM pg_indexes WHERE schemaname IN (SELECT nspname FROM pg_namespace n WHERE ${USER_SCHEMAS}) ORDER BY 1`),
      policies: await list(
        `SELECT schemaname || '.' || tablename || ' ' || policyname || ' ' || cmd || ' ' || roles::text || ' '
                || coalesce(qual, '') || ' | ' || coalesce(with_check, '') AS item
         FROM pg_policies ORDER BY 1`,
      ),
      functions: await list(
        `SELECT n.nspname || '.' || p.proname || '(' || pg_get_function_identity_arguments(p.oid) || ') owner '
                || pg_get_userbyid(p.proowner) AS item
         FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace WHERE ${USER_SCHEMAS} ORDER BY 1`,
      ),
      triggers: await list(
        `SELECT c.relname || ' ' || t.tgname AS item FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid
         JOIN pg_namespace n ON n.oid = c.relnamespace WHERE NOT t.tgisinternal AND ${USER_SCHEMAS} ORDER BY 1`,
      ),
    };
  });
}

describe('the migration files', () => {
  it('are numbered in order, each with its down migration', () => {
    const migrations = loadMigrations();
    expect(migrations.length).toBeGreaterThan(0);
    const versions = migrations.map((m) => m.version);
    expect(new Set(versions).size).toBe(versions.length);
    expect([...versions].sort((a, b) => a - b)).toEqual(versions);
    for (const m of migrations) {
      expect(m.name, `migration ${m.version}`).toMatch(/^[a-z0-9_]+$/);
      expect(m.up.trim().length, `${m.version} up`).toBeGreaterThan(0);
      expect(m.down.trim().length, `${m.version} down`).toBeGreaterThan(0);
      expect(m.checksum).toMatch(/^[0-9a-f]{64}$/);
    }
  });
});

describe.each(testDrivers)('migrations on a fresh %s database', (kind) => {
  let fresh: FreshDatabase | undefined;
  afterEach(async () => {
    await fresh?.drop();
    fresh = undefined;
  });

  it('go up, all the way down, and up again to the same schema; status and history report every step', { timeout: 180_000 }, async () => {
    fresh = await createFreshDatabase(kind);
    const { db } = fresh;
    const migrations = loadMigrations();
    const versions = migrations.map((m) => m.version);

    const pending = await migrationStatus(db);
    expect(pending.map((s) => [s.version, s.appliedAt, s.checksumMatches])).toEqual(versions.map((v) => [v, null, null]));

    expect((await migrateUp(db)).map((m) => m.version)).toEqual(versions);
    expect(await migrateUp(db), 'a second run has nothing to do').toEqual([]);
    const first = await fingerprint(db);
    expect(first.tables).toEqual(expect.arrayContaining(['app.users', 'app.projects', 'app.audit_log']));
    expect(first.policies.length).toBeGreaterThan(0);
    const applied = await migrationStatus(db);
    expect(applied.every((s) => s.appliedAt instanceof Date && s.checksumMatches === true)).toBe(true);

    expect((await migrateDown(db, versions.length)).map((m) => m.version)).toEqual([...versions].reverse());
    expect(await migrateDown(db, 1), 'nothing left to revert').toEqual([]);
    const empty = await fingerprint(db);
    expect(empty).toEqual({ schemas: [], tables: [], columns: [], indexes: [], policies: [], functions: [], triggers: [] });
    expect((await migrationStatus(db)).map((s) => s.appliedAt)).toEqual(versions.map(() => null));

    expect((await migrateUp(db)).map((m) => m.version)).toEqual(versions);
    expect(await fingerprint(db)).toEqual(first);

    const history = await migrationHistory(db);
    expect(history.map((e) => `${e.direction} ${e.version}`)).toEqual([
      ...versions.map((v) => `up ${v}`),
      ...[...versions].reverse().map((v) => `down ${v}`),
      ...versions.map((v) => `up ${v}`),
    ]);
    for (const event of history) {
      expect(event.at).toBeInstanceOf(Date);
      expect(event.durationMs).toBeGreaterThanOrEqual(0);
      expect(event.name).toBe(migrations.find((m) => m.version === event.version)!.name);
    }
  });

  it('step down one migration at a time, each down undoing exactly its up', { timeout: 180_000 }, async () => {
    fresh = await createFreshDatabase(kind);
    const { db } = fresh;
    const migrations = loadMigrations();
    const snapshots = [await fingerprint(db)];
    for (let i = 1; i <= migrations.length; i++) {
      await migrateUp(db, migrations.slice(0, i));
      snapshots.push(await fingerprint(db));
    }
    for (let i = migrations.length; i >= 1; i--) {
      expect((await migrateDown(db, 1)).map((m) => m.version)).toEqual([migrations[i - 1]!.version]);
      expect(await fingerprint(db), `after reverting ${migrations[i - 1]!.version}`).toEqual(snapshots[i - 1]);
    }
  });

  it('refuse to run when an applied migration has changed', async () => {
    fresh = await createFreshDatabase(kind);
    const { db } = fresh;
    const migrations = loadMigrations();
    await migrateUp(db);
    const first = migrations[0]!;
    const label = `${String(first.version).padStart(4, '0')}_${first.name}`;

    await db.withAdmin((client) =>
      client.query('UPDATE atelier_meta.schema_migrations SET checksum = $1 WHERE version = $2', ['0'.repeat(64), first.version]),
    );
    await expect(migrateUp(db)).rejects.toThrow(`Migration ${label} was changed after it was applied`);
    expect((await migrationStatus(db)).find((s) => s.version === first.version)?.checksumMatches).toBe(false);

    // The same when the file is edited rather than the record.
    await db.withAdmin((client) =>
      client.query('UPDATE atelier_meta.schema_migrations SET checksum = $1 WHERE version = $2', [first.checksum, first.version]),
    );
    await expect(migrateUp(db)).resolves.toEqual([]);
    const edited: Migration[] = migrations.map((m, i) =>
      i === 0 ? { ...m, up: `${m.up}\n-- edited`, checksum: crypto.createHash('sha256').update(`${m.up}\n-- edited`).digest('hex') } : m,
    );
    await expect(migrateUp(db, edited)).rejects.toThrow(/was changed after it was applied.*add a new migration instead/s);
  });

  it('apply each migration atomically: a failing one leaves no trace', async () => {
    fresh = await createFreshDatabase(kind);
    const { db } = fresh;
    const migrations = loadMigrations();
    await migrateUp(db);
    const before = await fingerprint(db);
    const broken: Migration = {
      version: 9999,
      name: 'broken',
      up: 'CREATE TABLE app.half_done (id int); SELECT 1/0;',
      down: 'DROP TABLE app.half_done;',
      checksum: 'f'.repeat(64),
    };
    await expect(migrateUp(db, [...migrations, broken])).rejects.toThrow(/division by zero/);
    expect(await fingerprint(db)).toEqual(before);
    expect((await migrationStatus(db, [...migrations, broken])).find((s) => s.version === 9999)?.appliedAt).toBeNull();
  });

  it.runIf(kind === 'postgres')('apply once when several servers start together', async () => {
    fresh = await createFreshDatabase(kind);
    const others = await Promise.all([fresh.open(), fresh.open(), fresh.open()]);
    const results = await Promise.all([fresh.db, ...others].map((db) => migrateUp(db)));
    const versions = loadMigrations().map((m) => m.version);
    expect(results.flat().map((m) => m.version).sort((a, b) => a - b)).toEqual(versions);
    const history = await migrationHistory(fresh.db);
    expect(history.map((e) => `${e.direction} ${e.version}`)).toEqual(versions.map((v) => `up ${v}`));
  });
});

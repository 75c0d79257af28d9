import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BackupError, restoreBackup, writeBackup } from '../src/core/db/backup.js';
import { openDatabase, type Database } from '../src/core/db/database.js';
import { loadMigrations, migrateUp, type Migration } from '../src/core/db/migrator.js';
import { withDatabase } from './support/global-setup.js';
import { TEST_TMP } from './support/paths.js';
import { createTestDatabase, type TestDatabase } from './support/test-db.js';

/**
 * Backup and restore through the functions the `atelier backup` and `atelier restore` commands call, on PGlite and,
 * when TEST_DATABASE_URL is set, across PGlite and the PostgreSQL server in both directions.
 */

const serverUrl = process.env.TEST_DATABASE_URL;
const workDir = path.join(TEST_TMP, `cli-backup-${process.pid}`);

// A later module's tables, in a schema of their own: nothing in backup.ts names them, and they exercise the types
// a JSON round trip could damage.
const EXTRA_UP = `
CREATE SCHEMA test_extra;
CREATE TABLE test_extra.samples (
  id       bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  amount   numeric(40, 12),
  big      bigint,
  ratio    double precision,
  payload  bytea,
  tags     text[],
  matrix   int[],
  span     interval,
  day      date,
  at       timestamp,
  doc      jsonb,
  raw      json,
  note     text,
  doubled  bigint GENERATED ALWAYS AS (big * 2) STORED
);
CREATE TABLE test_extra.events (id int, at date NOT NULL, what text, PRIMARY KEY (id, at)) PARTITION BY RANGE (at);
CREATE TABLE test_extra.events_2024 PARTITION OF test_extra.events FOR VALUES FROM ('2024-01-01') TO ('2025-01-01');
CREATE TABLE test_extra.events_2025 PARTITION OF test_extra.events FOR VALUES FROM ('2025-01-01') TO ('2026-01-01');
CREATE TABLE test_extra."Odd ""Name""" ("Key Col" text PRIMARY KEY, "select" int);
CREATE SEQUENCE test_extra.standalone_seq START 100;
`;
const EXTRA: Migration = {
  version: 9001,
  name: 'test_extra',
  up: EXTRA_UP,
  down: 'DROP SCHEMA test_extra CASCADE;',
  checksum: crypto.createHash('sha256').update(EXTRA_UP).digest('hex'),
};
const withExtra = (): Migration[] => [...loadMigrations(), EXTRA];

const TRICKY = `Zoë "quoted" \\backslash\\ tab\there\nnew line — ✓ 😀 \u2028 '`;

/** Users, organizations, members, projects, sessions, tokens, audit rows and login attempts, plus test_extra rows. */
async function seed(db: Database, users = 20): Promise<void> {
  await db.withAdmin(async (client) => {
    const org = crypto.randomUUID();
    const ids = Array.from({ length: users }, () => crypto.randomUUID());
    for (const [i, id] of ids.entries()) {
      await client.query(
        `INSERT INTO app.users (id, name, username, email, status, email_verified, subscription_tier, gdpr_consent_at)
         VALUES ($1, $2, $3, $4, 'active', true, $5, '2024-05-06 07:08:09.123456+02')`,
        [id, `${TRICKY} ${i}`, `user${i}`, `user${i}@example.test`, i % 3 === 0 ? 'pro' : 'free'],
      );
    }
    await client.query(`INSERT INTO app.organizations (id, name, slug, owner_id, settings) VALUES ($1, $2, 'shared', $3, $4)`, [
      org,
      TRICKY,
      ids[0],
      JSON.stringify({ nested: { list: [1, 2.5, 'x'], flag: true }, huge: 1 }),
    ]);
    for (const [i, id] of ids.entries()) {
      await client.query(
        `INSERT INTO app.organization_members (id, organization_id, user_id, role) VALUES ($1, $2, $3, $4)`,
        [crypto.randomUUID(), org, id, i === 0 ? 'owner' : 'editor'],
      );
      await client.query(
        `INSERT INTO app.projects (id, organization_id, owner_id, name, key, description, settings, start_date, end_date)
         VALUES ($1, $2, $3, $4, $5, $6, $7::jsonb, '2024-02-29', '2024-12-31')`,
        [crypto.randomUUID(), org, id, `Project ${i}`, `P${i}`, TRICKY, '{"precise": 12345678901234567890.123456789}'],
      );
      const session = crypto.randomUUID();
      await client.query(
        `INSERT INTO app.user_sessions (id, user_id, access_token_hash, access_expires_at, expires_at)
         VALUES ($1, $2, $3, now() + interval '1 hour', now() + interval '1 day')`,
        [session, id, crypto.randomBytes(32).toString('hex')],
      );
      await client.query(
        `INSERT INTO app.tokens (id, user_id, session_id, token_hash, expiry_date) VALUES ($1, $2, $3, $4, now() + interval '1 day')`,
        [crypto.randomUUID(), id, session, crypto.randomBytes(32).toString('hex')],
      );
      await client.query(
        `INSERT INTO app.audit_log (organization_id, user_id, action, resource_type, resource_id, details)
         VALUES ($1, $2, 'project.create', 'project', $3, $4)`,
        [org, id, String(i), JSON.stringify({ note: TRICKY, n: i })],
      );
      await client.query(`INSERT INTO app.login_attempts (email, ip_address, succeeded) VALUES ($1, '10.0.0.1', $2)`, [
        `user${i}@example.test`,
        i % 2 === 0,
      ]);
    }
    const extra = await client.query<{ present: boolean }>(`SELECT to_regclass('test_extra.samples') IS NOT NULL AS present`);
    if (!extra[0]?.present) return;
    await client.exec(`
      INSERT INTO test_extra.samples (amount, big, ratio, payload, tags, matrix, span, day, at, doc, raw, note) VALUES
        (1234567890123456789012345678.012345678901, 9007199254740993, 0.1, '\\x00ff10', '{a,"b c",NULL,"{}"}',
         '{{1,2},{3,4}}', '1 year 2 mons 3 days 04:05:06.789', '2024-02-29', '2024-01-01 12:34:56.123456',
         '{"n": 123456789012345678901234567890, "s": "x\\"y", "a": [null, true]}', '{"b": 1, "a": 2, "b": 3}',
         E'${TRICKY.replace(/\\/g, '\\\\').replace(/'/g, "\\'").replace(/\n/g, '\\n').replace(/\t/g, '\\t')}'),
        (-0.000000000001, -4611686018427387903, 'NaN', '', '{}', NULL, '-1 day', '0001-01-01', '294276-12-31 23:59:59',
         'null', '[]', ''),
        (0, 0, '-Infinity', NULL, NULL, '{}', '0', NULL, NULL, '"just a string"', '"s"', NULL);
      INSERT INTO test_extra.events VALUES (1, '2024-03-01', 'in 2024'), (2, '2025-03-01', 'in 2025');
      INSERT INTO test_extra."Odd ""Name""" VALUES ('k''1', 1), ('k"2', NULL);
      SELECT nextval('test_extra.standalone_seq'), nextval('test_extra.standalone_seq');
    `);
  });
}

/** Every row of every application table as canonical JSON text, sorted: equal dumps mean equal databases. */
async function dump(db: Database): Promise<Record<string, string[]>> {
  return db.withAdmin(async (client) => {
    await client.exec(
      `SET LOCAL TimeZone = 'UTC'; SET LOCAL IntervalStyle = 'postgres'; SET LOCAL extra_float_digits = 1; SET LOCAL row_security = off`,
    );
    const tables = await client.query<{ name: string }>(
      `SELECT quote_ident(schemaname) || '.' || quote_ident(tablename) AS name FROM pg_tables
        WHERE schemaname NOT IN ('pg_catalog', 'information_schema', 'atelier_meta') ORDER BY 1`,
    );
    const result: Record<string, string[]> = {};
    for (const { name } of tables) {
      const rows = await client.query<{ row: string }>(`SELECT row_to_json(t)::text AS row FROM ONLY ${name} t`);
      result[name] = rows.map((r) => r.row).sort();
    }
    return result;
  });
}

async function sequences(db: Database): Promise<Record<string, string>> {
  return db.withAdmin(async (client) => {
    const rows = await client.query<{ name: string }>(
      `SELECT schemaname || '.' || sequencename AS name FROM pg_sequences WHERE schemaname <> 'atelier_meta' ORDER BY 1`,
    );
    const result: Record<string, string> = {};
    for (const { name } of rows) {
      const [state] = await client.query<{ v: string }>(`SELECT last_value::text || '/' || is_called AS v FROM ${name}`);
      result[name] = state?.v ?? '';
    }
    return result;
  });
}

type Target = { db: Database; drop(): Promise<void> };

/** A database with nothing in it, not even migrations: a new data directory or a new server database. */
async function emptyDatabase(kind: 'pglite' | 'postgres'): Promise<Target> {
  if (kind === 'pglite') {
    const db = await openDatabase({ kind: 'pglite', pglite: await PGlite.create() });
    return { db, drop: () => db.close() };
  }
  if (!serverUrl) throw new Error('TEST_DATABASE_URL is not set');
  const name = `atelier_clitest_${crypto.randomBytes(5).toString('hex')}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const db = await openDatabase({ kind: 'postgres', url: withDatabase(serverUrl, name), poolSize: 2 });
  return {
    db,
    async drop() {
      await db.close();
      const cleanup = new pg.Client({ connectionString: serverUrl });
      await cleanup.connect();
      await cleanup.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await cleanup.end();
    },
  };
}

async function expectBackupError(promise: Promise<unknown>, code: string, message: RegExp): Promise<void> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error, 'the restore should have failed').toBeInstanceOf(BackupError);
  expect((error as BackupError).code).toBe(code);
  expect((error as BackupError).message).toMatch(message);
}

function file(name: string): string {
  return path.join(workDir, name);
}

beforeAll(() => {
  fs.mkdirSync(workDir, { recursive: true });
});
afterAll(() => {
  fs.rmSync(workDir, { recursive: true, force: true });
});

const crossings: Array<['pglite' | 'postgres', 'pglite' | 'postgres']> = serverUrl
  ? [
      ['pglite', 'pglite'],
      ['pglite', 'postgres'],
      ['postgres', 'pglite'],
      ['postgres', 'postgres'],
    ]
  : [['pglite', 'pglite']];

describe.each(crossings)('backup from %s, restore into a new %s database', (from, to) => {
  let source: TestDatabase;
  let target: Target;
  let before: Record<string, string[]>;
  const backupFile = file(`${from}-to-${to}.atelier.gz`);

  beforeAll(async () => {
    source = await createTestDatabase(from);
    await migrateUp(source.db, withExtra());
    await seed(source.db);
    before = await dump(source.db);
    target = await emptyDatabase(to);
  });
  afterAll(async () => {
    await source?.drop();
    await target?.drop();
  });

  it('writes a gzipped NDJSON backup with a header, every table and an end marker', async () => {
    const progress: string[] = [];
    const summary = await writeBackup(source.db, backupFile, {
      onProgress: (p) => p.done && progress.push(`${p.table}:${p.rows}`),
    });
    const lines = gunzipSync(fs.readFileSync(backupFile)).toString('utf8').trimEnd().split('\n');
    const header = JSON.parse(lines[0] ?? '{}');
    expect(header).toMatchObject({ type: 'header', format: 'atelier-backup', version: 1, source: { kind: from } });
    expect(header.migrations.map((m: { version: number }) => m.version)).toEqual(withExtra().map((m) => m.version));
    expect(header.tables).toEqual(
      expect.arrayContaining(['app.users', 'app.audit_log', 'test_extra.samples', 'test_extra.events', 'test_extra."Odd ""Name"""']),
    );
    expect(header.tables).not.toContain('test_extra.events_2024'); // partitions travel with their parent
    expect(JSON.parse(lines.at(-1) ?? '{}')).toEqual({ type: 'end', tables: header.tables.length, rows: summary.rows });
    expect(progress).toContain('app.users:20');
    expect(progress).toContain('test_extra.events:2');
    expect(summary.bytes).toBe(fs.statSync(backupFile).size);
    // Generated columns are not stored: they are computed again on restore.
    const usersTable = lines.map((l) => JSON.parse(l)).find((l) => l.type === 'table' && l.table === 'app.users');
    expect(usersTable.columns.map((c: { name: string }) => c.name)).not.toContain('is_pro');
  });

  it('restores every row, value for value, and the sequences', async () => {
    const migrated: number[] = [];
    const summary = await restoreBackup(target.db, backupFile, {
      migrations: withExtra(),
      onMigrated: (m) => migrated.push(m.version),
    });
    expect(migrated).toEqual(withExtra().map((m) => m.version)); // the empty target got its schema first
    expect(summary.rows).toBeGreaterThan(100);
    expect(await dump(target.db)).toEqual(before);
    expect(await sequences(target.db)).toEqual(await sequences(source.db));

    const isPro = await target.db.withAdmin((c) =>
      c.query<{ n: number }>(`SELECT count(*)::int AS n FROM app.users WHERE is_pro`),
    );
    expect(isPro[0]?.n).toBe(7);
    // The next generated ids follow the restored ones.
    const next = await target.db.withAdmin(async (c) => {
      const [inserted] = await c.query<{ id: number }>(
        `INSERT INTO app.audit_log (action, resource_type) VALUES ('test', 'test') RETURNING id`,
      );
      const [max] = await c.query<{ max: number }>(`SELECT max(id)::int AS max FROM app.audit_log WHERE action <> 'test'`);
      return { id: inserted?.id ?? 0, max: max?.max ?? 0 };
    });
    expect(next.id).toBeGreaterThan(next.max);
  });
});

describe('restore safety (PGlite)', () => {
  let source: TestDatabase;
  let target: TestDatabase;
  let targetBefore: Record<string, string[]>;
  const backupFile = file('safety.atelier.gz');

  beforeAll(async () => {
    source = await createTestDatabase('pglite');
    await seed(source.db, 30);
    await writeBackup(source.db, backupFile);
    target = await createTestDatabase('pglite');
    await seed(target.db, 3);
    targetBefore = await dump(target.db);
  });
  afterAll(async () => {
    await source?.drop();
    await target?.drop();
  });

  it('refuses a target that holds data unless forced', async () => {
    await expectBackupError(restoreBackup(target.db, backupFile), 'TARGET_NOT_EMPTY', /already holds data.*--force/s);
    expect(await dump(target.db)).toEqual(targetBefore);
  });

  it('leaves the target untouched when the file is truncated', async () => {
    const whole = fs.readFileSync(backupFile);
    const truncated = file('truncated.atelier.gz');
    fs.writeFileSync(truncated, whole.subarray(0, Math.floor(whole.length * 0.6)));
    await expectBackupError(restoreBackup(target.db, truncated, { force: true }), 'CORRUPT', /truncated or corrupted/);
    expect(await dump(target.db)).toEqual(targetBefore);
  });

  it('leaves the target untouched when the file is cut at a line boundary', async () => {
    const lines = gunzipSync(fs.readFileSync(backupFile)).toString('utf8').split('\n');
    const cut = file('cut.atelier.gz');
    fs.writeFileSync(cut, gzipSync(lines.slice(0, Math.floor(lines.length / 2)).join('\n')));
    await expectBackupError(restoreBackup(target.db, cut, { force: true }), 'CORRUPT', /ends before its end marker/);
    expect(await dump(target.db)).toEqual(targetBefore);
  });

  it('leaves the target untouched when bytes are damaged', async () => {
    const damaged = Buffer.from(fs.readFileSync(backupFile));
    for (let i = Math.floor(damaged.length / 2); i < damaged.length / 2 + 64; i++) damaged[i] = (damaged[i] ?? 0) ^ 0x5a;
    const damagedFile = file('damaged.atelier.gz');
    fs.writeFileSync(damagedFile, damaged);
    await expectBackupError(restoreBackup(target.db, damagedFile, { force: true }), 'CORRUPT', /corrupted/);
    expect(await dump(target.db)).toEqual(targetBefore);
  });

  it('calls a file corrupt when its damage first reaches the database as a bad row', async () => {
    // Damaged gzip data can inflate into rows before zlib notices at the checksum: here a row the database refuses,
    // in a file whose gzip checksum is wrong.
    const text = gunzipSync(fs.readFileSync(backupFile)).toString('utf8');
    const zipped = Buffer.from(gzipSync(text.replace(/"key":"P7"/, '"key":"not a valid key"')));
    zipped[zipped.length - 8] = (zipped[zipped.length - 8] ?? 0) ^ 0xff; // the CRC32 of the gzip trailer
    const damagedFile = file('damaged-row.atelier.gz');
    fs.writeFileSync(damagedFile, zipped);
    await expectBackupError(restoreBackup(target.db, damagedFile, { force: true }), 'CORRUPT', /corrupted/);
    expect(await dump(target.db)).toEqual(targetBefore);
  });

  it('leaves the target untouched when a row is invalid', async () => {
    const text = gunzipSync(fs.readFileSync(backupFile)).toString('utf8');
    const broken = text.replace(/"key":"P7"/, '"key":"not a valid key"'); // fails the CHECK constraint
    expect(broken).not.toBe(text);
    const brokenFile = file('invalid-row.atelier.gz');
    fs.writeFileSync(brokenFile, gzipSync(broken));
    await expect(restoreBackup(target.db, brokenFile, { force: true })).rejects.toThrow(/projects_key_check/);
    expect(await dump(target.db)).toEqual(targetBefore);
  });

  it('notices rows missing from a table section', async () => {
    const lines = gunzipSync(fs.readFileSync(backupFile)).toString('utf8').trimEnd().split('\n');
    const edited = lines.map((line) => {
      const value = JSON.parse(line);
      if (value.type === 'rows' && value.table === 'app.projects') value.rows.pop();
      return JSON.stringify(value);
    });
    const editedFile = file('missing-row.atelier.gz');
    fs.writeFileSync(editedFile, gzipSync(edited.join('\n')));
    await expectBackupError(
      restoreBackup(target.db, editedFile, { force: true }),
      'CORRUPT',
      /app\.projects should have 30 rows but the file holds 29/,
    );
    expect(await dump(target.db)).toEqual(targetBefore);
  });

  it('says so when a file is not a backup', async () => {
    const notBackup = file('notes.txt');
    fs.writeFileSync(notBackup, 'hello\nworld\n');
    await expectBackupError(restoreBackup(target.db, notBackup, { force: true }), 'NOT_A_BACKUP', /is not an Atelier backup/);
    fs.writeFileSync(notBackup, '');
    await expectBackupError(restoreBackup(target.db, notBackup, { force: true }), 'NOT_A_BACKUP', /is empty/);
    await expectBackupError(restoreBackup(target.db, file('missing.gz')), 'FILE', /does not exist/);
    expect(await dump(target.db)).toEqual(targetBefore);
  });

  it('refuses a backup whose migrations differ from the target', async () => {
    const lines = gunzipSync(fs.readFileSync(backupFile)).toString('utf8').split('\n');
    const header = JSON.parse(lines[0] ?? '{}');
    header.migrations[0].checksum = 'f'.repeat(64);
    const otherBuild = file('other-build.atelier.gz');
    fs.writeFileSync(otherBuild, gzipSync([JSON.stringify(header), ...lines.slice(1)].join('\n')));
    await expectBackupError(
      restoreBackup(target.db, otherBuild, { force: true }),
      'MIGRATIONS_MISMATCH',
      /Migration 0001_platform differs between the backup and this Atelier/,
    );

    header.migrations = [...JSON.parse(lines[0] ?? '{}').migrations, { version: 9999, name: 'future', checksum: 'abc' }];
    const future = file('future.atelier.gz');
    fs.writeFileSync(future, gzipSync([JSON.stringify(header), ...lines.slice(1)].join('\n')));
    await expectBackupError(
      restoreBackup(target.db, future, { force: true }),
      'MIGRATIONS_MISMATCH',
      /made at migration 9999_future, which this version of Atelier .* does not have/,
    );
    expect(await dump(target.db)).toEqual(targetBefore);
  });

  it('refuses a target with migrations newer than the backup', async () => {
    const newer = await createTestDatabase('pglite');
    try {
      await migrateUp(newer.db, withExtra());
      await expectBackupError(
        restoreBackup(newer.db, backupFile, { migrations: withExtra() }),
        'MIGRATIONS_MISMATCH',
        /target database has migration 9001_test_extra, which the backup does not have/,
      );
    } finally {
      await newer.drop();
    }
  });

  it('refuses a backup with tables the target does not have', async () => {
    const lines = gunzipSync(fs.readFileSync(backupFile)).toString('utf8').split('\n');
    const header = JSON.parse(lines[0] ?? '{}');
    header.tables.push('public.not_from_atelier');
    const extraTable = file('extra-table.atelier.gz');
    fs.writeFileSync(extraTable, gzipSync([JSON.stringify(header), ...lines.slice(1)].join('\n')));
    await expectBackupError(
      restoreBackup(target.db, extraTable, { force: true }),
      'SCHEMA_MISMATCH',
      /tables the target database does not have: public\.not_from_atelier/,
    );
    expect(await dump(target.db)).toEqual(targetBefore);
  });

  it('with --force, replaces everything, the append-only audit log included, and nothing else', async () => {
    await target.db.withAdmin((c) => c.exec(`CREATE TABLE public.other_app (v text); INSERT INTO public.other_app VALUES ('kept')`));
    const emptied: string[] = [];
    await restoreBackup(target.db, backupFile, { force: true, onEmptied: (t) => emptied.push(...t) });
    expect(emptied).toEqual(expect.arrayContaining(['app.audit_log', 'app.users']));
    expect(emptied).not.toContain('public.other_app');
    const other = await target.db.withAdmin(async (c) => {
      const rows = await c.query<{ v: string }>('SELECT v FROM public.other_app');
      await c.exec('DROP TABLE public.other_app');
      return rows;
    });
    expect(other).toEqual([{ v: 'kept' }]);
    expect(await dump(target.db)).toEqual(await dump(source.db));
    // The trigger is back in force once the restore is over.
    await expect(target.db.withAdmin((c) => c.exec('DELETE FROM app.audit_log'))).rejects.toThrow(/append-only/);
  });
});

describe.runIf(serverUrl)('a PostgreSQL role without the rights to back up or restore', () => {
  const suffix = crypto.randomBytes(5).toString('hex');
  const role = `atelier_clitest_owner_${suffix}`;
  const database = `atelier_clitest_owned_${suffix}`;
  let db: Database;

  async function asPostgres(sql: string[]): Promise<void> {
    const admin = new pg.Client({ connectionString: serverUrl });
    await admin.connect();
    try {
      for (const statement of sql) await admin.query(statement);
    } finally {
      await admin.end();
    }
  }

  beforeAll(async () => {
    // The set-up the README allows: a non-superuser owner of the database, member of the two roles made for it.
    await asPostgres([
      `CREATE ROLE ${role} LOGIN`,
      `GRANT atelier_app, atelier_system TO ${role}`,
      `CREATE DATABASE ${database} OWNER ${role}`,
    ]);
    const url = new URL(withDatabase(serverUrl ?? '', database));
    url.username = role;
    url.password = '';
    db = await openDatabase({ kind: 'postgres', url: url.toString(), poolSize: 1 });
    await migrateUp(db);
    // Rows are written by a superuser: under FORCE ROW LEVEL SECURITY the owner itself may not write them.
    const superuser = await openDatabase({ kind: 'postgres', url: withDatabase(serverUrl ?? '', database), poolSize: 1 });
    try {
      await seed(superuser, 2);
    } finally {
      await superuser.close();
    }
  });
  afterAll(async () => {
    await db?.close();
    await asPostgres([
      `DROP DATABASE IF EXISTS ${database} WITH (FORCE)`,
      `REVOKE SET ON PARAMETER session_replication_role FROM ${role}`,
      `DROP ROLE IF EXISTS ${role}`,
    ]);
  });

  it('says that row level security hides rows from it, and leaves no partial file', async () => {
    const target = file('owner.atelier.gz');
    await expectBackupError(writeBackup(db, target), 'PERMISSION', /is subject to row level security.*BYPASSRLS/s);
    expect(fs.readdirSync(workDir).filter((f) => f.includes('owner.atelier.gz'))).toEqual([]);
  });

  it('says which right a restore needs', async () => {
    const source = await createTestDatabase('pglite');
    try {
      await writeBackup(source.db, file('for-owner.atelier.gz'));
    } finally {
      await source.drop();
    }
    await expectBackupError(
      restoreBackup(db, file('for-owner.atelier.gz'), { force: true }),
      'PERMISSION',
      new RegExp(`GRANT SET ON PARAMETER session_replication_role TO "${role}"; ALTER ROLE "${role}" BYPASSRLS;`),
    );
  });

  it('backs up and restores once given the rights the messages name', async () => {
    await asPostgres([`GRANT SET ON PARAMETER session_replication_role TO ${role}`, `ALTER ROLE ${role} BYPASSRLS`]);
    const summary = await restoreBackup(db, file('for-owner.atelier.gz'), { force: true });
    expect(summary.emptied).toContain('app.users');
    const backup = await writeBackup(db, file('owner.atelier.gz'));
    expect(backup.rows).toBe(summary.rows);
  });
});

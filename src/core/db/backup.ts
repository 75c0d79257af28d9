import fs from 'node:fs';
import path from 'node:path';
import { Readable, Transform, Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { StringDecoder } from 'node:string_decoder';
import { fileURLToPath } from 'node:url';
import { createGunzip, createGzip } from 'node:zlib';
import type { Database, DatabaseKind, SqlClient } from './database.js';
import { loadMigrations, migrateUp, type Migration } from './migrator.js';

/**
 * Logical backups that move between PGlite and a PostgreSQL server in either direction.
 *
 * A backup is gzipped NDJSON, one JSON object per line:
 *   {"type":"header","format":"atelier-backup","version":1,"createdAt":…,"atelierVersion":…,
 *    "source":{"kind":"pglite","serverVersion":…},"migrations":[{"version","name","checksum"}],"tables":[…]}
 *   {"type":"table","table":"app.users","columns":[{"name":"id","type":"uuid"},…]}
 *   {"type":"rows","table":"app.users","rows":[{…row as PostgreSQL's row_to_json…},…]}   (one line per page)
 *   {"type":"table-end","table":"app.users","rows":1234}
 *   {"type":"sequence","sequence":"app.audit_log_id_seq","lastValue":"42","isCalled":true}
 *   {"type":"end","tables":7,"rows":5678}
 *
 * Tables are discovered from the catalog (every schema but the system ones and atelier_meta; partitions through their
 * parent; extension-owned tables left to their extension), so tables added by later migrations are included without
 * change here. Rows are serialized and parsed by PostgreSQL itself (row_to_json / json_populate_recordset), never by
 * JavaScript, so bigint and numeric values keep every digit. Generated columns are left out and recomputed on restore.
 *
 * A restore needs the same migration history as the backup (the target is migrated up to the backup's level first),
 * loads everything in one transaction (a failed restore changes nothing) with session_replication_role = replica, so
 * foreign keys load in any order and the audit log's append-only triggers stay out of the way, then sets sequences.
 * It touches only the tables named in the backup's header.
 */

export const BACKUP_FORMAT = 'atelier-backup';
export const BACKUP_FORMAT_VERSION = 1;

export type BackupMigration = { version: number; name: string; checksum: string };

export type BackupHeader = {
  type: 'header';
  format: typeof BACKUP_FORMAT;
  version: number;
  createdAt: string;
  atelierVersion: string;
  source: { kind: DatabaseKind; serverVersion: string };
  migrations: BackupMigration[];
  tables: string[];
};

type ColumnInfo = { name: string; type: string };
type TableLine = { type: 'table'; table: string; columns: ColumnInfo[] };
type RowsLine = { type: 'rows'; table: string; rows: unknown[] };
type TableEndLine = { type: 'table-end'; table: string; rows: number };
type SequenceLine = { type: 'sequence'; sequence: string; lastValue: string; isCalled: boolean };
type EndLine = { type: 'end'; tables: number; rows: number };

export type BackupErrorCode =
  | 'FILE'
  | 'NO_SCHEMA'
  | 'NOT_A_BACKUP'
  | 'UNSUPPORTED_VERSION'
  | 'CORRUPT'
  | 'MIGRATIONS_MISMATCH'
  | 'SCHEMA_MISMATCH'
  | 'TARGET_NOT_EMPTY'
  | 'PERMISSION'
  | 'INTERRUPTED';

/** A failure with a message meant for the person running the command. */
export class BackupError extends Error {
  constructor(
    readonly code: BackupErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'BackupError';
  }
}

/** Reported after each page of rows and once more when a table is complete. */
export type TableProgress = { table: string; rows: number; done: boolean };

export type BackupOptions = { onProgress?: (progress: TableProgress) => void; signal?: AbortSignal };
export type BackupSummary = {
  header: BackupHeader;
  tables: Array<{ table: string; rows: number }>;
  rows: number;
  bytes: number;
  durationMs: number;
};

export type RestoreOptions = {
  /** Empty the target's tables first instead of refusing a target that holds rows. */
  force?: boolean;
  onProgress?: (progress: TableProgress) => void;
  signal?: AbortSignal;
  /** The migration files of this build; tests pass their own. */
  migrations?: Migration[];
  /** Called once the header has been read and checked, before anything changes. */
  onHeader?: (header: BackupHeader) => void;
  /** Called for each migration applied to bring the target to the backup's level. */
  onMigrated?: (migration: Migration) => void;
  /** Called (with force) with the tables that held data, before they are emptied in the restore's transaction. */
  onEmptied?: (tables: string[]) => void;
};
export type RestoreSummary = {
  header: BackupHeader;
  /** Migrations applied to the target to bring it to the backup's level before loading. */
  migrated: Migration[];
  /** Tables that held rows and were emptied (only with force). */
  emptied: string[];
  tables: Array<{ table: string; rows: number }>;
  rows: number;
  durationMs: number;
};

const PAGE_ROWS = 1000;
const PAGE_BYTES = 4 * 1024 * 1024;
const MAX_LINE_CHARS = 256 * 1024 * 1024;
const CURSOR = 'atelier_backup_cursor';
const EXCLUDED_SCHEMAS = ['pg_catalog', 'information_schema', 'atelier_meta'];

const PACKAGE_VERSION = readPackageVersion();

function readPackageVersion(): string {
  try {
    const file = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../package.json');
    return (JSON.parse(fs.readFileSync(file, 'utf8')) as { version?: string }).version ?? 'unknown';
  } catch {
    return 'unknown';
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Catalog
// ---------------------------------------------------------------------------------------------------------------

type CatalogTable = {
  /** Schema-qualified, quoted where needed (quote_ident): usable in SQL as is, and the name written to backups. */
  name: string;
  kind: 'r' | 'p';
  /**
   * Migrations put rows in it (its comment starts with "Seeded by migrations"): a freshly migrated database already
   * holds them, so they do not make the target "not empty", and a restore replaces them with the backup's.
   */
  seeded: boolean;
  columns: ColumnInfo[];
  primaryKey: string[];
};

type CatalogSequence = { name: string; ownedBy: { table: string; column: string } | null };

const SCHEMA_FILTER = `
  n.nspname <> ALL ($1::text[]) AND n.nspname NOT LIKE 'pg\\_%'
  AND NOT EXISTS (SELECT 1 FROM pg_depend e
                  WHERE e.classid = 'pg_class'::regclass AND e.objid = c.oid AND e.deptype = 'e')`;

async function listTables(client: SqlClient): Promise<CatalogTable[]> {
  const rows = await client.query<{ name: string; kind: 'r' | 'p'; seeded: boolean; columns: ColumnInfo[]; primary_key: string[] }>(
    `SELECT quote_ident(n.nspname) || '.' || quote_ident(c.relname) AS name, c.relkind AS kind,
       coalesce(obj_description(c.oid, 'pg_class'), '') LIKE 'Seeded by migrations%' AS seeded,
       (SELECT coalesce(json_agg(json_build_object('name', a.attname, 'type', format_type(a.atttypid, a.atttypmod))
                                 ORDER BY a.attnum), '[]')
          FROM pg_attribute a
         WHERE a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped AND a.attgenerated = '') AS columns,
       (SELECT coalesce(json_agg(a.attname ORDER BY k.ord), '[]')
          FROM pg_index i
         CROSS JOIN LATERAL unnest(i.indkey::int2[]) WITH ORDINALITY AS k(attnum, ord)
          JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum = k.attnum
         WHERE i.indrelid = c.oid AND i.indisprimary) AS primary_key
     FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
     WHERE c.relkind IN ('r', 'p') AND NOT c.relispartition AND ${SCHEMA_FILTER}
     ORDER BY n.nspname, c.relname`,
    [EXCLUDED_SCHEMAS],
  );
  return rows.map((r) => ({ name: r.name, kind: r.kind, seeded: r.seeded, columns: r.columns, primaryKey: r.primary_key }));
}

async function listSequences(client: SqlClient): Promise<CatalogSequence[]> {
  const rows = await client.query<{ name: string; owned_by: { table: string; column: string } | null }>(
    `SELECT quote_ident(n.nspname) || '.' || quote_ident(c.relname) AS name,
       (SELECT json_build_object('table', quote_ident(tn.nspname) || '.' || quote_ident(t.relname), 'column', a.attname)
          FROM pg_depend d
          JOIN pg_class t ON t.oid = d.refobjid
          JOIN pg_namespace tn ON tn.oid = t.relnamespace
          JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = d.refobjsubid
         WHERE d.classid = 'pg_class'::regclass AND d.objid = c.oid AND d.refclassid = 'pg_class'::regclass
           AND d.deptype IN ('a', 'i')
         LIMIT 1) AS owned_by
     FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
     WHERE c.relkind = 'S' AND ${SCHEMA_FILTER}
     ORDER BY n.nspname, c.relname`,
    [EXCLUDED_SCHEMAS],
  );
  return rows.map((r) => ({ name: r.name, ownedBy: r.owned_by }));
}

async function readAppliedMigrations(client: SqlClient): Promise<BackupMigration[] | null> {
  const [meta] = await client.query<{ present: boolean }>(
    `SELECT to_regclass('atelier_meta.schema_migrations') IS NOT NULL AS present`,
  );
  if (!meta?.present) return null;
  return client.query<BackupMigration>(
    'SELECT version, name, checksum FROM atelier_meta.schema_migrations ORDER BY version',
  );
}

export function quoteIdent(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

function migrationLabel(m: { version: number; name: string }): string {
  return `${String(m.version).padStart(4, '0')}_${m.name}`;
}

/** Session settings that make row_to_json output the same on every server and readable by every other. */
async function useCanonicalFormats(client: SqlClient): Promise<void> {
  await client.exec(
    `SET LOCAL TimeZone = 'UTC'; SET LOCAL DateStyle = 'ISO, YMD'; SET LOCAL IntervalStyle = 'iso_8601';
     SET LOCAL extra_float_digits = 1; SET LOCAL bytea_output = 'hex'`,
  );
}

function errorCode(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : undefined;
}

function rowSecurityError(error: unknown, role: string): BackupError | undefined {
  if (errorCode(error) === '42501' && /row-level security/i.test((error as Error).message)) {
    return new BackupError(
      'PERMISSION',
      `The database role "${role}" is subject to row level security, so it cannot see every row. ` +
        'Run backup and restore as the owner role with superuser or BYPASSRLS rights ' +
        `(e.g. ALTER ROLE ${quoteIdent(role)} BYPASSRLS).`,
      { cause: error },
    );
  }
  return undefined;
}

function throwIfAborted(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw new BackupError('INTERRUPTED', 'Interrupted; nothing was changed.');
}

// ---------------------------------------------------------------------------------------------------------------
// Backup
// ---------------------------------------------------------------------------------------------------------------

/**
 * Writes a backup of db to `destination` (a file path, written to a temporary name and renamed when complete, or a
 * stream such as stdout, which is left open). Reads one consistent snapshot.
 */
export async function writeBackup(
  db: Database,
  destination: string | Writable,
  options: BackupOptions = {},
): Promise<BackupSummary> {
  const started = performance.now();
  const temporary = typeof destination === 'string' ? temporaryPathFor(destination) : undefined;
  if (temporary && typeof destination === 'string' && !fs.existsSync(path.dirname(temporary))) {
    throw new BackupError('FILE', `Cannot write ${destination}: the directory ${path.dirname(temporary)} does not exist.`);
  }
  let bytes = 0;
  const counter = new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      bytes += chunk.length;
      callback(null, chunk);
    },
  });
  // Opened synchronously, so a failure below can remove the partial file without racing its creation.
  const output = temporary
    ? fs.createWriteStream(temporary, { fd: fs.openSync(temporary, 'wx') })
    : keepOpen(destination as Writable);
  try {
    const result = await db.withAdmin(async (client) => {
      // One snapshot for every table. PGlite is one session: nothing else runs while this transaction does.
      if (db.kind === 'postgres') await client.exec('SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY');
      const [{ role = 'unknown', server_version: serverVersion = 'unknown' } = {}] = await client.query<{
        role: string;
        server_version: string;
      }>(`SELECT current_user AS role, current_setting('server_version') AS server_version`);
      // Fails loudly, instead of silently skipping rows, when the role is subject to row level security.
      await client.exec('SET LOCAL row_security = off');
      await useCanonicalFormats(client);
      const migrations = await readAppliedMigrations(client);
      if (!migrations?.length) {
        throw new BackupError('NO_SCHEMA', 'The database has no Atelier migrations applied: there is nothing to back up.');
      }
      const tables = await listTables(client);
      const sequences = await listSequences(client);
      const header: BackupHeader = {
        type: 'header',
        format: BACKUP_FORMAT,
        version: BACKUP_FORMAT_VERSION,
        createdAt: new Date().toISOString(),
        atelierVersion: PACKAGE_VERSION,
        source: { kind: db.kind, serverVersion: `PostgreSQL ${serverVersion}` },
        migrations: migrations.map((m) => ({ version: m.version, name: m.name, checksum: m.checksum })),
        tables: tables.map((t) => t.name),
      };
      const counts: Array<{ table: string; rows: number }> = [];
      try {
        await pipeline(
          Readable.from(backupLines(client, header, tables, sequences, counts, options)),
          createGzip(),
          counter,
          output,
        );
      } catch (error) {
        throw rowSecurityError(error, role) ?? error;
      }
      return { header, counts };
    });
    if (temporary) {
      // On disk before it is called complete, and under its name only once whole.
      const fd = fs.openSync(temporary, 'r+');
      try {
        fs.fsyncSync(fd);
      } finally {
        fs.closeSync(fd);
      }
      fs.renameSync(temporary, destination as string);
    }
    const rows = result.counts.reduce((sum, t) => sum + t.rows, 0);
    return { header: result.header, tables: result.counts, rows, bytes, durationMs: performance.now() - started };
  } catch (error) {
    output.destroy();
    if (temporary) fs.rmSync(temporary, { force: true });
    throw error;
  }
}

async function* backupLines(
  client: SqlClient,
  header: BackupHeader,
  tables: CatalogTable[],
  sequences: CatalogSequence[],
  counts: Array<{ table: string; rows: number }>,
  options: BackupOptions,
): AsyncGenerator<string> {
  yield `${JSON.stringify(header)}\n`;
  let total = 0;
  for (const table of tables) {
    throwIfAborted(options.signal);
    yield `${JSON.stringify({ type: 'table', table: table.name, columns: table.columns } satisfies TableLine)}\n`;
    const columns = table.columns.map((c) => quoteIdent(c.name)).join(', ');
    const order = table.primaryKey.length ? ` ORDER BY ${table.primaryKey.map(quoteIdent).join(', ')}` : '';
    // ONLY: rows of inheritance children are backed up with the child (partitions are read through the parent).
    const from = table.kind === 'p' ? table.name : `ONLY ${table.name}`;
    await client.exec(
      `DECLARE ${CURSOR} NO SCROLL CURSOR FOR SELECT row_to_json(r)::text AS line FROM (SELECT ${columns} FROM ${from}${order}) r`,
    );
    const prefix = `{"type":"rows","table":${JSON.stringify(table.name)},"rows":[`;
    let rows = 0;
    let fetchSize = PAGE_ROWS;
    for (;;) {
      throwIfAborted(options.signal);
      const page = await client.query<{ line: string }>(`FETCH ${fetchSize} FROM ${CURSOR}`);
      if (!page.length) break;
      let pageChars = 0;
      for (const r of page) pageChars += r.line.length;
      yield `${prefix}${page.map((r) => r.line).join(',')}]}\n`;
      rows += page.length;
      options.onProgress?.({ table: table.name, rows, done: false });
      if (page.length < fetchSize) break; // the cursor is exhausted
      // Wide rows (long texts, prompts) get smaller pages, so one line stays a few megabytes.
      fetchSize = Math.max(1, Math.min(PAGE_ROWS, Math.floor(PAGE_BYTES / Math.max(1, pageChars / page.length))));
    }
    await client.exec(`CLOSE ${CURSOR}`);
    yield `${JSON.stringify({ type: 'table-end', table: table.name, rows } satisfies TableEndLine)}\n`;
    counts.push({ table: table.name, rows });
    total += rows;
    options.onProgress?.({ table: table.name, rows, done: true });
  }
  for (const sequence of sequences) {
    const [state] = await client.query<{ last_value: string; is_called: boolean }>(
      `SELECT last_value::text AS last_value, is_called FROM ${sequence.name}`,
    );
    if (!state) continue;
    const line: SequenceLine = {
      type: 'sequence',
      sequence: sequence.name,
      lastValue: state.last_value,
      isCalled: state.is_called,
    };
    yield `${JSON.stringify(line)}\n`;
  }
  yield `${JSON.stringify({ type: 'end', tables: tables.length, rows: total } satisfies EndLine)}\n`;
}

function temporaryPathFor(file: string): string {
  const resolved = path.resolve(file);
  return path.join(path.dirname(resolved), `.${path.basename(resolved)}.${process.pid}.partial`);
}

/** A writable that forwards to `target` without ever ending it (stdout must stay open). */
function keepOpen(target: Writable): Writable {
  return new Writable({
    write(chunk: Buffer, _encoding, callback) {
      if (target.write(chunk)) callback();
      else target.once('drain', () => callback());
    },
  });
}

// ---------------------------------------------------------------------------------------------------------------
// Reading a backup
// ---------------------------------------------------------------------------------------------------------------

type Line = { text: string; number: number };

/** The lines of a backup, gzipped or plain (detected by the gzip magic bytes). */
async function* readLines(source: Readable, label: string): AsyncGenerator<Line> {
  const decoder = new StringDecoder('utf8');
  let pending = '';
  let number = 0;
  try {
    for await (const chunk of decompress(source)) {
      const searchFrom = pending.length; // what is pending holds no newline: a long line is scanned once
      pending += decoder.write(chunk);
      let start = 0;
      let newline = pending.indexOf('\n', searchFrom);
      while (newline >= 0) {
        const text = pending.slice(start, newline);
        start = newline + 1;
        number += 1;
        if (text.trim()) yield { text, number };
        newline = pending.indexOf('\n', start);
      }
      pending = pending.slice(start);
      if (pending.length > MAX_LINE_CHARS) {
        throw new BackupError('CORRUPT', `${label} is not an Atelier backup: line ${number + 1} is too long.`);
      }
    }
  } catch (error) {
    if (error instanceof BackupError) throw error;
    const code = errorCode(error);
    if (code === 'Z_BUF_ERROR' || code === 'Z_DATA_ERROR' || code === 'ERR_STREAM_PREMATURE_CLOSE') {
      throw new BackupError(
        'CORRUPT',
        `${label} is truncated or corrupted (${(error as Error).message}); nothing was restored from it.`,
        { cause: error },
      );
    }
    throw error;
  }
  pending += decoder.end();
  if (pending.trim()) yield { text: pending, number: number + 1 };
}

async function* decompress(source: Readable): AsyncGenerator<Buffer> {
  const iterator = source[Symbol.asyncIterator]() as AsyncIterator<Buffer>;
  const first = await iterator.next();
  if (first.done) return;
  const head = Buffer.from(first.value);
  async function* everything(): AsyncGenerator<Buffer> {
    yield head;
    for (;;) {
      const next = await iterator.next();
      if (next.done) return;
      yield Buffer.from(next.value);
    }
  }
  if (!(head[0] === 0x1f && head[1] === 0x8b)) {
    yield* everything();
    return;
  }
  const raw = Readable.from(everything());
  const gunzip = createGunzip();
  raw.on('error', (error) => gunzip.destroy(error));
  raw.pipe(gunzip);
  for await (const chunk of gunzip) yield chunk as Buffer;
}

function parseLine(line: Line, label: string): Record<string, unknown> {
  let value: unknown;
  try {
    value = JSON.parse(line.text);
  } catch {
    throw new BackupError(
      line.number === 1 ? 'NOT_A_BACKUP' : 'CORRUPT',
      line.number === 1
        ? `${label} is not an Atelier backup (its first line is not JSON).`
        : `${label} is corrupted: line ${line.number} is not valid JSON.`,
    );
  }
  if (!value || typeof value !== 'object' || Array.isArray(value)) {
    throw new BackupError('CORRUPT', `${label} is corrupted: line ${line.number} is not a JSON object.`);
  }
  return value as Record<string, unknown>;
}

function parseHeader(line: Line | undefined, label: string): BackupHeader {
  if (!line) throw new BackupError('NOT_A_BACKUP', `${label} is empty: it is not an Atelier backup.`);
  const value = parseLine(line, label);
  if (value.type !== 'header' || value.format !== BACKUP_FORMAT) {
    throw new BackupError('NOT_A_BACKUP', `${label} is not an Atelier backup (no ${BACKUP_FORMAT} header).`);
  }
  if (typeof value.version !== 'number' || value.version > BACKUP_FORMAT_VERSION) {
    throw new BackupError(
      'UNSUPPORTED_VERSION',
      `${label} uses backup format version ${String(value.version)}; this Atelier (${PACKAGE_VERSION}) reads ` +
        `version ${BACKUP_FORMAT_VERSION}. Restore it with a newer Atelier.`,
    );
  }
  const migrations = value.migrations;
  const valid =
    Array.isArray(migrations) &&
    migrations.every(
      (m: unknown) =>
        !!m &&
        typeof (m as BackupMigration).version === 'number' &&
        typeof (m as BackupMigration).name === 'string' &&
        typeof (m as BackupMigration).checksum === 'string',
    ) &&
    Array.isArray(value.tables) &&
    value.tables.every((t: unknown) => typeof t === 'string') &&
    !!value.source &&
    typeof value.source === 'object';
  if (!valid) throw new BackupError('CORRUPT', `${label} is corrupted: its header is incomplete.`);
  return value as unknown as BackupHeader;
}

function openSource(file: string): Readable {
  try {
    const fd = fs.openSync(file, 'r');
    return fs.createReadStream(file, { fd });
  } catch (error) {
    if (errorCode(error) === 'ENOENT') throw new BackupError('FILE', `${file} does not exist.`);
    throw error;
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Restore
// ---------------------------------------------------------------------------------------------------------------

/**
 * Checks the target's migration history against the backup's, and says what to do when they differ. `applied` is
 * the target's history, `files` the migrations of this build.
 */
export function compareMigrations(
  backup: BackupMigration[],
  applied: BackupMigration[],
  files: Migration[],
): string | undefined {
  const newer = applied.filter((m) => !backup.some((b) => b.version === m.version));
  if (newer.length) {
    const latest = backup.at(-1);
    return (
      `The target database has migration ${newer.map(migrationLabel).join(', ')}, which the backup does not have ` +
      `(the backup is at ${latest ? migrationLabel(latest) : 'no migration'}). Restore into a new database or data ` +
      'directory, or revert the target with `atelier migrate down` first.'
    );
  }
  for (const m of backup) {
    const target = applied.find((a) => a.version === m.version) ?? files.find((f) => f.version === m.version);
    if (!target) {
      return (
        `The backup was made at migration ${migrationLabel(m)}, which this version of Atelier (${PACKAGE_VERSION}) ` +
        'does not have. Restore it with the Atelier version that made it, or a newer one.'
      );
    }
    if (target.checksum !== m.checksum) {
      return (
        `Migration ${migrationLabel(m)} differs between the backup and this Atelier (checksum ` +
        `${m.checksum.slice(0, 12)}… in the backup, ${target.checksum.slice(0, 12)}… here): the backup was made by ` +
        'a different build of Atelier. Restore it with that build.'
      );
    }
  }
  return undefined;
}

/**
 * Restores a backup into db. The target is first migrated up to the backup's migration level (a fresh database
 * gets its schema); it must then hold exactly the backup's migrations. Everything else happens in one transaction.
 */
export async function restoreBackup(
  db: Database,
  sourceOrFile: string | Readable,
  options: RestoreOptions = {},
): Promise<RestoreSummary> {
  const started = performance.now();
  const label = typeof sourceOrFile === 'string' ? sourceOrFile : 'The backup';
  const source = typeof sourceOrFile === 'string' ? openSource(sourceOrFile) : sourceOrFile;
  const lines = readLines(source, label);
  try {
    const header = parseHeader((await lines.next()).value as Line | undefined, label);
    options.onHeader?.(header);
    const files = options.migrations ?? loadMigrations();

    const appliedBefore = await db.withAdmin(async (client) => (await readAppliedMigrations(client)) ?? []);
    const before = compareMigrations(header.migrations, appliedBefore, files);
    if (before) throw new BackupError('MIGRATIONS_MISMATCH', before);
    const backupVersions = new Set(header.migrations.map((m) => m.version));
    const migrated = await migrateUp(
      db,
      files.filter((f) => backupVersions.has(f.version)),
    );
    for (const m of migrated) options.onMigrated?.(m);

    const result = await db.withAdmin(async (client) => {
      const [{ role = 'unknown' } = {}] = await client.query<{ role: string }>('SELECT current_user AS role');
      try {
        // Replica mode: foreign keys are not checked and ordinary triggers do not fire, so tables load in any
        // order and the audit log (which refuses DELETE and TRUNCATE by trigger) can be replaced.
        await client.exec('SET LOCAL session_replication_role = replica');
      } catch (error) {
        if (errorCode(error) === '42501') {
          throw new BackupError(
            'PERMISSION',
            `The database role "${role}" may not set session_replication_role, which restore needs to load tables ` +
              'in any order past the append-only triggers. Restore as a superuser, or have a superuser give the role ' +
              `what restore needs (PostgreSQL 15+): GRANT SET ON PARAMETER session_replication_role TO ${quoteIdent(role)}; ` +
              `ALTER ROLE ${quoteIdent(role)} BYPASSRLS;`,
            { cause: error },
          );
        }
        throw error;
      }
      await client.exec('SET LOCAL row_security = off');
      await useCanonicalFormats(client);
      try {
        return await loadInto(client, header, withoutClosing(lines), label, options);
      } catch (error) {
        throw rowSecurityError(error, role) ?? (await corruptionBehind(error, lines)) ?? error;
      }
    });
    return { header, migrated, ...result, durationMs: performance.now() - started };
  } finally {
    await lines.return(undefined);
    source.destroy();
  }
}

/** The same lines, except that leaving a loop over them early does not close the file (corruptionBehind reads on). */
function withoutClosing<T>(lines: AsyncGenerator<T>): AsyncIterable<T> {
  return { [Symbol.asyncIterator]: () => ({ next: () => lines.next() }) };
}

/**
 * Damaged gzip data can inflate into plausible lines before zlib notices (at the latest, at the checksum at the
 * end), so a row the database refuses may be the first sign of a corrupt file. Reading on to the end tells the two
 * apart: a corrupt file is reported as such, with the database's complaint as the cause.
 */
async function corruptionBehind(error: unknown, lines: AsyncGenerator<Line>): Promise<BackupError | undefined> {
  if (error instanceof BackupError) return undefined;
  try {
    for await (const _line of lines) {
      // only the stream's integrity matters here
    }
  } catch (readError) {
    if (readError instanceof BackupError && readError.code === 'CORRUPT') {
      return new BackupError('CORRUPT', readError.message, { cause: error });
    }
  }
  return undefined;
}

async function loadInto(
  client: SqlClient,
  header: BackupHeader,
  lines: AsyncIterable<Line>,
  label: string,
  options: RestoreOptions,
): Promise<Omit<RestoreSummary, 'header' | 'migrated' | 'durationMs'>> {
  // The same check again inside the transaction that loads: another process may have migrated meanwhile.
  const applied = (await readAppliedMigrations(client)) ?? [];
  const mismatch =
    applied.length !== header.migrations.length ||
    header.migrations.some((m, i) => applied[i]?.version !== m.version || applied[i]?.checksum !== m.checksum);
  if (mismatch) {
    throw new BackupError(
      'MIGRATIONS_MISMATCH',
      compareMigrations(header.migrations, applied, []) ??
        'The target database does not have the same migrations as the backup.',
    );
  }

  // Only the backup's tables are checked, emptied and loaded: a table the target has beyond them (not Atelier's,
  // since the migrations match) is left alone.
  const targetTables = await listTables(client);
  const absent = header.tables.filter((name) => !targetTables.some((t) => t.name === name));
  if (absent.length) {
    throw new BackupError(
      'SCHEMA_MISMATCH',
      `The backup has tables the target database does not have: ${absent.join(', ')}. They were not made by ` +
        "Atelier's migrations; create them in the target first.",
    );
  }
  const tables = targetTables.filter((t) => header.tables.includes(t.name));
  const byName = new Map(tables.map((t) => [t.name, t]));
  const nonEmpty: string[] = [];
  const seededWithRows: string[] = [];
  for (const table of tables) {
    const from = table.kind === 'p' ? table.name : `ONLY ${table.name}`;
    const [row] = await client.query<{ has_rows: boolean }>(`SELECT EXISTS (SELECT 1 FROM ${from}) AS has_rows`);
    if (row?.has_rows) (table.seeded ? seededWithRows : nonEmpty).push(table.name);
  }
  if (nonEmpty.length && !options.force) {
    throw new BackupError(
      'TARGET_NOT_EMPTY',
      `The target database already holds data (in ${nonEmpty.join(', ')}). Restore into an empty database, or use ` +
        '--force to replace everything in it with the backup.',
    );
  }
  if (nonEmpty.length) {
    options.onEmptied?.(nonEmpty);
    await client.exec(`TRUNCATE ${tables.map((t) => t.name).join(', ')}`);
  } else if (seededWithRows.length) {
    await client.exec(`TRUNCATE ${seededWithRows.join(', ')}`);
  }

  const counts: Array<{ table: string; rows: number }> = [];
  let current: { table: CatalogTable; insert: string; rows: number } | undefined;
  let ended: EndLine | undefined;
  const sequenceValues = new Map<string, SequenceLine>();
  const corrupt = (line: Line, why: string) =>
    new BackupError('CORRUPT', `${label} is corrupted at line ${line.number}: ${why}`);

  for await (const line of lines) {
    throwIfAborted(options.signal);
    if (ended) throw corrupt(line, 'data after the end marker.');
    const value = parseLine(line, label);
    switch (value.type) {
      case 'table': {
        const { table: name, columns } = value as TableLine;
        if (current) throw corrupt(line, `table ${current.table.name} has no end marker.`);
        const table = byName.get(name);
        if (!table) {
          throw corrupt(line, `the backup has a table ${String(name)} that the target database does not have.`);
        }
        if (!Array.isArray(columns)) throw corrupt(line, 'the table has no column list.');
        const targetColumns = new Set(table.columns.map((c) => c.name));
        const missing = columns.filter((c) => !targetColumns.has(c?.name));
        if (missing.length) {
          throw corrupt(line, `columns ${missing.map((c) => String(c?.name)).join(', ')} of ${name} are not in the target.`);
        }
        const list = columns.map((c) => quoteIdent(c.name)).join(', ');
        current = {
          table,
          rows: 0,
          // OVERRIDING SYSTEM VALUE keeps the ids of GENERATED ALWAYS identity columns.
          insert:
            `INSERT INTO ${table.name}${columns.length ? ` (${list})` : ''} OVERRIDING SYSTEM VALUE ` +
            `SELECT ${list} FROM json_populate_recordset(NULL::${table.name}, $1::json -> 'rows')`,
        };
        break;
      }
      case 'rows': {
        const rows = (value as RowsLine).rows;
        if (!current || value.table !== current.table.name) throw corrupt(line, 'rows outside their table section.');
        if (!Array.isArray(rows)) throw corrupt(line, 'rows is not a list.');
        // The line goes to PostgreSQL as text: it parses the values, so no digit of a bigint or numeric is lost.
        await client.query(current.insert, [line.text]);
        current.rows += rows.length;
        options.onProgress?.({ table: current.table.name, rows: current.rows, done: false });
        break;
      }
      case 'table-end': {
        const { table, rows } = value as TableEndLine;
        if (!current || table !== current.table.name) throw corrupt(line, 'an end marker outside its table section.');
        if (rows !== current.rows) {
          throw corrupt(line, `${table} should have ${String(rows)} rows but the file holds ${current.rows}.`);
        }
        counts.push({ table, rows });
        options.onProgress?.({ table, rows, done: true });
        current = undefined;
        break;
      }
      case 'sequence': {
        const sequence = value as SequenceLine;
        if (typeof sequence.sequence !== 'string' || !/^-?\d+$/.test(String(sequence.lastValue))) {
          throw corrupt(line, 'an invalid sequence line.');
        }
        sequenceValues.set(sequence.sequence, sequence);
        break;
      }
      case 'end': {
        if (current) throw corrupt(line, `table ${current.table.name} has no end marker.`);
        ended = value as EndLine;
        const total = counts.reduce((sum, t) => sum + t.rows, 0);
        if (ended.tables !== counts.length || ended.rows !== total) {
          throw corrupt(line, `the end marker counts ${ended.tables} tables and ${ended.rows} rows, the file holds ` +
            `${counts.length} and ${total}.`);
        }
        break;
      }
      default:
        throw corrupt(line, `unknown line type ${JSON.stringify(value.type)}.`);
    }
  }
  if (!ended) {
    throw new BackupError(
      'CORRUPT',
      `${label} is incomplete: it ends before its end marker (the file is truncated). Nothing was restored.`,
    );
  }
  const missingTables = header.tables.filter((t) => !counts.some((c) => c.table === t));
  if (missingTables.length) {
    throw new BackupError('CORRUPT', `${label} is corrupted: tables ${missingTables.join(', ')} are missing from it.`);
  }

  await restoreSequences(client, sequenceValues);
  const rows = counts.reduce((sum, t) => sum + t.rows, 0);
  return { emptied: nonEmpty, tables: counts, rows };
}

/**
 * Sequences take the backup's value, and never less than the largest id in the column they feed, so the next
 * insert does not collide with a restored row.
 */
async function restoreSequences(client: SqlClient, values: Map<string, SequenceLine>): Promise<void> {
  for (const sequence of await listSequences(client)) {
    const saved = values.get(sequence.name);
    if (saved) {
      await client.query('SELECT setval($1::regclass, $2::bigint, $3)', [sequence.name, saved.lastValue, saved.isCalled]);
    }
    if (!sequence.ownedBy) continue;
    const [state] = await client.query<{ last_value: string; is_called: boolean; max: string | null }>(
      `SELECT s.last_value::text AS last_value, s.is_called,
              (SELECT max(${quoteIdent(sequence.ownedBy.column)})::text FROM ${sequence.ownedBy.table}) AS max
         FROM ${sequence.name} s`,
    );
    if (!state?.max) continue;
    const max = BigInt(state.max);
    const last = BigInt(state.last_value);
    if (max > last || (max === last && !state.is_called)) {
      await client.query('SELECT setval($1::regclass, $2::bigint, true)', [sequence.name, state.max]);
    }
  }
}

import crypto from 'node:crypto';
import fs from 'node:fs';
import Database from 'better-sqlite3';
import mysql from 'mysql2/promise';
import pg from 'pg';

/**
 * What a database holds, to prove a run of statements changed nothing: every table's row count and a checksum of all
 * its rows, and the list of objects (tables, views, sequences with their values, functions, large objects). Two
 * fingerprints are equal only when nothing was written, created or dropped.
 */
export type Fingerprint = { tables: Record<string, { rows: number; checksum: string }>; objects: string[] };

export async function postgresFingerprint(uri: string): Promise<Fingerprint> {
  const client = new pg.Client({ connectionString: uri });
  await client.connect();
  try {
    const { rows: tables } = await client.query<{ name: string }>(
      "SELECT quote_ident(table_schema) || '.' || quote_ident(table_name) AS name FROM information_schema.tables WHERE table_schema NOT IN ('pg_catalog', 'information_schema') AND table_type = 'BASE TABLE' ORDER BY 1",
    );
    const result: Fingerprint = { tables: {}, objects: [] };
    for (const { name } of tables) {
      const { rows } = await client.query<{ rows: string; checksum: string | null }>(`SELECT count(*) AS rows, md5(string_agg(t::text, '|' ORDER BY t::text)) AS checksum FROM ${name} t`);
      result.tables[name] = { rows: Number(rows[0]!.rows), checksum: rows[0]!.checksum ?? '' };
    }
    const { rows: objects } = await client.query<{ object: string }>(`
      SELECT c.relkind::text || ' ' || n.nspname || '.' || c.relname AS object FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
       WHERE n.nspname NOT IN ('pg_catalog', 'information_schema', 'pg_toast') AND n.nspname NOT LIKE 'pg_temp%' AND n.nspname NOT LIKE 'pg_toast_temp%'
      UNION ALL SELECT 'function ' || p.oid::regprocedure::text FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace WHERE n.nspname NOT IN ('pg_catalog', 'information_schema')
      UNION ALL SELECT 'sequence ' || schemaname || '.' || sequencename || ' = ' || coalesce(last_value::text, 'unused') FROM pg_sequences
      UNION ALL SELECT 'large object ' || oid::text FROM pg_largeobject_metadata
      UNION ALL SELECT 'extension ' || extname FROM pg_extension
      ORDER BY 1`);
    result.objects = objects.map((row) => row.object);
    return result;
  } finally {
    await client.end();
  }
}

export async function mysqlFingerprint(uri: string): Promise<Fingerprint> {
  const connection = await mysql.createConnection(uri);
  try {
    const [tables] = (await connection.query("SELECT TABLE_NAME AS name FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE() AND TABLE_TYPE = 'BASE TABLE' ORDER BY 1")) as unknown as [Array<{ name: string }>];
    const result: Fingerprint = { tables: {}, objects: [] };
    for (const { name } of tables) {
      const [[count]] = (await connection.query(`SELECT count(*) AS n FROM \`${name}\``)) as unknown as [[{ n: number }]];
      const [[checksum]] = (await connection.query(`CHECKSUM TABLE \`${name}\` EXTENDED`)) as unknown as [[{ Checksum: number | string | null }]];
      result.tables[name] = { rows: Number(count.n), checksum: String(checksum.Checksum) };
    }
    const [objects] = (await connection.query(`
      SELECT CONCAT(TABLE_TYPE, ' ', TABLE_NAME) AS object FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE()
      UNION ALL SELECT CONCAT(ROUTINE_TYPE, ' ', ROUTINE_NAME) FROM information_schema.ROUTINES WHERE ROUTINE_SCHEMA = DATABASE()
      UNION ALL SELECT CONCAT('trigger ', TRIGGER_NAME) FROM information_schema.TRIGGERS WHERE TRIGGER_SCHEMA = DATABASE()
      UNION ALL SELECT CONCAT('database ', SCHEMA_NAME) FROM information_schema.SCHEMATA
      ORDER BY 1`)) as unknown as [Array<{ object: string }>];
    result.objects = objects.map((row) => row.object);
    return result;
  } finally {
    await connection.end();
  }
}

export function sqliteFingerprint(file: string): Fingerprint & { fileHash: string } {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const result: Fingerprint = { tables: {}, objects: [] };
    const objects = db.prepare("SELECT type || ' ' || name AS object, type, name FROM sqlite_master ORDER BY 1").all() as Array<{ object: string; type: string; name: string }>;
    for (const object of objects.filter((entry) => entry.type === 'table')) {
      const rows = db.prepare(`SELECT * FROM "${object.name.replaceAll('"', '""')}" ORDER BY rowid`).raw().all();
      result.tables[object.name] = { rows: rows.length, checksum: crypto.createHash('sha256').update(JSON.stringify(rows)).digest('hex') };
    }
    result.objects = objects.map((entry) => entry.object);
    return { ...result, fileHash: crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex') };
  } finally {
    db.close();
  }
}

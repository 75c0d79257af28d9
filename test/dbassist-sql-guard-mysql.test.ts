import fs from 'node:fs';
import mysql from 'mysql2/promise';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseConnectionUri, type NetworkTarget } from '../src/modules/dbassist/drivers/connection-uri.js';
import { MysqlSqlRunner } from '../src/modules/dbassist/sql/mysql-runner.js';
import { HOSTILE_FILES, mysqlHarmlessReads, mysqlHostileSql } from './fixtures/hostile-sql.js';
import { mysqlFingerprint } from './support/database-fingerprint.js';
import { loadMysqlChinook, type ScratchDatabase } from './support/sample-dbs.js';
import { expectCorpusRefused, limits, readOnly, refusal } from './support/sql-runner-checks.js';


/** A long statement that needs no denied function: counting a big cross join. */
const SLOW_SQL = 'SELECT COUNT(*) FROM Track a, Track b, Track c';

describe('SQL runner on MariaDB (Chinook)', () => {
  let chinook: ScratchDatabase;
  let target: NetworkTarget;
  let runner: MysqlSqlRunner;

  beforeAll(async () => {
    chinook = await loadMysqlChinook();
    target = parseConnectionUri('mysql', chinook.uri) as NetworkTarget;
    // What a parser cannot judge: a function of the database's own that deletes rows.
    const admin = await mysql.createConnection(chinook.uri);
    await admin.query('CREATE FUNCTION hostile_wipe() RETURNS INT MODIFIES SQL DATA BEGIN DELETE FROM InvoiceLine; RETURN 1; END');
    await admin.end();
    runner = await MysqlSqlRunner.connect(target, { writable: false });
  });

  afterAll(async () => {
    await runner?.close();
    await chinook?.drop();
  });

  it('refuses every statement of the hostile corpus on a read-only connection, naming what it refused, and the database is unchanged', async () => {
    const before = await mysqlFingerprint(chinook.uri);
    await expectCorpusRefused(runner, mysqlHostileSql, mysqlHarmlessReads);
    expect(await mysqlFingerprint(chinook.uri)).toEqual(before);
    for (const file of HOSTILE_FILES) expect(fs.existsSync(file), file).toBe(false);
  });

  it('runs a read with typed columns, and cuts it off at the row cap and the byte cap', async () => {
    const result = await runner.run('SELECT g.Name AS genre, COUNT(*) AS tracks, SUM(t.UnitPrice) AS price FROM Track t JOIN Genre g ON g.GenreId = t.GenreId GROUP BY g.Name ORDER BY g.Name', readOnly());
    const admin = await mysql.createConnection(chinook.uri);
    const [expected] = (await admin.query('SELECT g.Name AS name, COUNT(*) AS n FROM Track t JOIN Genre g ON g.GenreId = t.GenreId GROUP BY g.Name ORDER BY g.Name')) as unknown as [Array<{ name: string; n: number }>];
    await admin.end();
    expect(result.columns.map((column) => column.name)).toEqual(['genre', 'tracks', 'price']);
    expect(result.columns[1]!.dataType).toBe('bigint');
    expect(result.rows.map((row) => [row[0], Number(row[1])])).toEqual(expected.map((row) => [row.name, Number(row.n)]));
    expect(result.truncated).toBe(false);

    const byRows = await runner.run('SELECT * FROM Track ORDER BY TrackId', readOnly({ maxRows: 7 }));
    expect(byRows.rows).toHaveLength(7);
    expect(byRows.truncated).toBe(true);
    const byBytes = await runner.run('SELECT REPEAT(\'x\', 1000) FROM Track', readOnly({ maxBytes: 10_000 }));
    expect(byBytes.truncated).toBe(true);
    expect(byBytes.rows.length).toBeLessThan(10);
    // The session dropped at the cap is replaced on the next run.
    expect((await runner.run('SELECT COUNT(*) FROM Genre', readOnly())).rows).toEqual([['25']]);
  });

  it('stops a statement at max_statement_time', async () => {
    const started = Date.now();
    const error = await refusal(runner.run(SLOW_SQL, readOnly({ timeoutMs: 500 })));
    expect(error.code).toBe('SQL_TIMEOUT');
    expect(Date.now() - started).toBeLessThan(5_000);
    expect((await runner.run('SELECT 1', readOnly())).rows).toEqual([[1]]);
  });

  it('kills a running statement on the server when the run is aborted', async () => {
    const controller = new AbortController();
    const running = runner.run(SLOW_SQL, readOnly({ signal: controller.signal, timeoutMs: 60_000 }));
    setTimeout(() => controller.abort(), 300);
    const started = Date.now();
    const error = await refusal(running);
    expect(error.code).toBe('CANCELLED');
    expect(Date.now() - started).toBeLessThan(5_000);
    const admin = await mysql.createConnection(chinook.uri);
    // The killed statement is gone from the server, not left burning CPU.
    await new Promise((resolve) => setTimeout(resolve, 300));
    const [processes] = (await admin.query("SELECT COUNT(*) AS n FROM information_schema.PROCESSLIST WHERE INFO LIKE 'SELECT COUNT(*) FROM Track a, Track b%'")) as unknown as [Array<{ n: number }>];
    await admin.end();
    expect(Number(processes[0]!.n)).toBe(0);
    expect((await runner.run('SELECT 2', readOnly())).rows).toEqual([[2]]);
  });

  it('runs a write only on a writable session with allowWrite, and commits it', async () => {
    const refused = await refusal(runner.run("UPDATE Genre SET Name = 'Rock!' WHERE GenreId = 1", readOnly({ allowWrite: true })));
    expect(refused.code).toBe('SQL_NOT_ALLOWED');
    const writer = await MysqlSqlRunner.connect(target, { writable: true });
    try {
      const preview = await writer.explain("UPDATE Genre SET Name = 'Rock!' WHERE GenreId = 1", { allowWrite: true, limits });
      expect(preview).toMatchObject({ kind: 'write', allowed: true, refusal: null });
      expect(preview.plan).toMatch(/Genre/);
      const result = await writer.run("UPDATE Genre SET Name = 'Rock!' WHERE GenreId = 1", readOnly({ allowWrite: true }));
      expect(result).toMatchObject({ isWrite: true, rowCount: 1 });
      const twoStatements = await refusal(writer.run("UPDATE Genre SET Name = 'x'; DELETE FROM Genre", readOnly({ allowWrite: true })));
      expect(twoStatements.message).toMatch(/2 statements/);
      expect((await runner.run('SELECT Name FROM Genre WHERE GenreId = 1', readOnly())).rows).toEqual([['Rock!']]);
    } finally {
      await writer.close();
    }
  });
});

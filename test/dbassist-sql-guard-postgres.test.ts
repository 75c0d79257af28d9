import fs from 'node:fs';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseConnectionUri, type NetworkTarget } from '../src/modules/dbassist/drivers/connection-uri.js';
import { PostgresSqlRunner } from '../src/modules/dbassist/sql/postgres-runner.js';
import { HOSTILE_FILES, postgresHarmlessReads, postgresHostileSql } from './fixtures/hostile-sql.js';
import { postgresFingerprint } from './support/database-fingerprint.js';
import { loadPostgresSample, type ScratchDatabase } from './support/sample-dbs.js';
import { expectCorpusRefused, limits, readOnly, refusal } from './support/sql-runner-checks.js';


describe('SQL runner on PostgreSQL (Chinook)', () => {
  let chinook: ScratchDatabase;
  let target: NetworkTarget;
  let runner: PostgresSqlRunner;

  beforeAll(async () => {
    chinook = await loadPostgresSample('chinook');
    target = parseConnectionUri('postgres', chinook.uri) as NetworkTarget;
    // What a parser cannot judge: a sequence to advance, and a function of the database's own that deletes rows.
    const admin = new pg.Client({ connectionString: chinook.uri });
    await admin.connect();
    await admin.query(`CREATE SEQUENCE hostile_seq;
      CREATE FUNCTION hostile_wipe() RETURNS int LANGUAGE plpgsql AS $$ BEGIN DELETE FROM invoice_line; RETURN 1; END $$;`);
    await admin.end();
    runner = await PostgresSqlRunner.connect(target, { writable: false });
  });

  afterAll(async () => {
    await runner?.close();
    await chinook?.drop();
  });

  it('refuses every statement of the hostile corpus on a read-only connection, naming what it refused, and the database is unchanged', async () => {
    const before = await postgresFingerprint(chinook.uri);
    await expectCorpusRefused(runner, postgresHostileSql, postgresHarmlessReads);
    expect(await postgresFingerprint(chinook.uri)).toEqual(before);
    for (const file of HOSTILE_FILES) expect(fs.existsSync(file), file).toBe(false);
  });

  it('runs a read and answers typed columns with JSON values', async () => {
    const result = await runner.run(
      `SELECT g.name AS genre, count(*)::bigint AS tracks, sum(t.unit_price) AS price, DATE '2021-03-04' AS day, '\\x0102'::bytea AS bytes
         FROM track t JOIN genre g ON g.genre_id = t.genre_id GROUP BY g.name ORDER BY g.name`,
      readOnly(),
    );
    const { rows: expected } = await (async () => {
      const client = new pg.Client({ connectionString: chinook.uri });
      await client.connect();
      try {
        return await client.query<{ name: string; n: string }>('SELECT g.name, count(*) AS n FROM track t JOIN genre g ON g.genre_id = t.genre_id GROUP BY g.name ORDER BY g.name');
      } finally {
        await client.end();
      }
    })();
    expect(result.columns).toEqual([
      { name: 'genre', dataType: 'character varying' },
      { name: 'tracks', dataType: 'bigint' },
      { name: 'price', dataType: 'numeric' },
      { name: 'day', dataType: 'date' },
      { name: 'bytes', dataType: 'bytea' },
    ]);
    expect(result.rows.map((row) => [row[0], row[1]])).toEqual(expected.map((row) => [row.name, row.n]));
    expect(result.rows[0]!.slice(3)).toEqual(['2021-03-04', '\\x0102']);
    expect(typeof result.rows[0]![2]).toBe('string');
    expect(result.rowCount).toBe(expected.length);
    expect(result.truncated).toBe(false);
  });

  it('cuts a result off at the row cap and at the byte cap while it streams', async () => {
    const byRows = await runner.run('SELECT * FROM track ORDER BY track_id', readOnly({ maxRows: 7 }));
    expect(byRows.rows).toHaveLength(7);
    expect(byRows.truncated).toBe(true);
    const byBytes = await runner.run('SELECT repeat(\'x\', 1000) FROM generate_series(1, 1000)', readOnly({ maxBytes: 10_000 }));
    expect(byBytes.truncated).toBe(true);
    expect(byBytes.rows.length).toBeGreaterThan(0);
    expect(byBytes.rows.length).toBeLessThan(10);
    const exact = await runner.run('SELECT * FROM genre', readOnly({ maxRows: 1_000 }));
    expect(exact.truncated).toBe(false);
  });

  it('refuses a read EXPLAIN prices above the maximum cost, before running it', async () => {
    const sql = 'SELECT count(*) FROM track a, track b, track c';
    const error = await refusal(runner.run(sql, readOnly({ maxCost: 1_000 })));
    expect(error.code).toBe('SQL_NOT_ALLOWED');
    expect(error.message).toMatch(/estimated cost \d+ above the limit of 1000/);
    const preview = await runner.explain(sql, { allowWrite: false, limits: { ...limits, maxCost: 1_000 } });
    expect(preview).toMatchObject({ kind: 'read', allowed: false });
    expect(preview.totalCost).toBeGreaterThan(1_000);
    expect(preview.plan).toMatch(/Nested Loop|Hash Join/);
  });

  it('stops a statement at the statement timeout', async () => {
    const started = Date.now();
    const error = await refusal(runner.run('SELECT count(*) FROM generate_series(1, 100000000) a, generate_series(1, 1000) b', readOnly({ timeoutMs: 300, maxCost: 1e15 })));
    expect(error.code).toBe('SQL_TIMEOUT');
    expect(Date.now() - started).toBeLessThan(5_000);
    // The connection is usable afterwards.
    expect((await runner.run('SELECT 1', readOnly())).rows).toEqual([[1]]);
  });

  it('cancels a running statement on the server when the run is aborted', async () => {
    const controller = new AbortController();
    const running = runner.run('SELECT count(*) FROM generate_series(1, 100000000) a, generate_series(1, 1000) b', readOnly({ signal: controller.signal, timeoutMs: 60_000, maxCost: 1e15 }));
    setTimeout(() => controller.abort(), 300);
    const started = Date.now();
    const error = await refusal(running);
    expect(error.code).toBe('CANCELLED');
    expect(Date.now() - started).toBeLessThan(5_000);
    expect((await runner.run('SELECT 2', readOnly())).rows).toEqual([[2]]);
  });

  it('runs a write only on a writable session with allowWrite, in a transaction that commits', async () => {
    const refused = await refusal(runner.run("UPDATE genre SET name = 'Rock!' WHERE genre_id = 1", readOnly({ allowWrite: true })));
    expect(refused.code).toBe('SQL_NOT_ALLOWED');
    const writer = await PostgresSqlRunner.connect(target, { writable: true });
    try {
      const preview = await writer.explain("UPDATE genre SET name = 'Rock!' WHERE genre_id = 1", { allowWrite: true, limits });
      expect(preview).toMatchObject({ kind: 'write', allowed: true, refusal: null });
      expect(preview.plan).toMatch(/Update on genre/);
      const unconfirmed = await refusal(writer.run("UPDATE genre SET name = 'Rock!' WHERE genre_id = 1", readOnly()));
      expect(unconfirmed.message).toMatch(/UPDATE/);
      const result = await writer.run("UPDATE genre SET name = 'Rock!' WHERE genre_id = 1 RETURNING genre_id, name", readOnly({ allowWrite: true }));
      expect(result).toMatchObject({ isWrite: true, rowCount: 1, rows: [[1, 'Rock!']] });
      const twoStatements = await refusal(writer.run("UPDATE genre SET name = 'x'; DELETE FROM genre", readOnly({ allowWrite: true })));
      expect(twoStatements.message).toMatch(/2 statements/);
      const read = await runner.run('SELECT name FROM genre WHERE genre_id = 1', readOnly());
      expect(read.rows).toEqual([['Rock!']]);
    } finally {
      await writer.close();
    }
  });
});

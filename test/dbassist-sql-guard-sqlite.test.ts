import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeSampleDatabase } from '../src/modules/dbassist/connections/sample-database.js';
import { SqliteSqlRunner } from '../src/modules/dbassist/sql/sqlite-runner.js';
import { HOSTILE_FILES, sqliteHarmlessReads, sqliteHostileSql } from './fixtures/hostile-sql.js';
import { sqliteFingerprint } from './support/database-fingerprint.js';
import { expectCorpusRefused, limits, readOnly, refusal } from './support/sql-runner-checks.js';


/** Seconds of work for SQLite without a denied function: counting up a recursive CTE. */
const SLOW_SQL = 'WITH RECURSIVE r(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM r WHERE n < 20000000) SELECT count(*) FROM r';

describe('SQL runner on SQLite (the sample shop)', () => {
  let folder: string;
  let file: string;
  let runner: SqliteSqlRunner;

  beforeAll(async () => {
    folder = fs.mkdtempSync(path.join(os.tmpdir(), 'atelier-sql-guard-'));
    file = path.join(folder, 'shop.sqlite');
    writeSampleDatabase(file);
    // A view that calls a denied function: only the compiled statement shows the call.
    const admin = new Database(file);
    admin.exec("CREATE VIEW hostile_view AS SELECT load_extension('/tmp/atelier-hostile') AS loaded");
    admin.close();
    runner = await SqliteSqlRunner.open({ engine: 'sqlite', file }, { writable: false });
  });

  afterAll(async () => {
    await runner?.close();
    fs.rmSync(folder, { recursive: true, force: true });
  });

  it('refuses every statement of the hostile corpus on a read-only connection, naming what it refused, and the file is unchanged', async () => {
    const before = sqliteFingerprint(file);
    await expectCorpusRefused(runner, sqliteHostileSql, sqliteHarmlessReads);
    expect(sqliteFingerprint(file)).toEqual(before);
    expect(fs.readdirSync(folder)).toEqual(['shop.sqlite']);
    for (const hostileFile of HOSTILE_FILES) expect(fs.existsSync(hostileFile), hostileFile).toBe(false);
  });

  it('runs a read with typed columns, and cuts it off at the row cap and the byte cap', async () => {
    const result = await runner.run('SELECT c.name, count(p.product_id) AS products FROM categories c LEFT JOIN products p ON p.category_id = c.category_id GROUP BY c.name ORDER BY c.name', readOnly());
    const admin = new Database(file, { readonly: true });
    const expected = admin.prepare('SELECT c.name, count(p.product_id) AS n FROM categories c LEFT JOIN products p ON p.category_id = c.category_id GROUP BY c.name ORDER BY c.name').raw().all();
    const orders = (admin.prepare('SELECT count(*) FROM orders').raw().get() as [number])[0];
    admin.close();
    expect(result.rows).toEqual(expected);
    expect(result.columns).toEqual([
      { name: 'name', dataType: 'text' },
      { name: 'products', dataType: 'integer' },
    ]);
    const byRows = await runner.run('SELECT * FROM orders ORDER BY order_id', readOnly({ maxRows: 7 }));
    expect(byRows.rows).toHaveLength(7);
    expect(byRows.truncated).toBe(orders > 7);
    const byBytes = await runner.run("SELECT printf('%.1000c', 'x') FROM orders", readOnly({ maxBytes: 10_000 }));
    expect(byBytes.truncated).toBe(true);
    expect(byBytes.rows.length).toBeLessThan(10);
  });

  it('stops a statement at the timeout and cancels one on abort, and runs the next statement', async () => {
    let started = Date.now();
    const timedOut = await refusal(runner.run(SLOW_SQL, readOnly({ timeoutMs: 200 })));
    expect(timedOut.code).toBe('SQL_TIMEOUT');
    expect(Date.now() - started).toBeLessThan(2_000);
    const controller = new AbortController();
    const running = runner.run(SLOW_SQL, readOnly({ signal: controller.signal }));
    setTimeout(() => controller.abort(), 200);
    started = Date.now();
    const cancelled = await refusal(running);
    expect(cancelled.code).toBe('CANCELLED');
    expect(Date.now() - started).toBeLessThan(2_000);
    expect((await runner.run('SELECT 3', readOnly())).rows).toEqual([[3]]);
  });

  it('runs a write only on a writable runner with allowWrite, in a transaction', async () => {
    const refused = await refusal(runner.run("UPDATE categories SET name = 'Renamed' WHERE category_id = 1", readOnly({ allowWrite: true })));
    expect(refused.code).toBe('SQL_NOT_ALLOWED');
    const writer = await SqliteSqlRunner.open({ engine: 'sqlite', file }, { writable: true });
    try {
      const preview = await writer.explain("UPDATE categories SET name = 'Renamed' WHERE category_id = 1", { allowWrite: true, limits });
      expect(preview).toMatchObject({ kind: 'write', allowed: true, refusal: null });
      const result = await writer.run("UPDATE categories SET name = 'Renamed' WHERE category_id = 1", readOnly({ allowWrite: true }));
      expect(result).toMatchObject({ isWrite: true, rowCount: 1 });
      const twoStatements = await refusal(writer.run("UPDATE categories SET name = 'x'; DELETE FROM categories", readOnly({ allowWrite: true })));
      expect(twoStatements.message).toMatch(/more than one statement/);
      expect((await runner.run('SELECT name FROM categories WHERE category_id = 1', readOnly())).rows).toEqual([['Renamed']]);
    } finally {
      await writer.close();
    }
  });
});

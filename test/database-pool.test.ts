import { sql } from 'drizzle-orm';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../src/core/db/database.js';
import { createTestDatabase, type TestDatabase } from './support/test-db.js';

function rowsOf<Row>(result: unknown): Row[] {
  return ((result as { rows?: Row[] }).rows ?? (result as Row[]));
}

/** A PostgreSQL restart or an administrator ending connections must not take the server down with it. */
describe.runIf(Boolean(process.env.TEST_DATABASE_URL))('the PostgreSQL connection pool', () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase('postgres');
  });
  afterAll(async () => database.drop());

  it('survives its idle connections being terminated by the server and reconnects for the next query', async () => {
    await database.db.orm.execute(sql`SELECT 1`);
    const admin = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL });
    await admin.connect();
    const { rows } = await admin.query<{ ended: boolean }>(
      `SELECT pg_terminate_backend(pid) AS ended FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()`,
      [new URL(database.url!).pathname.slice(1)],
    );
    await admin.end();
    expect(rows.length).toBeGreaterThan(0);
    await new Promise((resolve) => setTimeout(resolve, 200));
    const result = await database.db.orm.execute(sql`SELECT 2 AS answer`);
    const answer = ((result as { rows?: Array<{ answer: number }> }).rows ?? (result as Array<{ answer: number }>))[0]!.answer;
    expect(answer).toBe(2);
  });

  it('prepares a statement with parameters once per connection, unless told not to', async () => {
    const probe = sql`SELECT name, statement FROM pg_prepared_statements WHERE statement LIKE ${'%atelier-probe%'}`;
    for (const [prepared, expected] of [[true, 1], [false, 0]] as const) {
      const db = await openDatabase({ kind: 'postgres', url: database.url!, poolSize: 1, preparedStatements: prepared });
      try {
        for (let i = 0; i < 3; i++) await db.orm.execute(sql`SELECT ${i}::int AS n, 'atelier-probe' AS label`);
        const rows = rowsOf<{ name: string; statement: string }>(await db.orm.execute(probe));
        const mine = rows.filter((row) => row.statement.includes("'atelier-probe' AS label"));
        expect(mine.length).toBe(expected);
      } finally {
        await db.close();
      }
    }
  });
});

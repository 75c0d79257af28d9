import { sql } from 'drizzle-orm';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from './support/test-db.js';

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
});

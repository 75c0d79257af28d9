import net from 'node:net';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, RUNTIME_ROLE } from '../src/core/db/database.js';
import { actAs } from '../src/core/db/pooled-client.js';
import { withUser } from '../src/core/db/tenancy.js';
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

  it('opens a transaction without a round trip of its own: a one-row read waits for the server twice, not four times', async () => {
    const relay = await turnCountingRelay(new URL(database.url!));
    const url = new URL(database.url!);
    url.host = `127.0.0.1:${relay.port}`;
    const db = await openDatabase({ kind: 'postgres', url: url.toString(), poolSize: 1 });
    try {
      const read = () => withUser(db, '00000000-0000-7000-8000-000000000001', (tx) => tx.execute(sql`SELECT current_setting('app.current_user_id') AS who, current_user AS role`));
      await read(); // connects and prepares
      const before = relay.turns();
      const rows = rowsOf<{ who: string; role: string }>(await read());
      expect(relay.turns() - before).toBe(2); // BEGIN, the act-as statement and the read; then COMMIT
      expect(rows[0]).toEqual({ who: '00000000-0000-7000-8000-000000000001', role: RUNTIME_ROLE });
    } finally {
      await db.close();
      relay.close();
    }
  });

  it('reports a failed opening statement with its own error, not as the aborted transaction that follows', async () => {
    const db = await openDatabase({ kind: 'postgres', url: database.url!, poolSize: 1 });
    try {
      const attempt = db.orm.transaction(async (tx) => {
        await tx.execute(actAs('no_such_role_here', ''));
        return tx.execute(sql`SELECT 1`);
      });
      // The driver's error (drizzle's cause) is the opening statement's: it names the role.
      const failure = await attempt.then(() => undefined, (error: unknown) => error as Error);
      expect(String((failure?.cause as Error | undefined)?.message)).toMatch(/role "no_such_role_here" does not exist/);
      // The connection is clean afterwards: the next transaction on it works.
      const rows = rowsOf<{ n: number }>(await withUser(db, '00000000-0000-7000-8000-000000000001', (tx) => tx.execute(sql`SELECT 7 AS n`)));
      expect(rows[0]!.n).toBe(7);
    } finally {
      await db.close();
    }
  });
});

/**
 * A TCP relay in front of the database that counts turns: each time the client speaks after the server has answered
 * is one round trip the client waited for.
 */
async function turnCountingRelay(target: URL): Promise<{ port: number; turns(): number; close(): void }> {
  let turns = 0;
  const sockets = new Set<net.Socket>();
  const server = net.createServer((client) => {
    const upstream = net.connect(Number(target.port || 5432), target.hostname);
    let serverSpokeLast = true;
    sockets.add(client).add(upstream);
    client.on('data', (chunk) => {
      if (serverSpokeLast) turns += 1;
      serverSpokeLast = false;
      upstream.write(chunk);
    });
    upstream.on('data', (chunk) => {
      serverSpokeLast = true;
      client.write(chunk);
    });
    const end = () => {
      client.destroy();
      upstream.destroy();
    };
    client.on('close', end).on('error', end);
    upstream.on('close', end).on('error', end);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as net.AddressInfo).port,
    turns: () => turns,
    close: () => {
      for (const socket of sockets) socket.destroy();
      server.close();
    },
  };
}

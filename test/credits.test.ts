import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { consumeCredit } from '../src/core/ai/credits.js';
import { openDatabase } from '../src/core/db/database.js';
import { withUser } from '../src/core/db/tenancy.js';
import { AppError } from '../src/core/errors.js';
import { createUser } from './support/factories.js';
import { createTestDatabase, testDrivers, type TestDatabase } from './support/test-db.js';

/** Seed 003's consume_chat_credit: atomic, never below zero, only for the acting user, monthly renewal, unlimited pro. */

function rowsOf<T>(result: unknown): T[] {
  return ((result as { rows?: T[] }).rows ?? (result as T[]));
}

describe.each(testDrivers)('chat credits on %s', (kind) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase(kind);
  });
  afterAll(async () => database.drop());

  const consume = (userId: string) => withUser(database.db, userId, (tx) => consumeCredit(tx, userId));
  const remainingOf = async (userId: string) =>
    rowsOf<{ remaining: number | null; reset_at: string }>(
      await withUser(database.db, userId, (tx) => tx.execute(sql`SELECT remaining, reset_at::text AS reset_at FROM app.chat_credits WHERE user_id = ${userId}`)),
    )[0];

  it('gives ten a month, then refuses with OUT_OF_CREDITS', async () => {
    const user = await createUser({ database });
    const left: Array<number | null> = [];
    for (let i = 0; i < 10; i++) left.push(await consume(user.id));
    expect(left).toEqual([9, 8, 7, 6, 5, 4, 3, 2, 1, 0]);
    const error = await consume(user.id).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe('OUT_OF_CREDITS');
    expect((await remainingOf(user.id))?.remaining).toBe(0);
  });

  it('renews the allowance once its month has passed', async () => {
    const user = await createUser({ database });
    await consume(user.id);
    await database.db.withAdmin((client) =>
      client.query(`UPDATE app.chat_credits SET remaining = 0, reset_at = current_date - 1 WHERE user_id = $1`, [user.id]),
    );
    expect(await consume(user.id)).toBe(9);
    const row = await remainingOf(user.id);
    expect(row!.reset_at > new Date().toISOString().slice(0, 10)).toBe(true);
  });

  it('does not charge pro accounts, and refuses to spend another user’s credits', async () => {
    const pro = await createUser({ database });
    await database.db.withAdmin((client) => client.query(`UPDATE app.users SET subscription_tier = 'pro' WHERE id = $1`, [pro.id]));
    for (let i = 0; i < 12; i++) expect(await consume(pro.id)).toBeNull();

    const victim = await createUser({ database });
    const thief = await createUser({ database });
    const error = await withUser(database.db, thief.id, (tx) => tx.execute(sql`SELECT app.consume_chat_credit(${victim.id}::uuid)`)).catch(
      (e: unknown) => e,
    );
    expect(String((error as Error).cause ?? error)).toMatch(/only the acting user/);
    // Nor can the runtime role write the balance directly.
    await consume(victim.id);
    await withUser(database.db, thief.id, (tx) => tx.execute(sql`UPDATE app.chat_credits SET remaining = 100`)).catch(() => undefined);
    expect((await remainingOf(victim.id))?.remaining).toBe(9);
  });

  it.runIf(kind === 'postgres')('50 concurrent consumes against a balance of 10: exactly 10 succeed, never below zero', async () => {
    const user = await createUser({ database });
    // A pool wide enough that the 50 calls really run side by side on separate connections.
    const wide = await openDatabase({ kind: 'postgres', url: database.url!, poolSize: 25 });
    await wide.useRuntimeRole();
    const outcomes = await Promise.allSettled(
      Array.from({ length: 50 }, () => withUser(wide, user.id, (tx) => consumeCredit(tx, user.id))),
    );
    await wide.close();
    const succeeded = outcomes.filter((o): o is PromiseFulfilledResult<number | null> => o.status === 'fulfilled');
    const failed = outcomes.filter((o): o is PromiseRejectedResult => o.status === 'rejected');
    expect(succeeded).toHaveLength(10);
    expect(failed).toHaveLength(40);
    expect(failed.every((f) => f.reason instanceof AppError && f.reason.code === 'OUT_OF_CREDITS')).toBe(true);
    // Each success saw a distinct balance: 9 … 0, none twice, none negative.
    expect(succeeded.map((s) => s.value).sort((a, b) => (a ?? 0) - (b ?? 0))).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect((await remainingOf(user.id))?.remaining).toBe(0);
  });
});

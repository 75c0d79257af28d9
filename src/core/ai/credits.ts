import { eq, sql } from 'drizzle-orm';
import type { Tx } from '../db/database.js';
import { AppError } from '../errors.js';
import { aiCredits } from './ai.schema.js';
import { users } from '../db/platform.schema.js';

/** The free monthly allowance; app.free_chat_credits() in the database says the same. */
export const FREE_MONTHLY_CREDITS = 10;

export type CreditBalance = { remaining: number | null; resetAt: string; unlimited: boolean; monthlyAllowance: number };

const OUT_OF_CREDITS_SQLSTATE = 'AT402';

function sqlState(error: unknown): string | undefined {
  for (let link: unknown = error, depth = 0; link && depth < 4; link = (link as { cause?: unknown }).cause, depth++) {
    const code = (link as { code?: unknown }).code;
    if (typeof code === 'string' && code.length === 5) return code;
  }
  return undefined;
}

/**
 * Spends one credit of the acting user through app.consume_chat_credit (atomic in the database). Returns what
 * is left, or null for unlimited accounts; throws 402 OUT_OF_CREDITS when none is left.
 */
export async function consumeCredit(tx: Tx, userId: string): Promise<number | null> {
  try {
    const rows = (await tx.execute<{ remaining: number | null }>(sql`SELECT app.consume_chat_credit(${userId}::uuid) AS remaining`)) as
      | { rows: Array<{ remaining: number | null }> }
      | Array<{ remaining: number | null }>;
    const list = Array.isArray(rows) ? rows : rows.rows;
    return list[0]?.remaining ?? null;
  } catch (error) {
    if (sqlState(error) === OUT_OF_CREDITS_SQLSTATE) {
      throw new AppError('OUT_OF_CREDITS', `You have used your ${FREE_MONTHLY_CREDITS} free credits for this month; they renew on the first of next month`, {
        details: { monthlyAllowance: FREE_MONTHLY_CREDITS },
      });
    }
    throw error;
  }
}

/** Gives back a credit spent on a call that produced nothing. */
export async function refundCredit(tx: Tx, userId: string): Promise<void> {
  await tx.execute(sql`SELECT app.refund_chat_credit(${userId}::uuid)`);
}

function nextReset(now = new Date()): string {
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + 1, 1)).toISOString().slice(0, 10);
}

/** GET /me/credits: the balance as consume_chat_credit would see it (a passed reset date counts as renewed). */
export async function creditBalance(tx: Tx, userId: string): Promise<CreditBalance> {
  const [user] = await tx.select({ isPro: users.isPro }).from(users).where(eq(users.id, userId));
  if (user?.isPro) return { remaining: null, resetAt: nextReset(), unlimited: true, monthlyAllowance: FREE_MONTHLY_CREDITS };
  const [row] = await tx.select().from(aiCredits).where(eq(aiCredits.userId, userId));
  const today = new Date().toISOString().slice(0, 10);
  if (!row || row.resetAt <= today) {
    return { remaining: FREE_MONTHLY_CREDITS, resetAt: nextReset(), unlimited: false, monthlyAllowance: FREE_MONTHLY_CREDITS };
  }
  return {
    remaining: row.remaining,
    resetAt: row.resetAt,
    unlimited: row.remaining === null,
    monthlyAllowance: FREE_MONTHLY_CREDITS,
  };
}

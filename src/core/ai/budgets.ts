import { and, eq, gte, sql } from 'drizzle-orm';
import type { Tx } from '../db/database.js';
import { AppError } from '../errors.js';
import { aiGenerations } from './ai.schema.js';

export type Budgets = { monthlyBudgetUsd: number | null; runBudgetUsd: number | null };

function startOfMonthUtc(now = new Date()): Date {
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1));
}

async function spentSince(tx: Tx, organizationId: string, since: Date): Promise<number> {
  const [row] = await tx
    .select({ spent: sql<string>`coalesce(sum(${aiGenerations.cost}), 0)` })
    .from(aiGenerations)
    .where(and(eq(aiGenerations.organizationId, organizationId), gte(aiGenerations.createdAt, since)));
  return Number(row?.spent ?? 0);
}

async function spentByJob(tx: Tx, jobId: string): Promise<number> {
  const [row] = await tx
    .select({ spent: sql<string>`coalesce(sum(${aiGenerations.cost}), 0)` })
    .from(aiGenerations)
    .where(eq(aiGenerations.jobId, jobId));
  return Number(row?.spent ?? 0);
}

const usd = (value: number) => `$${value.toFixed(4)}`;

/**
 * Checked before each model call: the organization's spend this calendar month (UTC) and, for a job, the job's
 * spend so far must both be under their caps. A cap of 0 stops every paid call; no cap means unlimited.
 */
export async function assertWithinBudget(
  tx: Tx,
  budgets: Budgets,
  call: { organizationId: string; jobId: string | null; runSpentUsd: number },
): Promise<void> {
  if (budgets.monthlyBudgetUsd !== null) {
    const spent = await spentSince(tx, call.organizationId, startOfMonthUtc());
    if (spent >= budgets.monthlyBudgetUsd) {
      throw new AppError(
        'BUDGET_EXCEEDED',
        `The organization's monthly AI budget of ${usd(budgets.monthlyBudgetUsd)} is spent (${usd(spent)} this month); an admin can raise it in the organization's AI settings`,
        { details: { budget: 'monthly', capUsd: budgets.monthlyBudgetUsd, spentUsd: spent } },
      );
    }
  }
  if (budgets.runBudgetUsd !== null) {
    // A job's run spans its attempts (and processes): its spend is in the ledger. A single request counts its own.
    const spent = call.jobId ? await spentByJob(tx, call.jobId) : call.runSpentUsd;
    if (spent >= budgets.runBudgetUsd) {
      throw new AppError(
        'BUDGET_EXCEEDED',
        `This run reached its AI budget of ${usd(budgets.runBudgetUsd)} (${usd(spent)} spent); what it produced so far is kept`,
        { details: { budget: 'run', capUsd: budgets.runBudgetUsd, spentUsd: spent } },
      );
    }
  }
}

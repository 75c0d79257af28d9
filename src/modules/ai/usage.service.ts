import { and, eq, gte, lt, sql } from 'drizzle-orm';
import { aiGenerations } from '../../core/ai/ai.schema.js';
import type { Tx } from '../../core/db/database.js';
import { AppError } from '../../core/errors.js';
import { requireOrganizationRole } from '../organizations/index.js';
import type { Usage, UsageQuery } from './ai.contract.js';

const MAX_DAYS = 366;
const DAY_MS = 86_400_000;

function isoDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}

function dayRange(query: UsageQuery): { from: string; to: string; days: number } {
  const to = query.to ?? isoDay(new Date());
  const from = query.from ?? isoDay(new Date(Date.parse(`${to}T00:00:00Z`) - 29 * DAY_MS));
  const days = Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS) + 1;
  if (days < 1) {
    throw new AppError('VALIDATION_FAILED', 'The range ends before it starts', {
      details: [{ field: 'to', message: 'must not be before from', in: 'querystring' }],
    });
  }
  if (days > MAX_DAYS) {
    throw new AppError('VALIDATION_FAILED', `The range spans ${days} days; ask for at most ${MAX_DAYS}`, {
      details: [{ field: 'from', message: `must be at most ${MAX_DAYS} days before to`, in: 'querystring' }],
    });
  }
  return { from, to, days };
}

type Figures = { calls: number; failedCalls: number; tokensIn: number; tokensOut: number; cost: number };
const zero = (): Figures => ({ calls: 0, failedCalls: 0, tokensIn: 0, tokensOut: 0, cost: 0 });

/** Tokens and cost of an organization's AI calls between two UTC days, by day (every day listed), model or feature. */
export async function usageReport(tx: Tx, userId: string, organizationId: string, query: UsageQuery): Promise<Usage> {
  await requireOrganizationRole(tx, userId, organizationId, 'viewer');
  const { from, to, days } = dayRange(query);
  const keyExpression =
    query.groupBy === 'day'
      ? sql<string>`to_char(${aiGenerations.createdAt} AT TIME ZONE 'UTC', 'YYYY-MM-DD')`
      : query.groupBy === 'model'
        ? sql<string>`${aiGenerations.provider} || '/' || ${aiGenerations.model}`
        : sql<string>`${aiGenerations.generationType}`;
  const rows = await tx
    .select({
      key: keyExpression,
      calls: sql<number>`count(*)::int`,
      failedCalls: sql<number>`(count(*) FILTER (WHERE ${aiGenerations.status} <> 'succeeded'))::int`,
      tokensIn: sql<number>`coalesce(sum(${aiGenerations.tokensIn}), 0)::int`,
      tokensOut: sql<number>`coalesce(sum(${aiGenerations.tokensOut}), 0)::int`,
      cost: sql<string>`coalesce(sum(${aiGenerations.cost}), 0)`,
    })
    .from(aiGenerations)
    .where(
      and(
        eq(aiGenerations.organizationId, organizationId),
        gte(aiGenerations.createdAt, new Date(`${from}T00:00:00Z`)),
        lt(aiGenerations.createdAt, new Date(Date.parse(`${to}T00:00:00Z`) + DAY_MS)),
      ),
    )
    .groupBy(keyExpression)
    .orderBy(keyExpression);
  const byKey = new Map<string, Figures>(
    rows.map((row) => [
      row.key,
      { calls: row.calls, failedCalls: row.failedCalls, tokensIn: row.tokensIn, tokensOut: row.tokensOut, cost: Number(row.cost) },
    ]),
  );
  // A chart of days needs the quiet days too.
  const keys =
    query.groupBy === 'day'
      ? Array.from({ length: days }, (_, i) => isoDay(new Date(Date.parse(`${from}T00:00:00Z`) + i * DAY_MS)))
      : [...byKey.keys()].sort((a, b) => (byKey.get(b)!.cost - byKey.get(a)!.cost) || a.localeCompare(b));
  const buckets = keys.map((key) => ({ key, ...(byKey.get(key) ?? zero()) }));
  const totals = buckets.reduce<Figures>(
    (sum, bucket) => ({
      calls: sum.calls + bucket.calls,
      failedCalls: sum.failedCalls + bucket.failedCalls,
      tokensIn: sum.tokensIn + bucket.tokensIn,
      tokensOut: sum.tokensOut + bucket.tokensOut,
      cost: Math.round((sum.cost + bucket.cost) * 1_000_000) / 1_000_000,
    }),
    zero(),
  );
  return { organizationId, from, to, groupBy: query.groupBy, totals, buckets };
}

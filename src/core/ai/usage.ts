import type { LanguageModelUsage } from 'ai';

export type TokenCounts = { tokensIn: number; tokensOut: number };

/**
 * The one place that reads the AI SDK's usage shape (it changes between majors): counts a provider did not report
 * are 0, never undefined or NaN.
 */
export function normalizeUsage(usage: LanguageModelUsage | undefined): TokenCounts {
  const count = (value: number | undefined) => (typeof value === 'number' && Number.isFinite(value) && value > 0 ? Math.round(value) : 0);
  return { tokensIn: count(usage?.inputTokens), tokensOut: count(usage?.outputTokens) };
}

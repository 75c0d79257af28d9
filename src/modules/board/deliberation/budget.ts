/**
 * A session's caps, checked before every call: what is left, and how many calls may run at once so that the total
 * never passes the cap by more than one call's cost. Pure, so the arithmetic is tested on its own.
 */

export type Spend = { cost: number; tokens: number };
export type Caps = { budgetUsd: number; tokenCap: number | null };

/** True once the cost or the token cap is reached: no more calls, straight to synthesis. */
export function budgetReached(spent: Spend, caps: Caps): boolean {
  return spent.cost >= caps.budgetUsd || (caps.tokenCap !== null && spent.tokens >= caps.tokenCap);
}

/**
 * How many of `wanted` calls may start together. With `left` of the budget and calls costing at most `perCall`, k calls
 * spend at most k·perCall, which overshoots `left` by at most one call when k ≤ left/perCall + 1. Before any call was
 * priced (perCall 0, e.g. the built-in engine) there is nothing to limit. Always at least 1 while the cap is not
 * reached (the caller checks that first).
 */
export function concurrentCalls(spent: Spend, caps: Caps, perCall: Spend, wanted: number): number {
  if (wanted <= 0) return 0;
  let slots = wanted;
  if (perCall.cost > 0) slots = Math.min(slots, Math.floor(Math.max(0, caps.budgetUsd - spent.cost) / perCall.cost) + 1);
  if (caps.tokenCap !== null && perCall.tokens > 0) {
    slots = Math.min(slots, Math.floor(Math.max(0, caps.tokenCap - spent.tokens) / perCall.tokens) + 1);
  }
  return Math.max(1, slots);
}

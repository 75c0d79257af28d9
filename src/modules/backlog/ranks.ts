import { generateKeyBetween, generateNKeysBetween } from 'fractional-indexing';
import { AppError } from '../../core/errors.js';

/**
 * Fractional ranks: a story's place is a text key that sorts (C collation) between its neighbours', so a move writes
 * one row. Keys only grow where many moves land in one gap, far below the column's 200 characters in practice.
 */

/** `count` ranks below `last` (the current bottom, or null for an empty list), in order. */
export function ranksAfter(last: string | null, count: number): string[] {
  return generateNKeysBetween(last, null, count);
}

/** A rank strictly between two neighbours (null: the top or the bottom). */
export function rankBetween(above: string | null, below: string | null): string {
  if (above !== null && below !== null && above >= below) {
    throw new AppError('VALIDATION_FAILED', 'Invalid body: afterId: the story to land below must be above the story to land above', {
      details: [{ field: 'afterId', message: 'must be above beforeId in the current order', in: 'body' }],
    });
  }
  return generateKeyBetween(above, below);
}

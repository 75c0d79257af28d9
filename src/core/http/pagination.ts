import type { Page } from '../../shared/contract/pagination.js';
import { AppError } from '../errors.js';

/**
 * Keyset pagination: a cursor is the opaque, URL-safe encoding of the last row's sort key. Deep pages cost the same
 * as the first because the query seeks with `(sort, id) < (cursor.sort, cursor.id)` on an index.
 */

export type Cursor = { sort: string; id: string };

export function encodeCursor(cursor: Cursor): string {
  return Buffer.from(JSON.stringify([cursor.sort, cursor.id])).toString('base64url');
}

/** A 400 for a cursor this server did not issue, naming the query field it came in. */
export function invalidCursorError(field = 'cursor'): AppError {
  // A plain cursor is a previous page's nextCursor; a named one (before, after) is one of the page's own cursors.
  const expected = field === 'cursor' ? 'the nextCursor' : 'a cursor';
  return new AppError('VALIDATION_FAILED', `Invalid ${field}: pass ${expected} of a previous page unchanged`, {
    details: [{ field, message: 'is not a cursor this server issued', in: 'querystring' }],
  });
}

export function decodeCursor(value: string | undefined, field = 'cursor'): Cursor | undefined {
  if (value === undefined || value === '') return undefined;
  try {
    const parsed: unknown = JSON.parse(Buffer.from(value, 'base64url').toString('utf8'));
    if (Array.isArray(parsed) && parsed.length === 2 && typeof parsed[0] === 'string' && typeof parsed[1] === 'string') {
      return { sort: parsed[0], id: parsed[1] };
    }
  } catch {
    // fall through to the error below
  }
  throw invalidCursorError(field);
}

export type { Page };

/** Turns `limit + 1` fetched rows into a page: the extra row only tells that another page exists. */
export function toPage<Row, Item>(rows: Row[], limit: number, toItem: (row: Row) => Item, cursorOf: (row: Row) => Cursor): Page<Item> {
  const hasMore = rows.length > limit;
  const pageRows = hasMore ? rows.slice(0, limit) : rows;
  const last = pageRows.at(-1);
  return { items: pageRows.map(toItem), nextCursor: hasMore && last ? encodeCursor(cursorOf(last)) : null };
}


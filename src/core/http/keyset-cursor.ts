import { sql, type AnyColumn, type SQL } from 'drizzle-orm';
import type { AppError } from '../errors.js';
import { isUuid } from '../ids.js';
import { decodeCursor, invalidCursorError } from './pagination.js';

/**
 * Keyset cursors over (timestamp, uuid). The timestamp travels as PostgreSQL renders it in UTC with microseconds:
 * a JavaScript Date keeps only milliseconds, and a cursor rounded to the millisecond would skip or repeat rows
 * created within the same millisecond.
 */
export type TimestampCursor = { at: string; id: string };

const ISO_MICROS = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})\.\d{6}Z$/;

export function invalidCursor(field = 'cursor'): AppError {
  return invalidCursorError(field);
}

function isUtcTimestamp(value: string): boolean {
  const match = ISO_MICROS.exec(value);
  if (!match) return false;
  const [year, month, day, hour, minute, second] = match.slice(1, 7).map(Number) as [number, number, number, number, number, number];
  if (year < 1) return false;
  const date = new Date(Date.UTC(year, month - 1, day, hour, minute, second));
  return (
    date.getUTCFullYear() === year &&
    date.getUTCMonth() === month - 1 &&
    date.getUTCDate() === day &&
    date.getUTCHours() === hour &&
    date.getUTCMinutes() === minute &&
    date.getUTCSeconds() === second
  );
}

/** Decodes a cursor issued for a (timestamp, uuid) order; anything else is a 400 naming the query field it came in. */
export function decodeTimestampCursor(value: string | undefined, field = 'cursor'): TimestampCursor | undefined {
  const cursor = decodeCursor(value, field);
  if (!cursor) return undefined;
  if (!isUtcTimestamp(cursor.sort) || !isUuid(cursor.id)) throw invalidCursor(field);
  return { at: cursor.sort, id: cursor.id };
}

/** Decodes a cursor issued for an order on one uuid column. */
export function decodeUuidCursor(value: string | undefined): string | undefined {
  const cursor = decodeCursor(value);
  if (!cursor) return undefined;
  if (cursor.sort !== cursor.id || !isUuid(cursor.id)) throw invalidCursor();
  return cursor.id;
}

/** Decodes a cursor issued for an order on a bigint identity column. */
export function decodeSerialCursor(value: string | undefined): number | undefined {
  const cursor = decodeCursor(value);
  if (!cursor) return undefined;
  if (cursor.sort !== cursor.id || !/^[1-9]\d{0,15}$/.test(cursor.id)) throw invalidCursor();
  return Number(cursor.id);
}

/** The exact cursor text of a timestamptz column. */
export function cursorTimestamp(column: AnyColumn | SQL): SQL<string> {
  return sql<string>`to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;
}

/** `(timestamp, id) < cursor` for newest-first pages, `>` for oldest-first ones; both seek on a composite index. */
export function afterCursor(timestamp: AnyColumn | SQL, id: AnyColumn | SQL, cursor: TimestampCursor, direction: 'asc' | 'desc'): SQL {
  return direction === 'desc'
    ? sql`(${timestamp}, ${id}) < (${cursor.at}::timestamptz, ${cursor.id}::uuid)`
    : sql`(${timestamp}, ${id}) > (${cursor.at}::timestamptz, ${cursor.id}::uuid)`;
}

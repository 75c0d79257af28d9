import { stringify } from 'csv-stringify/sync';
import type { ResultColumn } from '../dbassist.contract.js';

/**
 * An execution's captured rows as a CSV or JSON download, produced row by row from the result file so that a large
 * result is never held twice in memory.
 */

/**
 * Spreadsheets run a cell that starts with = + - @ (or a tab or carriage return) as a formula; such a text cell gets a
 * leading '. A number (numerics and bigints arrive as text) is left alone: "-5.00" is a value, not a formula.
 */
const FORMULA_START = /^'*[=+\-@\t\r]/;
const PLAIN_NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;

function csvCell(value: unknown): string {
  if (value === null || value === undefined) return '';
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  return FORMULA_START.test(text) && !PLAIN_NUMBER.test(text) ? `'${text}` : text;
}

function csvLine(cells: readonly unknown[]): string {
  // Rows end in CRLF (RFC 4180); a cell with a line break is quoted, or a spreadsheet would split the row.
  return stringify([cells.map(csvCell)], { record_delimiter: '\r\n', quoted_match: /[\r\n]/ });
}

/** The header, then one line per row. */
export async function* csvChunks(columns: readonly ResultColumn[], rows: AsyncIterable<unknown[]>): AsyncGenerator<string> {
  yield csvLine(columns.map((column) => column.name));
  for await (const row of rows) yield csvLine(row);
}

/** Object keys of the columns: a repeated name (two "id" columns of a join) gets _2, _3, … so no value is lost. */
export function jsonKeys(columns: readonly ResultColumn[]): string[] {
  const seen = new Map<string, number>();
  const taken = new Set(columns.map((column) => column.name));
  return columns.map(({ name }) => {
    const count = (seen.get(name) ?? 0) + 1;
    seen.set(name, count);
    if (count === 1) return name;
    let n = count;
    while (taken.has(`${name}_${n}`)) n++;
    taken.add(`${name}_${n}`);
    return `${name}_${n}`;
  });
}

/** A JSON array with one object per row, keyed by column name. */
export async function* jsonChunks(columns: readonly ResultColumn[], rows: AsyncIterable<unknown[]>): AsyncGenerator<string> {
  const keys = jsonKeys(columns);
  let first = true;
  yield '[';
  for await (const row of rows) {
    const record = Object.fromEntries(keys.map((key, index) => [key, row[index] ?? null]));
    yield `${first ? '\n' : ',\n'}${JSON.stringify(record)}`;
    first = false;
  }
  yield first ? ']\n' : '\n]\n';
}

/** The download's file name: the execution's short id and the format. */
export function exportFileName(executionId: string, format: 'csv' | 'json'): string {
  return `execution-${executionId.slice(0, 8)}.${format}`;
}

import type { MockRow, MockValue } from '../mock-value.js';
import { pgArrayText } from '../sql-literal.js';

/**
 * Generated values as plain text (before any quoting): booleans as PostgreSQL reads them, bytes in its \x-hex form,
 * arrays in its array syntax (JSON for other engines).
 */
export function plainText(value: Exclude<MockValue, null>, postgres: boolean): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return String(value);
  if (typeof value === 'boolean') return postgres ? (value ? 't' : 'f') : value ? '1' : '0';
  if (value instanceof Uint8Array) return `\\x${Buffer.from(value).toString('hex')}`;
  return postgres ? pgArrayText(value) : JSON.stringify(value);
}

/** COPY … FROM STDIN text format: tab-separated, \N for NULL, backslash escapes for backslash, tab, newline, CR. */
export function copyTextRows(rows: readonly MockRow[]): string {
  let out = '';
  for (const row of rows) {
    for (let i = 0; i < row.length; i++) {
      if (i > 0) out += '\t';
      const value = row[i]!;
      if (value === null) {
        out += '\\N';
        continue;
      }
      const text = typeof value === 'number' ? String(value) : plainText(value, true);
      out += /[\\\t\n\r]/.test(text) ? text.replace(/[\\\t\n\r]/g, (ch) => COPY_ESCAPES[ch]!) : text;
    }
    out += '\n';
  }
  return out;
}

const COPY_ESCAPES: Record<string, string> = { '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' };

/** RFC 4180 CSV: a field with a comma, quote or line break is quoted; NULL is an empty field. */
export function csvLine(values: readonly MockValue[], postgres: boolean): string {
  return `${values
    .map((value) => {
      if (value === null) return '';
      const text = plainText(value, postgres);
      return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
    })
    .join(',')}\r\n`;
}


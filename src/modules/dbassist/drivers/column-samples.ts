import type { ColumnSample } from './driver.js';
import { exampleText } from './catalog-rows.js';

/**
 * Reads the one row a driver's sampling query answers into a ColumnSample per column. Every engine's query names its
 * aggregates alike: `n` the rows sampled, and for the i-th column `nn<i>` its non-null count, `d<i>` its distinct count,
 * `mn<i>`/`mx<i>` its least and greatest value as text and `ex<i>` up to five distinct values (a JSON array, as text
 * or already parsed, depending on the driver).
 */
export function columnSamplesOf(row: Record<string, unknown>, columns: readonly { name: string }[]): Record<string, ColumnSample> {
  const sampled = Number(row.n ?? 0);
  return Object.fromEntries(
    columns.map((column, i) => [
      column.name,
      {
        sampledRows: sampled,
        nullCount: sampled - Number(row[`nn${i}`] ?? 0),
        distinctCount: Number(row[`d${i}`] ?? 0),
        min: textOrNull(row[`mn${i}`]),
        max: textOrNull(row[`mx${i}`]),
        examples: exampleList(row[`ex${i}`]),
      } satisfies ColumnSample,
    ]),
  );
}

function textOrNull(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string') return value;
  if (Buffer.isBuffer(value)) return value.toString('utf8');
  if (typeof value === 'number' || typeof value === 'bigint' || typeof value === 'boolean') return String(value);
  return JSON.stringify(value);
}

function exampleList(value: unknown): string[] {
  const list = typeof value === 'string' ? (JSON.parse(value) as unknown) : value;
  return Array.isArray(list) ? list.filter((item) => item !== null && item !== undefined).map(exampleText) : [];
}

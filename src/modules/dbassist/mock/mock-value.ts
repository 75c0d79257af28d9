/**
 * One generated value, in the form every writer formats from: numbers as numbers, decimals as their exact text
 * (`"12.50"`), dates as `YYYY-MM-DD`, timestamps as `YYYY-MM-DD HH:MM:SS` (with `+00` for a PostgreSQL column with a
 * time zone), booleans, arrays of values, bytes.
 */
export type MockValue = null | string | number | boolean | Uint8Array | MockValue[];

export type MockRow = MockValue[];

/** A stable text of a key tuple, for the sets that keep primary and unique keys distinct. */
export function keyText(values: readonly MockValue[]): string {
  return values.length === 1 ? String(values[0]) : values.map((v) => String(v)).join('\u0001');
}

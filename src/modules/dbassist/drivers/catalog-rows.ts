/** Groups rows by a key (a table's oid or name), keeping their order. */
export function groupBy<Row, Key>(rows: readonly Row[], keyOf: (row: Row) => Key): Map<Key, Row[]> {
  const groups = new Map<Key, Row[]>();
  for (const row of rows) {
    const key = keyOf(row);
    const group = groups.get(key);
    if (group) group.push(row);
    else groups.set(key, [row]);
  }
  return groups;
}

/** A row estimate as the model keeps it: a whole number, or null when the engine does not know. */
export function rowEstimateOf(value: unknown): number | null {
  if (value === null || value === undefined) return null;
  const number = Number(value);
  return Number.isFinite(number) && number >= 0 ? Math.round(number) : null;
}

/** Cuts an example value to 80 characters, as ColumnSample promises. */
export function exampleText(value: unknown): string {
  const text = typeof value === 'string' ? value : Buffer.isBuffer(value) ? `\\x${value.toString('hex')}` : String(value);
  return text.length > 80 ? text.slice(0, 80) : text;
}

/**
 * Result values as the contract carries them: JSON, with integers too big for a double (bigint) as strings, dates as
 * ISO text and bytes as \x-hex, the way PostgreSQL prints bytea.
 */
export function toJsonValue(value: unknown): unknown {
  if (value === null || value === undefined) return null;
  if (typeof value === 'bigint') return value.toString();
  if (typeof value === 'number') return Number.isFinite(value) ? value : String(value);
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value.toISOString();
  if (Buffer.isBuffer(value) || value instanceof Uint8Array) return `\\x${Buffer.from(value).toString('hex')}`;
  if (Array.isArray(value)) return value.map(toJsonValue);
  return value;
}

/**
 * Collects rows up to the row cap and the byte cap (measured on the rows' JSON), so a huge result is cut off while it
 * streams instead of after it has filled the memory.
 */
export class RowCollector {
  readonly rows: unknown[][] = [];
  truncated = false;
  private bytes = 0;

  constructor(private readonly limits: { maxRows: number; maxBytes: number }) {}

  /** Adds a row; false once a cap is reached (the row is then left out and the result marked truncated). */
  add(row: unknown[]): boolean {
    if (this.truncated) return false;
    const values = row.map(toJsonValue);
    const size = Buffer.byteLength(JSON.stringify(values));
    if (this.rows.length >= this.limits.maxRows || this.bytes + size > this.limits.maxBytes) {
      this.truncated = true;
      return false;
    }
    this.bytes += size;
    this.rows.push(values);
    return true;
  }

  /** How many more rows may come before the row cap (one more than that tells whether there were more). */
  get room(): number {
    return Math.max(0, this.limits.maxRows - this.rows.length);
  }
}

import type { SupportedDbType } from '../../../shared/dbassist-kinds.js';
import type { ColumnType } from './column-type.js';
import type { MockValue } from './mock-value.js';

/** SQL literals of generated values, for the SQL file and for batched INSERTs, in the target engine's dialect. */

export function quoteIdentifier(name: string, engine: SupportedDbType): string {
  return engine === 'mysql' ? `\`${name.replace(/`/g, '``')}\`` : `"${name.replace(/"/g, '""')}"`;
}

export function qualifiedName(namespace: string, name: string, engine: SupportedDbType): string {
  // SQLite's one namespace is implicit; MySQL's is the database the statements run in.
  if (engine === 'sqlite' || !namespace) return quoteIdentifier(name, engine);
  return `${quoteIdentifier(namespace, engine)}.${quoteIdentifier(name, engine)}`;
}

function quoteText(text: string, engine: SupportedDbType): string {
  if (engine === 'mysql') return `'${text.replace(/\\/g, '\\\\').replace(/'/g, "''").replace(/\0/g, '\\0')}'`;
  return `'${text.replace(/'/g, "''")}'`;
}

function hex(bytes: Uint8Array): string {
  return Buffer.from(bytes).toString('hex');
}

/** PostgreSQL's array input text: `{"a","b"}`. */
export function pgArrayText(values: readonly MockValue[]): string {
  return `{${values.map((v) => (v === null ? 'NULL' : typeof v === 'number' || typeof v === 'boolean' ? String(v) : `"${String(v).replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`)).join(',')}}`;
}

export function sqlLiteral(value: MockValue, type: ColumnType, engine: SupportedDbType): string {
  if (value === null) return 'NULL';
  if (typeof value === 'boolean') return engine === 'postgres' ? (value ? 'TRUE' : 'FALSE') : value ? '1' : '0';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : 'NULL';
  if (value instanceof Uint8Array) {
    if (engine === 'postgres') return `'\\x${hex(value)}'::bytea`;
    return `X'${hex(value)}'`;
  }
  if (Array.isArray(value)) {
    if (engine === 'postgres') return quoteText(pgArrayText(value), engine);
    return quoteText(JSON.stringify(value), engine);
  }
  // Decimals stay unquoted so an exact value is not read through a float; everything else is quoted text.
  if (type.kind === 'decimal' && /^-?\d+(?:\.\d+)?$/.test(value)) return value;
  return quoteText(value, engine);
}

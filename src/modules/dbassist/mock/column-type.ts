import type { SupportedDbType } from '../../../shared/dbassist-kinds.js';

/**
 * What values a column's declared type admits, read from the engine's spelling of it (`character varying(40)`,
 * `numeric(10,2)`, `int(10) unsigned`, `enum('a','b')`, `NVARCHAR(120)`, `text[]`).
 */
export type ColumnType =
  | { kind: 'int'; min: number; max: number }
  | { kind: 'decimal'; precision: number | null; scale: number }
  | { kind: 'float' }
  | { kind: 'bool' }
  | { kind: 'text'; maxLength: number | null }
  | { kind: 'date' }
  | { kind: 'timestamp'; withZone: boolean }
  | { kind: 'time' }
  | { kind: 'interval' }
  | { kind: 'year' }
  | { kind: 'uuid' }
  | { kind: 'json' }
  | { kind: 'bytes'; maxLength: number | null }
  | { kind: 'enum'; values: string[] }
  | { kind: 'array'; element: ColumnType }
  | { kind: 'vector'; dimensions: number }
  | { kind: 'tsvector' }
  | { kind: 'inet' }
  | { kind: 'unknown'; name: string };

/** Beyond 2^53 a JavaScript number loses integers; bigints are kept inside that range. */
const SAFE = Number.MAX_SAFE_INTEGER;

const INT_RANGES: Record<string, [number, number, number]> = {
  // name: [signed min, signed max, unsigned max]
  tinyint: [-128, 127, 255],
  smallint: [-32768, 32767, 65535],
  int2: [-32768, 32767, 65535],
  mediumint: [-8388608, 8388607, 16777215],
  int: [-2147483648, 2147483647, 4294967295],
  integer: [-2147483648, 2147483647, 4294967295],
  int4: [-2147483648, 2147483647, 4294967295],
  serial: [1, 2147483647, 2147483647],
  smallserial: [1, 32767, 32767],
  bigint: [-SAFE, SAFE, SAFE],
  int8: [-SAFE, SAFE, SAFE],
  bigserial: [1, SAFE, SAFE],
};

function quotedList(inner: string): string[] {
  return [...inner.matchAll(/'((?:[^']|'')*)'/g)].map((m) => m[1]!.replace(/''/g, "'"));
}

/** `enumValues` are the values of the PostgreSQL enum the column uses, when it is one. */
export function columnTypeOf(dataType: string, engine: SupportedDbType, enumValues: string[] | null = null): ColumnType {
  if (enumValues) return { kind: 'enum', values: enumValues };
  const spelled = dataType.trim();
  const lower = spelled.toLowerCase();
  if (lower.endsWith('[]')) return { kind: 'array', element: columnTypeOf(spelled.slice(0, -2), engine) };
  const enumMatch = /^(?:enum|set)\s*\((.*)\)$/is.exec(spelled);
  if (enumMatch) return { kind: 'enum', values: quotedList(enumMatch[1]!) };

  const base = lower.replace(/\(.*\)/, '').replace(/\b(unsigned|signed|zerofill)\b/g, '').trim();
  const args = /\(([^)]*)\)/.exec(lower)?.[1]?.split(',').map((a) => Number.parseInt(a.trim(), 10)) ?? [];
  const unsigned = /\bunsigned\b/.test(lower);

  // MySQL's tinyint(1) and bit(1) are its booleans.
  if (base === 'boolean' || base === 'bool' || (base === 'tinyint' && args[0] === 1) || (base === 'bit' && (args[0] ?? 1) === 1)) return { kind: 'bool' };
  const intRange = INT_RANGES[base];
  if (intRange) return { kind: 'int', min: unsigned ? 0 : intRange[0], max: unsigned ? intRange[2] : intRange[1] };
  // SQLite's INTEGER and other engines' spellings.
  if (/^(?:unsigned big int|int\d*|integer)$/.test(base)) return { kind: 'int', min: -2147483648, max: 2147483647 };
  if (base === 'numeric' || base === 'decimal' || base === 'dec' || base === 'number') {
    const precision = Number.isFinite(args[0]) ? args[0]! : null;
    // MySQL's DECIMAL without modifiers is DECIMAL(10,0); PostgreSQL's NUMERIC is unbounded (two decimals read as money-like).
    const scale = Number.isFinite(args[1]) ? args[1]! : precision !== null || engine === 'mysql' ? 0 : 2;
    return { kind: 'decimal', precision: precision ?? (engine === 'mysql' ? 10 : null), scale };
  }
  if (base === 'money') return { kind: 'decimal', precision: 12, scale: 2 };
  if (/^(?:real|float\d*|double|double precision)$/.test(base)) return { kind: 'float' };
  if (/^(?:character varying|varchar|nvarchar|varchar2|nchar varying|character|char|nchar|bpchar|native character|varying character)$/.test(base)) {
    return { kind: 'text', maxLength: Number.isFinite(args[0]) ? args[0]! : base.includes('char') && !base.includes('var') ? 1 : null };
  }
  if (base === 'tinytext') return { kind: 'text', maxLength: 255 };
  if (/^(?:text|mediumtext|longtext|clob|citext|name|string)$/.test(base)) return { kind: 'text', maxLength: base === 'name' ? 63 : null };
  if (base === 'date') return { kind: 'date' };
  if (/^timestamp(?:tz)?(?: with time zone| without time zone)?$/.test(base) || base === 'datetime' || base === 'timestamptz') {
    return { kind: 'timestamp', withZone: base.includes('with time zone') || base === 'timestamptz' || (engine === 'mysql' && base === 'timestamp') };
  }
  if (/^time(?:tz)?(?: with time zone| without time zone)?$/.test(base)) return { kind: 'time' };
  if (base === 'interval') return { kind: 'interval' };
  if (base === 'year') return { kind: 'year' };
  if (base === 'uuid' || base === 'uniqueidentifier') return { kind: 'uuid' };
  if (base === 'json' || base === 'jsonb') return { kind: 'json' };
  if (/^(?:bytea|blob|tinyblob|mediumblob|longblob|binary|varbinary)$/.test(base)) return { kind: 'bytes', maxLength: Number.isFinite(args[0]) ? args[0]! : null };
  if (base === 'vector') return { kind: 'vector', dimensions: Number.isFinite(args[0]) ? args[0]! : 3 };
  if (base === 'tsvector') return { kind: 'tsvector' };
  if (base === 'inet' || base === 'cidr') return { kind: 'inet' };
  // SQLite's type affinity: a declared type naming CHAR, CLOB or TEXT is text; REAL/FLOA/DOUB is a float.
  if (engine === 'sqlite') {
    if (/char|clob|text/.test(base)) return { kind: 'text', maxLength: Number.isFinite(args[0]) ? args[0]! : null };
    if (/real|floa|doub/.test(base)) return { kind: 'float' };
    if (/int/.test(base)) return { kind: 'int', min: -2147483648, max: 2147483647 };
  }
  return { kind: 'unknown', name: spelled };
}

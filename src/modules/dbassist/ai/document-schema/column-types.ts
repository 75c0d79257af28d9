/** What kind of value a column holds, from the engine's spelling of its type. */
export type TypeFamily = 'integer' | 'decimal' | 'text' | 'boolean' | 'date' | 'timestamp' | 'time' | 'json' | 'binary' | 'uuid' | 'enum' | 'array' | 'search' | 'other';

export function typeFamily(dataType: string, enumValues: readonly string[] = []): TypeFamily {
  const type = dataType.toLowerCase().trim();
  if (enumValues.length > 0 || /^enum\s*\(/.test(type)) return 'enum';
  if (/\[\]$|^array\b/.test(type)) return 'array';
  if (/^(?:bool|boolean|bit\(1\)|bit|tinyint\(1\))/.test(type)) return 'boolean';
  if (/^json/.test(type)) return 'json';
  if (/^(?:uuid|uniqueidentifier)/.test(type)) return 'uuid';
  if (/^tsvector|^tsquery/.test(type)) return 'search';
  if (/^(?:timestamp|datetime|smalldatetime)/.test(type)) return 'timestamp';
  if (/^date\b/.test(type)) return 'date';
  if (/^time\b/.test(type)) return 'time';
  if (/^(?:tinyint|smallint|mediumint|int|integer|bigint|serial|smallserial|bigserial|year)\b/.test(type)) return 'integer';
  if (/^(?:numeric|decimal|real|double|float|money|smallmoney|number)\b/.test(type)) return 'decimal';
  if (/^(?:character|char|varchar|nvarchar|nchar|text|tinytext|mediumtext|longtext|citext|string|clob|name|xml)\b/.test(type)) return 'text';
  if (/^(?:bytea|blob|tinyblob|mediumblob|longblob|binary|varbinary|image)\b/.test(type)) return 'binary';
  return 'other';
}

/** The values of a MySQL `enum('a','b')` type. */
export function inlineEnumValues(dataType: string): string[] {
  const match = /^enum\s*\((.*)\)/i.exec(dataType.trim());
  if (!match) return [];
  return [...match[1]!.matchAll(/'((?:[^']|'')*)'/g)].map((m) => m[1]!.replace(/''/g, "'"));
}

/** "up to 40 characters" for `character varying(40)`; '' when the type sets no length. */
export function lengthLimit(dataType: string): string {
  const match = /^(?:character varying|varchar|nvarchar|char|character|nchar)\s*\((\d+)\)/i.exec(dataType.trim());
  return match ? `up to ${match[1]} characters` : '';
}

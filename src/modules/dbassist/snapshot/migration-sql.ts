import type { SupportedDbType } from '../../../shared/dbassist-kinds.js';
import { compareModels, foreignKeySignature, standaloneIndexes, type ModelDelta, type TableDelta } from './diff.js';
import { tableKey, type CheckModel, type ColumnModel, type ForeignKeyModel, type IndexModel, type KeyModel, type SchemaModel, type TableModel } from './schema-model.js';

/**
 * The PostgreSQL DDL that takes a database from one schema version to another, in an order that runs: views and
 * foreign keys go before what they depend on, tables and columns come before the keys, indexes and views that use
 * them. Models crawled from MySQL or SQLite are written with the nearest PostgreSQL types.
 */
export function migrationSql(from: SchemaModel, to: SchemaModel): string {
  return migrationSqlOf(compareModels(from, to));
}

export function migrationSqlOf(delta: ModelDelta): string {
  const names = new Naming(delta.to.engine, delta.from, delta.to);
  const out: string[] = [];
  const isView = (table: TableModel) => table.kind === 'view' || table.kind === 'materialized_view';
  const rebuiltViews = delta.changedTables.filter((change) => isView(change.from) || isView(change.to));
  const changedTables = delta.changedTables.filter((change) => !isView(change.from) && !isView(change.to));
  const addedTables = delta.addedTables.filter((table) => !isView(table));
  const removedTables = delta.removedTables.filter((table) => !isView(table));

  // 1. Views that go or change are dropped first: they may read columns that are about to change.
  for (const view of [...delta.removedTables.filter(isView), ...rebuiltViews.map((change) => change.from)]) {
    out.push(`DROP ${view.kind === 'materialized_view' ? 'MATERIALIZED VIEW' : 'VIEW'} IF EXISTS ${names.table(view)};`);
  }

  // 2. Foreign keys that go, and those that lean on a key about to be rebuilt (re-added in step 9).
  const reAdded = dependentForeignKeys(delta, changedTables);
  for (const change of changedTables) {
    for (const key of change.foreignKeys.removed) out.push(`ALTER TABLE ${names.table(change.from)} DROP CONSTRAINT ${names.ident(names.foreignKeyName(change.from, key))};`);
  }
  for (const { table, key } of reAdded) out.push(`ALTER TABLE ${names.table(table)} DROP CONSTRAINT ${names.ident(names.foreignKeyName(table, key))};`);

  // 3. Indexes and constraints that go or change.
  for (const change of changedTables) {
    for (const index of [...change.indexes.removed, ...change.indexes.changed.map((pair) => pair.from)]) out.push(`DROP INDEX ${names.qualified(change.from.namespace, index.name)};`);
    for (const key of change.uniques.removed) out.push(`ALTER TABLE ${names.table(change.from)} DROP CONSTRAINT ${names.ident(names.uniqueName(change.from, key))};`);
    for (const check of change.checks.removed) out.push(`ALTER TABLE ${names.table(change.from)} DROP CONSTRAINT ${names.ident(names.checkName(change.from, check))};`);
    if (change.primaryKey?.from) out.push(`ALTER TABLE ${names.table(change.from)} DROP CONSTRAINT ${names.ident(names.primaryKeyName(change.from, change.primaryKey.from))};`);
  }

  // 4. Tables that go, in one statement so their foreign keys among themselves need no order.
  if (removedTables.length > 0) out.push(`DROP TABLE ${removedTables.map((table) => names.table(table)).join(', ')};`);

  // 5. Enum types come before the tables that use them.
  for (const type of delta.enums.added) out.push(`CREATE TYPE ${names.qualified(type.namespace, type.name)} AS ENUM (${type.values.map(literal).join(', ')});`);
  for (const { from, to } of delta.enums.changed) {
    const appended = from.values.every((value, index) => to.values[index] === value);
    if (appended) {
      for (const value of to.values.slice(from.values.length)) out.push(`ALTER TYPE ${names.qualified(to.namespace, to.name)} ADD VALUE ${literal(value)};`);
    } else {
      out.push(`-- Enum ${names.qualified(to.namespace, to.name)}: values were removed or reordered (${from.values.join(', ')} → ${to.values.join(', ')}); PostgreSQL needs the type rebuilt by hand.`);
    }
  }

  // 6. New tables with their columns, primary key, unique and check constraints.
  for (const table of addedTables) out.push(createTable(names, table));

  // 7. Columns of tables in both versions.
  for (const change of changedTables) out.push(...alterColumns(names, change));

  // 8. Keys and constraints that come or change.
  for (const change of changedTables) {
    const table = names.table(change.to);
    if (change.primaryKey?.to) out.push(`ALTER TABLE ${table} ADD ${constraintPrefix(names, change.to.primaryKey!.name)}PRIMARY KEY (${names.columns(change.primaryKey.to.columns)});`);
    for (const key of change.uniques.added) out.push(`ALTER TABLE ${table} ADD ${constraintPrefix(names, key.name)}UNIQUE (${names.columns(key.columns)});`);
    for (const check of change.checks.added) out.push(`ALTER TABLE ${table} ADD ${constraintPrefix(names, check.name)}${checkClause(check)};`);
  }

  // 9. Indexes, then foreign keys (every table they reference exists by now).
  for (const table of addedTables) for (const index of standaloneIndexes(table)) out.push(createIndex(names, table, index));
  for (const change of changedTables) {
    for (const index of [...change.indexes.added, ...change.indexes.changed.map((pair) => pair.to)]) out.push(createIndex(names, change.to, index));
  }
  for (const table of addedTables) for (const key of table.foreignKeys) out.push(addForeignKey(names, table, key));
  for (const change of changedTables) for (const key of change.foreignKeys.added) out.push(addForeignKey(names, change.to, key));
  for (const { table, key } of reAdded) out.push(addForeignKey(names, table, key));

  // 10. Views, now that what they read exists.
  for (const view of [...delta.addedTables.filter(isView), ...rebuiltViews.map((change) => change.to)]) {
    if (!isView(view)) {
      out.push(createTable(names, view));
      continue;
    }
    if (!view.viewDefinition) {
      out.push(`-- ${names.table(view)}: the crawl has no definition for this view.`);
      continue;
    }
    out.push(`CREATE ${view.kind === 'materialized_view' ? 'MATERIALIZED VIEW' : 'VIEW'} ${names.table(view)} AS\n${view.viewDefinition.replace(/;\s*$/, '')};`);
  }

  // 11. Comments.
  for (const table of delta.addedTables) out.push(...comments(names, table, table.columns, true));
  for (const change of delta.changedTables) {
    if (change.other.some((item) => item.what === 'comment')) out.push(commentOn(`${objectWord(change.to)} ${names.table(change.to)}`, change.to.comment));
    const commented = [...change.columns.added.filter((column) => column.comment !== null), ...change.columns.changed.filter((column) => column.changes.some((item) => item.what === 'comment')).map((column) => column.to)];
    out.push(...comments(names, change.to, commented, false));
  }

  // 12. Enum types no column uses any more.
  for (const type of delta.enums.removed) out.push(`DROP TYPE ${names.qualified(type.namespace, type.name)};`);

  return out.length === 0 ? '' : `${out.join('\n')}\n`;
}

/** Foreign keys kept in both versions that reference a table whose primary key or unique keys are rebuilt. */
function dependentForeignKeys(delta: ModelDelta, changedTables: TableDelta[]): Array<{ table: TableModel; key: ForeignKeyModel }> {
  const rebuilt = new Set(changedTables.filter((change) => change.primaryKey || change.uniques.removed.length > 0 || change.columns.changed.some((column) => column.changes.some((item) => item.what === 'dataType'))).map((change) => change.key));
  if (rebuilt.size === 0) return [];
  const changed = new Map(changedTables.map((change) => [change.key, change]));
  const found: Array<{ table: TableModel; key: ForeignKeyModel }> = [];
  for (const table of delta.to.tables) {
    const change = changed.get(tableKey(table));
    const before = change ? change.from : delta.from.tables.find((candidate) => tableKey(candidate) === tableKey(table));
    if (!before) continue;
    const kept = new Set(before.foreignKeys.map(foreignKeySignature));
    for (const key of table.foreignKeys) {
      if (kept.has(foreignKeySignature(key)) && rebuilt.has(tableKey({ namespace: key.refNamespace, name: key.refTable }))) found.push({ table, key });
    }
  }
  return found;
}

function createTable(names: Naming, table: TableModel): string {
  const lines = table.columns.map((column) => `  ${columnDefinition(names, column, table)}`);
  if (table.primaryKey) lines.push(`  ${constraintPrefix(names, table.primaryKey.name)}PRIMARY KEY (${names.columns(table.primaryKey.columns)})`);
  for (const key of table.uniques) lines.push(`  ${constraintPrefix(names, key.name)}UNIQUE (${names.columns(key.columns)})`);
  for (const check of table.checks) lines.push(`  ${constraintPrefix(names, check.name)}${checkClause(check)}`);
  return `CREATE TABLE ${names.table(table)} (\n${lines.join(',\n')}\n);`;
}

/** `name type [NOT NULL] [DEFAULT …]`; a sequence default becomes serial, since the sequence does not exist yet. */
function columnDefinition(names: Naming, column: ColumnModel, table: TableModel): string {
  const type = names.type(column);
  const serial = serialType(type, column.defaultValue);
  const parts = [names.ident(column.name), serial ?? type];
  if (!serial && column.isIdentity && column.defaultValue === null) parts.push('GENERATED BY DEFAULT AS IDENTITY');
  if (!column.isNullable && !(table.primaryKey?.columns.length === 1 && table.primaryKey.columns[0] === column.name && serial)) parts.push('NOT NULL');
  if (!serial && column.defaultValue !== null) parts.push(`DEFAULT ${names.defaultValue(column.defaultValue)}`);
  return parts.join(' ');
}

function serialType(type: string, defaultValue: string | null): string | null {
  if (!defaultValue || !/^nextval\(/i.test(defaultValue)) return null;
  return { smallint: 'smallserial', integer: 'serial', bigint: 'bigserial' }[type.toLowerCase()] ?? null;
}

function alterColumns(names: Naming, change: TableDelta): string[] {
  const table = names.table(change.to);
  const out: string[] = [];
  for (const column of change.columns.added) out.push(`ALTER TABLE ${table} ADD COLUMN ${columnDefinition(names, column, change.to)};`);
  for (const { from, to, changes } of change.columns.changed) {
    const column = names.ident(to.name);
    const changed = new Set(changes.map((item) => item.what));
    // A default that cannot be cast to the new type would stop the type change: it goes first, and comes back after.
    const defaultMoves = changed.has('defaultValue') || (changed.has('dataType') && from.defaultValue !== null);
    if (defaultMoves && from.defaultValue !== null) out.push(`ALTER TABLE ${table} ALTER COLUMN ${column} DROP DEFAULT;`);
    if (changed.has('isIdentity') && from.isIdentity) out.push(`ALTER TABLE ${table} ALTER COLUMN ${column} DROP IDENTITY IF EXISTS;`);
    if (changed.has('dataType')) {
      const type = names.type(to);
      out.push(`ALTER TABLE ${table} ALTER COLUMN ${column} TYPE ${type} USING ${column}::${type};`);
    }
    if (defaultMoves && to.defaultValue !== null) out.push(`ALTER TABLE ${table} ALTER COLUMN ${column} SET DEFAULT ${names.defaultValue(to.defaultValue)};`);
    if (changed.has('isNullable')) out.push(`ALTER TABLE ${table} ALTER COLUMN ${column} ${to.isNullable ? 'DROP' : 'SET'} NOT NULL;`);
    if (changed.has('isIdentity') && to.isIdentity && to.defaultValue === null) out.push(`ALTER TABLE ${table} ALTER COLUMN ${column} ADD GENERATED BY DEFAULT AS IDENTITY;`);
  }
  for (const column of change.columns.removed) out.push(`ALTER TABLE ${table} DROP COLUMN ${names.ident(column.name)};`);
  return out;
}

function createIndex(names: Naming, table: TableModel, index: IndexModel): string {
  const method = ['hash', 'gist', 'gin', 'spgist', 'brin'].includes(index.method) ? ` USING ${index.method}` : '';
  const keys = index.columns.map((item) => names.indexKey(table, item)).join(', ');
  return `CREATE ${index.unique ? 'UNIQUE ' : ''}INDEX ${names.ident(index.name)} ON ${names.table(table)}${method} (${keys})${index.predicate ? ` WHERE ${index.predicate}` : ''};`;
}

function addForeignKey(names: Naming, table: TableModel, key: ForeignKeyModel): string {
  const target = names.qualified(key.refNamespace, key.refTable);
  const actions = [key.onDelete !== 'NO ACTION' ? ` ON DELETE ${key.onDelete}` : '', key.onUpdate !== 'NO ACTION' ? ` ON UPDATE ${key.onUpdate}` : ''].join('');
  return `ALTER TABLE ${names.table(table)} ADD ${constraintPrefix(names, key.name)}FOREIGN KEY (${names.columns(key.columns)}) REFERENCES ${target} (${names.columns(key.refColumns)})${actions};`;
}

function constraintPrefix(names: Naming, name: string | null): string {
  return name ? `CONSTRAINT ${names.ident(name)} ` : '';
}

/** Catalogs answer either the bare expression or the whole `CHECK (…)` clause. */
function checkClause(check: CheckModel): string {
  return /^CHECK\s*\(/i.test(check.expression) ? check.expression : `CHECK (${check.expression})`;
}

function objectWord(table: TableModel): string {
  return table.kind === 'view' ? 'VIEW' : table.kind === 'materialized_view' ? 'MATERIALIZED VIEW' : table.kind === 'foreign_table' ? 'FOREIGN TABLE' : 'TABLE';
}

function comments(names: Naming, table: TableModel, columns: ColumnModel[], withTable: boolean): string[] {
  const out: string[] = [];
  if (withTable && table.comment) out.push(commentOn(`${objectWord(table)} ${names.table(table)}`, table.comment));
  for (const column of columns) if (column.comment !== null || !withTable) out.push(commentOn(`COLUMN ${names.table(table)}.${names.ident(column.name)}`, column.comment));
  return out;
}

function commentOn(target: string, comment: string | null): string {
  return `COMMENT ON ${target} IS ${comment === null ? 'NULL' : literal(comment)};`;
}

export function literal(text: string): string {
  return `'${text.replace(/'/g, "''")}'`;
}

/** PostgreSQL's reserved key words: an identifier spelled like one must be quoted. */
const RESERVED = new Set(
  `all analyse analyze and any array as asc asymmetric authorization binary both case cast check collate collation column
  concurrently constraint create cross current_catalog current_date current_role current_schema current_time
  current_timestamp current_user default deferrable desc distinct do else end except false fetch for foreign freeze from
  full grant group having ilike in initially inner intersect into is isnull join lateral leading left like limit
  localtime localtimestamp natural not notnull null offset on only or order outer overlaps placing primary references
  returning right select session_user similar some symmetric system_user table tablesample then to trailing true union
  unique user using variadic verbose when where window with`.split(/\s+/),
);

/** An identifier as PostgreSQL reads it back unchanged: bare when it is lower case and no key word, else quoted. */
export function quoteIdent(name: string): string {
  return /^[a-z_][a-z0-9_$]*$/.test(name) && !RESERVED.has(name) ? name : `"${name.replace(/"/g, '""')}"`;
}

/**
 * How names, types and defaults of the models are spelt in PostgreSQL. A model from PostgreSQL keeps its schemas;
 * one from a single MySQL database or SQLite file drops its one namespace, which means nothing on PostgreSQL.
 */
class Naming {
  private readonly keepNamespaces: boolean;

  constructor(
    private readonly engine: SupportedDbType,
    from: SchemaModel,
    to: SchemaModel,
  ) {
    const namespaces = new Set([...from.tables, ...to.tables].map((table) => table.namespace));
    this.keepNamespaces = engine === 'postgres' || namespaces.size > 1;
  }

  ident(name: string): string {
    return quoteIdent(name);
  }

  qualified(namespace: string, name: string): string {
    return this.keepNamespaces && namespace ? `${quoteIdent(namespace)}.${quoteIdent(name)}` : quoteIdent(name);
  }

  table(table: Pick<TableModel, 'namespace' | 'name'>): string {
    return this.qualified(table.namespace, table.name);
  }

  columns(columns: string[]): string {
    return columns.map((column) => quoteIdent(column)).join(', ');
  }

  /** A key of an index: a column name, a column with its order, or an expression (kept as written). */
  indexKey(table: TableModel, item: string): string {
    if (table.columns.some((column) => column.name === item)) return quoteIdent(item);
    const ordered = /^(.+?)\s+((?:ASC|DESC)(?:\s+NULLS\s+(?:FIRST|LAST))?|NULLS\s+(?:FIRST|LAST))$/i.exec(item);
    if (ordered && table.columns.some((column) => column.name === ordered[1])) return `${quoteIdent(ordered[1]!)} ${ordered[2]!.toUpperCase()}`;
    return item.startsWith('(') ? item : `(${item})`;
  }

  type(column: ColumnModel): string {
    if (this.engine === 'postgres') return column.enumName ? this.enumType(column.enumName) : column.dataType;
    return foreignType(this.engine, column.dataType);
  }

  private enumType(enumName: string): string {
    const dot = enumName.indexOf('.');
    return dot > 0 ? this.qualified(enumName.slice(0, dot), enumName.slice(dot + 1)) : quoteIdent(enumName);
  }

  /** PostgreSQL defaults are SQL already; MySQL and SQLite answer bare values that may need quoting. */
  defaultValue(value: string): string {
    if (this.engine === 'postgres') return value;
    if (/^-?\d+(\.\d+)?$/.test(value) || /^'.*'$/s.test(value) || /^(NULL|TRUE|FALSE|CURRENT_TIMESTAMP|CURRENT_DATE|CURRENT_TIME)(\(\))?$/i.test(value)) return value;
    if (/^\(.*\)$/s.test(value)) return value;
    return literal(value);
  }

  primaryKeyName(table: TableModel, key: KeyModel): string {
    return key.name ?? `${table.name}_pkey`;
  }

  uniqueName(table: TableModel, key: KeyModel): string {
    return key.name ?? `${table.name}_${key.columns.join('_')}_key`;
  }

  checkName(table: TableModel, check: CheckModel): string {
    return check.name ?? `${table.name}_check`;
  }

  /** An unnamed key gets PostgreSQL's own default name, the one it would have been given here. */
  foreignKeyName(table: TableModel, key: ForeignKeyModel): string {
    return key.name ?? `${table.name}_${key.columns.join('_')}_fkey`;
  }
}

/** The nearest PostgreSQL type of a MySQL or SQLite column type. */
export function foreignType(engine: SupportedDbType, dataType: string): string {
  const type = dataType.trim().toLowerCase();
  const unsigned = /\bunsigned\b/.test(type);
  const base = type.replace(/\b(unsigned|zerofill)\b/g, '').replace(/\s+/g, ' ').trim();
  const size = /\(([^)]*)\)/.exec(base)?.[1];
  const name = base.replace(/\(.*\)/, '').trim();
  if (engine === 'sqlite') {
    // SQLite's type affinity rules, by the declared name.
    if (name.includes('int')) return 'bigint';
    if (/char|clob|text/.test(name)) return size && /char/.test(name) ? `character varying(${size})` : 'text';
    if (name === '' || name.includes('blob')) return 'bytea';
    if (/real|floa|doub/.test(name)) return 'double precision';
    if (/bool/.test(name)) return 'boolean';
    if (/datetime|timestamp/.test(name)) return 'timestamp without time zone';
    if (name === 'date') return 'date';
    return size ? `numeric(${size})` : 'numeric';
  }
  switch (name) {
    case 'tinyint':
      return size === '1' ? 'boolean' : 'smallint';
    case 'smallint':
      return unsigned ? 'integer' : 'smallint';
    case 'mediumint':
      return 'integer';
    case 'int':
    case 'integer':
      return unsigned ? 'bigint' : 'integer';
    case 'bigint':
      return unsigned ? 'numeric(20)' : 'bigint';
    case 'decimal':
    case 'numeric':
      return size ? `numeric(${size})` : 'numeric';
    case 'float':
      return 'real';
    case 'double':
    case 'double precision':
    case 'real':
      return 'double precision';
    case 'bit':
      return size && size !== '1' ? `bit(${size})` : 'boolean';
    case 'char':
      return `character(${size ?? 1})`;
    case 'varchar':
      return size ? `character varying(${size})` : 'character varying';
    case 'tinytext':
    case 'text':
    case 'mediumtext':
    case 'longtext':
    case 'enum':
    case 'set':
      return 'text';
    case 'binary':
    case 'varbinary':
    case 'tinyblob':
    case 'blob':
    case 'mediumblob':
    case 'longblob':
      return 'bytea';
    case 'date':
      return 'date';
    case 'datetime':
    case 'timestamp':
      return size ? `timestamp(${size}) without time zone` : 'timestamp without time zone';
    case 'time':
      return 'time without time zone';
    case 'year':
      return 'smallint';
    case 'json':
      return 'jsonb';
    case 'boolean':
    case 'bool':
      return 'boolean';
    default:
      return base || 'text';
  }
}

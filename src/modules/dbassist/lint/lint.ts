import type { LintFinding } from '../dbassist.contract.js';
import { uniqueKeys } from '../erd/er-diagram.js';
import { tableKey, type ColumnModel, type ForeignKeyModel, type SchemaModel, type TableModel } from '../snapshot/schema-model.js';
import { isPluralName, namingOutliers, nameStem, styleNames } from './naming.js';

/**
 * The schema checks tbls (`lint`) and SchemaSpy (its anomalies page) make, over one snapshot. Findings come table by
 * table in the model's order, each a sentence naming the table (as "namespace.table") and the column when there is
 * one.
 */

/** After this many columns without a comment in one table, one more finding says how many others there are. */
export const MAX_COLUMN_COMMENT_FINDINGS = 5;
/** How many names a naming finding lists before it says "and N more". */
const MAX_NAMES_LISTED = 5;

const BASE_TABLE_KINDS = new Set<TableModel['kind']>(['table', 'partitioned_table']);
const isBaseTable = (table: TableModel) => BASE_TABLE_KINDS.has(table.kind);

export function lintSchema(model: SchemaModel): LintFinding[] {
  const findings: LintFinding[] = [];
  const likelyParents = parentsByStem(model);
  // SQLite has no COMMENT: a missing one there is not something the schema's owner could fix.
  const commentsPossible = model.engine !== 'sqlite';
  for (const table of model.tables) {
    findings.push(
      ...tableWithoutPrimaryKey(table),
      ...foreignKeysWithoutIndex(table),
      ...undeclaredForeignKeys(table, likelyParents),
      ...nullableUniqueColumns(table),
      ...(commentsPossible ? [...missingTableComment(table), ...missingColumnComments(table)] : []),
      ...inconsistentColumnNames(table),
    );
  }
  findings.push(...inconsistentTableNames(model));
  return findings;
}

const quoted = (name: string) => `"${name}"`;
const columnList = (columns: readonly string[]) => columns.map(quoted).join(', ');
const what = (table: TableModel) => (table.kind === 'view' ? 'View' : table.kind === 'materialized_view' ? 'Materialized view' : 'Table');

function tableWithoutPrimaryKey(table: TableModel): LintFinding[] {
  if (!isBaseTable(table) || (table.primaryKey?.columns.length ?? 0) > 0) return [];
  return [
    {
      rule: 'table_without_primary_key',
      table: tableKey(table),
      message: `Table ${quoted(tableKey(table))} has no primary key, so nothing identifies one of its rows for an update, a delete or a reference.`,
    },
  ];
}

/**
 * A foreign key is indexed when some index, the primary key or a unique key starts with its columns (in any order):
 * without one, deleting or updating a referenced row scans the whole referencing table. MySQL creates such an index
 * for every foreign key, so this fires on PostgreSQL and SQLite. A partial index does not count.
 */
function foreignKeysWithoutIndex(table: TableModel): LintFinding[] {
  const leading = [
    ...(table.primaryKey ? [table.primaryKey.columns] : []),
    ...table.uniques.map((key) => key.columns),
    ...table.indexes.filter((index) => index.predicate === null).map((index) => index.columns),
  ];
  return table.foreignKeys
    .filter((key) => !leading.some((columns) => startsWith(columns, key.columns)))
    .map((key) => ({
      rule: 'foreign_key_without_index' as const,
      table: tableKey(table),
      ...(key.columns.length === 1 ? { column: key.columns[0]! } : {}),
      message:
        `Foreign key ${key.name ? `${quoted(key.name)} ` : ''}on ${quoted(tableKey(table))} (${columnList(key.columns)}) has no index that starts with ` +
        `${key.columns.length === 1 ? 'its column' : 'its columns'}: deleting or updating a row of ${quoted(referencedKey(key))} scans the whole table.`,
    }));
}

function startsWith(indexColumns: readonly string[], keyColumns: readonly string[]): boolean {
  if (keyColumns.length === 0 || indexColumns.length < keyColumns.length) return false;
  const head = new Set(indexColumns.slice(0, keyColumns.length));
  return keyColumns.every((column) => head.has(column));
}

const referencedKey = (key: ForeignKeyModel) => tableKey({ namespace: key.refNamespace, name: key.refTable });

/** Base tables with a one-column primary key, by the stem of their name ("customers", "Customer" → "customer"). */
function parentsByStem(model: SchemaModel): Map<string, TableModel[]> {
  const parents = new Map<string, TableModel[]>();
  for (const table of model.tables) {
    if (!isBaseTable(table) || table.primaryKey?.columns.length !== 1) continue;
    const stem = nameStem(table.name);
    if (stem === '') continue;
    parents.set(stem, [...(parents.get(stem) ?? []), table]);
  }
  return parents;
}

/**
 * A column named `<name>_id` or `<name>id` (any case: customer_id, CustomerId, customerID) looks like a foreign key
 * when a table named like <name>, singular or plural, has a one-column primary key; it is undeclared when no foreign
 * key of its table covers it. A table's own primary key is not a reference to itself; a parent in the table's own
 * namespace is preferred over one elsewhere.
 */
function undeclaredForeignKeys(table: TableModel, parents: Map<string, TableModel[]>): LintFinding[] {
  if (!isBaseTable(table)) return [];
  const covered = new Set(table.foreignKeys.flatMap((key) => key.columns));
  const findings: LintFinding[] = [];
  for (const column of table.columns) {
    if (covered.has(column.name)) continue;
    const match = /^(.+?)_?id$/i.exec(column.name);
    if (!match) continue;
    const stem = nameStem(match[1]!);
    if (stem.length < 2) continue;
    const candidates = (parents.get(stem) ?? []).filter((parent) => parent !== table);
    const parent = candidates.find((candidate) => candidate.namespace === table.namespace) ?? candidates[0];
    if (!parent) continue;
    const parentKey = parent.primaryKey!.columns[0]!;
    findings.push({
      rule: 'undeclared_foreign_key',
      table: tableKey(table),
      column: column.name,
      message: `Column ${quoted(column.name)} of ${quoted(tableKey(table))} looks like a reference to ${quoted(tableKey(parent))} (${quoted(parentKey)}), but no foreign key declares it.`,
    });
  }
  return findings;
}

/** A column of a unique key that may be NULL: many rows can hold NULL there, so the key does not identify a row. */
function nullableUniqueColumns(table: TableModel): LintFinding[] {
  const columns = new Map(table.columns.map((column) => [column.name, column]));
  const reported = new Set<string>();
  const findings: LintFinding[] = [];
  for (const key of uniqueKeys(table)) {
    for (const name of key) {
      if (reported.has(name) || !columns.get(name)?.isNullable) continue;
      reported.add(name);
      const together = key.length > 1 ? ` (with ${columnList(key.filter((other) => other !== name))})` : '';
      findings.push({
        rule: 'nullable_unique_column',
        table: tableKey(table),
        column: name,
        message: `Column ${quoted(name)} of ${quoted(tableKey(table))} is unique${together} but may be NULL, and rows with NULL there are not kept unique.`,
      });
    }
  }
  return findings;
}

const hasText = (text: string | null) => text !== null && text.trim() !== '';

function missingTableComment(table: TableModel): LintFinding[] {
  if (hasText(table.comment)) return [];
  return [{ rule: 'missing_table_comment', table: tableKey(table), message: `${what(table)} ${quoted(tableKey(table))} has no comment.` }];
}

/** One finding per column without a comment, up to MAX_COLUMN_COMMENT_FINDINGS per table, then one that counts the rest. */
function missingColumnComments(table: TableModel): LintFinding[] {
  const missing: ColumnModel[] = table.columns.filter((column) => !hasText(column.comment));
  const findings: LintFinding[] = missing.slice(0, MAX_COLUMN_COMMENT_FINDINGS).map((column) => ({
    rule: 'missing_column_comment',
    table: tableKey(table),
    column: column.name,
    message: `Column ${quoted(column.name)} of ${quoted(tableKey(table))} has no comment.`,
  }));
  const more = missing.length - MAX_COLUMN_COMMENT_FINDINGS;
  if (more > 0) {
    findings.push({
      rule: 'missing_column_comment',
      table: tableKey(table),
      message: `${more} more ${more === 1 ? 'column' : 'columns'} of ${quoted(tableKey(table))} ${more === 1 ? 'has' : 'have'} no comment (${missing.length} of ${table.columns.length} in all).`,
    });
  }
  return findings;
}

function listed(names: readonly string[]): string {
  const shown = names.slice(0, MAX_NAMES_LISTED).map(quoted).join(', ');
  return names.length > MAX_NAMES_LISTED ? `${shown} and ${names.length - MAX_NAMES_LISTED} more` : shown;
}

/** One finding per table whose column names mix styles, naming the columns that differ from the rest. */
function inconsistentColumnNames(table: TableModel): LintFinding[] {
  const outliers = namingOutliers(table.columns.map((column) => column.name));
  if (!outliers) return [];
  const names = outliers.outliers.map(({ name }) => name);
  const styles = [...new Set(outliers.outliers.map(({ style }) => styleNames[style]))].join(' or ');
  return [
    {
      rule: 'inconsistent_naming',
      table: tableKey(table),
      ...(names.length === 1 ? { column: names[0]! } : {}),
      message: `Columns of ${quoted(tableKey(table))} mix naming styles: most are ${styleNames[outliers.style]}, but ${listed(names)} ${names.length === 1 ? 'is' : 'are'} ${styles}.`,
    },
  ];
}

/**
 * Across the schema's tables and views: one finding per table named in another style than most (snake_case,
 * camelCase, PascalCase…), and per base table whose name is singular where most are plural, or the other way round.
 */
function inconsistentTableNames(model: SchemaModel): LintFinding[] {
  const findings: LintFinding[] = [];
  const outliers = namingOutliers(model.tables.map((table) => table.name));
  if (outliers) {
    const odd = new Map(outliers.outliers.map(({ name, style }) => [name, style]));
    for (const table of model.tables) {
      const style = odd.get(table.name);
      if (style === undefined) continue;
      findings.push({
        rule: 'inconsistent_naming',
        table: tableKey(table),
        message: `${what(table)} ${quoted(tableKey(table))} is named in ${styleNames[style]}, while most table names are ${styleNames[outliers.style]}.`,
      });
    }
  }
  const baseTables = model.tables.filter(isBaseTable);
  const plural = baseTables.filter((table) => isPluralName(table.name));
  const singular = baseTables.filter((table) => !isPluralName(table.name));
  if (plural.length > 0 && singular.length > 0) {
    // A tie keeps the singular names, the form tbls and most style guides recommend.
    const [odd, usual] = plural.length >= singular.length + 1 ? [singular, 'plural'] : [plural, 'singular'];
    for (const table of odd) {
      findings.push({
        rule: 'inconsistent_naming',
        table: tableKey(table),
        message: `Table ${quoted(tableKey(table))} has a ${usual === 'plural' ? 'singular' : 'plural'} name, while most table names are ${usual}.`,
      });
    }
  }
  return findings;
}

import { oneLine, truncate } from '../../../core/text/index.js';
import { tableKey, type ColumnModel, type ForeignKeyModel, type SchemaModel, type TableModel } from '../snapshot/schema-model.js';
import { resolveTables } from './viewpoint.js';

export { UnknownTablesError } from './viewpoint.js';

/**
 * A Mermaid `erDiagram` of a schema, or of a viewpoint (the tables a person lists), like tbls draws one: every table
 * and view as an entity with its columns and PK/FK/UK markers, one relationship per foreign key.
 *
 * In a viewpoint, a foreign key to a table outside it is left out rather than drawn to a stub entity: a stub would
 * show a table the person did not ask for with none of its columns, and the table's own column list still marks the
 * column FK.
 */
export type ErDiagram = { mermaidCode: string; tables: string[] };

/** A comment longer than this is cut (with an ellipsis): the diagram shows a hint, the docs carry the whole text. */
const MAX_COMMENT = 60;
/** Types like MySQL's `enum('a','b',…)` can be long; the diagram needs the gist. */
const MAX_TYPE = 40;

/** Words Mermaid's ER grammar reads as keywords where an entity name stands. */
const RESERVED_ENTITY_NAMES = new Set([
  'one', 'many', 'zero', 'only', 'optionally', 'to', 'u', 'o', 'end', 'style', 'class', 'classdef', 'subgraph',
  'erdiagram', 'title', 'acctitle', 'accdescr', 'direction', 'pk', 'fk', 'uk',
]);
const PLAIN_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
/** Attribute markers the grammar reserves: a column or type spelled like one must be quoted or changed. */
const KEY_WORD = /^(?:pk|fk|uk)$/i;

const VIEW_KINDS = new Set<TableModel['kind']>(['view', 'materialized_view']);

export function erDiagram(model: SchemaModel, tableKeys?: readonly string[]): ErDiagram {
  const tables = tableKeys === undefined ? model.tables : resolveTables(model, tableKeys);
  const names = entityNames(tables);
  const byKey = new Map(tables.map((table) => [tableKey(table), table]));
  const lines = ['erDiagram'];
  for (const table of tables) lines.push(...entityLines(table, names.get(table)!));
  for (const table of tables) {
    if (VIEW_KINDS.has(table.kind)) continue;
    for (const foreignKey of table.foreignKeys) {
      const parent = byKey.get(tableKey({ namespace: foreignKey.refNamespace, name: foreignKey.refTable }));
      if (!parent) continue;
      lines.push(relationshipLine(table, foreignKey, names.get(table)!.id, names.get(parent)!.id));
    }
  }
  return { mermaidCode: `${lines.join('\n')}\n`, tables: tables.map(tableKey) };
}

type EntityName = { id: string; label: string | null };

/**
 * Mermaid identifiers for the tables: the bare name when it is unique among them, else "namespace__table"; a name
 * that is not a plain word (spaces, dots, a leading digit) or is a keyword gets a plain identifier and shows its real
 * name as the entity's alias. Views show "(view)" in their alias, so they read apart from tables.
 */
function entityNames(tables: readonly TableModel[]): Map<TableModel, EntityName> {
  const nameCounts = new Map<string, number>();
  for (const table of tables) nameCounts.set(table.name, (nameCounts.get(table.name) ?? 0) + 1);
  const used = new Set<string>();
  const result = new Map<TableModel, EntityName>();
  for (const table of tables) {
    const unique = nameCounts.get(table.name) === 1 || table.namespace === '';
    const wanted = unique ? table.name : `${table.namespace}__${table.name}`;
    const display = unique ? table.name : tableKey(table);
    const plain = PLAIN_NAME.test(wanted) && !RESERVED_ENTITY_NAMES.has(wanted.toLowerCase());
    let id = plain ? wanted : `e_${wanted.replace(/[^A-Za-z0-9_]/g, '_')}`;
    for (let n = 2; used.has(id.toLowerCase()); n++) id = `${plain ? wanted : `e_${wanted.replace(/[^A-Za-z0-9_]/g, '_')}`}_${n}`;
    used.add(id.toLowerCase());
    const viewMark = table.kind === 'view' ? ' (view)' : table.kind === 'materialized_view' ? ' (materialized view)' : '';
    const label = id === display && viewMark === '' ? null : `${display}${viewMark}`;
    result.set(table, { id, label: label === null ? null : quotable(label) });
  }
  return result;
}

function entityLines(table: TableModel, name: EntityName): string[] {
  const primary = new Set(table.primaryKey?.columns ?? []);
  const foreign = new Set(table.foreignKeys.flatMap((key) => key.columns));
  const unique = new Set(uniqueKeys(table).flat());
  const head = name.label === null ? name.id : `${name.id}["${name.label}"]`;
  const lines = [`  ${head} {`];
  for (const column of table.columns) {
    const keys = [primary.has(column.name) ? 'PK' : null, foreign.has(column.name) ? 'FK' : null, unique.has(column.name) && !primary.has(column.name) ? 'UK' : null]
      .filter((key) => key !== null)
      .join(', ');
    const comment = shortComment(column);
    lines.push(`    ${mermaidType(column.dataType)} ${attributeName(column.name)}${keys ? ` ${keys}` : ''}${comment ? ` "${comment}"` : ''}`);
  }
  lines.push('  }');
  return lines;
}

/** Unique constraints and unique indexes on plain columns (a partial unique index does not make its columns unique). */
export function uniqueKeys(table: TableModel): string[][] {
  const names = new Set(table.columns.map((column) => column.name));
  const fromIndexes = table.indexes
    .filter((index) => index.unique && !index.primary && index.predicate === null && index.columns.every((column) => names.has(column)))
    .map((index) => index.columns);
  return [...table.uniques.map((key) => key.columns), ...fromIndexes];
}

/**
 * `child }o--|| parent : "fk_col"`. The parent side is exactly one, or zero or one when a key column may be NULL; the
 * child side is zero or more, or zero or one when the key's columns are also unique in the child. The schema cannot
 * say that every parent has a child, so "one or more" (`}|`) is never drawn. A key whose columns are part of the
 * child's primary key identifies the child (a solid line); any other is drawn dashed.
 */
function relationshipLine(child: TableModel, foreignKey: ForeignKeyModel, childId: string, parentId: string): string {
  const columns = new Map(child.columns.map((column) => [column.name, column]));
  const optional = foreignKey.columns.some((name) => columns.get(name)?.isNullable ?? true);
  const keySet = new Set(foreignKey.columns);
  const sameColumns = (key: readonly string[]) => key.length === keySet.size && key.every((name) => keySet.has(name));
  const primaryKey = child.primaryKey?.columns ?? [];
  const oneChild = sameColumns(primaryKey) || uniqueKeys(child).some(sameColumns);
  const identifying = primaryKey.length > 0 && foreignKey.columns.every((name) => primaryKey.includes(name));
  const childSide = oneChild ? '|o' : '}o';
  const parentSide = optional ? 'o|' : '||';
  const line = identifying ? '--' : '..';
  return `  ${childId} ${childSide}${line}${parentSide} ${parentId} : "${quotable(foreignKey.columns.join(', '))}"`;
}

/** A column type as one Mermaid word: `character varying(40)` → `character_varying(40)`. */
export function mermaidType(dataType: string): string {
  let type = dataType
    .trim()
    .replace(/\s+/g, '_')
    .replace(/[^A-Za-z0-9_\-()[\].,\u00C0-\uFFFF]/g, '')
    .slice(0, MAX_TYPE);
  if (!/^[A-Za-z_\u00C0-\uFFFF]/.test(type)) type = `t_${type}`;
  if (KEY_WORD.test(type)) type = `${type}_`;
  return type;
}

/** A plain column name as is; anything else (spaces, a leading digit, "pk") between backticks. */
function attributeName(name: string): string {
  if (PLAIN_NAME.test(name) && !KEY_WORD.test(name)) return name;
  const inner = quotable(name.replace(/`/g, "'"));
  return `\`${inner || '_'}\``;
}

function shortComment(column: ColumnModel): string {
  if (!column.comment) return '';
  return quotable(truncate(oneLine(column.comment), MAX_COMMENT));
}

/**
 * Text safe inside Mermaid quotes and shown by a browser: no quote, backslash or angle bracket, one line, and none of
 * the CSS that loads files (the diagrams module refuses url( and @import anywhere in the code).
 */
function quotable(text: string): string {
  return oneLine(text)
    .replace(/["\\<>]/g, '')
    .replace(/(url|image-set|expression)(\s*)\(/gi, '$1$2 [')
    .replace(/@import/gi, 'import')
    // "%%" opens a Mermaid comment or directive.
    .replace(/%{2,}/g, '%');
}

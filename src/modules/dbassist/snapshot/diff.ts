import type { SchemaDiff, TableChange } from '../dbassist.contract.js';
import { normalizeSchemaModel } from './normalize.js';
import {
  tableKey,
  type CheckModel,
  type ColumnModel,
  type EnumModel,
  type ForeignKeyModel,
  type IndexModel,
  type KeyModel,
  type SchemaModel,
  type TableModel,
} from './schema-model.js';

type AttributeChange = { what: string; from: unknown; to: unknown };

/** A column whose definition changed, with what changed. */
export type ColumnDelta = { from: ColumnModel; to: ColumnModel; changes: AttributeChange[] };

/** Everything that differs in one table present in both versions (same namespace and name). */
export type TableDelta = {
  key: string;
  from: TableModel;
  to: TableModel;
  columns: { added: ColumnModel[]; removed: ColumnModel[]; changed: ColumnDelta[] };
  primaryKey: { from: KeyModel | null; to: KeyModel | null } | null;
  foreignKeys: { added: ForeignKeyModel[]; removed: ForeignKeyModel[] };
  indexes: { added: IndexModel[]; removed: IndexModel[]; changed: Array<{ from: IndexModel; to: IndexModel }> };
  uniques: { added: KeyModel[]; removed: KeyModel[] };
  checks: { added: CheckModel[]; removed: CheckModel[] };
  other: AttributeChange[];
};

/** The structured difference of two models: what migration-sql.ts writes DDL from and the API's diff is read from. */
export type ModelDelta = {
  from: SchemaModel;
  to: SchemaModel;
  addedTables: TableModel[];
  removedTables: TableModel[];
  changedTables: TableDelta[];
  enums: { added: EnumModel[]; removed: EnumModel[]; changed: Array<{ from: EnumModel; to: EnumModel }> };
};

export function compareModels(fromModel: SchemaModel, toModel: SchemaModel): ModelDelta {
  const from = normalizeSchemaModel(fromModel);
  const to = normalizeSchemaModel(toModel);
  const before = new Map(from.tables.map((table) => [tableKey(table), table]));
  const after = new Map(to.tables.map((table) => [tableKey(table), table]));
  const changedTables: TableDelta[] = [];
  for (const [key, table] of after) {
    const previous = before.get(key);
    if (!previous) continue;
    const delta = compareTables(key, previous, table);
    if (hasChanges(delta)) changedTables.push(delta);
  }
  const enumKey = (type: EnumModel) => `${type.namespace}.${type.name}`;
  const enumsBefore = new Map(from.enums.map((type) => [enumKey(type), type]));
  const enumsAfter = new Map(to.enums.map((type) => [enumKey(type), type]));
  return {
    from,
    to,
    addedTables: to.tables.filter((table) => !before.has(tableKey(table))),
    removedTables: from.tables.filter((table) => !after.has(tableKey(table))),
    changedTables,
    enums: {
      added: to.enums.filter((type) => !enumsBefore.has(enumKey(type))),
      removed: from.enums.filter((type) => !enumsAfter.has(enumKey(type))),
      changed: to.enums
        .filter((type) => enumsBefore.has(enumKey(type)) && enumsBefore.get(enumKey(type))!.values.join('\u0000') !== type.values.join('\u0000'))
        .map((type) => ({ from: enumsBefore.get(enumKey(type))!, to: type })),
    },
  };
}

/** The API's diff content (without the version ids and the SQL, which the route adds). */
export function diffSchemaModels(from: SchemaModel, to: SchemaModel): Pick<SchemaDiff, 'added' | 'removed' | 'changed'> {
  return describeDelta(compareModels(from, to));
}

export function describeDelta(delta: ModelDelta): Pick<SchemaDiff, 'added' | 'removed' | 'changed'> {
  return {
    added: delta.addedTables.map((table) => tableKey(table)),
    removed: delta.removedTables.map((table) => tableKey(table)),
    changed: delta.changedTables.map(describeTableDelta),
  };
}

function describeTableDelta(delta: TableDelta): TableChange {
  return {
    table: delta.key,
    columns: {
      added: delta.columns.added.map((column) => column.name),
      removed: delta.columns.removed.map((column) => column.name),
      changed: delta.columns.changed.map((change) => ({ column: change.to.name, changes: change.changes })),
    },
    primaryKey: delta.primaryKey ? { what: 'primaryKey', from: delta.primaryKey.from?.columns ?? null, to: delta.primaryKey.to?.columns ?? null } : null,
    foreignKeys: { added: delta.foreignKeys.added.map(foreignKeyLabel), removed: delta.foreignKeys.removed.map(foreignKeyLabel) },
    indexes: {
      added: delta.indexes.added.map((index) => index.name),
      removed: delta.indexes.removed.map((index) => index.name),
      changed: delta.indexes.changed.map((change) => change.to.name),
    },
    uniques: { added: delta.uniques.added.map(keyLabel), removed: delta.uniques.removed.map(keyLabel) },
    checks: { added: delta.checks.added.map(checkLabel), removed: delta.checks.removed.map(checkLabel) },
    other: delta.other,
  };
}

function compareTables(key: string, from: TableModel, to: TableModel): TableDelta {
  const columnsBefore = new Map(from.columns.map((column) => [column.name, column]));
  const columnsAfter = new Map(to.columns.map((column) => [column.name, column]));
  const changed: ColumnDelta[] = [];
  for (const column of to.columns) {
    const previous = columnsBefore.get(column.name);
    if (!previous) continue;
    const changes = compareColumns(previous, column);
    if (changes.length > 0) changed.push({ from: previous, to: column, changes });
  }
  const samePrimaryKey = sameList(from.primaryKey?.columns ?? [], to.primaryKey?.columns ?? []);
  const fkBefore = new Set(from.foreignKeys.map(foreignKeySignature));
  const fkAfter = new Set(to.foreignKeys.map(foreignKeySignature));
  const uniqueBefore = new Set(from.uniques.map(uniqueSignature));
  const uniqueAfter = new Set(to.uniques.map(uniqueSignature));
  const checkBefore = new Set(from.checks.map(checkSignature));
  const checkAfter = new Set(to.checks.map(checkSignature));
  const indexesBefore = new Map(standaloneIndexes(from).map((index) => [index.name, index]));
  const indexesAfter = new Map(standaloneIndexes(to).map((index) => [index.name, index]));
  return {
    key,
    from,
    to,
    columns: {
      added: to.columns.filter((column) => !columnsBefore.has(column.name)),
      removed: from.columns.filter((column) => !columnsAfter.has(column.name)),
      changed,
    },
    primaryKey: samePrimaryKey ? null : { from: from.primaryKey, to: to.primaryKey },
    foreignKeys: {
      added: to.foreignKeys.filter((fk) => !fkBefore.has(foreignKeySignature(fk))),
      removed: from.foreignKeys.filter((fk) => !fkAfter.has(foreignKeySignature(fk))),
    },
    indexes: {
      added: [...indexesAfter.values()].filter((index) => !indexesBefore.has(index.name)),
      removed: [...indexesBefore.values()].filter((index) => !indexesAfter.has(index.name)),
      changed: [...indexesAfter.values()]
        .filter((index) => indexesBefore.has(index.name) && indexSignature(indexesBefore.get(index.name)!) !== indexSignature(index))
        .map((index) => ({ from: indexesBefore.get(index.name)!, to: index })),
    },
    uniques: {
      added: to.uniques.filter((key) => !uniqueBefore.has(uniqueSignature(key))),
      removed: from.uniques.filter((key) => !uniqueAfter.has(uniqueSignature(key))),
    },
    checks: {
      added: to.checks.filter((check) => !checkBefore.has(checkSignature(check))),
      removed: from.checks.filter((check) => !checkAfter.has(checkSignature(check))),
    },
    other: compareTableAttributes(from, to),
  };
}

function compareColumns(from: ColumnModel, to: ColumnModel): AttributeChange[] {
  const changes: AttributeChange[] = [];
  if (from.dataType !== to.dataType) changes.push({ what: 'dataType', from: from.dataType, to: to.dataType });
  if (from.isNullable !== to.isNullable) changes.push({ what: 'isNullable', from: from.isNullable, to: to.isNullable });
  if (from.defaultValue !== to.defaultValue) changes.push({ what: 'defaultValue', from: from.defaultValue, to: to.defaultValue });
  if (from.isIdentity !== to.isIdentity) changes.push({ what: 'isIdentity', from: from.isIdentity, to: to.isIdentity });
  if (from.comment !== to.comment) changes.push({ what: 'comment', from: from.comment, to: to.comment });
  return changes;
}

function compareTableAttributes(from: TableModel, to: TableModel): AttributeChange[] {
  const changes: AttributeChange[] = [];
  if (from.kind !== to.kind) changes.push({ what: 'kind', from: from.kind, to: to.kind });
  if (from.comment !== to.comment) changes.push({ what: 'comment', from: from.comment, to: to.comment });
  if (from.viewDefinition !== to.viewDefinition) changes.push({ what: 'viewDefinition', from: from.viewDefinition, to: to.viewDefinition });
  const triggers = (table: TableModel) => table.triggers.map((trigger) => `${trigger.name}\u0000${trigger.definition}`).join('\u0001');
  if (triggers(from) !== triggers(to)) {
    changes.push({ what: 'triggers', from: from.triggers.map((trigger) => trigger.name), to: to.triggers.map((trigger) => trigger.name) });
  }
  const columnOrder = (table: TableModel) => table.columns.map((column) => column.name);
  const common = (names: string[], other: string[]) => names.filter((name) => other.includes(name));
  const orderBefore = common(columnOrder(from), columnOrder(to));
  const orderAfter = common(columnOrder(to), columnOrder(from));
  if (!sameList(orderBefore, orderAfter)) changes.push({ what: 'columnOrder', from: orderBefore, to: orderAfter });
  return changes;
}

function hasChanges(delta: TableDelta): boolean {
  return (
    delta.columns.added.length + delta.columns.removed.length + delta.columns.changed.length > 0 ||
    delta.primaryKey !== null ||
    delta.foreignKeys.added.length + delta.foreignKeys.removed.length > 0 ||
    delta.indexes.added.length + delta.indexes.removed.length + delta.indexes.changed.length > 0 ||
    delta.uniques.added.length + delta.uniques.removed.length > 0 ||
    delta.checks.added.length + delta.checks.removed.length > 0 ||
    delta.other.length > 0
  );
}

/**
 * Indexes that stand on their own: not the one behind the primary key or behind a unique constraint (those come and
 * go with their constraint, and dropping them by name would fail).
 */
export function standaloneIndexes(table: TableModel): IndexModel[] {
  const constraintNames = new Set([table.primaryKey?.name, ...table.uniques.map((key) => key.name)].filter((name): name is string => !!name));
  // An unnamed unique constraint (SQLite) shows up as an index of its own name on the same columns.
  const unnamedUniques = new Set(table.uniques.filter((key) => key.name === null).map((key) => key.columns.join('\u0000')));
  return table.indexes.filter(
    (index) => !index.primary && !constraintNames.has(index.name) && !(index.unique && index.predicate === null && unnamedUniques.has(index.columns.join('\u0000'))),
  );
}

/** A foreign key is the same key when it links the same columns the same way, whatever the engine named it. */
export function foreignKeySignature(key: ForeignKeyModel): string {
  return `${key.columns.join(',')}>${key.refNamespace}.${key.refTable}(${key.refColumns.join(',')})/${key.onDelete}/${key.onUpdate}`;
}

function uniqueSignature(key: KeyModel): string {
  return key.columns.join('\u0000');
}

function checkSignature(check: CheckModel): string {
  return check.expression.replace(/\s+/g, ' ');
}

function indexSignature(index: IndexModel): string {
  return JSON.stringify([index.columns, index.unique, index.method, index.predicate]);
}

export function foreignKeyLabel(key: ForeignKeyModel): string {
  const actions = [key.onDelete !== 'NO ACTION' ? ` ON DELETE ${key.onDelete}` : '', key.onUpdate !== 'NO ACTION' ? ` ON UPDATE ${key.onUpdate}` : ''].join('');
  const target = tableKey({ namespace: key.refNamespace, name: key.refTable });
  return `${key.name ? `${key.name}: ` : ''}(${key.columns.join(', ')}) → ${target}(${key.refColumns.join(', ')})${actions}`;
}

function keyLabel(key: KeyModel): string {
  return `${key.name ? `${key.name} ` : ''}(${key.columns.join(', ')})`;
}

function checkLabel(check: CheckModel): string {
  return `${check.name ? `${check.name}: ` : ''}${check.expression}`;
}

function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((item, index) => item === b[index]);
}

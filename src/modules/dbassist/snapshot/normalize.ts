import type {
  CheckModel,
  ColumnModel,
  EnumModel,
  ForeignKeyModel,
  IndexModel,
  KeyModel,
  SchemaModel,
  TableModel,
  TriggerModel,
} from './schema-model.js';

/**
 * The canonical form of a crawl: every list in a stable order and every text trimmed, so two crawls of an unchanged
 * database are deep-equal whatever order the engine's catalog answered in. Drivers already aim for this; normalizing
 * again here keeps the content hash honest for any driver, including a careless one.
 */
export function normalizeSchemaModel(model: SchemaModel): SchemaModel {
  return {
    engine: model.engine,
    serverVersion: trimOrNull(model.serverVersion),
    namespaces: [...new Set(model.namespaces.map((namespace) => namespace.trim()))].sort(compareText),
    tables: model.tables.map(normalizeTable).sort((a, b) => compareText(a.namespace, b.namespace) || compareText(a.name, b.name)),
    enums: model.enums.map(normalizeEnum).sort((a, b) => compareText(a.namespace, b.namespace) || compareText(a.name, b.name)),
  };
}

function normalizeTable(table: TableModel): TableModel {
  // Ordinals become 1..n in position order: engines leave gaps after a dropped column, which is no schema content.
  const columns = [...table.columns].sort((a, b) => a.ordinal - b.ordinal || compareText(a.name, b.name)).map((column, index) => normalizeColumn(column, index + 1));
  return {
    namespace: table.namespace.trim(),
    name: table.name.trim(),
    kind: table.kind,
    comment: trimOrNull(table.comment),
    rowEstimate: table.rowEstimate === null || !Number.isFinite(table.rowEstimate) ? null : Math.max(0, Math.round(table.rowEstimate)),
    columns,
    primaryKey: table.primaryKey && table.primaryKey.columns.length > 0 ? normalizeKey(table.primaryKey) : null,
    foreignKeys: table.foreignKeys.map(normalizeForeignKey).sort((a, b) => compareText(foreignKeyOrder(a), foreignKeyOrder(b))),
    uniques: table.uniques.map(normalizeKey).sort((a, b) => compareText(keyOrder(a), keyOrder(b))),
    checks: table.checks.map(normalizeCheck).sort((a, b) => compareText(a.name ?? '', b.name ?? '') || compareText(a.expression, b.expression)),
    indexes: table.indexes.map(normalizeIndex).sort((a, b) => compareText(a.name, b.name)),
    triggers: table.triggers.map(normalizeTrigger).sort((a, b) => compareText(a.name, b.name)),
    viewDefinition: trimOrNull(table.viewDefinition),
  };
}

function normalizeColumn(column: ColumnModel, ordinal: number): ColumnModel {
  return {
    name: column.name.trim(),
    ordinal,
    dataType: collapseSpaces(column.dataType),
    isNullable: column.isNullable,
    defaultValue: trimOrNull(column.defaultValue),
    comment: trimOrNull(column.comment),
    isIdentity: column.isIdentity,
    enumName: trimOrNull(column.enumName),
  };
}

/** Key column order is meaningful (it is the index order); only the name is cleaned. */
function normalizeKey(key: KeyModel): KeyModel {
  return { name: trimOrNull(key.name), columns: key.columns.map((column) => column.trim()) };
}

function normalizeForeignKey(key: ForeignKeyModel): ForeignKeyModel {
  return {
    name: trimOrNull(key.name),
    columns: key.columns.map((column) => column.trim()),
    refNamespace: key.refNamespace.trim(),
    refTable: key.refTable.trim(),
    refColumns: key.refColumns.map((column) => column.trim()),
    onDelete: collapseSpaces(key.onDelete).toUpperCase() || 'NO ACTION',
    onUpdate: collapseSpaces(key.onUpdate).toUpperCase() || 'NO ACTION',
  };
}

function normalizeCheck(check: CheckModel): CheckModel {
  return { name: trimOrNull(check.name), expression: check.expression.trim() };
}

function normalizeIndex(index: IndexModel): IndexModel {
  return {
    name: index.name.trim(),
    columns: index.columns.map((column) => column.trim()),
    unique: index.unique,
    primary: index.primary,
    method: index.method.trim().toLowerCase(),
    predicate: trimOrNull(index.predicate),
  };
}

function normalizeTrigger(trigger: TriggerModel): TriggerModel {
  return {
    name: trigger.name.trim(),
    timing: collapseSpaces(trigger.timing).toUpperCase(),
    events: [...new Set(trigger.events.map((event) => event.trim().toUpperCase()))].sort(compareText),
    definition: trigger.definition.trim(),
  };
}

/** Enum labels keep their declared order: it is the sort order of the type. */
function normalizeEnum(type: EnumModel): EnumModel {
  return { namespace: type.namespace.trim(), name: type.name.trim(), values: [...type.values] };
}

function foreignKeyOrder(key: ForeignKeyModel): string {
  return `${key.name ?? ''}\u0000${key.columns.join(',')}\u0000${key.refNamespace}.${key.refTable}`;
}

function keyOrder(key: KeyModel): string {
  return `${key.name ?? ''}\u0000${key.columns.join(',')}`;
}

function trimOrNull(value: string | null | undefined): string | null {
  if (value === null || value === undefined) return null;
  const trimmed = value.trim();
  return trimmed === '' ? null : trimmed;
}

function collapseSpaces(value: string): string {
  return value.trim().replace(/\s+/g, ' ');
}

/** Code-point order, not the locale's: the same on every server. */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

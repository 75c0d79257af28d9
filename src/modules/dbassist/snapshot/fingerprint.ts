import { canonicalJson, sha256Hex } from './content-hash.js';
import { tableKey, type ColumnModel, type SchemaModel, type TableModel } from './schema-model.js';

/**
 * What a piece of documentation describes, reduced to a hash: when the hash of the object in a new snapshot differs
 * from the one stored with the text, the text is flagged stale. Comments, row counts, indexes and triggers are left
 * out on purpose: they do not make a description of the data wrong.
 */
export type FingerprintTarget = { model: SchemaModel } | { table: TableModel } | { table: TableModel; column: ColumnModel };

export function objectFingerprint(target: FingerprintTarget): string {
  if ('column' in target) return sha256Hex(canonicalJson(columnDefinition(target.table, target.column)));
  if ('table' in target) return sha256Hex(canonicalJson(tableDefinition(target.table)));
  // The schema's overview is about which tables there are.
  return sha256Hex(canonicalJson({ tables: target.model.tables.map((table) => tableKey(table)).sort() }));
}

/** The foreign keys a column takes part in, as "namespace.table(column)" of what it references. */
function referencesOf(table: TableModel, column: ColumnModel): string[] {
  return table.foreignKeys
    .filter((key) => key.columns.includes(column.name))
    .map((key) => `${tableKey({ namespace: key.refNamespace, name: key.refTable })}(${key.refColumns[key.columns.indexOf(column.name)] ?? ''})`)
    .sort();
}

function columnDefinition(table: TableModel, column: ColumnModel) {
  return {
    dataType: column.dataType,
    isNullable: column.isNullable,
    defaultValue: column.defaultValue,
    isPk: table.primaryKey?.columns.includes(column.name) ?? false,
    references: referencesOf(table, column),
  };
}

function tableDefinition(table: TableModel) {
  return {
    kind: table.kind,
    columns: table.columns.map((column) => ({
      name: column.name,
      dataType: column.dataType,
      isNullable: column.isNullable,
      isPk: table.primaryKey?.columns.includes(column.name) ?? false,
      references: referencesOf(table, column),
    })),
    primaryKey: table.primaryKey?.columns ?? null,
    uniques: table.uniques.map((key) => key.columns),
  };
}

/**
 * The fingerprint of the object an object key names in a model ('' for the schema, "namespace.table",
 * "namespace.table.column"); null when the model has no such object. Names may hold dots: the table is the longest
 * key that matches.
 */
export function fingerprintOfKey(model: SchemaModel, objectKey: string): string | null {
  if (objectKey === '') return objectFingerprint({ model });
  const tables = new Map(model.tables.map((table) => [tableKey(table), table]));
  const table = tables.get(objectKey);
  if (table) return objectFingerprint({ table });
  for (let cut = objectKey.lastIndexOf('.'); cut > 0; cut = objectKey.lastIndexOf('.', cut - 1)) {
    const owner = tables.get(objectKey.slice(0, cut));
    const column = owner?.columns.find((candidate) => candidate.name === objectKey.slice(cut + 1));
    if (owner && column) return objectFingerprint({ table: owner, column });
  }
  return null;
}

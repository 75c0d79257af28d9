import type { GenerationTemplate } from '../../../shared/dbassist-kinds.js';
import type { ColumnStats } from '../dbassist.schema.js';
import type { ColumnInput, SchemaDocInput, TableDocInput } from '../ai/document-schema/index.js';
import { inlineEnumValues } from '../ai/document-schema/column-types.js';
import { tableKey, type SchemaModel, type TableModel } from '../snapshot/schema-model.js';
import { personalKindOf, type PersonalKind } from './personal-data.js';

/** Sampled statistics of a table's columns, by column name, with the personal kind found while masking them. */
export type TableStats = Record<string, ColumnStats & { personal?: PersonalKind | null }>;

/** The tables that refer to each table ("namespace.table" → its referrers and their columns). */
export function referrers(model: SchemaModel): Map<string, Array<{ table: string; columns: string[] }>> {
  const map = new Map<string, Array<{ table: string; columns: string[] }>>();
  for (const table of model.tables) {
    for (const fk of table.foreignKeys) {
      const target = tableKey({ namespace: fk.refNamespace, name: fk.refTable });
      const list = map.get(target) ?? [];
      list.push({ table: tableKey(table), columns: fk.columns });
      map.set(target, list);
    }
  }
  return map;
}

/** The tables of the database a view's SELECT names (word-bounded, case-insensitive). */
export function viewSources(table: TableModel, model: SchemaModel): string[] {
  if (!table.viewDefinition) return [];
  const sql = table.viewDefinition.toLowerCase();
  return model.tables
    .filter((other) => other !== table && new RegExp(`(?:^|[^a-z0-9_$])${other.name.toLowerCase().replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?:[^a-z0-9_$]|$)`).test(sql))
    .map(tableKey);
}

const cut = (value: string | null, max: number) => (value === null ? null : value.length > max ? value.slice(0, max) : value);

/** Everything one documentation call needs about one table. */
export function tableDocInput(
  model: SchemaModel,
  table: TableModel,
  stats: TableStats | null,
  template: GenerationTemplate,
  referencedBy = referrers(model).get(tableKey(table)) ?? [],
): TableDocInput {
  const enums = new Map(model.enums.map((e) => [`${e.namespace}.${e.name}`, e.values]));
  const uniqueAlone = new Set([
    ...table.uniques.filter((u) => u.columns.length === 1).map((u) => u.columns[0]!),
    ...table.indexes.filter((i) => i.unique && !i.predicate && i.columns.length === 1).map((i) => i.columns[0]!),
  ]);
  const pk = new Set(table.primaryKey?.columns ?? []);
  const columns: ColumnInput[] = table.columns.map((column) => {
    const fk = table.foreignKeys.find((f) => f.columns.includes(column.name));
    const sample = stats?.[column.name] ?? null;
    const enumValues = column.enumName ? (enums.get(column.enumName) ?? enums.get(`${table.namespace}.${column.enumName}`) ?? []) : inlineEnumValues(column.dataType);
    return {
      name: column.name,
      dataType: column.dataType,
      isNullable: column.isNullable,
      isPk: pk.has(column.name),
      isUnique: uniqueAlone.has(column.name) && !(pk.has(column.name) && pk.size === 1),
      isIdentity: column.isIdentity,
      references: fk ? { table: tableKey({ namespace: fk.refNamespace, name: fk.refTable }), column: fk.refColumns[fk.columns.indexOf(column.name)] ?? fk.refColumns[0] ?? '' } : null,
      defaultValue: cut(column.defaultValue, 2000),
      comment: cut(column.comment, 4000),
      enumValues: enumValues.slice(0, 100),
      personal: sample?.personal ?? personalKindOf(column.name),
      stats: sample
        ? {
            sampledRows: sample.sampledRows,
            nullShare: sample.nullShare,
            distinctCount: sample.distinctCount,
            min: cut(sample.min, 200),
            max: cut(sample.max, 200),
            examples: sample.examples.slice(0, 10).map((e) => e.slice(0, 200)),
            masked: sample.masked,
          }
        : null,
    };
  });
  const ownKey = tableKey(table);
  return {
    scope: 'table',
    template,
    engine: model.engine,
    table: {
      namespace: table.namespace,
      name: table.name,
      kind: table.kind,
      comment: cut(table.comment, 4000),
      rowEstimate: table.rowEstimate !== null && table.rowEstimate >= 0 ? table.rowEstimate : null,
      columns,
      primaryKey: table.primaryKey?.columns ?? [],
      foreignKeys: table.foreignKeys.map((fk) => ({ columns: fk.columns, refTable: tableKey({ namespace: fk.refNamespace, name: fk.refTable }), refColumns: fk.refColumns, onDelete: fk.onDelete })),
      referencedBy: referencedBy.slice(0, 2000),
      uniques: table.uniques.map((u) => u.columns),
      indexes: table.indexes.map((i) => ({ name: i.name, columns: i.columns, unique: i.unique })),
      checks: table.checks.map((c) => c.expression.slice(0, 4000)),
      viewSources: viewSources(table, model),
    },
    neighbours: model.tables.map(tableKey).filter((key) => key !== ownKey).slice(0, 5000),
  };
}

/** The whole database, for its schema-level documentation. */
export function schemaDocInput(model: SchemaModel, databaseName: string, template: GenerationTemplate): SchemaDocInput {
  const refs = referrers(model);
  return {
    scope: 'schema',
    template,
    engine: model.engine,
    databaseName: databaseName.slice(0, 200),
    namespaces: model.namespaces,
    tables: model.tables.slice(0, 5000).map((table) => ({
      key: tableKey(table),
      name: table.name,
      kind: table.kind,
      comment: cut(table.comment, 4000),
      columnCount: table.columns.length,
      rowEstimate: table.rowEstimate !== null && table.rowEstimate >= 0 ? table.rowEstimate : null,
      references: [...new Set(table.foreignKeys.map((fk) => tableKey({ namespace: fk.refNamespace, name: fk.refTable })))],
      referencedByCount: refs.get(tableKey(table))?.length ?? 0,
    })),
  };
}

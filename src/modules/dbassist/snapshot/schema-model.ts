import type { SupportedDbType, TableKind } from '../../../shared/dbassist-kinds.js';

/**
 * The normalized shape of one crawl of a database, whatever its engine: what a driver's introspection returns, what
 * `dbassist.schemas.schema_json` stores, and what diffs, documentation, lint and ER diagrams read.
 *
 * Names are the source's own spelling. Lists are in a stable order (tables by namespace then name, columns by
 * position, everything else by name) so that two crawls of an unchanged database are deep-equal. `rowEstimate` and
 * `serverVersion` describe the data and the server, not the schema: the content hash leaves them out.
 */
export type SchemaModel = {
  engine: SupportedDbType;
  serverVersion: string | null;
  /** PostgreSQL schemas, the MySQL database, or ['main'] for SQLite. */
  namespaces: string[];
  tables: TableModel[];
  enums: EnumModel[];
};

export type TableModel = {
  namespace: string;
  name: string;
  kind: TableKind;
  comment: string | null;
  rowEstimate: number | null;
  columns: ColumnModel[];
  primaryKey: KeyModel | null;
  foreignKeys: ForeignKeyModel[];
  uniques: KeyModel[];
  checks: CheckModel[];
  indexes: IndexModel[];
  triggers: TriggerModel[];
  /** The SELECT of a view or materialized view. */
  viewDefinition: string | null;
};

export type ColumnModel = {
  name: string;
  /** 1-based position in the table. */
  ordinal: number;
  /** The engine's spelling with its modifiers: `character varying(40)`, `numeric(10,2)`, `int(11) unsigned`. */
  dataType: string;
  isNullable: boolean;
  defaultValue: string | null;
  comment: string | null;
  /** Generated always/by default as identity, AUTO_INCREMENT, or SQLite's INTEGER PRIMARY KEY rowid alias. */
  isIdentity: boolean;
  /** The enum type when the column is one (PostgreSQL: "namespace.name"; MySQL: null, the values are in dataType). */
  enumName: string | null;
};

export type KeyModel = { name: string | null; columns: string[] };

export type ForeignKeyModel = {
  name: string | null;
  columns: string[];
  refNamespace: string;
  refTable: string;
  refColumns: string[];
  /** Referential actions as SQL spells them: 'NO ACTION', 'CASCADE', 'SET NULL', 'SET DEFAULT', 'RESTRICT'. */
  onDelete: string;
  onUpdate: string;
};

export type CheckModel = { name: string | null; expression: string };

export type IndexModel = {
  name: string;
  /** Column names in key order; an expression key is its SQL text. */
  columns: string[];
  unique: boolean;
  /** The index that backs the primary key. */
  primary: boolean;
  /** btree, hash, gin, gist, fulltext, …; lower case. */
  method: string;
  /** The WHERE of a partial index. */
  predicate: string | null;
};

export type TriggerModel = {
  name: string;
  /** BEFORE, AFTER or INSTEAD OF. */
  timing: string;
  /** INSERT, UPDATE, DELETE, TRUNCATE. */
  events: string[];
  /** The engine's own definition text (PostgreSQL pg_get_triggerdef, MySQL/SQLite the trigger body). */
  definition: string;
};

export type EnumModel = { namespace: string; name: string; values: string[] };

/** How a table is named in keys, docs and diffs: "namespace.table" (just "table" when the namespace is empty). */
export function tableKey(table: Pick<TableModel, 'namespace' | 'name'>): string {
  return table.namespace ? `${table.namespace}.${table.name}` : table.name;
}

/** "namespace.table.column". */
export function columnKey(table: Pick<TableModel, 'namespace' | 'name'>, column: Pick<ColumnModel, 'name'>): string {
  return `${tableKey(table)}.${column.name}`;
}

import { columnSamplesOf } from './column-samples.js';
import fs from 'node:fs';
import os from 'node:os';
import Database from 'better-sqlite3';
import type { CheckModel, ColumnModel, ForeignKeyModel, IndexModel, KeyModel, SchemaModel, TableModel, TriggerModel } from '../snapshot/schema-model.js';
import type { SqliteTarget } from './connection-uri.js';
import type { ColumnSample, DatabaseDriver, IntrospectProgress, ServerProbe } from './driver.js';
import { normalizeSchemaModel } from '../snapshot/normalize.js';

/**
 * A SQLite file through better-sqlite3, opened read-only (and only if it exists). The catalog is sqlite_master plus
 * the table_xinfo, foreign_key_list, index_list and index_xinfo pragmas; CHECK constraints and partial-index
 * predicates are read from the stored CREATE statements, which is where SQLite keeps them. The namespace is 'main'.
 */

const NAMESPACE = 'main';

type MasterRow = { type: string; name: string; tbl_name: string; sql: string | null };
type XInfoRow = { cid: number; name: string; type: string; notnull: number; dflt_value: string | null; pk: number; hidden: number };
type ForeignKeyRow = { id: number; seq: number; table: string; from: string; to: string | null; on_update: string; on_delete: string };
type IndexListRow = { seq: number; name: string; unique: number; origin: string; partial: number };
type IndexInfoRow = { seqno: number; cid: number; name: string | null; key: number };

export function quoteSqliteIdentifier(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

/** The text inside the parenthesis that starts at `open`, or undefined when it never closes. */
function balanced(sql: string, open: number): { inner: string; end: number } | undefined {
  let depth = 0;
  let quote: string | null = null;
  for (let i = open; i < sql.length; i++) {
    const ch = sql[i]!;
    if (quote) {
      if (ch === quote) quote = null;
      continue;
    }
    if (ch === "'" || ch === '"' || ch === '`') quote = ch;
    else if (ch === '[') quote = ']';
    else if (ch === '(') depth++;
    else if (ch === ')' && --depth === 0) return { inner: sql.slice(open + 1, i), end: i };
  }
  return undefined;
}

/** The CHECK constraints of a CREATE TABLE statement, with their names when CONSTRAINT gives one. */
export function checksOf(createSql: string | null): CheckModel[] {
  if (!createSql) return [];
  const checks: CheckModel[] = [];
  const pattern = /(?:\bCONSTRAINT\s+("(?:[^"]|"")+"|`[^`]+`|\[[^\]]+\]|\w+)\s+)?\bCHECK\s*\(/gi;
  for (let match = pattern.exec(createSql); match; match = pattern.exec(createSql)) {
    const body = balanced(createSql, match.index + match[0].length - 1);
    if (!body) break;
    const rawName = match[1];
    const name = rawName ? rawName.replace(/^["`[]|["`\]]$/g, '').replaceAll('""', '"') : null;
    checks.push({ name, expression: body.inner.trim() });
    pattern.lastIndex = body.end + 1;
  }
  return checks;
}

/** The WHERE of a partial index's CREATE INDEX statement. */
function predicateOf(createSql: string | null): string | null {
  const match = createSql ? /\)\s*WHERE\s+([\s\S]+)$/i.exec(createSql) : null;
  return match ? match[1]!.trim() : null;
}

/** A trigger's timing and events from its CREATE TRIGGER statement (SQLite's default timing is BEFORE). */
function triggerOf(row: MasterRow): TriggerModel {
  const sql = row.sql ?? '';
  const head = /\bTRIGGER\s+(?:IF\s+NOT\s+EXISTS\s+)?(?:"(?:[^"]|"")+"|`[^`]+`|\[[^\]]+\]|[\w.]+)\s+(BEFORE|AFTER|INSTEAD\s+OF)?\s*(INSERT|UPDATE|DELETE)\b/i.exec(sql);
  return {
    name: row.name,
    timing: (head?.[1] ?? 'BEFORE').toUpperCase().replace(/\s+/g, ' '),
    events: head?.[2] ? [head[2].toUpperCase()] : [],
    definition: sql,
  };
}

/** The SELECT of a CREATE VIEW statement. */
function viewSelect(createSql: string | null): string | null {
  if (!createSql) return null;
  const match = /\bAS\s+([\s\S]+)$/i.exec(createSql);
  return match ? match[1]!.trim() : createSql;
}

/** The server process's account name (a container may have no passwd entry for it: then its uid). */
function serverAccount(): string {
  try {
    return os.userInfo().username;
  } catch {
    return `uid ${process.getuid?.() ?? 'unknown'}`;
  }
}

export class SqliteDriver implements DatabaseDriver {
  readonly engine = 'sqlite' as const;

  private constructor(
    private readonly db: Database.Database,
    private readonly file: string,
  ) {}

  static open(target: SqliteTarget): SqliteDriver {
    const db = new Database(target.file, { readonly: true, fileMustExist: true, timeout: 5_000 });
    try {
      // Fails here, not at the first query, when the file is not a database.
      db.prepare('SELECT count(*) FROM sqlite_master').get();
    } catch (error) {
      db.close();
      throw error;
    }
    return new SqliteDriver(db, target.file);
  }

  async probe(): Promise<ServerProbe> {
    const { version } = this.db.prepare('SELECT sqlite_version() AS version').get() as { version: string };
    let canWrite = true;
    try {
      fs.accessSync(this.file, fs.constants.W_OK);
    } catch {
      canWrite = false;
    }
    // SQLite has no users: the file's permissions for the server's own account decide.
    return { serverVersion: version, user: serverAccount(), canWrite };
  }

  private pragma<Row>(name: string, argument: string): Row[] {
    return this.db.prepare(`SELECT * FROM pragma_${name}(?)`).all(argument) as Row[];
  }

  /** Row counts from sqlite_stat1 when the file was analyzed; SQLite keeps no other cheap estimate. */
  private rowEstimates(): Map<string, number> {
    const estimates = new Map<string, number>();
    const hasStats = this.db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'sqlite_stat1'").get();
    if (!hasStats) return estimates;
    for (const row of this.db.prepare('SELECT tbl, stat FROM sqlite_stat1').all() as Array<{ tbl: string; stat: string | null }>) {
      const count = Number((row.stat ?? '').split(' ')[0]);
      if (Number.isFinite(count) && !estimates.has(row.tbl)) estimates.set(row.tbl, count);
    }
    return estimates;
  }

  async introspect(onProgress?: IntrospectProgress): Promise<SchemaModel> {
    const { version } = this.db.prepare('SELECT sqlite_version() AS version').get() as { version: string };
    const master = this.db.prepare("SELECT type, name, tbl_name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite\\_%' ESCAPE '\\'").all() as MasterRow[];
    const relations = master.filter((row) => row.type === 'table' || row.type === 'view');
    const estimates = this.rowEstimates();
    const sqlOf = new Map(master.map((row) => [`${row.type}:${row.name}`, row.sql]));

    const primaryKeyColumns = new Map<string, string[]>();
    const infos = new Map<string, XInfoRow[]>();
    for (const relation of relations) {
      // Hidden columns of virtual tables (hidden = 1) are not the table's; generated columns (2, 3) are.
      const info = this.pragma<XInfoRow>('table_xinfo', relation.name).filter((column) => column.hidden !== 1);
      infos.set(relation.name, info);
      primaryKeyColumns.set(
        relation.name,
        info.filter((column) => column.pk > 0).sort((a, b) => a.pk - b.pk).map((column) => column.name),
      );
    }

    const tables: TableModel[] = [];
    for (const [position, relation] of relations.entries()) {
      const isView = relation.type === 'view';
      const info = infos.get(relation.name) ?? [];
      const primaryKey = primaryKeyColumns.get(relation.name) ?? [];
      const withoutRowid = /\bWITHOUT\s+ROWID\s*$/i.test(relation.sql ?? '');
      const rowidAlias =
        !isView && !withoutRowid && primaryKey.length === 1 && info.find((column) => column.name === primaryKey[0])?.type.toUpperCase() === 'INTEGER'
          ? primaryKey[0]
          : undefined;
      const columns: ColumnModel[] = info.map((column, index) => ({
        name: column.name,
        ordinal: index + 1,
        dataType: column.type || 'ANY',
        // An INTEGER PRIMARY KEY is the rowid and never null; other SQLite key columns accept NULL unless declared NOT NULL.
        isNullable: column.notnull === 0 && column.name !== rowidAlias,
        defaultValue: column.dflt_value,
        comment: null,
        isIdentity: column.name === rowidAlias,
        enumName: null,
      }));

      const foreignKeys: ForeignKeyModel[] = [];
      const uniques: KeyModel[] = [];
      const indexes: IndexModel[] = [];
      if (!isView) {
        const byId = new Map<number, ForeignKeyRow[]>();
        for (const row of this.pragma<ForeignKeyRow>('foreign_key_list', relation.name)) byId.set(row.id, [...(byId.get(row.id) ?? []), row]);
        for (const rows of byId.values()) {
          rows.sort((a, b) => a.seq - b.seq);
          const first = rows[0]!;
          // A foreign key without target columns references the other table's primary key.
          const implied = primaryKeyColumns.get(first.table) ?? [];
          foreignKeys.push({
            name: null,
            columns: rows.map((row) => row.from),
            refNamespace: NAMESPACE,
            refTable: first.table,
            refColumns: rows.map((row, i) => row.to ?? implied[i] ?? ''),
            onDelete: first.on_delete.toUpperCase(),
            onUpdate: first.on_update.toUpperCase(),
          });
        }
        for (const entry of this.pragma<IndexListRow>('index_list', relation.name)) {
          const keyColumns = this.pragma<IndexInfoRow>('index_xinfo', entry.name)
            .filter((column) => column.key === 1)
            .sort((a, b) => a.seqno - b.seqno)
            .map((column) => column.name ?? (column.cid === -1 ? 'rowid' : '<expression>'));
          indexes.push({
            name: entry.name,
            columns: keyColumns,
            unique: entry.unique === 1,
            primary: entry.origin === 'pk',
            method: 'btree',
            predicate: entry.partial === 1 ? predicateOf(sqlOf.get(`index:${entry.name}`) ?? null) : null,
          });
          if (entry.origin === 'u') uniques.push({ name: null, columns: keyColumns });
        }
      }

      const triggers = master.filter((row) => row.type === 'trigger' && row.tbl_name === relation.name).map(triggerOf);
      tables.push({
        namespace: NAMESPACE,
        name: relation.name,
        kind: isView ? 'view' : 'table',
        comment: null,
        rowEstimate: isView ? null : (estimates.get(relation.name) ?? null),
        columns,
        primaryKey: primaryKey.length > 0 && !isView ? { name: null, columns: primaryKey } : null,
        foreignKeys,
        uniques,
        checks: isView ? [] : checksOf(relation.sql),
        indexes,
        triggers,
        viewDefinition: isView ? viewSelect(relation.sql) : null,
      });
      onProgress?.(position + 1, relations.length);
    }
    return normalizeSchemaModel({ engine: 'sqlite', serverVersion: version, namespaces: [NAMESPACE], tables, enums: [] });
  }

  async sampleColumns(table: Pick<TableModel, 'namespace' | 'name' | 'columns'>, rows: number): Promise<Record<string, ColumnSample>> {
    if (table.columns.length === 0) return {};
    const parts = table.columns.map((column, i) => {
      const c = quoteSqliteIdentifier(column.name);
      return [
        `count(${c}) AS nn${i}`,
        `count(DISTINCT ${c}) AS d${i}`,
        `CAST(min(${c}) AS TEXT) AS mn${i}`,
        `CAST(max(${c}) AS TEXT) AS mx${i}`,
        `(SELECT json_group_array(v) FROM (SELECT DISTINCT substr(CAST(x.${c} AS TEXT), 1, 80) AS v FROM s x WHERE x.${c} IS NOT NULL ORDER BY 1 LIMIT 5)) AS ex${i}`,
      ].join(', ');
    });
    const sql = `WITH s AS (SELECT * FROM ${quoteSqliteIdentifier(table.name)} LIMIT ?) SELECT count(*) AS n, ${parts.join(', ')} FROM s`;
    const row = this.db.prepare(sql).get(Math.max(0, Math.floor(rows))) as Record<string, unknown>;
    return columnSamplesOf(row, table.columns);
  }

  async close(): Promise<void> {
    this.db.close();
  }
}

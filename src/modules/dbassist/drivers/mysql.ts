import { columnSamplesOf } from './column-samples.js';
import mysql from 'mysql2/promise';
import type { TableKind } from '../../../shared/dbassist-kinds.js';
import type { CheckModel, ColumnModel, ForeignKeyModel, IndexModel, KeyModel, SchemaModel, TableModel, TriggerModel } from '../snapshot/schema-model.js';
import type { NetworkTarget } from './connection-uri.js';
import type { ColumnSample, DatabaseDriver, IntrospectProgress, ServerProbe } from './driver.js';
import { normalizeSchemaModel } from '../snapshot/normalize.js';
import { groupBy, rowEstimateOf } from './catalog-rows.js';

/**
 * MySQL and MariaDB through mysql2, reading information_schema for the connected database only, one query per kind
 * of object. TABLE_ROWS is the row estimate, COLUMN_TYPE the data type (with its modifiers: `int(11) unsigned`,
 * `enum('a','b')`), AUTO_INCREMENT the identity.
 */

const CONNECT_TIMEOUT_MS = 5_000;

type Row = Record<string, unknown>;

function text(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (Buffer.isBuffer(value)) return value.toString('utf8');
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'bigint' || typeof value === 'boolean') return String(value);
  return JSON.stringify(value);
}
const nullableText = (value: unknown): string | null => (value === null || value === undefined ? null : text(value));

export function quoteMysqlIdentifier(name: string): string {
  return `\`${name.replaceAll('`', '``')}\``;
}

function tableKind(type: string): TableKind {
  return type === 'VIEW' ? 'view' : 'table';
}

/**
 * MariaDB reports a NULL default as the text NULL and quotes literal defaults ('abc'); MySQL gives SQL NULL and the
 * bare literal. Both become what the column would get: null for none.
 */
function defaultOf(value: unknown): string | null {
  const raw = nullableText(value);
  return raw === null || raw === 'NULL' ? null : raw;
}

/** What one SHOW GRANTS line allows, when it allows writing in `database`. */
const WRITE_PRIVILEGES = ['ALL', 'ALL PRIVILEGES', 'INSERT', 'UPDATE', 'DELETE', 'CREATE', 'DROP', 'ALTER'];

function likePattern(pattern: string): RegExp {
  let source = '';
  for (let i = 0; i < pattern.length; i++) {
    const ch = pattern[i]!;
    if (ch === '\\' && i + 1 < pattern.length) source += pattern[++i]!.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    else if (ch === '%') source += '.*';
    else if (ch === '_') source += '.';
    else source += ch.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  }
  return new RegExp(`^${source}$`, 'i');
}

export function grantAllowsWriting(grant: string, database: string): boolean {
  const match = /^GRANT\s+(.+?)\s+ON\s+(?:(?:TABLE|FUNCTION|PROCEDURE|PACKAGE(?: BODY)?)\s+)?(\S+)\s+TO\s/i.exec(grant.trim());
  if (!match) return false;
  // Column lists ("SELECT (a, b)") may hold commas: drop them before splitting the privileges.
  const privileges = match[1]!
    .replace(/\([^)]*\)/g, '')
    .split(',')
    .map((privilege) => privilege.trim().toUpperCase());
  if (!privileges.some((privilege) => WRITE_PRIVILEGES.includes(privilege))) return false;
  const scope = match[2]!;
  if (scope === '*.*' || scope === '*') return true;
  const schema = /^`((?:[^`]|``)+)`\./.exec(scope)?.[1]?.replaceAll('``', '`') ?? scope.split('.')[0]!;
  return likePattern(schema).test(database);
}

/**
 * How mysql2 reaches a target: address, credentials, TLS from ssl-mode, 5 s to connect, one statement per query (the
 * server refuses a second), dates as text and big numbers as strings.
 */
export function mysqlConnectionOptions(target: NetworkTarget): mysql.ConnectionOptions {
  return {
    host: target.host,
    port: target.port,
    user: target.user ?? 'root',
    password: target.password,
    database: target.database,
    connectTimeout: CONNECT_TIMEOUT_MS,
    multipleStatements: false,
    dateStrings: true,
    supportBigNumbers: true,
    bigNumberStrings: true,
    ...(target.sslMode === 'require' || target.sslMode?.startsWith('verify') ? { ssl: { rejectUnauthorized: target.sslMode !== 'require' } } : {}),
  };
}

export class MysqlDriver implements DatabaseDriver {
  readonly engine = 'mysql' as const;

  private constructor(
    private readonly connection: mysql.Connection,
    private readonly database: string,
  ) {}

  static async connect(target: NetworkTarget): Promise<MysqlDriver> {
    const connection = await mysql.createConnection(mysqlConnectionOptions(target));
    connection.on('error', () => undefined);
    try {
      // Drivers only read: the session refuses writes even when the user could make them.
      await connection.query('SET SESSION TRANSACTION READ ONLY');
    } catch (error) {
      await connection.end().catch(() => undefined);
      throw error;
    }
    return new MysqlDriver(connection, target.database);
  }

  private async rows(sql: string, values: unknown[] = []): Promise<Row[]> {
    const [rows] = await this.connection.query({ sql, values, rowsAsArray: false });
    return rows as Row[];
  }

  async probe(): Promise<ServerProbe> {
    const [info] = await this.rows('SELECT VERSION() AS version, CURRENT_USER() AS user');
    const grants = await this.rows('SHOW GRANTS');
    const canWrite = grants.some((row) => grantAllowsWriting(text(Object.values(row)[0]), this.database));
    return { serverVersion: text(info?.version), user: text(info?.user), canWrite };
  }

  private async checks(): Promise<Map<string, CheckModel[]>> {
    const variants = [
      // MariaDB names a check constraint per table, and CHECK_CONSTRAINTS says which table.
      `SELECT cc.TABLE_NAME AS table_name, cc.CONSTRAINT_NAME AS name, cc.CHECK_CLAUSE AS expression
         FROM information_schema.CHECK_CONSTRAINTS cc WHERE cc.CONSTRAINT_SCHEMA = DATABASE()`,
      // MySQL 8.0.16 and later: the table is in TABLE_CONSTRAINTS.
      `SELECT tc.TABLE_NAME AS table_name, cc.CONSTRAINT_NAME AS name, cc.CHECK_CLAUSE AS expression
         FROM information_schema.TABLE_CONSTRAINTS tc
         JOIN information_schema.CHECK_CONSTRAINTS cc ON cc.CONSTRAINT_SCHEMA = tc.CONSTRAINT_SCHEMA AND cc.CONSTRAINT_NAME = tc.CONSTRAINT_NAME
        WHERE tc.CONSTRAINT_TYPE = 'CHECK' AND tc.TABLE_SCHEMA = DATABASE()`,
    ];
    for (const sql of variants) {
      try {
        const rows = await this.rows(sql);
        const byTable = groupBy(rows, (row) => text(row.table_name));
        return new Map([...byTable].map(([table, list]) => [table, list.map((row) => ({ name: text(row.name), expression: text(row.expression) }))]));
      } catch {
        // This server has no such table or column: try the next form, else there are no checks to read.
      }
    }
    return new Map();
  }

  async introspect(onProgress?: IntrospectProgress): Promise<SchemaModel> {
    const [info] = await this.rows('SELECT VERSION() AS version');
    const tables = await this.rows(
      `SELECT t.TABLE_NAME AS name, t.TABLE_TYPE AS type, t.TABLE_ROWS AS row_estimate, t.TABLE_COMMENT AS comment, v.VIEW_DEFINITION AS view_definition
         FROM information_schema.TABLES t
         LEFT JOIN information_schema.VIEWS v ON v.TABLE_SCHEMA = t.TABLE_SCHEMA AND v.TABLE_NAME = t.TABLE_NAME
        WHERE t.TABLE_SCHEMA = DATABASE() AND t.TABLE_TYPE IN ('BASE TABLE', 'VIEW', 'SYSTEM VERSIONED')`,
    );
    const columns = groupBy(
      await this.rows(
        `SELECT TABLE_NAME AS table_name, ORDINAL_POSITION AS ordinal, COLUMN_NAME AS name, COLUMN_TYPE AS data_type,
                IS_NULLABLE AS nullable, COLUMN_DEFAULT AS default_value, EXTRA AS extra, COLUMN_COMMENT AS comment
           FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE() ORDER BY TABLE_NAME, ORDINAL_POSITION`,
      ),
      (row) => text(row.table_name),
    );
    const keys = groupBy(
      await this.rows(
        // KEY_COLUMN_USAGE is the one view of keys MariaDB shows a user with SELECT only (TABLE_CONSTRAINTS and
        // REFERENTIAL_CONSTRAINTS come back empty for such a user), so the kind of key is read from it: PRIMARY by
        // name, a foreign key by its referenced table, any other a unique key. The referential actions are read when
        // visible.
        `SELECT k.TABLE_NAME AS table_name, k.CONSTRAINT_NAME AS name,
                CASE WHEN k.CONSTRAINT_NAME = 'PRIMARY' THEN 'PRIMARY KEY'
                     WHEN k.REFERENCED_TABLE_NAME IS NOT NULL THEN 'FOREIGN KEY' ELSE 'UNIQUE' END AS type,
                k.COLUMN_NAME AS column_name,
                k.REFERENCED_TABLE_SCHEMA AS ref_namespace, k.REFERENCED_TABLE_NAME AS ref_table, k.REFERENCED_COLUMN_NAME AS ref_column,
                rc.UPDATE_RULE AS on_update, rc.DELETE_RULE AS on_delete
           FROM information_schema.KEY_COLUMN_USAGE k
           LEFT JOIN information_schema.REFERENTIAL_CONSTRAINTS rc
             ON rc.CONSTRAINT_SCHEMA = k.CONSTRAINT_SCHEMA AND rc.TABLE_NAME = k.TABLE_NAME AND rc.CONSTRAINT_NAME = k.CONSTRAINT_NAME
          WHERE k.TABLE_SCHEMA = DATABASE()
          ORDER BY k.TABLE_NAME, k.CONSTRAINT_NAME, k.ORDINAL_POSITION`,
      ),
      (row) => text(row.table_name),
    );
    const indexes = groupBy(
      await this.rows(
        `SELECT TABLE_NAME AS table_name, INDEX_NAME AS name, NON_UNIQUE AS non_unique, COLUMN_NAME AS column_name, INDEX_TYPE AS method
           FROM information_schema.STATISTICS WHERE TABLE_SCHEMA = DATABASE() ORDER BY TABLE_NAME, INDEX_NAME, SEQ_IN_INDEX`,
      ),
      (row) => text(row.table_name),
    );
    const triggers = groupBy(
      await this.rows(
        `SELECT EVENT_OBJECT_TABLE AS table_name, TRIGGER_NAME AS name, ACTION_TIMING AS timing, EVENT_MANIPULATION AS event,
                ACTION_STATEMENT AS definition
           FROM information_schema.TRIGGERS WHERE TRIGGER_SCHEMA = DATABASE()`,
      ),
      (row) => text(row.table_name),
    );
    const checks = await this.checks();

    const models: TableModel[] = [];
    for (const [position, table] of tables.entries()) {
      const name = text(table.name);
      const kind = tableKind(text(table.type));
      const constraintRows = groupBy(keys.get(name) ?? [], (row) => `${text(row.type)}\u0000${text(row.name)}`);
      const primary: KeyModel[] = [];
      const uniques: KeyModel[] = [];
      const foreignKeys: ForeignKeyModel[] = [];
      for (const rows of constraintRows.values()) {
        const first = rows[0]!;
        const key = { name: text(first.name), columns: rows.map((row) => text(row.column_name)) };
        const type = text(first.type);
        if (type === 'PRIMARY KEY') primary.push(key);
        else if (type === 'UNIQUE') uniques.push(key);
        else {
          foreignKeys.push({
            ...key,
            refNamespace: text(first.ref_namespace),
            refTable: text(first.ref_table),
            refColumns: rows.map((row) => text(row.ref_column)),
            onDelete: text(first.on_delete) || 'NO ACTION',
            onUpdate: text(first.on_update) || 'NO ACTION',
          });
        }
      }
      const indexModels: IndexModel[] = [...groupBy(indexes.get(name) ?? [], (row) => text(row.name)).values()].map((rows) => {
        const first = rows[0]!;
        return {
          name: text(first.name),
          columns: rows.map((row) => text(row.column_name)),
          unique: Number(first.non_unique) === 0,
          primary: text(first.name) === 'PRIMARY',
          method: text(first.method).toLowerCase(),
          predicate: null,
        };
      });
      const triggerModels: TriggerModel[] = (triggers.get(name) ?? []).map((row) => ({
        name: text(row.name),
        timing: text(row.timing).toUpperCase(),
        events: [text(row.event).toUpperCase()],
        definition: text(row.definition),
      }));
      const columnModels: ColumnModel[] = (columns.get(name) ?? []).map((row) => ({
        name: text(row.name),
        ordinal: Number(row.ordinal),
        dataType: text(row.data_type),
        isNullable: text(row.nullable) === 'YES',
        defaultValue: defaultOf(row.default_value),
        comment: nullableText(row.comment) || null,
        isIdentity: /auto_increment/i.test(text(row.extra)),
        enumName: null,
      }));
      models.push({
        namespace: this.database,
        name,
        kind,
        comment: nullableText(table.comment) || null,
        rowEstimate: kind === 'view' ? null : rowEstimateOf(table.row_estimate),
        columns: columnModels,
        primaryKey: primary[0] ?? null,
        foreignKeys,
        uniques,
        checks: checks.get(name) ?? [],
        indexes: indexModels,
        triggers: triggerModels,
        viewDefinition: kind === 'view' ? nullableText(table.view_definition) : null,
      });
      onProgress?.(position + 1, tables.length);
    }
    return normalizeSchemaModel({ engine: 'mysql', serverVersion: text(info?.version) || null, namespaces: [this.database], tables: models, enums: [] });
  }

  async sampleColumns(table: Pick<TableModel, 'namespace' | 'name' | 'columns'>, rows: number): Promise<Record<string, ColumnSample>> {
    if (table.columns.length === 0) return {};
    const source = `${quoteMysqlIdentifier(table.namespace || this.database)}.${quoteMysqlIdentifier(table.name)}`;
    const limit = Math.max(0, Math.floor(rows));
    const parts = table.columns.map((column, i) => {
      const c = quoteMysqlIdentifier(column.name);
      return [
        `COUNT(${c}) AS nn${i}`,
        `COUNT(DISTINCT ${c}) AS d${i}`,
        `CAST(MIN(${c}) AS CHAR) AS mn${i}`,
        `CAST(MAX(${c}) AS CHAR) AS mx${i}`,
        `(SELECT JSON_ARRAYAGG(v) FROM (SELECT DISTINCT LEFT(CAST(x.${c} AS CHAR), 80) AS v FROM s x WHERE x.${c} IS NOT NULL ORDER BY v LIMIT 5) e) AS ex${i}`,
      ].join(', ');
    });
    const [row = {}] = await this.rows(`WITH s AS (SELECT * FROM ${source} LIMIT ${limit}) SELECT COUNT(*) AS n, ${parts.join(', ')} FROM s`);
    return columnSamplesOf(row, table.columns);
  }

  async close(): Promise<void> {
    await this.connection.end().catch(() => undefined);
  }
}

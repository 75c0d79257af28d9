import type { ConnectionMode, DbType, LintRule, TableKind } from '../../../modules/dbassist/dbassist.contract';

/** What people read for the database assistant's vocabularies (the API values stay as they are). */

export const dbTypeLabels: Record<DbType, string> = {
  postgres: 'PostgreSQL',
  mysql: 'MySQL / MariaDB',
  sqlite: 'SQLite',
  mssql: 'SQL Server (not supported yet)',
  mongodb: 'MongoDB (not supported yet)',
};

/** The order of the type select: the supported engines first. */
export const dbTypeOptions: DbType[] = ['postgres', 'mysql', 'sqlite', 'mssql', 'mongodb'];

/** How a URI of each type looks, as the field's placeholder. */
export const uriExamples: Record<DbType, string> = {
  postgres: 'postgres://user:password@host:5432/database',
  mysql: 'mysql://user:password@host:3306/database',
  sqlite: '/srv/data/app.db',
  mssql: 'mssql://user:password@host:1433/database',
  mongodb: 'mongodb://user:password@host:27017/database',
};

export const modeLabels: Record<ConnectionMode, string> = {
  'read-only': 'Read-only',
  'read-write': 'Read-write',
};

/** Kinds other than a plain table get a badge. */
export const kindLabels: Record<TableKind, string> = {
  table: 'Table',
  view: 'View',
  materialized_view: 'Materialized view',
  partitioned_table: 'Partitioned table',
  foreign_table: 'Foreign table',
};

export const lintRuleLabels: Record<LintRule, string> = {
  table_without_primary_key: 'No primary key',
  foreign_key_without_index: 'Foreign key without an index',
  undeclared_foreign_key: 'Undeclared foreign key',
  nullable_unique_column: 'Nullable unique column',
  missing_table_comment: 'Table without a comment',
  missing_column_comment: 'Column without a comment',
  inconsistent_naming: 'Inconsistent naming',
};

/** "42%" from a share between 0 and 1. */
export function percent(share: number): string {
  return `${Math.round(share * 100)}%`;
}

/**
 * The database assistant's fixed vocabularies (seed 002), shared by the server's contract and the web (which imports
 * contracts as types only). Free of Node and DOM APIs.
 */

/** Seed 002's engines, plus SQLite. mssql and mongodb are accepted and answer "not supported yet" on test and ingest. */
export const dbTypes = ['postgres', 'mysql', 'sqlite', 'mssql', 'mongodb'] as const;
export type DbType = (typeof dbTypes)[number];

/** The engines Atelier has a driver for. */
export const supportedDbTypes = ['postgres', 'mysql', 'sqlite'] as const satisfies readonly DbType[];
export type SupportedDbType = (typeof supportedDbTypes)[number];

export const connectionModes = ['read-only', 'read-write'] as const;
export type ConnectionMode = (typeof connectionModes)[number];

export const tableKinds = ['table', 'view', 'materialized_view', 'partitioned_table', 'foreign_table'] as const;
export type TableKind = (typeof tableKinds)[number];

/** Seed 002's documentation scopes. */
export const docScopes = ['schema', 'table', 'column'] as const;
export type DocScope = (typeof docScopes)[number];

/** Generation templates ("short": one paragraph; "full": purpose, columns, relationships, data notes); "manual" is a person's text. */
export const docTemplates = ['short', 'full', 'manual'] as const;
export type DocTemplate = (typeof docTemplates)[number];
export const generationTemplates = ['short', 'full'] as const;
export type GenerationTemplate = (typeof generationTemplates)[number];

/** Lint rules, as tbls and SchemaSpy name the same checks. */
export const lintRules = [
  'table_without_primary_key',
  'foreign_key_without_index',
  'undeclared_foreign_key',
  'nullable_unique_column',
  'missing_table_comment',
  'missing_column_comment',
  'inconsistent_naming',
] as const;
export type LintRule = (typeof lintRules)[number];

/** Where a saved query came from: typed by a person or generated from a question. */
export const querySources = ['human', 'ai'] as const;
export type QuerySource = (typeof querySources)[number];

/** Seed 002's execution statuses, plus running while the statement is on the server. */
export const executionStatuses = ['running', 'success', 'failed', 'cancelled'] as const;
export type ExecutionStatus = (typeof executionStatuses)[number];

/** Seed 002's mock job statuses, plus failed. */
export const mockJobStatuses = ['pending', 'running', 'completed', 'failed'] as const;
export type MockJobStatus = (typeof mockJobStatuses)[number];

/** Where mock rows go: a file to download, or straight into a read-write connection. */
export const mockTargets = ['file', 'connection'] as const;
export type MockTarget = (typeof mockTargets)[number];
export const mockFormats = ['csv', 'sql'] as const;
export type MockFormat = (typeof mockFormats)[number];
/** The faker locales offered for mock data. */
export const mockLocales = ['en', 'en_GB', 'de', 'fr', 'es', 'it', 'nl', 'pt_BR', 'ja', 'zh_CN'] as const;
export type MockLocale = (typeof mockLocales)[number];

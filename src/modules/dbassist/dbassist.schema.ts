import { bigint, boolean, integer, jsonb, pgSchema, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import type {
  ConnectionMode,
  ConnectionTest,
  DbType,
  DocScope,
  DocTemplate,
  ExecutionStatus,
  MockConfig,
  MockJobStatus,
  MockResult,
  QuerySource,
  ResultColumn,
  TableKind,
} from './dbassist.contract.js';
import type { SchemaModel } from './snapshot/schema-model.js';

/** Drizzle definitions of migrations/0010_dbassist.up.sql and 0011_dbassist_queries.up.sql (the SQL is the source of truth). */
const dbassist = pgSchema('dbassist');

const createdAt = () => timestamp('created_at', { withTimezone: true }).notNull().defaultNow();

export type ColumnStats = {
  sampledRows: number;
  nullShare: number | null;
  distinctCount: number | null;
  min: string | null;
  max: string | null;
  examples: string[];
  /** The column looks personal (email, name, phone, address, …): examples and min/max are masked. */
  masked: boolean;
};

export const connections = dbassist.table('connections', {
  id: uuid('id').primaryKey(),
  organizationId: uuid('organization_id').notNull(),
  name: text('name').notNull(),
  dbType: text('db_type').$type<DbType>().notNull(),
  /** Sealed with the secret box; open it only to connect. */
  connectionUri: text('connection_uri').notNull(),
  target: text('target').notNull().default(''),
  mode: text('mode').$type<ConnectionMode>().notNull().default('read-only'),
  isSample: boolean('is_sample').notNull().default(false),
  lastTest: jsonb('last_test').$type<ConnectionTest>(),
  createdBy: uuid('created_by'),
  createdAt: createdAt(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

export const schemaSnapshots = dbassist.table('schemas', {
  id: uuid('id').primaryKey(),
  organizationId: uuid('organization_id').notNull(),
  connectionId: uuid('connection_id').notNull(),
  sequence: integer('sequence').notNull(),
  contentHash: text('content_hash').notNull(),
  version: text('version').notNull(),
  schemaJson: jsonb('schema_json').$type<SchemaModel>().notNull(),
  tableCount: integer('table_count').notNull().default(0),
  columnCount: integer('column_count').notNull().default(0),
  createdBy: uuid('created_by'),
  createdAt: createdAt(),
});

export const schemaTables = dbassist.table('tables', {
  id: uuid('id').primaryKey(),
  organizationId: uuid('organization_id').notNull(),
  schemaId: uuid('schema_id').notNull(),
  namespace: text('namespace').notNull().default(''),
  name: text('name').notNull(),
  kind: text('kind').$type<TableKind>().notNull().default('table'),
  comment: text('comment'),
  description: text('description'),
  rowEstimate: bigint('row_estimate', { mode: 'number' }),
  createdAt: createdAt(),
});

export const schemaColumns = dbassist.table('columns', {
  id: uuid('id').primaryKey(),
  organizationId: uuid('organization_id').notNull(),
  tableId: uuid('table_id').notNull(),
  ordinal: integer('ordinal').notNull(),
  name: text('name').notNull(),
  dataType: text('data_type').notNull(),
  isNullable: boolean('is_nullable').notNull().default(true),
  isPk: boolean('is_pk').notNull().default(false),
  isFk: boolean('is_fk').notNull().default(false),
  fkTableId: uuid('fk_table_id'),
  defaultValue: text('default_value'),
  comment: text('comment'),
  description: text('description'),
  stats: jsonb('stats').$type<ColumnStats>(),
});

export const schemaDocs = dbassist.table('docs', {
  id: uuid('id').primaryKey(),
  organizationId: uuid('organization_id').notNull(),
  connectionId: uuid('connection_id').notNull(),
  scope: text('scope').$type<DocScope>().notNull(),
  refId: uuid('ref_id').notNull(),
  objectKey: text('object_key').notNull(),
  contentMd: text('content_md').notNull(),
  template: text('template').$type<DocTemplate>().notNull().default('short'),
  source: text('source').$type<'ai' | 'human'>().notNull().default('ai'),
  fingerprint: text('fingerprint').notNull(),
  stale: boolean('stale').notNull().default(false),
  generationId: uuid('generation_id'),
  createdBy: uuid('created_by'),
  updatedBy: uuid('updated_by'),
  createdAt: createdAt(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

export const savedQueries = dbassist.table('queries', {
  id: uuid('id').primaryKey(),
  organizationId: uuid('organization_id').notNull(),
  connectionId: uuid('connection_id').notNull(),
  sqlText: text('sql_text').notNull(),
  description: text('description'),
  question: text('question'),
  source: text('source').$type<QuerySource>().notNull().default('human'),
  tablesUsed: text('tables_used').array().notNull().default([]),
  generationId: uuid('generation_id'),
  createdBy: uuid('created_by'),
  createdAt: createdAt(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

export const executions = dbassist.table('executions', {
  id: uuid('id').primaryKey(),
  organizationId: uuid('organization_id').notNull(),
  connectionId: uuid('connection_id').notNull(),
  queryId: uuid('query_id'),
  sqlText: text('sql_text').notNull(),
  executedBy: uuid('executed_by'),
  startedAt: timestamp('started_at', { withTimezone: true }).notNull().defaultNow(),
  finishedAt: timestamp('finished_at', { withTimezone: true }),
  durationMs: integer('duration_ms'),
  rowCount: integer('row_count'),
  status: text('status').$type<ExecutionStatus>().notNull().default('running'),
  errorMsg: text('error_msg'),
  isWrite: boolean('is_write').notNull().default(false),
  columns: jsonb('columns').$type<ResultColumn[]>(),
  truncated: boolean('truncated').notNull().default(false),
  /** NDJSON of the captured rows, relative to DATA_DIR. */
  resultPath: text('result_path'),
});

export const mockJobs = dbassist.table('mock_jobs', {
  id: uuid('id').primaryKey(),
  organizationId: uuid('organization_id').notNull(),
  connectionId: uuid('connection_id').notNull(),
  tableId: uuid('table_id'),
  tableKey: text('table_key').notNull(),
  config: jsonb('config').$type<MockConfig>().notNull(),
  status: text('status').$type<MockJobStatus>().notNull().default('pending'),
  jobId: uuid('job_id'),
  /** Relative to DATA_DIR. */
  filePath: text('file_path'),
  result: jsonb('result').$type<MockResult>(),
  errorMsg: text('error_msg'),
  createdBy: uuid('created_by'),
  createdAt: createdAt(),
  completedAt: timestamp('completed_at', { withTimezone: true }),
});

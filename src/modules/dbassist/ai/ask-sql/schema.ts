import { z } from 'zod';
import { supportedDbTypes, tableKinds } from '../../../../shared/dbassist-kinds.js';

/**
 * The input of one question: the question and the context retrieved for it — the tables and columns that look
 * relevant (with their documentation and sampled values), the foreign keys that join them, the values of the
 * database the question names (looked up in the data), and saved queries that ran well as examples. Never the
 * whole schema of a large database: retrieval picks.
 */
const columnInput = z
  .object({
    name: z.string().min(1).max(255),
    dataType: z.string().min(1).max(500),
    isNullable: z.boolean(),
    /** The documentation of the column, when there is some. */
    description: z.string().max(4000).nullable(),
    /** Sampled values (masked columns have none), and the sampled range. */
    examples: z.array(z.string().max(200)).max(10),
    min: z.string().max(200).nullable(),
    max: z.string().max(200).nullable(),
  })
  .strict();
export type AskColumn = z.infer<typeof columnInput>;

const foreignKeyInput = z
  .object({ columns: z.array(z.string().max(255)).min(1).max(32), refNamespace: z.string().max(255), refTable: z.string().max(255), refColumns: z.array(z.string().max(255)).min(1).max(32) })
  .strict();
export type AskForeignKey = z.infer<typeof foreignKeyInput>;

const tableInput = z
  .object({
    namespace: z.string().max(255),
    name: z.string().min(1).max(255),
    kind: z.enum(tableKinds),
    description: z.string().max(4000).nullable(),
    primaryKey: z.array(z.string().max(255)).max(32),
    columns: z.array(columnInput).min(1).max(2000),
    foreignKeys: z.array(foreignKeyInput).max(500),
  })
  .strict();
export type AskTable = z.infer<typeof tableInput>;

const valueInput = z
  .object({
    namespace: z.string().max(255),
    table: z.string().max(255),
    column: z.string().max(255),
    /** The value as the database stores it. */
    value: z.string().max(500),
  })
  .strict();
export type AskValue = z.infer<typeof valueInput>;

export const askSqlInput = z
  .object({
    question: z.string().trim().min(1).max(2000),
    engine: z.enum(supportedDbTypes),
    tables: z.array(tableInput).max(200),
    values: z.array(valueInput).max(200),
    /** Saved queries that ran successfully, most similar first. */
    examples: z.array(z.object({ question: z.string().max(2000), sql: z.string().max(20000) }).strict()).max(10),
  })
  .strict();
export type AskSqlInput = z.infer<typeof askSqlInput>;

export const askSqlOutput = z
  .object({
    sql: z.string().trim().min(1).max(20000).nullable().describe('One read-only SELECT statement in the engine\'s dialect, or null when a part of the question cannot be answered from the tables given'),
    explanation: z.string().trim().min(1).max(4000).describe('Plain English: what the SQL returns and how (tables joined, filters, grouping, ordering); or which part was not understood'),
    tables: z.array(z.string().max(600)).max(200).describe('The tables the SQL reads, as "namespace.name" exactly as given'),
    notUnderstood: z.array(z.string().max(200)).max(50).describe('The words or phrases of the question that could not be matched to the schema (empty when sql is set)'),
  })
  .strict();
export type AskSqlOutput = z.infer<typeof askSqlOutput>;

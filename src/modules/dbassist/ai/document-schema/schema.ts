import { z } from 'zod';
import { generationTemplates, supportedDbTypes, tableKinds } from '../../../../shared/dbassist-kinds.js';

/**
 * The input of one documentation call: either one table with everything known about it (scope 'table'), or the
 * whole database as a list of its tables (scope 'schema'). Sampled values arrive already masked for personal columns:
 * a remote model never sees a person's data.
 */
const statsSchema = z
  .object({
    sampledRows: z.number().int().min(0),
    nullShare: z.number().min(0).max(1).nullable(),
    distinctCount: z.number().int().min(0).nullable(),
    min: z.string().max(200).nullable(),
    max: z.string().max(200).nullable(),
    examples: z.array(z.string().max(200)).max(10),
    masked: z.boolean(),
  })
  .strict();
export type ColumnStatsInput = z.infer<typeof statsSchema>;

const columnInput = z
  .object({
    name: z.string().min(1).max(255),
    dataType: z.string().min(1).max(500),
    isNullable: z.boolean(),
    isPk: z.boolean(),
    /** The column alone is unique (a unique constraint or unique index on it alone). */
    isUnique: z.boolean(),
    isIdentity: z.boolean(),
    /** The referenced table ("namespace.table") and column when the column is in a declared foreign key. */
    references: z.object({ table: z.string().max(600), column: z.string().max(255) }).strict().nullable(),
    defaultValue: z.string().max(2000).nullable(),
    comment: z.string().max(4000).nullable(),
    /** Values of the column's enum type, when it is one. */
    enumValues: z.array(z.string().max(200)).max(100),
    /** What kind of personal data the column looks like it holds ("email", "phone", …), or null. */
    personal: z.string().max(40).nullable(),
    stats: statsSchema.nullable(),
  })
  .strict();
export type ColumnInput = z.infer<typeof columnInput>;

export const tableInput = z
  .object({
    scope: z.literal('table'),
    template: z.enum(generationTemplates),
    engine: z.enum(supportedDbTypes),
    table: z
      .object({
        namespace: z.string().max(255),
        name: z.string().min(1).max(255),
        kind: z.enum(tableKinds),
        comment: z.string().max(4000).nullable(),
        rowEstimate: z.number().nullable(),
        columns: z.array(columnInput).max(2000),
        primaryKey: z.array(z.string()).max(64),
        foreignKeys: z
          .array(z.object({ columns: z.array(z.string()), refTable: z.string(), refColumns: z.array(z.string()), onDelete: z.string() }).strict())
          .max(500),
        /** Foreign keys of other tables that point at this one. */
        referencedBy: z.array(z.object({ table: z.string(), columns: z.array(z.string()) }).strict()).max(2000),
        uniques: z.array(z.array(z.string())).max(200),
        indexes: z.array(z.object({ name: z.string(), columns: z.array(z.string()), unique: z.boolean() }).strict()).max(500),
        checks: z.array(z.string().max(4000)).max(200),
        /** The tables a view reads, when the table is a view. */
        viewSources: z.array(z.string()).max(200),
      })
      .strict(),
    /** Every other table of the database ("namespace.table"), so names can be matched to tables. */
    neighbours: z.array(z.string().max(600)).max(5000),
  })
  .strict();
export type TableDocInput = z.infer<typeof tableInput>;

export const schemaInput = z
  .object({
    scope: z.literal('schema'),
    template: z.enum(generationTemplates),
    engine: z.enum(supportedDbTypes),
    /** The connection's name, as people call the database. */
    databaseName: z.string().max(200),
    namespaces: z.array(z.string()).max(500),
    tables: z
      .array(
        z
          .object({
            key: z.string().max(600),
            name: z.string().max(255),
            kind: z.enum(tableKinds),
            comment: z.string().max(4000).nullable(),
            columnCount: z.number().int().min(0),
            rowEstimate: z.number().nullable(),
            /** The tables this one points at, and the number of foreign keys pointing at it. */
            references: z.array(z.string()),
            referencedByCount: z.number().int().min(0),
          })
          .strict(),
      )
      .max(5000),
  })
  .strict();
export type SchemaDocInput = z.infer<typeof schemaInput>;

export const documentSchemaInput = z.discriminatedUnion('scope', [tableInput, schemaInput]);
export type DocumentSchemaInput = z.infer<typeof documentSchemaInput>;

export const documentSchemaOutput = z
  .object({
    description: z
      .string()
      .trim()
      .min(1)
      .max(20000)
      .describe("Markdown. Template 'short': one paragraph. Template 'full': sections ## Purpose, ## Columns, ## Relationships, ## Data notes (for a schema: ## Purpose, ## Main tables, ## Data notes)"),
    columns: z
      .array(
        z
          .object({
            name: z.string().min(1).max(255).describe('The column name exactly as given'),
            description: z.string().trim().min(1).max(4000).describe("Template 'short': one sentence; 'full': up to four sentences"),
          })
          .strict(),
      )
      .max(2000)
      .describe('One entry per column of the table, in the given order; empty for the schema scope'),
  })
  .strict();
export type DocumentSchemaOutput = z.infer<typeof documentSchemaOutput>;

import { z } from 'zod';
import { atMost, isRequired, oneOf, requiredAs } from '../../shared/contract/messages.js';
import { cursorSchema, limitSchema, pageSchema } from '../../shared/contract/pagination.js';
import {
  connectionModes,
  dbTypes,
  docScopes,
  docTemplates,
  generationTemplates,
  lintRules,
  supportedDbTypes,
  tableKinds,
  type ConnectionMode,
  type DbType,
  type DocScope,
  type DocTemplate,
  type GenerationTemplate,
  type LintRule,
  type SupportedDbType,
  type TableKind,
} from '../../shared/dbassist-kinds.js';

/**
 * Request and response schemas of the database assistant (seed 002), part 1: connections
 * (/organizations/{orgId}/connections, /connections/{id}), schema snapshots (/schemas/{id}, its diff, docs, lint,
 * ER diagram and Markdown site).
 */

export { connectionModes, dbTypes, docScopes, docTemplates, generationTemplates, lintRules, supportedDbTypes, tableKinds };
export type { ConnectionMode, DbType, DocScope, DocTemplate, GenerationTemplate, LintRule, SupportedDbType, TableKind };

const text = (label: string, max: number) => z.string(requiredAs(label, 'text')).trim().min(1, isRequired(label)).max(max, atMost(label, max));
const timestamp = z.string();

export const dbTypeSchema = z.enum(dbTypes, oneOf('Database type', dbTypes));
export const connectionModeSchema = z.enum(connectionModes, oneOf('Mode', connectionModes));

// ── Connections ─────────────────────────────────────────────────────────────────────────────────────────────────────
/**
 * The URI is `postgres://user:password@host:port/database`, `mysql://…` (MariaDB too), or for SQLite a path to a file
 * the server can read (`/srv/data/app.db` or `sqlite:///srv/data/app.db`). It is write-only: no answer carries it.
 */
export const createConnectionSchema = z.object({
  name: text('Name', 100),
  dbType: dbTypeSchema,
  connectionUri: text('Connection URI', 2000),
  mode: connectionModeSchema.default('read-only'),
});
export type CreateConnectionInput = z.infer<typeof createConnectionSchema>;

/** Any subset; a new URI replaces the sealed one. */
export const updateConnectionSchema = z
  .object({
    name: text('Name', 100).optional(),
    dbType: dbTypeSchema.optional(),
    connectionUri: text('Connection URI', 2000).optional(),
    mode: connectionModeSchema.optional(),
  })
  .refine((value) => Object.values(value).some((field) => field !== undefined), 'Give at least one of name, dbType, connectionUri, mode');
export type UpdateConnectionInput = z.infer<typeof updateConnectionSchema>;

/** What "Test connection" found. `warning` is set when a read-only connection's user could write. */
export const connectionTestSchema = z.object({
  ok: z.boolean(),
  serverVersion: z.string().nullable(),
  user: z.string().nullable(),
  canWrite: z.boolean().nullable(),
  warning: z.string().nullable(),
  error: z.string().nullable(),
  testedAt: timestamp,
});
export type ConnectionTest = z.infer<typeof connectionTestSchema>;

export const connectionSchema = z.object({
  id: z.string(),
  organizationId: z.string(),
  name: z.string(),
  dbType: dbTypeSchema,
  /** Engine, host, port and database (or the SQLite file's name): never the user or password. */
  target: z.string(),
  mode: connectionModeSchema,
  isSample: z.boolean(),
  lastTest: connectionTestSchema.nullable(),
  /** The newest snapshot, if any was taken. */
  latestSchema: z.object({ id: z.string(), version: z.string(), createdAt: timestamp }).nullable(),
  createdAt: timestamp,
  updatedAt: timestamp,
});
export type Connection = z.infer<typeof connectionSchema>;

export const connectionListQuerySchema = z.object({ limit: limitSchema, cursor: cursorSchema });
export const connectionPageSchema = pageSchema(connectionSchema);

export const jobStartedSchema = z.object({ jobId: z.string() });
export type JobStarted = z.infer<typeof jobStartedSchema>;

// ── Schema snapshots ────────────────────────────────────────────────────────────────────────────────────────────────
export const schemaVersionSchema = z.object({
  id: z.string(),
  connectionId: z.string(),
  version: z.string(),
  sequence: z.number().int(),
  contentHash: z.string(),
  tableCount: z.number().int(),
  columnCount: z.number().int(),
  createdAt: timestamp,
});
export type SchemaVersion = z.infer<typeof schemaVersionSchema>;
export const schemaVersionPageSchema = pageSchema(schemaVersionSchema);
export const schemaVersionListQuerySchema = z.object({ limit: limitSchema, cursor: cursorSchema });

export const columnSchema = z.object({
  id: z.string(),
  name: z.string(),
  ordinal: z.number().int(),
  dataType: z.string(),
  isNullable: z.boolean(),
  isPk: z.boolean(),
  isFk: z.boolean(),
  fkTableId: z.string().nullable(),
  defaultValue: z.string().nullable(),
  comment: z.string().nullable(),
  description: z.string().nullable(),
});
export type SchemaColumn = z.infer<typeof columnSchema>;

export const indexSchema = z.object({
  name: z.string(),
  columns: z.array(z.string()),
  unique: z.boolean(),
  primary: z.boolean(),
  method: z.string(),
  predicate: z.string().nullable(),
});
export const foreignKeySchema = z.object({
  name: z.string().nullable(),
  columns: z.array(z.string()),
  refTable: z.string(),
  refColumns: z.array(z.string()),
  onDelete: z.string(),
  onUpdate: z.string(),
});
export const triggerSchema = z.object({ name: z.string(), timing: z.string(), events: z.array(z.string()), definition: z.string() });

export const schemaTableSchema = z.object({
  id: z.string(),
  namespace: z.string(),
  name: z.string(),
  kind: z.enum(tableKinds),
  comment: z.string().nullable(),
  description: z.string().nullable(),
  rowEstimate: z.number().nullable(),
  columns: z.array(columnSchema),
  primaryKey: z.array(z.string()),
  foreignKeys: z.array(foreignKeySchema),
  /** Foreign keys of other tables that point here: "namespace.table(column, …)". */
  referencedBy: z.array(z.object({ table: z.string(), columns: z.array(z.string()) })),
  uniques: z.array(z.object({ name: z.string().nullable(), columns: z.array(z.string()) })),
  checks: z.array(z.object({ name: z.string().nullable(), expression: z.string() })),
  indexes: z.array(indexSchema),
  triggers: z.array(triggerSchema),
  viewDefinition: z.string().nullable(),
});
export type SchemaTable = z.infer<typeof schemaTableSchema>;

export const schemaDetailSchema = z.object({
  id: z.string(),
  connectionId: z.string(),
  version: z.string(),
  sequence: z.number().int(),
  createdAt: timestamp,
  engine: z.string(),
  serverVersion: z.string().nullable(),
  namespaces: z.array(z.string()),
  enums: z.array(z.object({ namespace: z.string(), name: z.string(), values: z.array(z.string()) })),
  tables: z.array(schemaTableSchema),
});
export type SchemaDetail = z.infer<typeof schemaDetailSchema>;

// ── Diff ────────────────────────────────────────────────────────────────────────────────────────────────────────────
export const diffQuerySchema = z.object({ to: z.uuid('to must be the UUID of another schema version') });

/** One changed attribute of a column or table: `{what: "dataType", from: "integer", to: "bigint"}`. */
export const attributeChangeSchema = z.object({ what: z.string(), from: z.unknown(), to: z.unknown() });

export const tableChangeSchema = z.object({
  table: z.string(),
  columns: z.object({
    added: z.array(z.string()),
    removed: z.array(z.string()),
    changed: z.array(z.object({ column: z.string(), changes: z.array(attributeChangeSchema) })),
  }),
  primaryKey: attributeChangeSchema.nullable(),
  foreignKeys: z.object({ added: z.array(z.string()), removed: z.array(z.string()) }),
  indexes: z.object({ added: z.array(z.string()), removed: z.array(z.string()), changed: z.array(z.string()) }),
  uniques: z.object({ added: z.array(z.string()), removed: z.array(z.string()) }),
  checks: z.object({ added: z.array(z.string()), removed: z.array(z.string()) }),
  other: z.array(attributeChangeSchema),
});
export type TableChange = z.infer<typeof tableChangeSchema>;

export const schemaDiffSchema = z.object({
  from: z.object({ id: z.string(), version: z.string() }),
  to: z.object({ id: z.string(), version: z.string() }),
  /** Table keys ("namespace.table"). */
  added: z.array(z.string()),
  removed: z.array(z.string()),
  changed: z.array(tableChangeSchema),
  /** PostgreSQL migration that takes the `from` schema to the `to` schema. Empty when nothing changed. */
  sql: z.string(),
});
export type SchemaDiff = z.infer<typeof schemaDiffSchema>;

// ── Documentation ───────────────────────────────────────────────────────────────────────────────────────────────────
export const docSchema = z.object({
  id: z.string(),
  scope: z.enum(docScopes),
  /** The row of this snapshot it documents (schema, table or column id). */
  refId: z.string(),
  /** '' for the schema, "namespace.table", "namespace.table.column". */
  objectKey: z.string(),
  contentMd: z.string(),
  template: z.enum(docTemplates),
  source: z.enum(['ai', 'human']),
  /** The table or column changed since this text was written. */
  stale: z.boolean(),
  createdAt: timestamp,
  updatedAt: timestamp,
});
export type SchemaDoc = z.infer<typeof docSchema>;
export const docListSchema = z.object({ items: z.array(docSchema) });

export const generateDocsSchema = z.object({
  template: z.enum(generationTemplates, oneOf('Template', generationTemplates)).default('short'),
  /** Only these tables ("namespace.table" or bare names); all when absent. */
  tables: z.array(text('Table', 300)).max(2000, 'Tables must list at most 2000 names').optional(),
  /** Overwrite text a person wrote as well; by default a person's text is kept. */
  overwriteHuman: z.boolean().default(false),
});
export type GenerateDocsInput = z.infer<typeof generateDocsSchema>;

export const updateDocSchema = z.object({ contentMd: z.string(requiredAs('Content', 'text')).max(20000, atMost('Content', 20000)) });
export type UpdateDocInput = z.infer<typeof updateDocSchema>;

// ── Lint and coverage ───────────────────────────────────────────────────────────────────────────────────────────────
export const lintFindingSchema = z.object({
  rule: z.enum(lintRules),
  table: z.string(),
  column: z.string().optional(),
  message: z.string(),
});
export type LintFinding = z.infer<typeof lintFindingSchema>;

export const lintReportSchema = z.object({
  findings: z.array(lintFindingSchema),
  /** Shares from 0 to 1 of tables and columns with documentation. */
  coverage: z.object({ tables: z.number().min(0).max(1), columns: z.number().min(0).max(1) }),
});
export type LintReport = z.infer<typeof lintReportSchema>;

// ── ER diagram ──────────────────────────────────────────────────────────────────────────────────────────────────────
export const erdQuerySchema = z.object({
  /** Comma-separated table names (a viewpoint); the whole schema when absent. */
  tables: z.string().max(20000, atMost('tables', 20000)).optional(),
});
export const erdSchema = z.object({ mermaidCode: z.string(), tables: z.array(z.string()) });
export type Erd = z.infer<typeof erdSchema>;

/** Saves the ER diagram (of the whole schema or the listed tables) into a project's diagrams. */
export const saveErdSchema = z.object({
  projectId: z.uuid('Project must be a UUID'),
  title: text('Title', 200).optional(),
  tables: z.array(text('Table', 300)).max(500, 'Tables must list at most 500 names').optional(),
});
export type SaveErdInput = z.infer<typeof saveErdSchema>;

/** The diagram the save created in the project (GET /projects/{projectId}/diagrams/{diagramId} has the rest). */
export const savedErdSchema = z.object({ diagramId: z.string(), projectId: z.string(), title: z.string(), mermaidCode: z.string(), tables: z.array(z.string()) });
export type SavedErd = z.infer<typeof savedErdSchema>;

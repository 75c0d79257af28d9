import { z } from 'zod';
import { atMost, isRequired, oneOf, requiredAs } from '../../shared/contract/messages.js';
import { cursorSchema, limitSchema, pageSchema } from '../../shared/contract/pagination.js';
import {
  connectionModes,
  dbTypes,
  docScopes,
  docTemplates,
  executionStatuses,
  generationTemplates,
  lintRules,
  mockFormats,
  mockJobStatuses,
  mockLocales,
  mockTargets,
  querySources,
  supportedDbTypes,
  tableKinds,
  type ConnectionMode,
  type DbType,
  type DocScope,
  type DocTemplate,
  type ExecutionStatus,
  type GenerationTemplate,
  type LintRule,
  type MockFormat,
  type MockJobStatus,
  type MockLocale,
  type MockTarget,
  type QuerySource,
  type SupportedDbType,
  type TableKind,
} from '../../shared/dbassist-kinds.js';

/**
 * Request and response schemas of the database assistant (seed 002): connections (/organizations/{orgId}/connections,
 * /connections/{id}), schema snapshots (/schemas/{id}, its diff, docs, lint, ER diagram and Markdown site); SQL from
 * questions, saved queries, executions, mock-data jobs and index advice.
 */

export {
  connectionModes,
  dbTypes,
  docScopes,
  docTemplates,
  executionStatuses,
  generationTemplates,
  lintRules,
  mockFormats,
  mockJobStatuses,
  mockLocales,
  mockTargets,
  querySources,
  supportedDbTypes,
  tableKinds,
};
export type {
  ConnectionMode,
  DbType,
  DocScope,
  DocTemplate,
  ExecutionStatus,
  GenerationTemplate,
  LintRule,
  MockFormat,
  MockJobStatus,
  MockLocale,
  MockTarget,
  QuerySource,
  SupportedDbType,
  TableKind,
};

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

// ── SQL from a question ─────────────────────────────────────────────────────────────────────────────────────────────
export const askSchema = z.object({ question: text('Question', 2000) });
export type AskInput = z.infer<typeof askSchema>;

/**
 * The SQL that answers a question, or — when a part of the question could not be read against the schema — no SQL and
 * the parts named in `notUnderstood` (the explanation says so in a sentence).
 */
export const askAnswerSchema = z.object({
  sql: z.string().nullable(),
  explanation: z.string(),
  /** The tables the SQL reads, as "namespace.name" (or "name" when the database has one namespace). */
  tables: z.array(z.string()),
  notUnderstood: z.array(z.string()),
  generationId: z.string(),
});
export type AskAnswer = z.infer<typeof askAnswerSchema>;

// ── Saved queries (seed 002 `queries`) ──────────────────────────────────────────────────────────────────────────────
export const querySourceSchema = z.enum(querySources, oneOf('Source', querySources));
export const createQuerySchema = z.object({
  sqlText: text('SQL', 100000),
  description: z.string(requiredAs('Description', 'text')).trim().max(5000, atMost('Description', 5000)).optional(),
  /** The question the SQL was generated from, with the ledger row of that answer: the query is then saved as source "ai". */
  question: z.string(requiredAs('Question', 'text')).trim().max(2000, atMost('Question', 2000)).optional(),
  generationId: z.uuid('generationId must be a UUID').optional(),
});
export type CreateQueryInput = z.infer<typeof createQuerySchema>;

export const updateQuerySchema = z
  .object({
    sqlText: text('SQL', 100000).optional(),
    description: z.string(requiredAs('Description', 'text')).trim().max(5000, atMost('Description', 5000)).nullable().optional(),
  })
  .refine((value) => value.sqlText !== undefined || value.description !== undefined, 'Give sqlText or description');
export type UpdateQueryInput = z.infer<typeof updateQuerySchema>;

export const lastRunSchema = z.object({ executionId: z.string(), status: z.enum(executionStatuses), startedAt: timestamp, durationMs: z.number().nullable() });

export const savedQuerySchema = z.object({
  id: z.string(),
  connectionId: z.string(),
  sqlText: z.string(),
  description: z.string().nullable(),
  question: z.string().nullable(),
  source: querySourceSchema,
  tablesUsed: z.array(z.string()),
  generationId: z.string().nullable(),
  createdBy: z.string().nullable(),
  createdAt: timestamp,
  updatedAt: timestamp,
  lastRun: lastRunSchema.nullable(),
});
export type SavedQuery = z.infer<typeof savedQuerySchema>;
export const savedQueryPageSchema = pageSchema(savedQuerySchema);
/** `q` searches the SQL, description and question. */
export const queryListQuerySchema = z.object({
  limit: limitSchema,
  cursor: cursorSchema,
  q: z.string().trim().max(200, atMost('Search', 200)).optional(),
});

// ── Executions (seed 002 `executions`) ──────────────────────────────────────────────────────────────────────────────
export const executionStatusSchema = z.enum(executionStatuses, oneOf('Status', executionStatuses));
export const pageSizeSchema = z.coerce
  .number({ error: 'Page size must be a number' })
  .int('Page size must be a whole number')
  .min(1, 'Page size must be at least 1')
  .max(1000, 'Page size must be at most 1000')
  .default(100);

/** Exactly one of `sql` and `queryId`. A write on a read-write connection runs only with `confirmWrite: true`. */
export const executeSchema = z
  .object({
    sql: text('SQL', 100000).optional(),
    queryId: z.uuid('queryId must be a UUID').optional(),
    confirmWrite: z.boolean(requiredAs('confirmWrite', 'true or false')).default(false),
    pageSize: pageSizeSchema,
  })
  .refine((value) => (value.sql === undefined) !== (value.queryId === undefined), 'Give exactly one of sql and queryId');
export type ExecuteInput = z.infer<typeof executeSchema>;

export const explainSchema = z.object({ sql: text('SQL', 100000) });
export type ExplainInput = z.infer<typeof explainSchema>;

/** What running the SQL would do: whether it reads or writes, whether it is allowed here, and the server's plan. */
export const explainAnswerSchema = z.object({
  kind: z.enum(['read', 'write']),
  allowed: z.boolean(),
  /** Why it is refused, naming the statement, clause or function ("writable CTE", "function pg_sleep"). */
  refusal: z.string().nullable(),
  plan: z.string().nullable(),
  totalCost: z.number().nullable(),
});
export type ExplainAnswer = z.infer<typeof explainAnswerSchema>;

export const resultColumnSchema = z.object({ name: z.string(), dataType: z.string() });
export type ResultColumn = z.infer<typeof resultColumnSchema>;
/** One result row: JSON values in column order (bigints and numerics as strings, dates as ISO text, bytes as \\x-hex). */
export const resultRowSchema = z.array(z.unknown());

export const executionSchema = z.object({
  id: z.string(),
  connectionId: z.string(),
  queryId: z.string().nullable(),
  sqlText: z.string(),
  executedBy: z.string().nullable(),
  status: executionStatusSchema,
  startedAt: timestamp,
  finishedAt: timestamp.nullable(),
  durationMs: z.number().nullable(),
  rowCount: z.number().nullable(),
  isWrite: z.boolean(),
  truncated: z.boolean(),
  errorMsg: z.string().nullable(),
  columns: z.array(resultColumnSchema),
  /** The first page (on execute) or empty (in lists). */
  rows: z.array(resultRowSchema),
  nextCursor: z.string().nullable(),
});
export type Execution = z.infer<typeof executionSchema>;
export const executionPageSchema = pageSchema(executionSchema);
export const executionListQuerySchema = z.object({
  limit: limitSchema,
  cursor: cursorSchema,
  q: z.string().trim().max(200, atMost('Search', 200)).optional(),
  status: executionStatusSchema.optional(),
});
export const rowsQuerySchema = z.object({ cursor: cursorSchema, limit: pageSizeSchema });
export const rowsPageSchema = z.object({ columns: z.array(resultColumnSchema), rows: z.array(resultRowSchema), nextCursor: z.string().nullable() });
export type RowsPage = z.infer<typeof rowsPageSchema>;

// ── Mock data (seed 002 `mock_jobs`) ────────────────────────────────────────────────────────────────────────────────
export const mockConfigSchema = z.object({
  rows: z.coerce
    .number({ error: 'Rows must be a number' })
    .int('Rows must be a whole number')
    .min(1, 'Rows must be at least 1')
    .max(1_000_000, 'Rows must be at most 1000000')
    .default(1000),
  seed: z.coerce.number({ error: 'Seed must be a number' }).int('Seed must be a whole number').min(0, 'Seed must be at least 0').max(2_147_483_647, 'Seed is too large').default(1),
  locale: z.enum(mockLocales, oneOf('Locale', mockLocales)).default('en'),
  /** Nulls where allowed, maximum lengths, boundary numbers, Unicode. */
  edgeCases: z.boolean(requiredAs('edgeCases', 'true or false')).default(false),
  target: z.enum(mockTargets, oneOf('Target', mockTargets)).default('file'),
  format: z.enum(mockFormats, oneOf('Format', mockFormats)).default('csv'),
});
export type MockConfig = z.infer<typeof mockConfigSchema>;

export const createMockJobSchema = z.object({ tableId: z.uuid('tableId must be the UUID of a table'), config: mockConfigSchema.default(mockConfigSchema.parse({})) });
export type CreateMockJobInput = z.infer<typeof createMockJobSchema>;

export const mockPreviewSchema = z.object({ tableId: z.uuid('tableId must be the UUID of a table'), config: mockConfigSchema.default(mockConfigSchema.parse({})) });
export const mockPreviewAnswerSchema = z.object({ table: z.string(), columns: z.array(resultColumnSchema), rows: z.array(resultRowSchema), parents: z.array(z.string()) });
export type MockPreview = z.infer<typeof mockPreviewAnswerSchema>;

export const mockResultSchema = z.object({
  /** Every table rows were made for, parents first, with how many. */
  tables: z.array(z.object({ table: z.string(), rows: z.number() })),
  rowsPerSecond: z.number(),
});
export type MockResult = z.infer<typeof mockResultSchema>;

export const mockJobSchema = z.object({
  id: z.string(),
  jobId: z.string().nullable(),
  connectionId: z.string(),
  tableId: z.string().nullable(),
  table: z.string(),
  config: mockConfigSchema,
  status: z.enum(mockJobStatuses),
  /** Where to download the file, when the target is a file and the job completed. */
  fileUrl: z.string().nullable(),
  result: mockResultSchema.nullable(),
  errorMsg: z.string().nullable(),
  createdBy: z.string().nullable(),
  createdAt: timestamp,
  completedAt: timestamp.nullable(),
});
export type MockJob = z.infer<typeof mockJobSchema>;
export const mockJobPageSchema = pageSchema(mockJobSchema);
export const mockJobCreatedSchema = z.object({ id: z.string(), jobId: z.string() });
export const mockJobListQuerySchema = z.object({ limit: limitSchema, cursor: cursorSchema });

// ── Index advice ────────────────────────────────────────────────────────────────────────────────────────────────────
export const indexAdviceSchema = z.object({
  /** False when the server has no hypopg: `message` then says so, and nothing is proposed. */
  available: z.boolean(),
  message: z.string(),
  costBefore: z.number().nullable(),
  costAfter: z.number().nullable(),
  indexes: z.array(z.object({ table: z.string(), columns: z.array(z.string()), definition: z.string(), costAfter: z.number() })),
});
export type IndexAdvice = z.infer<typeof indexAdviceSchema>;

import { API_BASE, apiRequest, enc } from '../../api/http';
import type { ListQueryOf, RequestOf, ResponseOf } from '../../api/contract-types';
import type {
  askAnswerSchema,
  askSchema,
  connectionListQuerySchema,
  connectionPageSchema,
  connectionSchema,
  connectionTestSchema,
  createConnectionSchema,
  createMockJobSchema,
  createQuerySchema,
  docListSchema,
  docSchema,
  erdSchema,
  executeSchema,
  executionListQuerySchema,
  executionPageSchema,
  executionSchema,
  explainAnswerSchema,
  generateDocsSchema,
  indexAdviceSchema,
  jobStartedSchema,
  lintReportSchema,
  mockJobCreatedSchema,
  mockJobPageSchema,
  mockJobSchema,
  mockPreviewAnswerSchema,
  mockPreviewSchema,
  queryListQuerySchema,
  rowsPageSchema,
  rowsQuerySchema,
  saveErdSchema,
  savedQueryPageSchema,
  savedQuerySchema,
  savedErdSchema,
  schemaDetailSchema,
  schemaDiffSchema,
  schemaVersionListQuerySchema,
  schemaVersionPageSchema,
  schemaVersionSchema,
  updateConnectionSchema,
  updateDocSchema,
  updateQuerySchema,
} from '../../../modules/dbassist/dbassist.contract';

/**
 * The database assistant's API: an organization's connections (test, ingest, the sample database), their schema
 * versions and diffs, documentation, lint with coverage, and ER diagrams; SQL from questions, saved queries, executions
 * with their result pages and exports, mock data and index advice.
 */

export type Connection = ResponseOf<typeof connectionSchema>;
export type ConnectionTest = ResponseOf<typeof connectionTestSchema>;
export type ConnectionInput = RequestOf<typeof createConnectionSchema>;
export type ConnectionPatch = RequestOf<typeof updateConnectionSchema>;
export type SchemaVersion = ResponseOf<typeof schemaVersionSchema>;
export type SchemaDetail = ResponseOf<typeof schemaDetailSchema>;
export type SchemaTable = SchemaDetail['tables'][number];
export type SchemaColumn = SchemaTable['columns'][number];
export type SchemaDiff = ResponseOf<typeof schemaDiffSchema>;
export type TableChange = SchemaDiff['changed'][number];
export type SchemaDoc = ResponseOf<typeof docSchema>;
export type LintReport = ResponseOf<typeof lintReportSchema>;
export type LintFinding = LintReport['findings'][number];
export type Erd = ResponseOf<typeof erdSchema>;
export type SavedErd = ResponseOf<typeof savedErdSchema>;
export type GenerateDocsInput = RequestOf<typeof generateDocsSchema>;
type JobStarted = ResponseOf<typeof jobStartedSchema>;
export type AskAnswer = ResponseOf<typeof askAnswerSchema>;
export type SavedQuery = ResponseOf<typeof savedQuerySchema>;
export type ExecuteInput = RequestOf<typeof executeSchema>;
export type Execution = ResponseOf<typeof executionSchema>;
export type ResultColumn = Execution['columns'][number];
export type RowsPage = ResponseOf<typeof rowsPageSchema>;
export type ExplainAnswer = ResponseOf<typeof explainAnswerSchema>;
export type MockConfigInput = NonNullable<RequestOf<typeof createMockJobSchema>['config']>;
export type MockJob = ResponseOf<typeof mockJobSchema>;
export type MockPreview = ResponseOf<typeof mockPreviewAnswerSchema>;
export type IndexAdvice = ResponseOf<typeof indexAdviceSchema>;

const connections = (organizationId: string) => `/organizations/${enc(organizationId)}/connections`;
const connection = (id: string) => `/connections/${enc(id)}`;
const schema = (id: string) => `/schemas/${enc(id)}`;
const execution = (id: string) => `/executions/${enc(id)}`;


export const dbassistApi = {
  connections: {
    list: (organizationId: string, query: ListQueryOf<typeof connectionListQuerySchema> = {}, signal?: AbortSignal) =>
      apiRequest<ResponseOf<typeof connectionPageSchema>>('GET', connections(organizationId), { query, signal }),
    create: (organizationId: string, input: ConnectionInput) => apiRequest<Connection>('POST', connections(organizationId), { body: input }),
    /** Creates the embedded sample database and its connection. */
    createSample: (organizationId: string) => apiRequest<Connection>('POST', `${connections(organizationId)}/sample`, { body: {} }),
    get: (id: string, signal?: AbortSignal) => apiRequest<Connection>('GET', connection(id), { signal }),
    update: (id: string, patch: ConnectionPatch) => apiRequest<Connection>('PATCH', connection(id), { body: patch }),
    remove: (id: string) => apiRequest<void>('DELETE', connection(id)),
    test: (id: string) => apiRequest<ConnectionTest>('POST', `${connection(id)}/test`, { body: {} }),
    /** Takes a snapshot of the schema in a background job. */
    ingest: (id: string) => apiRequest<JobStarted>('POST', `${connection(id)}/ingest`, { body: {} }),
    versions: (id: string, query: ListQueryOf<typeof schemaVersionListQuerySchema> = {}, signal?: AbortSignal) =>
      apiRequest<ResponseOf<typeof schemaVersionPageSchema>>('GET', `${connection(id)}/schemas`, { query, signal }),
    /** SQL that answers a question about the connection's newest snapshot, or the parts of it that were not understood. */
    ask: (id: string, body: RequestOf<typeof askSchema>, signal?: AbortSignal) => apiRequest<AskAnswer>('POST', `${connection(id)}/ask`, { body, signal }),
    /**
     * Runs one statement and answers the execution with its first page. A write on a read-write connection answers 409
     * WRITE_NOT_CONFIRMED (with the EXPLAIN preview) until it is sent again with `confirmWrite: true`.
     */
    execute: (id: string, body: ExecuteInput, signal?: AbortSignal) => apiRequest<Execution>('POST', `${connection(id)}/execute`, { body, signal }),
    explain: (id: string, sql: string) => apiRequest<ExplainAnswer>('POST', `${connection(id)}/explain`, { body: { sql } }),
    executions: (id: string, query: ListQueryOf<typeof executionListQuerySchema> = {}, signal?: AbortSignal) =>
      apiRequest<ResponseOf<typeof executionPageSchema>>('GET', `${connection(id)}/executions`, { query, signal }),
    queries: (id: string, query: ListQueryOf<typeof queryListQuerySchema> = {}, signal?: AbortSignal) =>
      apiRequest<ResponseOf<typeof savedQueryPageSchema>>('GET', `${connection(id)}/queries`, { query, signal }),
    saveQuery: (id: string, body: RequestOf<typeof createQuerySchema>) => apiRequest<SavedQuery>('POST', `${connection(id)}/queries`, { body }),
    mockJobs: (id: string, signal?: AbortSignal) => apiRequest<ResponseOf<typeof mockJobPageSchema>>('GET', `${connection(id)}/mock-jobs`, { signal }),
    /** Ten rows as the job would make them; nothing is written. */
    mockPreview: (id: string, body: RequestOf<typeof mockPreviewSchema>, signal?: AbortSignal) =>
      apiRequest<MockPreview>('POST', `${connection(id)}/mock-jobs/preview`, { body, signal }),
    createMockJob: (id: string, body: RequestOf<typeof createMockJobSchema>) =>
      apiRequest<ResponseOf<typeof mockJobCreatedSchema>>('POST', `${connection(id)}/mock-jobs`, { body }),
  },
  queries: {
    update: (id: string, patch: RequestOf<typeof updateQuerySchema>) => apiRequest<SavedQuery>('PATCH', `/queries/${enc(id)}`, { body: patch }),
    remove: (id: string) => apiRequest<void>('DELETE', `/queries/${enc(id)}`),
    /** Hypothetical indexes (hypopg) and the plan cost before and after; `available: false` says why there is none. */
    indexAdvice: (id: string, signal?: AbortSignal) => apiRequest<IndexAdvice>('GET', `/queries/${enc(id)}/index-advice`, { signal }),
  },
  executions: {
    get: (id: string, signal?: AbortSignal) => apiRequest<Execution>('GET', execution(id), { signal }),
    rows: (id: string, query: ListQueryOf<typeof rowsQuerySchema>, signal?: AbortSignal) => apiRequest<RowsPage>('GET', `${execution(id)}/rows`, { query, signal }),
    cancel: (id: string) => apiRequest<Execution>('POST', `${execution(id)}/cancel`, { body: {} }),
    exportUrl: (id: string, format: 'csv' | 'json') => `${API_BASE}${execution(id)}.${format}`,
  },
  mockJobs: {
    get: (id: string, signal?: AbortSignal) => apiRequest<MockJob>('GET', `/mock-jobs/${enc(id)}`, { signal }),
  },
  schemas: {
    get: (id: string, signal?: AbortSignal) => apiRequest<SchemaDetail>('GET', schema(id), { signal }),
    diff: (id: string, to: string, signal?: AbortSignal) => apiRequest<SchemaDiff>('GET', `${schema(id)}/diff`, { query: { to }, signal }),
    lint: (id: string, signal?: AbortSignal) => apiRequest<LintReport>('GET', `${schema(id)}/lint`, { signal }),
    docs: (id: string, signal?: AbortSignal) => apiRequest<ResponseOf<typeof docListSchema>>('GET', `${schema(id)}/docs`, { signal }),
    /** Writes documentation for the snapshot (or the listed tables) in a background job. */
    generateDocs: (id: string, input: GenerateDocsInput) => apiRequest<JobStarted>('POST', `${schema(id)}/docs/generate`, { body: input }),
    updateDoc: (id: string, docId: string, body: RequestOf<typeof updateDocSchema>) =>
      apiRequest<SchemaDoc>('PATCH', `${schema(id)}/docs/${enc(docId)}`, { body }),
    /** A viewpoint: only these tables; the whole schema when empty. */
    erd: (id: string, tables: string[] = [], signal?: AbortSignal) =>
      apiRequest<Erd>('GET', `${schema(id)}/erd`, { query: { tables: tables.join(',') }, signal }),
    saveErd: (id: string, body: RequestOf<typeof saveErdSchema>) => apiRequest<SavedErd>('POST', `${schema(id)}/erd/save`, { body }),
    docsZipUrl: (id: string) => `${API_BASE}${schema(id)}/docs.zip`,
  },
};

import { API_BASE, apiRequest, enc } from '../../api/http';
import type { ListQueryOf, RequestOf, ResponseOf } from '../../api/contract-types';
import type {
  connectionListQuerySchema,
  connectionPageSchema,
  connectionSchema,
  connectionTestSchema,
  createConnectionSchema,
  docListSchema,
  docSchema,
  erdSchema,
  generateDocsSchema,
  jobStartedSchema,
  lintReportSchema,
  saveErdSchema,
  savedErdSchema,
  schemaDetailSchema,
  schemaDiffSchema,
  schemaVersionListQuerySchema,
  schemaVersionPageSchema,
  schemaVersionSchema,
  updateConnectionSchema,
  updateDocSchema,
} from '../../../modules/dbassist/dbassist.contract';

/**
 * The database assistant's API: an organization's connections (test, ingest, the sample database), their schema
 * versions and diffs, documentation, lint with coverage, and ER diagrams.
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

const connections = (organizationId: string) => `/organizations/${enc(organizationId)}/connections`;
const connection = (id: string) => `/connections/${enc(id)}`;
const schema = (id: string) => `/schemas/${enc(id)}`;

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

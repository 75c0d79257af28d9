import { API_BASE, apiRequest, enc, withQuery } from '../../api/http';
import type { ListQueryOf, RequestOf, ResponseOf } from '../../api/contract-types';
import type {
  createDocumentBody,
  diffQuery,
  diffSchema,
  documentAtRevisionSchema,
  documentListItemSchema,
  documentPageSchema,
  documentSchema,
  listDocumentsQuery,
  listRevisionsQuery,
  restoreDocumentBody,
  revisionPageSchema,
  revisionSummarySchema,
  updateDocumentBody,
} from '../../../modules/documents/documents.contract';
import type { generateBody } from '../../../modules/generation/generation.contract';
import type { jobAcceptedSchema } from '../../../modules/jobs/jobs.contract';

/** The documents API: a project's documents, their revisions, diffs, exports and generation. */

export type Document = ResponseOf<typeof documentSchema>;
export type DocumentAtRevision = ResponseOf<typeof documentAtRevisionSchema>;
export type DocumentListItem = ResponseOf<typeof documentListItemSchema>;
export type RevisionSummary = ResponseOf<typeof revisionSummarySchema>;
export type DocumentDiff = ResponseOf<typeof diffSchema>;
export type DocumentInput = RequestOf<typeof createDocumentBody>;
export type DocumentPatch = RequestOf<typeof updateDocumentBody>;
export type DocumentStatusAction = 'publish' | 'archive' | 'lock' | 'unlock';

const base = (projectId: string) => `/projects/${enc(projectId)}/documents`;

export const documentsApi = {
  list: (projectId: string, query: ListQueryOf<typeof listDocumentsQuery>, signal?: AbortSignal) =>
    apiRequest<ResponseOf<typeof documentPageSchema>>('GET', base(projectId), { query, signal }),
  create: (projectId: string, input: DocumentInput) => apiRequest<Document>('POST', base(projectId), { body: input }),
  /** The latest revision, or revision `rev`. */
  get: (projectId: string, id: string, rev?: number | null, signal?: AbortSignal) =>
    apiRequest<DocumentAtRevision>('GET', `${base(projectId)}/${enc(id)}`, { query: { rev }, signal }),
  /** A new revision; 409 CONFLICT (details: the current document) when baseRev is stale, 423 LOCKED when locked. */
  update: (projectId: string, id: string, patch: DocumentPatch) =>
    apiRequest<Document>('PATCH', `${base(projectId)}/${enc(id)}`, { body: patch }),
  setStatus: (projectId: string, id: string, action: DocumentStatusAction) =>
    apiRequest<Document>('POST', `${base(projectId)}/${enc(id)}/${action}`, { body: {} }),
  revisions: (projectId: string, id: string, query: ListQueryOf<typeof listRevisionsQuery> = {}, signal?: AbortSignal) =>
    apiRequest<ResponseOf<typeof revisionPageSchema>>('GET', `${base(projectId)}/${enc(id)}/revisions`, { query, signal }),
  diff: (projectId: string, id: string, query: RequestOf<typeof diffQuery>, signal?: AbortSignal) =>
    apiRequest<DocumentDiff>('GET', `${base(projectId)}/${enc(id)}/diff`, { query, signal }),
  /** Makes revision `rev` the content of a new revision. */
  restore: (projectId: string, id: string, body: RequestOf<typeof restoreDocumentBody>) =>
    apiRequest<Document>('POST', `${base(projectId)}/${enc(id)}/restore`, { body }),
  /** The Markdown file download of the latest revision (or `rev`). */
  exportUrl: (projectId: string, id: string, rev?: number) => `${API_BASE}${withQuery(`${base(projectId)}/${enc(id)}/export`, { rev })}`,
  /** Writes a document of that type (or a new revision of the project's one) as a background job; its result names the document. */
  generate: (projectId: string, input: RequestOf<typeof generateBody>) =>
    apiRequest<ResponseOf<typeof jobAcceptedSchema>>('POST', `${base(projectId)}/generate`, { body: input }),
};

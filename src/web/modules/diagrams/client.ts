import { API_BASE, ApiError, apiRequest, enc, isRecord } from '../../api/http';
import type { ListQueryOf, RequestOf, ResponseOf } from '../../api/contract-types';
import type { jobAcceptedSchema } from '../../../modules/jobs/jobs.contract';
import type {
  createDiagramBody,
  diagramPageSchema,
  diagramRevisionPageSchema,
  diagramRevisionSchema,
  diagramSchema,
  generateDiagramBody,
  listDiagramRevisionsQuery,
  listDiagramsQuery,
  restoreDiagramBody,
  updateDiagramBody,
} from '../../../modules/diagrams/diagrams.contract';
import type { ParseProblem } from './mermaid';

/** The diagrams API: a project's diagrams, their revisions, generation and the .mmd download. */

export type Diagram = ResponseOf<typeof diagramSchema>;
export type DiagramRevision = ResponseOf<typeof diagramRevisionSchema>;
export type DiagramInput = RequestOf<typeof createDiagramBody>;
export type DiagramPatch = RequestOf<typeof updateDiagramBody>;

const base = (projectId: string) => `/projects/${enc(projectId)}/diagrams`;

export const diagramsApi = {
  list: (projectId: string, query: ListQueryOf<typeof listDiagramsQuery> = {}, signal?: AbortSignal) =>
    apiRequest<ResponseOf<typeof diagramPageSchema>>('GET', base(projectId), { query, signal }),
  create: (projectId: string, input: DiagramInput) => apiRequest<Diagram>('POST', base(projectId), { body: input }),
  get: (projectId: string, id: string, signal?: AbortSignal) => apiRequest<Diagram>('GET', `${base(projectId)}/${enc(id)}`, { signal }),
  update: (projectId: string, id: string, patch: DiagramPatch) => apiRequest<Diagram>('PATCH', `${base(projectId)}/${enc(id)}`, { body: patch }),
  remove: (projectId: string, id: string) => apiRequest<void>('DELETE', `${base(projectId)}/${enc(id)}`),
  revisions: (projectId: string, id: string, query: ListQueryOf<typeof listDiagramRevisionsQuery> = {}, signal?: AbortSignal) =>
    apiRequest<ResponseOf<typeof diagramRevisionPageSchema>>('GET', `${base(projectId)}/${enc(id)}/revisions`, { query, signal }),
  restore: (projectId: string, id: string, body: RequestOf<typeof restoreDiagramBody>) =>
    apiRequest<Diagram>('POST', `${base(projectId)}/${enc(id)}/restore`, { body }),
  generate: (projectId: string, input: RequestOf<typeof generateDiagramBody>) =>
    apiRequest<ResponseOf<typeof jobAcceptedSchema>>('POST', `${base(projectId)}/generate`, { body: input }),
  mmdUrl: (projectId: string, id: string) => `${API_BASE}${base(projectId)}/${enc(id)}.mmd`,
};

/** The parser problem a 422 INVALID_DIAGRAM carries, if the error is one. */
export function parseProblemOf(error: unknown): ParseProblem | null {
  if (!(error instanceof ApiError) || error.code !== 'INVALID_DIAGRAM' || !Array.isArray(error.data)) return null;
  const detail: unknown = error.data[0];
  if (!isRecord(detail) || typeof detail.message !== 'string') return null;
  return {
    line: typeof detail.line === 'number' ? detail.line : null,
    ...(typeof detail.column === 'number' ? { column: detail.column } : {}),
    message: detail.message,
  };
}

/** The current diagram a 409 from a stale save carries in its details, if the error is one. */
export function conflictDiagramOf(error: unknown): Diagram | null {
  if (!(error instanceof ApiError) || error.status !== 409 || !isRecord(error.data)) return null;
  const current = error.data.diagram;
  return isRecord(current) && typeof current.mermaidCode === 'string' && typeof current.title === 'string' && typeof current.currentRev === 'number' ? (current as Diagram) : null;
}

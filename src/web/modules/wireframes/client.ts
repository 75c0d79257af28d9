import { API_BASE, apiRequest, enc, isRecord } from '../../api/http';
import type { ListQueryOf, RequestOf, ResponseOf } from '../../api/contract-types';
import type { jobAcceptedSchema } from '../../../modules/jobs/jobs.contract';
import type {
  createWireframeBody,
  generateWireframesBody,
  listWireframesQuery,
  savedWireframeSchema,
  updateWireframeBody,
  wireframePageSchema,
  wireframeSchema,
} from '../../../modules/wireframes/wireframes.contract';

/** The wireframes API: a project's wireframes, edits, generation, downloads and the project ZIP. */

export type Wireframe = ResponseOf<typeof wireframeSchema>;
/** A create or an edit answers with what the sanitizer removed from the HTML and CSS. */
export type SavedWireframe = ResponseOf<typeof savedWireframeSchema>;
export type WireframeInput = RequestOf<typeof createWireframeBody>;
export type WireframePatch = RequestOf<typeof updateWireframeBody>;
export type GenerateWireframesInput = RequestOf<typeof generateWireframesBody>;

const base = (projectId: string) => `/projects/${enc(projectId)}/wireframes`;

export const wireframesApi = {
  list: (projectId: string, query: ListQueryOf<typeof listWireframesQuery> = {}, signal?: AbortSignal) =>
    apiRequest<ResponseOf<typeof wireframePageSchema>>('GET', base(projectId), { query, signal }),
  get: (projectId: string, id: string, signal?: AbortSignal) => apiRequest<Wireframe>('GET', `${base(projectId)}/${enc(id)}`, { signal }),
  create: (projectId: string, input: WireframeInput) => apiRequest<SavedWireframe>('POST', base(projectId), { body: input }),
  /** 409 CONFLICT (details.wireframe: the current one) when baseUpdatedAt is stale. */
  update: (projectId: string, id: string, patch: WireframePatch) => apiRequest<SavedWireframe>('PATCH', `${base(projectId)}/${enc(id)}`, { body: patch }),
  remove: (projectId: string, id: string) => apiRequest<void>('DELETE', `${base(projectId)}/${enc(id)}`),
  /** One screen (screen or templateType given) or a set; the job's result lists wireframeIds. */
  generate: (projectId: string, input: GenerateWireframesInput) =>
    apiRequest<ResponseOf<typeof jobAcceptedSchema>>('POST', `${base(projectId)}/generate`, { body: input }),
  downloadUrl: (projectId: string, id: string) => `${API_BASE}${base(projectId)}/${enc(id)}/download`,
  /** The whole project as a ZIP: documents, diagrams, wireframes and an index. */
  projectExportUrl: (projectId: string) => `${API_BASE}/projects/${enc(projectId)}/export.zip`,
};

/** What the sanitizer removed when a generated wireframe was saved (kept in its metadata), if anything. */
export function removedOnGeneration(metadata: Record<string, unknown>): string[] {
  const sanitized = metadata.sanitized;
  if (!isRecord(sanitized) || !Array.isArray(sanitized.removed)) return [];
  return sanitized.removed.filter((item): item is string => typeof item === 'string');
}

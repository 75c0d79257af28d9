import { ApiError, apiRequest, enc, isRecord } from '../../api/http';
import type { ListQueryOf, RequestOf, ResponseOf } from '../../api/contract-types';
import type { jobAcceptedSchema } from '../../../modules/jobs/jobs.contract';
import type {
  correctModelBody,
  listModelRevisionsQuery,
  modelCorrectionSchema,
  modelDiffQuery,
  modelDiffSchema,
  modelRevisionPageSchema,
  modelRevisionSchema,
  projectModelSchema,
  rebuildModelBody,
  restoreModelBody,
  savedProjectModelSchema,
  storedProjectModelSchema,
} from '../../../modules/project-model/project-model.contract';

/** The project model API: the model, its corrections, history, diff, restore and rebuild. */

export type ProjectModel = ResponseOf<typeof projectModelSchema>;
export type StoredModel = ResponseOf<typeof storedProjectModelSchema>;
export type SavedModel = ResponseOf<typeof savedProjectModelSchema>;
export type ModelCorrection = RequestOf<typeof modelCorrectionSchema>;
/** Sends one correction of the Model tab; resolves true when it was saved. */
export type Correct = (correction: ModelCorrection) => Promise<boolean>;
export type ModelRevision = ResponseOf<typeof modelRevisionSchema>;
export type ModelRevisionSummary = ModelRevision extends infer R ? Omit<R, 'model'> : never;
export type ModelDiff = ResponseOf<typeof modelDiffSchema>;
export type ModelEntity = ProjectModel['entities'][number];
export type ModelActor = ProjectModel['actors'][number];
export type ModelSource = ModelEntity['sources'][number];
export type ModelAttribute = ModelEntity['attributes'][number];

const base = (projectId: string) => `/projects/${enc(projectId)}/model`;

export const projectModelApi = {
  get: (projectId: string, signal?: AbortSignal) => apiRequest<StoredModel>('GET', base(projectId), { signal }),
  correct: (projectId: string, body: RequestOf<typeof correctModelBody>) => apiRequest<SavedModel>('POST', `${base(projectId)}/corrections`, { body }),
  revisions: (projectId: string, query: ListQueryOf<typeof listModelRevisionsQuery> = {}, signal?: AbortSignal) =>
    apiRequest<ResponseOf<typeof modelRevisionPageSchema>>('GET', `${base(projectId)}/revisions`, { query, signal }),
  revision: (projectId: string, rev: number, signal?: AbortSignal) => apiRequest<ModelRevision>('GET', `${base(projectId)}/revisions/${rev}`, { signal }),
  diff: (projectId: string, query: RequestOf<typeof modelDiffQuery>, signal?: AbortSignal) =>
    apiRequest<ModelDiff>('GET', `${base(projectId)}/diff`, { query, signal }),
  restore: (projectId: string, rev: number, body: RequestOf<typeof restoreModelBody>) =>
    apiRequest<SavedModel>('POST', `${base(projectId)}/revisions/${rev}/restore`, { body }),
  rebuild: (projectId: string, body: RequestOf<typeof rebuildModelBody> = {}) =>
    apiRequest<ResponseOf<typeof jobAcceptedSchema>>('POST', `${base(projectId)}/rebuild`, { body }),
};

/** True when the error says the project has no model yet (rather than that the project is missing). */
export function isNoModelYet(error: unknown): boolean {
  return error instanceof ApiError && error.status === 404 && /no model yet/i.test(error.message);
}

/** The current model a 409 from a stale correction carries, if the error is one. */
export function conflictModelOf(error: unknown): StoredModel | null {
  if (!(error instanceof ApiError) || error.status !== 409 || !isRecord(error.data)) return null;
  const current = error.data.model;
  return isRecord(current) && isRecord(current.model) && typeof current.rev === 'number' ? (current as StoredModel) : null;
}

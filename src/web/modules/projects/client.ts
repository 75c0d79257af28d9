import { apiRequest, enc } from '../../api/http';
import type { ListQueryOf, RequestOf, ResponseOf } from '../../api/contract-types';
import type { answerClarificationsBody, clarificationsSchema } from '../../../modules/generation/generation.contract';
import type { jobAcceptedSchema } from '../../../modules/jobs/jobs.contract';
import type {
  createProjectBody,
  listProjectsQuery,
  projectPageSchema,
  projectSchema,
  updateProjectBody,
} from '../../../modules/projects/projects.contract';
import type { searchQuery, searchResultSchema } from '../../../modules/search/search.contract';
import type { ProjectStatus, WritableProjectStatus } from '../../../shared/project-statuses';

/** The projects API: projects, their idea pipeline (clarifying questions) and search across their documents. */

export type Project = ResponseOf<typeof projectSchema>;
export type ProjectInput = RequestOf<typeof createProjectBody>;
export type ProjectPatch = RequestOf<typeof updateProjectBody>;
export type IdeaPipeline = ResponseOf<typeof clarificationsSchema>;
export type ClarificationAnswers = RequestOf<typeof answerClarificationsBody>;
export type SearchHit = ResponseOf<typeof searchResultSchema>['items'][number];
export type { ProjectStatus, WritableProjectStatus };

export const projectsApi = {
  list: (query: ListQueryOf<typeof listProjectsQuery>, signal?: AbortSignal) =>
    apiRequest<ResponseOf<typeof projectPageSchema>>('GET', '/projects', { query, signal }),
  create: (input: ProjectInput) => apiRequest<Project>('POST', '/projects', { body: input }),
  get: (id: string, signal?: AbortSignal) => apiRequest<Project>('GET', `/projects/${enc(id)}`, { signal }),
  update: (id: string, patch: ProjectPatch) => apiRequest<Project>('PATCH', `/projects/${enc(id)}`, { body: patch }),
  remove: (id: string) => apiRequest<Project>('DELETE', `/projects/${enc(id)}`),
  restore: (id: string) => apiRequest<Project>('POST', `/projects/${enc(id)}/restore`, { body: {} }),
  /** The idea pipeline: its questions and answers, its latest job and the documents it wrote. */
  ideaPipeline: (id: string, signal?: AbortSignal) => apiRequest<IdeaPipeline>('GET', `/projects/${enc(id)}/clarifications`, { signal }),
  /** Answers the clarifying questions (or skips them) and starts writing the documents; follow the job. */
  answerClarifications: (id: string, body: ClarificationAnswers) =>
    apiRequest<ResponseOf<typeof jobAcceptedSchema>>('POST', `/projects/${enc(id)}/clarifications`, { body }),
  search: (id: string, query: RequestOf<typeof searchQuery>, signal?: AbortSignal) =>
    apiRequest<ResponseOf<typeof searchResultSchema>>('GET', `/projects/${enc(id)}/search`, { query, signal }),
};

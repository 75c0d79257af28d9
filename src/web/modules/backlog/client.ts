import { API_BASE, ApiError, apiRequest, enc } from '../../api/http';
import type { ListQueryOf, RequestOf, ResponseOf } from '../../api/contract-types';
import type { jobAcceptedSchema } from '../../../modules/jobs/jobs.contract';
import type {
  acceptProposalsBody,
  acceptProposalsResultSchema,
  bulkEditBody,
  bulkEditResultSchema,
  burndownSchema,
  completeSprintBody,
  completeSprintResultSchema,
  createEpicBody,
  createRelationBody,
  createSprintBody,
  createStoryBody,
  createTaskBody,
  epicPageSchema,
  epicSchema,
  estimateBody,
  estimateSchema,
  generateStoriesBody,
  listStoriesQuery,
  listTasksQuery,
  moveStoryBody,
  planSprintBody,
  similarStoriesQuery,
  similarStoriesSchema,
  sprintPageSchema,
  sprintPlanSchema,
  sprintSchema,
  startSprintBody,
  storyActivityPageSchema,
  storyActivitySchema,
  storyPageSchema,
  storyProposalSchema,
  storyRelationListSchema,
  storyRelationSchema,
  storySchema,
  taskPageSchema,
  taskSchema,
  tasksFromPlanBody,
  tasksFromPlanResultSchema,
  updateEpicBody,
  updateSprintBody,
  updateStoryBody,
  velocitySchema,
} from '../../../modules/backlog/backlog.contract';

/** The backlog API: a project's epics, stories, sprints (burndown, velocity), phase tasks and story generation. */

export type Story = ResponseOf<typeof storySchema>;
export type Epic = ResponseOf<typeof epicSchema>;
export type Sprint = ResponseOf<typeof sprintSchema>;
export type Task = ResponseOf<typeof taskSchema>;
export type StoryActivity = ResponseOf<typeof storyActivitySchema>;
export type StoryRelation = ResponseOf<typeof storyRelationSchema>;
export type Burndown = ResponseOf<typeof burndownSchema>;
export type Velocity = ResponseOf<typeof velocitySchema>;
export type CompleteSprintResult = ResponseOf<typeof completeSprintResultSchema>;
export type SprintPlan = ResponseOf<typeof sprintPlanSchema>;
export type StoryProposal = ResponseOf<typeof storyProposalSchema>;
export type StoryInput = RequestOf<typeof createStoryBody>;
export type StoryPatch = RequestOf<typeof updateStoryBody>;
export type StoryQuery = ListQueryOf<typeof listStoriesQuery>;
export type BulkEdit = RequestOf<typeof bulkEditBody>;
export type MoveStory = RequestOf<typeof moveStoryBody>;
export type SimilarStories = ResponseOf<typeof similarStoriesSchema>;
export type Estimate = ResponseOf<typeof estimateSchema>;
export type AcceptProposals = RequestOf<typeof acceptProposalsBody>;
export type ProposalEdit = NonNullable<AcceptProposals['edits']>[string];

const base = (projectId: string) => `/projects/${enc(projectId)}`;
const story = (projectId: string, id: string) => `${base(projectId)}/stories/${enc(id)}`;
const sprint = (projectId: string, id: string) => `${base(projectId)}/sprints/${enc(id)}`;

export const backlogApi = {
  stories: {
    list: (projectId: string, query: StoryQuery, signal?: AbortSignal) =>
      apiRequest<ResponseOf<typeof storyPageSchema>>('GET', `${base(projectId)}/stories`, { query, signal }),
    get: (projectId: string, id: string, signal?: AbortSignal) => apiRequest<Story>('GET', story(projectId, id), { signal }),
    create: (projectId: string, input: StoryInput) => apiRequest<Story>('POST', `${base(projectId)}/stories`, { body: input }),
    /** 409 CONFLICT (details: the current story) when baseRev is stale. */
    update: (projectId: string, id: string, patch: StoryPatch) => apiRequest<Story>('PATCH', story(projectId, id), { body: patch }),
    remove: (projectId: string, id: string) => apiRequest<void>('DELETE', story(projectId, id)),
    /** A new column (status), sprint and place (between afterId and beforeId) for one story. */
    move: (projectId: string, id: string, body: MoveStory) => apiRequest<Story>('POST', `${story(projectId, id)}/move`, { body }),
    bulk: (projectId: string, body: BulkEdit) =>
      apiRequest<ResponseOf<typeof bulkEditResultSchema>>('POST', `${base(projectId)}/stories/bulk`, { body }),
    activity: (projectId: string, id: string, cursor?: string | null, signal?: AbortSignal) =>
      apiRequest<ResponseOf<typeof storyActivityPageSchema>>('GET', `${story(projectId, id)}/activity`, { query: { cursor, limit: 100 }, signal }),
    relations: (projectId: string, id: string, signal?: AbortSignal) =>
      apiRequest<ResponseOf<typeof storyRelationListSchema>>('GET', `${story(projectId, id)}/relations`, { signal }),
    relate: (projectId: string, id: string, body: RequestOf<typeof createRelationBody>) =>
      apiRequest<StoryRelation>('POST', `${story(projectId, id)}/relations`, { body }),
    unrelate: (projectId: string, id: string, relatedStoryId: string, kind: string) =>
      apiRequest<void>('DELETE', `${story(projectId, id)}/relations/${enc(kind)}/${enc(relatedStoryId)}`),
    similar: (projectId: string, query: RequestOf<typeof similarStoriesQuery>, signal?: AbortSignal) =>
      apiRequest<SimilarStories>('GET', `${base(projectId)}/stories/similar`, { query, signal }),
    estimate: (projectId: string, body: RequestOf<typeof estimateBody>, signal?: AbortSignal) =>
      apiRequest<Estimate>('POST', `${base(projectId)}/stories/estimate`, { body, signal }),
    /** Epics and stories proposed from a PRD, an SRS or the project model, as a background job. */
    generate: (projectId: string, body: RequestOf<typeof generateStoriesBody>) =>
      apiRequest<ResponseOf<typeof jobAcceptedSchema>>('POST', `${base(projectId)}/stories/generate`, { body }),
    accept: (projectId: string, body: AcceptProposals) =>
      apiRequest<ResponseOf<typeof acceptProposalsResultSchema>>('POST', `${base(projectId)}/stories/accept`, { body }),
    csvUrl: (projectId: string) => `${API_BASE}${base(projectId)}/stories.csv`,
  },
  epics: {
    list: (projectId: string, cursor?: string | null, signal?: AbortSignal) =>
      apiRequest<ResponseOf<typeof epicPageSchema>>('GET', `${base(projectId)}/epics`, { query: { cursor, limit: 200 }, signal }),
    get: (projectId: string, id: string, signal?: AbortSignal) => apiRequest<Epic>('GET', `${base(projectId)}/epics/${enc(id)}`, { signal }),
    create: (projectId: string, input: RequestOf<typeof createEpicBody>) => apiRequest<Epic>('POST', `${base(projectId)}/epics`, { body: input }),
    update: (projectId: string, id: string, patch: RequestOf<typeof updateEpicBody>) =>
      apiRequest<Epic>('PATCH', `${base(projectId)}/epics/${enc(id)}`, { body: patch }),
  },
  sprints: {
    list: (projectId: string, cursor?: string | null, signal?: AbortSignal) =>
      apiRequest<ResponseOf<typeof sprintPageSchema>>('GET', `${base(projectId)}/sprints`, { query: { cursor, limit: 200 }, signal }),
    get: (projectId: string, id: string, signal?: AbortSignal) => apiRequest<Sprint>('GET', sprint(projectId, id), { signal }),
    create: (projectId: string, input: RequestOf<typeof createSprintBody>) => apiRequest<Sprint>('POST', `${base(projectId)}/sprints`, { body: input }),
    update: (projectId: string, id: string, patch: RequestOf<typeof updateSprintBody>) =>
      apiRequest<Sprint>('PATCH', sprint(projectId, id), { body: patch }),
    start: (projectId: string, id: string, body: RequestOf<typeof startSprintBody> = {}) =>
      apiRequest<Sprint>('POST', `${sprint(projectId, id)}/start`, { body }),
    complete: (projectId: string, id: string, body: RequestOf<typeof completeSprintBody>) =>
      apiRequest<ResponseOf<typeof completeSprintResultSchema>>('POST', `${sprint(projectId, id)}/complete`, { body }),
    burndown: (projectId: string, id: string, signal?: AbortSignal) => apiRequest<Burndown>('GET', `${sprint(projectId, id)}/burndown`, { signal }),
    /** The stories from the top of the backlog that fit the capacity; moves nothing. */
    plan: (projectId: string, id: string, body: RequestOf<typeof planSprintBody>) => apiRequest<SprintPlan>('POST', `${sprint(projectId, id)}/plan`, { body }),
  },
  velocity: (projectId: string, last = 6, signal?: AbortSignal) =>
    apiRequest<Velocity>('GET', `${base(projectId)}/velocity`, { query: { last }, signal }),
  tasks: {
    list: (projectId: string, query: ListQueryOf<typeof listTasksQuery>, signal?: AbortSignal) =>
      apiRequest<ResponseOf<typeof taskPageSchema>>('GET', `${base(projectId)}/tasks`, { query, signal }),
    create: (projectId: string, input: RequestOf<typeof createTaskBody>) => apiRequest<Task>('POST', `${base(projectId)}/tasks`, { body: input }),
    complete: (projectId: string, id: string) => apiRequest<Task>('POST', `${base(projectId)}/tasks/${enc(id)}/complete`, { body: {} }),
    reopen: (projectId: string, id: string) => apiRequest<Task>('POST', `${base(projectId)}/tasks/${enc(id)}/reopen`, { body: {} }),
    /** The delivery plan's phases as tasks; running it again changes nothing. */
    fromPlan: (projectId: string, body: RequestOf<typeof tasksFromPlanBody>) =>
      apiRequest<ResponseOf<typeof tasksFromPlanResultSchema>>('POST', `${base(projectId)}/tasks/from-plan`, { body }),
  },
};

/** Every page of a keyset list, for the pickers and the board (a project has tens of sprints and epics, not thousands). */
export async function allPages<T>(fetchPage: (cursor: string | null) => Promise<{ items: T[]; nextCursor: string | null }>, maxPages = 20): Promise<T[]> {
  const items: T[] = [];
  let cursor: string | null = null;
  for (let page = 0; page < maxPages; page += 1) {
    const result = await fetchPage(cursor);
    items.push(...result.items);
    cursor = result.nextCursor;
    if (!cursor) break;
  }
  return items;
}

/** An optional helper endpoint (duplicate check, estimate) that this server does not offer: the hint is left out. */
export function isMissingEndpoint(error: unknown): boolean {
  return error instanceof ApiError && (error.status === 404 || error.status === 405 || error.status === 501);
}

/** The current story a 409 from a stale save carries in its details, if the error is one. */
export function conflictStoryOf(error: unknown): Story | null {
  if (!(error instanceof ApiError) || error.status !== 409 || typeof error.data !== 'object' || error.data === null) return null;
  const data = error.data as Record<string, unknown>;
  const current = (data.story ?? data.current ?? data) as Record<string, unknown>;
  return typeof current.id === 'string' && typeof current.rev === 'number' && typeof current.title === 'string' ? (current as Story) : null;
}

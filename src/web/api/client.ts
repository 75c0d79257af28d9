/**
 * The one typed client of the Atelier API. The server keeps the session in httpOnly cookies, so requests only need
 * `credentials: 'same-origin'`. A 401 triggers one refresh (shared by every request that failed at the same time)
 * and one retry; when the refresh fails too, the app is told the session is over.
 */

import type { DocumentStatus, DocumentType, GeneratableType } from '../../shared/document-kinds';

export type Role = 'owner' | 'admin' | 'editor' | 'viewer';
export const roles: Role[] = ['owner', 'admin', 'editor', 'viewer'];

export type ProjectStatus =
  | 'planning'
  | 'active'
  | 'on_hold'
  | 'completed'
  | 'processing'
  | 'ready'
  | 'archived'
  | 'deleted';

export type User = {
  id: string;
  name: string;
  username: string | null;
  email: string;
  status: string;
  emailVerified: boolean;
  createdAt?: string;
  updatedAt?: string;
};

export type Organization = {
  id: string;
  name: string;
  slug: string;
  ownerId: string;
  isPersonal: boolean;
  settings: Record<string, unknown>;
  role: Role;
  createdAt: string;
  updatedAt: string;
};

export type Member = {
  userId: string;
  name: string;
  email: string;
  role: Role;
  invitedBy: string | null;
  joinedAt: string;
};

export type Project = {
  id: string;
  organizationId: string;
  ownerId: string | null;
  name: string;
  key: string;
  description: string | null;
  status: ProjectStatus;
  settings: Record<string, unknown>;
  ideaPrompt: string | null;
  currentVersion: number;
  startDate: string | null;
  endDate: string | null;
  createdAt: string;
  updatedAt: string;
  deletedAt: string | null;
};

export type AuditEvent = {
  id: string | number;
  organizationId: string | null;
  userId: string | null;
  action: string;
  resourceType: string;
  resourceId: string | null;
  details: Record<string, unknown> | null;
  ipAddress: string | null;
  userAgent: string | null;
  timestamp: string;
  /** Null for the system, or someone no longer in sight. */
  actorName: string | null;
  /** The resource's name now, or the one recorded when it is gone; null for kinds without one. */
  resourceTitle: string | null;
};

export type Page<T> = { items: T[]; nextCursor: string | null };

export type LoginResult = { accessToken: string; refreshToken: string; expiresIn: number; user: User };

export type ProjectInput = {
  name: string;
  key?: string;
  description?: string | null;
  startDate?: string | null;
  endDate?: string | null;
  /** A project created with an idea starts the idea pipeline: clarifying questions, then five documents. */
  ideaPrompt?: string | null;
};
export type ProjectPatch = Partial<ProjectInput> & { status?: ProjectStatus };

export type FieldError = { field: string; message: string };

export type AiProvider = 'builtin' | 'openai' | 'anthropic' | 'ollama' | 'openai-compatible';
export const aiProviders: AiProvider[] = ['builtin', 'openai', 'anthropic', 'ollama', 'openai-compatible'];

export type AiSettings = {
  organizationId: string;
  /** null: the server's provider is used. */
  provider: AiProvider | null;
  model: string | null;
  baseUrl: string | null;
  /** The key itself is never returned. */
  hasApiKey: boolean;
  monthlyBudgetUsd: number | null;
  runBudgetUsd: number | null;
  effective: { provider: AiProvider; model: string; baseUrl: string | null; source: 'organization' | 'server' };
  serverDefault: { provider: AiProvider; model: string };
  updatedAt: string | null;
};

/** Each field is optional; null clears it (provider null: the server's default); an absent apiKey keeps the saved one. */
export type AiSettingsPatch = {
  provider?: AiProvider | null;
  model?: string | null;
  baseUrl?: string | null;
  apiKey?: string | null;
  monthlyBudgetUsd?: number | null;
  runBudgetUsd?: number | null;
};

export type ConnectionCheck = { ok: boolean; provider: AiProvider; model: string; latencyMs: number; message: string };

export type UsageGroup = 'day' | 'model' | 'feature';
export type UsageFigures = { calls: number; failedCalls: number; tokensIn: number; tokensOut: number; cost: number };
export type UsageBucket = UsageFigures & { key: string };
export type Usage = {
  organizationId: string;
  from: string;
  to: string;
  groupBy: UsageGroup;
  totals: UsageFigures;
  /** By day every day of the range is listed, quiet ones included. */
  buckets: UsageBucket[];
};

export type Credits = { remaining: number | null; resetAt: string; unlimited: boolean; monthlyAllowance: number };

export type AiTask = { name: string; description: string; kind: 'object' | 'text'; consumesChatCredit: boolean };

export type Generation = {
  id: string;
  organizationId: string;
  projectId: string | null;
  userId: string | null;
  jobId: string | null;
  generationType: string;
  provider: AiProvider;
  model: string;
  prompt: string;
  response: string | null;
  tokensIn: number;
  tokensOut: number;
  tokensUsed: number;
  cost: number;
  latencyMs: number;
  status: 'succeeded' | 'failed' | 'cancelled';
  errorCode: string | null;
  errorMessage: string | null;
  metadata: Record<string, unknown>;
  createdAt: string;
};

export type JobStatus = 'queued' | 'running' | 'succeeded' | 'failed' | 'cancelled';
export const finishedJobStatuses: JobStatus[] = ['succeeded', 'failed', 'cancelled'];

export type Job = {
  id: string;
  organizationId: string;
  projectId: string | null;
  type: string;
  status: JobStatus;
  /** 0–100. */
  progress: number;
  progressMessage: string | null;
  result: Record<string, unknown> | null;
  /** The last failure; kept while a retry is queued. */
  error: { code: string; message: string } | null;
  attempts: number;
  maxAttempts: number;
  createdBy?: string | null;
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
  updatedAt: string;
  /** Set while a running job is being cancelled. */
  cancelRequestedAt?: string | null;
};

/** What a batch AI task job answers once finished (also kept on a failed job when some inputs were done). */
export type TaskBatchResult<Output = unknown> = {
  task: string;
  total: number;
  completed: number;
  generationIds: string[];
  outputs: Output[];
  tokensIn: number;
  tokensOut: number;
  cost: number;
};

export type ProjectBrief = {
  title: string;
  summary: string;
  problem: string;
  goals: string[];
  targetUsers: Array<{ name: string; needs: string[] }>;
  features: Array<{ name: string; description: string; priority: 'must' | 'should' | 'could' }>;
  risks: Array<{ risk: string; mitigation: string }>;
  successMetrics: string[];
};

export type ProjectBriefInput = { name: string; idea: string; answers?: Array<{ question: string; answer: string }> };

export {
  documentStatuses,
  documentTypes,
  generatableTypes,
  pipelineTypes,
  type DocumentStatus,
  type DocumentType,
  type GeneratableType,
} from '../../shared/document-kinds';
export type Document = {
  id: string;
  organizationId: string;
  projectId: string;
  type: DocumentType;
  status: DocumentStatus;
  title: string;
  slug: string;
  contentMarkdown: string;
  metadata: Record<string, unknown>;
  /** The project version the document belongs to. */
  version: number;
  isLocked: boolean;
  currentRev: number;
  creatorId: string | null;
  /** The AI call that produced the latest generated revision. */
  generationId: string | null;
  publishedAt: string | null;
  createdAt: string;
  updatedAt: string;
};

export type RevisionSummary = {
  rev: number;
  title: string;
  note: string | null;
  createdBy: string | null;
  createdByName: string | null;
  generationId: string | null;
  restoredFrom: number | null;
  createdAt: string;
  /** Bytes of Markdown (UTF-8). */
  size: number;
};

/** A document as of one revision: title and contentMarkdown are that revision's. */
export type DocumentAtRevision = Document & { rev: number; content: unknown; revision: RevisionSummary };

export type DocumentListItem = Omit<Document, 'contentMarkdown'> & { excerpt: string };

export type DocumentDiff = { from: number; to: number; unified: string; stats: { added: number; removed: number } };

export type DocumentInput = { type: DocumentType; title: string; contentMarkdown?: string; slug?: string };
export type DocumentPatch = { baseRev: number; title?: string; contentMarkdown?: string; note?: string };

/** A section of the project's documents cited by a generated document (metadata.citations). */
export type Citation = {
  id: string;
  documentId: string;
  documentType: DocumentType;
  documentTitle: string;
  rev: number;
  blockId: string;
  heading: string | null;
};

export type SearchHit = {
  documentId: string;
  documentTitle: string;
  documentType: DocumentType;
  rev: number;
  /** The section: the slugs of its heading path. */
  blockId: string;
  heading: string | null;
  /** HTML: the matching words in <mark>, everything else escaped. */
  snippet: string;
  score: number;
  matchedBy: Array<'text' | 'vector'>;
};

export type Clarification = {
  id: string;
  position: number;
  question: string;
  why: string | null;
  answer: string | null;
  skipped: boolean;
  answeredBy: string | null;
  answeredAt: string | null;
};

export type IdeaPipeline = {
  projectId: string;
  projectStatus: ProjectStatus;
  items: Clarification[];
  /** The project's latest idea-pipeline job. */
  jobId: string | null;
  job: {
    id: string;
    stage: 'questions' | 'documents';
    status: JobStatus;
    progress: number;
    progressMessage: string | null;
    error: { code: string; message: string } | null;
  } | null;
  documents: Array<{ id: string; type: DocumentType; title: string; version: number }>;
};

export type ClarificationAnswers = { answers: Array<{ id: string; answer: string }>; skip?: never } | { skip: true; answers?: Array<{ id: string; answer: string }> };

/** An error answered by the server (or the network), in the server's error shape. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly details: FieldError[];
  readonly requestId: string | undefined;
  /** `error.details` as the server sent it, for errors whose details are not a list of fields (a stale edit's 409). */
  readonly data: unknown;

  constructor(status: number, code: string, message: string, details: FieldError[] = [], requestId?: string, data?: unknown) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.details = details;
    this.requestId = requestId;
    this.data = data;
  }

  /** The message for one input, matched on the last segment of the field path (`body.email` → `email`). */
  fieldError(field: string): string | undefined {
    const hit = this.details.find((d) => d.field === field || d.field.split('.').pop() === field);
    return hit?.message;
  }

  /** True when every detail names one of the form's inputs, so a banner would only repeat what they show. */
  coveredBy(fields: string[]): boolean {
    return this.details.length > 0 && this.details.every((d) => fields.includes(d.field.split('.').pop() ?? d.field));
  }
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function parseDetails(details: unknown): FieldError[] {
  if (!Array.isArray(details)) return [];
  return details.flatMap((d) =>
    isRecord(d) && typeof d.field === 'string' && typeof d.message === 'string' ? [{ field: d.field, message: d.message }] : [],
  );
}

async function toApiError(response: Response): Promise<ApiError> {
  let body: unknown;
  try {
    body = await response.json();
  } catch {
    body = undefined;
  }
  const error = isRecord(body) && isRecord(body.error) ? body.error : undefined;
  if (error && typeof error.code === 'string' && typeof error.message === 'string') {
    return new ApiError(
      response.status,
      error.code,
      error.message,
      parseDetails(error.details),
      typeof error.requestId === 'string' ? error.requestId : undefined,
      error.details,
    );
  }
  return new ApiError(response.status, 'HTTP_ERROR', `The server answered ${response.status} ${response.statusText}`.trim());
}

type Query = Record<string, string | number | null | undefined>;

function withQuery(path: string, query?: Query): string {
  if (!query) return path;
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  }
  const text = params.toString();
  return text ? `${path}?${text}` : path;
}

/** Where the API lives; paths given to the helpers below are relative to it. */
export const API_BASE = '/api/v1';

/** `accept` defaults to JSON; a streamed answer asks for `text/event-stream`. */
type RequestOptions = { query?: Query; body?: unknown; signal?: AbortSignal; accept?: string };

/** Endpoints whose 401 means "wrong credentials or token", never "session expired". */
const noRefreshPaths = [
  '/auth/login',
  '/auth/refresh',
  '/auth/register',
  '/auth/verify-email',
  '/auth/resend-verification',
  '/auth/forgot-password',
  '/auth/reset-password',
  '/auth/logout',
];

let sessionEndedListener: (() => void) | undefined;
let refreshInFlight: Promise<boolean> | undefined;

/** Called once the session cannot be refreshed any more (the app goes to the login page). */
export function onSessionEnded(listener: () => void): () => void {
  sessionEndedListener = listener;
  return () => {
    if (sessionEndedListener === listener) sessionEndedListener = undefined;
  };
}

async function send(method: string, path: string, options: RequestOptions): Promise<Response> {
  const headers: Record<string, string> = { accept: options.accept ?? 'application/json' };
  let body: string | undefined;
  if (options.body !== undefined) {
    headers['content-type'] = 'application/json';
    body = JSON.stringify(options.body);
  }
  try {
    return await fetch(`${API_BASE}${withQuery(path, options.query)}`, {
      method,
      headers,
      body,
      credentials: 'same-origin',
      signal: options.signal,
    });
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    throw new ApiError(0, 'NETWORK_ERROR', 'Cannot reach the Atelier server. Check your connection and try again.');
  }
}

function refreshSession(): Promise<boolean> {
  refreshInFlight ??= send('POST', '/auth/refresh', { body: {} })
    .then((response) => response.ok)
    .catch(() => false)
    .finally(() => {
      refreshInFlight = undefined;
    });
  return refreshInFlight;
}

/**
 * The response to an API call, after one session refresh on a 401; any other failure is thrown as an ApiError. For
 * bodies that are not JSON (a streamed answer); everything else uses `apiRequest`.
 */
export async function apiResponse(method: string, path: string, options: RequestOptions = {}): Promise<Response> {
  let response = await send(method, path, options);
  if (response.status === 401 && !noRefreshPaths.includes(path)) {
    if (await refreshSession()) response = await send(method, path, options);
    if (response.status === 401) {
      const error = await toApiError(response);
      sessionEndedListener?.();
      throw error;
    }
  }
  if (!response.ok) throw await toApiError(response);
  return response;
}

/** One API call answered with JSON (or nothing, for a 204). */
export async function apiRequest<T>(method: string, path: string, options: RequestOptions = {}): Promise<T> {
  const response = await apiResponse(method, path, options);
  if (response.status === 204) return undefined as T;
  const text = await response.text();
  return (text ? JSON.parse(text) : undefined) as T;
}

const enc = encodeURIComponent;

export const api = {
  auth: {
    register: (input: { name: string; email: string; password: string }) =>
      apiRequest<{ user: User }>('POST', '/auth/register', { body: input }),
    verifyEmail: (token: string) => apiRequest<{ user: User }>('POST', '/auth/verify-email', { body: { token } }),
    login: (input: { email: string; password: string }) => apiRequest<LoginResult>('POST', '/auth/login', { body: input }),
    logout: () => apiRequest<void>('POST', '/auth/logout'),
    resendVerification: (email: string) => apiRequest<{ message: string }>('POST', '/auth/resend-verification', { body: { email } }),
    forgotPassword: (email: string) => apiRequest<void>('POST', '/auth/forgot-password', { body: { email } }),
    resetPassword: (input: { email: string; code: string; password: string }) =>
      apiRequest<void>('POST', '/auth/reset-password', { body: input }),
  },
  me: {
    get: (signal?: AbortSignal) => apiRequest<User>('GET', '/me', { signal }),
    update: (patch: { name?: string; username?: string | null }) => apiRequest<User>('PATCH', '/me', { body: patch }),
  },
  organizations: {
    list: (query: { limit?: number; cursor?: string | null } = {}) =>
      apiRequest<Page<Organization>>('GET', '/organizations', { query }),
    create: (input: { name: string }) => apiRequest<Organization>('POST', '/organizations', { body: input }),
    update: (id: string, patch: { name?: string }) => apiRequest<Organization>('PATCH', `/organizations/${enc(id)}`, { body: patch }),
    remove: (id: string) => apiRequest<void>('DELETE', `/organizations/${enc(id)}`),
    members: {
      list: (organizationId: string, query: { limit?: number; cursor?: string | null } = {}, signal?: AbortSignal) =>
        apiRequest<Page<Member>>('GET', `/organizations/${enc(organizationId)}/members`, { query, signal }),
      add: (organizationId: string, input: { email: string; role: Role }) =>
        apiRequest<Member>('POST', `/organizations/${enc(organizationId)}/members`, { body: input }),
      update: (organizationId: string, userId: string, role: Role) =>
        apiRequest<Member>('PATCH', `/organizations/${enc(organizationId)}/members/${enc(userId)}`, { body: { role } }),
      remove: (organizationId: string, userId: string) =>
        apiRequest<void>('DELETE', `/organizations/${enc(organizationId)}/members/${enc(userId)}`),
    },
  },
  projects: {
    list: (
      query: { organizationId?: string; status?: string; q?: string; limit?: number; cursor?: string | null },
      signal?: AbortSignal,
    ) => apiRequest<Page<Project>>('GET', '/projects', { query, signal }),
    create: (input: ProjectInput & { organizationId: string }) => apiRequest<Project>('POST', '/projects', { body: input }),
    get: (id: string, signal?: AbortSignal) => apiRequest<Project>('GET', `/projects/${enc(id)}`, { signal }),
    update: (id: string, patch: ProjectPatch) => apiRequest<Project>('PATCH', `/projects/${enc(id)}`, { body: patch }),
    remove: (id: string) => apiRequest<Project>('DELETE', `/projects/${enc(id)}`),
    restore: (id: string) => apiRequest<Project>('POST', `/projects/${enc(id)}/restore`, { body: {} }),
    /** The idea pipeline: its questions and answers, its latest job and the documents it wrote. */
    ideaPipeline: (id: string, signal?: AbortSignal) => apiRequest<IdeaPipeline>('GET', `/projects/${enc(id)}/clarifications`, { signal }),
    /** Answers the clarifying questions (or skips them) and starts writing the documents; follow the job. */
    answerClarifications: (id: string, body: ClarificationAnswers) =>
      apiRequest<{ jobId: string }>('POST', `/projects/${enc(id)}/clarifications`, { body }),
    search: (id: string, query: { q: string; limit?: number }, signal?: AbortSignal) =>
      apiRequest<{ items: SearchHit[] }>('GET', `/projects/${enc(id)}/search`, { query, signal }),
  },
  documents: {
    list: (
      projectId: string,
      query: { type?: DocumentType; status?: DocumentStatus; limit?: number; cursor?: string | null },
      signal?: AbortSignal,
    ) => apiRequest<Page<DocumentListItem>>('GET', `/projects/${enc(projectId)}/documents`, { query, signal }),
    create: (projectId: string, input: DocumentInput) => apiRequest<Document>('POST', `/projects/${enc(projectId)}/documents`, { body: input }),
    /** The latest revision, or revision `rev`. */
    get: (projectId: string, id: string, rev?: number | null, signal?: AbortSignal) =>
      apiRequest<DocumentAtRevision>('GET', `/projects/${enc(projectId)}/documents/${enc(id)}`, { query: { rev }, signal }),
    /** A new revision; 409 CONFLICT (details: the current document) when baseRev is stale, 423 LOCKED when locked. */
    update: (projectId: string, id: string, patch: DocumentPatch) =>
      apiRequest<Document>('PATCH', `/projects/${enc(projectId)}/documents/${enc(id)}`, { body: patch }),
    setStatus: (projectId: string, id: string, action: 'publish' | 'archive' | 'lock' | 'unlock') =>
      apiRequest<Document>('POST', `/projects/${enc(projectId)}/documents/${enc(id)}/${action}`, { body: {} }),
    revisions: (projectId: string, id: string, query: { limit?: number; cursor?: string | null } = {}, signal?: AbortSignal) =>
      apiRequest<Page<RevisionSummary>>('GET', `/projects/${enc(projectId)}/documents/${enc(id)}/revisions`, { query, signal }),
    diff: (projectId: string, id: string, query: { from?: number; to?: number }, signal?: AbortSignal) =>
      apiRequest<DocumentDiff>('GET', `/projects/${enc(projectId)}/documents/${enc(id)}/diff`, { query, signal }),
    /** Makes revision `rev` the content of a new revision. */
    restore: (projectId: string, id: string, body: { rev: number; baseRev?: number; note?: string }) =>
      apiRequest<Document>('POST', `/projects/${enc(projectId)}/documents/${enc(id)}/restore`, { body }),
    /** The Markdown file download of the latest revision (or `rev`). */
    exportUrl: (projectId: string, id: string, rev?: number) =>
      `/api/v1${withQuery(`/projects/${enc(projectId)}/documents/${enc(id)}/export`, { rev })}`,
    /** Writes a document of that type (or a new revision of the project's one) as a background job; its result names the document. */
    generate: (projectId: string, input: { type: GeneratableType; instructions?: string }) =>
      apiRequest<{ jobId: string }>('POST', `/projects/${enc(projectId)}/documents/generate`, { body: input }),
  },
  audit: {
    list: (query: { organizationId?: string; limit?: number; cursor?: string | null }, signal?: AbortSignal) =>
      apiRequest<Page<AuditEvent>>('GET', '/audit', { query, signal }),
  },
  aiSettings: {
    get: (organizationId: string, signal?: AbortSignal) =>
      apiRequest<AiSettings>('GET', `/organizations/${enc(organizationId)}/ai-settings`, { signal }),
    update: (organizationId: string, patch: AiSettingsPatch) =>
      apiRequest<AiSettings>('PATCH', `/organizations/${enc(organizationId)}/ai-settings`, { body: patch }),
    /** Tries the saved settings with the unsaved changes in `patch` on top; answers ok=false with what to check. */
    test: (organizationId: string, patch: AiSettingsPatch = {}) =>
      apiRequest<ConnectionCheck>('POST', `/organizations/${enc(organizationId)}/ai-settings/test`, { body: patch }),
  },
  usage: {
    get: (query: { organizationId: string; from?: string; to?: string; groupBy: UsageGroup }, signal?: AbortSignal) =>
      apiRequest<Usage>('GET', '/usage', { query, signal }),
    credits: (signal?: AbortSignal) => apiRequest<Credits>('GET', '/me/credits', { signal }),
  },
  ai: {
    tasks: (signal?: AbortSignal) => apiRequest<AiTask[]>('GET', '/ai/tasks', { signal }),
    /** Runs a task over 1–50 inputs as a background job; follow it with jobs.get or jobs.eventsUrl. */
    startJob: (task: string, input: { projectId?: string; organizationId?: string; inputs: unknown[] }) =>
      apiRequest<{ jobId: string }>('POST', `/ai/tasks/${enc(task)}/jobs`, { body: input }),
    generations: {
      list: (
        query: { organizationId?: string; projectId?: string; limit?: number; cursor?: string | null },
        signal?: AbortSignal,
      ) => apiRequest<Page<Generation>>('GET', '/ai/generations', { query, signal }),
      get: (id: string, signal?: AbortSignal) => apiRequest<Generation>('GET', `/ai/generations/${enc(id)}`, { signal }),
    },
  },
  jobs: {
    get: (id: string, signal?: AbortSignal) => apiRequest<Job>('GET', `/jobs/${enc(id)}`, { signal }),
    list: (
      query: { organizationId?: string; projectId?: string; status?: JobStatus; limit?: number; cursor?: string | null },
      signal?: AbortSignal,
    ) => apiRequest<Page<Job>>('GET', '/jobs', { query, signal }),
    cancel: (id: string) => apiRequest<Job>('POST', `/jobs/${enc(id)}/cancel`, { body: {} }),
    /** The Server-Sent Events stream of a job: `progress` events, then `end`, then the server closes it. */
    eventsUrl: (id: string) => `/api/v1/jobs/${enc(id)}/events`,
  },
};

/** A readable message for anything thrown by the client. */
export function messageOf(error: unknown): string {
  if (error instanceof ApiError) return error.message;
  if (error instanceof Error) return error.message;
  return 'Something went wrong';
}

import { apiRequest, enc } from '../../api/http';
import type { ListQueryOf, RequestOf, ResponseOf } from '../../api/contract-types';
import type {
  aiSettingsSchema,
  connectionCheckSchema,
  creditsSchema,
  generationPageSchema,
  generationSchema,
  listGenerationsQuery,
  taskBatchResultSchema,
  taskJobBody,
  taskSchema,
  updateAiSettingsBody,
  usageQuery,
  usageSchema,
} from '../../../modules/ai/ai.contract';
import type { jobAcceptedSchema } from '../../../modules/jobs/jobs.contract';
import { providerNames, type ProviderName } from '../../../shared/ai-providers';

/** The AI API: an organization's provider settings, usage and credits, the AI tasks and the ledger of AI calls. */

export type AiProvider = ProviderName;
export const aiProviders = providerNames;
export type AiSettings = ResponseOf<typeof aiSettingsSchema>;
export type AiSettingsPatch = RequestOf<typeof updateAiSettingsBody>;
export type ConnectionCheck = ResponseOf<typeof connectionCheckSchema>;
export type Usage = ResponseOf<typeof usageSchema>;
export type UsageGroup = Usage['groupBy'];
export type UsageBucket = Usage['buckets'][number];
export type Credits = ResponseOf<typeof creditsSchema>;
export type AiTask = ResponseOf<typeof taskSchema>;
export type Generation = ResponseOf<typeof generationSchema>;
export type TaskBatchResult = ResponseOf<typeof taskBatchResultSchema>;

const settingsPath = (organizationId: string) => `/organizations/${enc(organizationId)}/ai-settings`;

export const aiApi = {
  settings: {
    get: (organizationId: string, signal?: AbortSignal) => apiRequest<AiSettings>('GET', settingsPath(organizationId), { signal }),
    update: (organizationId: string, patch: AiSettingsPatch) => apiRequest<AiSettings>('PATCH', settingsPath(organizationId), { body: patch }),
    /** Tries the saved settings with the unsaved changes in `patch` on top; answers ok=false with what to check. */
    test: (organizationId: string, patch: AiSettingsPatch = {}) =>
      apiRequest<ConnectionCheck>('POST', `${settingsPath(organizationId)}/test`, { body: patch }),
  },
  usage: (query: RequestOf<typeof usageQuery>, signal?: AbortSignal) => apiRequest<Usage>('GET', '/usage', { query, signal }),
  credits: (signal?: AbortSignal) => apiRequest<Credits>('GET', '/me/credits', { signal }),
  tasks: (signal?: AbortSignal) => apiRequest<AiTask[]>('GET', '/ai/tasks', { signal }),
  /** Runs a task over 1–50 inputs as a background job; follow it with the jobs API. */
  startJob: (task: string, input: RequestOf<typeof taskJobBody>) =>
    apiRequest<ResponseOf<typeof jobAcceptedSchema>>('POST', `/ai/tasks/${enc(task)}/jobs`, { body: input }),
  generations: {
    list: (query: ListQueryOf<typeof listGenerationsQuery>, signal?: AbortSignal) =>
      apiRequest<ResponseOf<typeof generationPageSchema>>('GET', '/ai/generations', { query, signal }),
    get: (id: string, signal?: AbortSignal) => apiRequest<Generation>('GET', `/ai/generations/${enc(id)}`, { signal }),
  },
};

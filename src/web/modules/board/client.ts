import { API_BASE, apiRequest, enc, withQuery } from '../../api/http';
import type { ListQueryOf, RequestOf, ResponseOf } from '../../api/contract-types';
import type {
  answersBody,
  boardDecisionSchema,
  boardSettingsSchema,
  clarificationSchema,
  contributionSchema,
  createSessionBody,
  deliberationOptionSchema,
  killAllBody,
  killAllResultSchema,
  killBody,
  listPersonasQuery,
  listSessionsQuery,
  panelSeatSchema,
  personaListSchema,
  personaSchema,
  saveDecisionResultSchema,
  sessionDetailSchema,
  sessionPageSchema,
  sessionSummarySchema,
  tallySchema,
  updateBoardSettingsBody,
  voteSchema,
} from '../../../modules/board/board.contract';

/** The board API: personas, deliberation sessions (their controls, clarifications, panel and decision record), settings. */

export type Persona = ResponseOf<typeof personaSchema>;
export type SessionSummary = ResponseOf<typeof sessionSummarySchema>;
export type SessionDetail = ResponseOf<typeof sessionDetailSchema>;
export type Contribution = ResponseOf<typeof contributionSchema>;
export type Vote = ResponseOf<typeof voteSchema>;
export type PanelSeat = ResponseOf<typeof panelSeatSchema>;
export type Clarification = ResponseOf<typeof clarificationSchema>;
export type DeliberationOption = ResponseOf<typeof deliberationOptionSchema>;
export type BoardDecision = ResponseOf<typeof boardDecisionSchema>;
export type Tally = ResponseOf<typeof tallySchema>;
export type BoardSettings = ResponseOf<typeof boardSettingsSchema>;
export type NewSession = RequestOf<typeof createSessionBody>;
export type SessionQuery = ListQueryOf<typeof listSessionsQuery>;
export type Answers = RequestOf<typeof answersBody>;

const sessions = '/board/sessions';
const session = (id: string) => `${sessions}/${enc(id)}`;

export const boardApi = {
  personas: (query: RequestOf<typeof listPersonasQuery> = {}, signal?: AbortSignal) =>
    apiRequest<ResponseOf<typeof personaListSchema>>('GET', '/board/personas', { query, signal }),
  sessions: {
    list: (query: SessionQuery, signal?: AbortSignal) => apiRequest<ResponseOf<typeof sessionPageSchema>>('GET', sessions, { query, signal }),
    create: (body: NewSession) => apiRequest<SessionDetail>('POST', sessions, { body }),
    get: (id: string, signal?: AbortSignal) => apiRequest<SessionDetail>('GET', session(id), { signal }),
    pause: (id: string) => apiRequest<SessionDetail>('POST', `${session(id)}/pause`, { body: {} }),
    resume: (id: string) => apiRequest<SessionDetail>('POST', `${session(id)}/resume`, { body: {} }),
    kill: (id: string, body: RequestOf<typeof killBody>) => apiRequest<SessionDetail>('POST', `${session(id)}/kill`, { body }),
    answer: (id: string, body: Answers) => apiRequest<SessionDetail>('POST', `${session(id)}/answers`, { body }),
    /** Another panel, while the session is paused before round 2. */
    swapPanel: (id: string, personaCodes: string[]) => apiRequest<SessionDetail>('PUT', `${session(id)}/panel`, { body: { personaCodes } }),
    /** Stores the decision record as a document of the session's project. */
    save: (id: string) => apiRequest<ResponseOf<typeof saveDecisionResultSchema>>('POST', `${session(id)}/save`, { body: {} }),
    killAll: (body: RequestOf<typeof killAllBody>) => apiRequest<ResponseOf<typeof killAllResultSchema>>('POST', `${sessions}/kill-all`, { body }),
    /**
     * The session's changes as Server-Sent Events, numbered so the browser resumes with Last-Event-ID by itself;
     * `after` starts a new stream past the events already applied.
     */
    eventsUrl: (id: string, after = 0) => `${API_BASE}${withQuery(`${session(id)}/events`, after > 0 ? { after } : undefined)}`,
    decisionUrl: (id: string) => `${API_BASE}${session(id)}/decision.md`,
  },
  settings: {
    get: (organizationId: string, signal?: AbortSignal) => apiRequest<BoardSettings>('GET', `/board/settings/${enc(organizationId)}`, { signal }),
    update: (organizationId: string, body: RequestOf<typeof updateBoardSettingsBody>) =>
      apiRequest<BoardSettings>('PUT', `/board/settings/${enc(organizationId)}`, { body }),
  },
};

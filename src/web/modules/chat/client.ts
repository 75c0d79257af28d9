import { apiRequest, enc } from '../../api/http';
import type { ListQueryOf, ResponseOf } from '../../api/contract-types';
import type {
  citationSchema,
  conversationPageSchema,
  conversationSchema,
  listConversationsQuery,
  listMessagesQuery,
  messagePageSchema,
  messageSchema,
} from '../../../modules/chat/chat.contract';

/** The chat API: a project's conversations and their keyset-paged messages (the streamed answer: answer-stream.ts). */

export type Conversation = ResponseOf<typeof conversationSchema>;
export type ChatMessage = ResponseOf<typeof messageSchema>;
export type ChatCitation = ResponseOf<typeof citationSchema>;
export type MessagePage = ResponseOf<typeof messagePageSchema>;

/** The messages of a conversation: before or after a page's cursor (null: none). */
type MessagesQuery = Omit<ListQueryOf<typeof listMessagesQuery>, 'before' | 'after'> & { before?: string | null; after?: string | null };

export const conversationsPath = (projectId: string) => `/projects/${enc(projectId)}/conversations`;
const base = conversationsPath;

export const chatApi = {
  list: (projectId: string, query: ListQueryOf<typeof listConversationsQuery> = {}, signal?: AbortSignal) =>
    apiRequest<ResponseOf<typeof conversationPageSchema>>('GET', base(projectId), { query, signal }),
  create: (projectId: string, title?: string) => apiRequest<Conversation>('POST', base(projectId), { body: title ? { title } : {} }),
  get: (projectId: string, id: string, signal?: AbortSignal) => apiRequest<Conversation>('GET', `${base(projectId)}/${enc(id)}`, { signal }),
  rename: (projectId: string, id: string, title: string) => apiRequest<Conversation>('PATCH', `${base(projectId)}/${enc(id)}`, { body: { title } }),
  remove: (projectId: string, id: string) => apiRequest<void>('DELETE', `${base(projectId)}/${enc(id)}`),
  messages: (projectId: string, id: string, query: MessagesQuery = {}, signal?: AbortSignal) =>
    apiRequest<MessagePage>('GET', `${base(projectId)}/${enc(id)}/messages`, { query, signal }),
};

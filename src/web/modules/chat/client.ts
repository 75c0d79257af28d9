/**
 * The chat API for the web chat: conversations, keyset-paged messages and the streamed answer.
 */
import { ApiError, apiRequest, apiResponse, isRecord, type Page } from '../../api/http';
import { diagramPath } from '../diagrams/client';
import { documentPath } from '../documents/document-kinds';

export type Conversation = {
  id: string;
  organizationId: string;
  projectId: string;
  title: string;
  metadata: Record<string, unknown>;
  creatorId: string | null;
  lastMessageAt: string | null;
  createdAt: string;
  updatedAt: string;
};

export type CitationKind = 'section' | 'diagram' | 'wireframe';

export type ChatCitation = {
  id: string;
  kind: CitationKind;
  title: string;
  heading: string | null;
  documentId: string | null;
  blockId: string | null;
  rev: number | null;
  diagramId: string | null;
  wireframeId: string | null;
};

export type MessageStatus = 'complete' | 'streaming' | 'interrupted' | 'failed';

export type ChatMessage = {
  id: string;
  conversationId: string;
  role: 'user' | 'assistant' | 'system';
  content: string;
  status: MessageStatus;
  metadata: Record<string, unknown>;
  tokenCount: number | null;
  authorId: string | null;
  generationId: string | null;
  createdAt: string;
};

export type MessagePage = { items: ChatMessage[]; olderCursor: string | null; newerCursor: string | null };

const enc = encodeURIComponent;
const base = (projectId: string) => `/projects/${enc(projectId)}/conversations`;

export const chatApi = {
  list: (projectId: string, query: { limit?: number; cursor?: string | null } = {}, signal?: AbortSignal) =>
    apiRequest<Page<Conversation>>('GET', base(projectId), { query, signal }),
  create: (projectId: string, title?: string) => apiRequest<Conversation>('POST', base(projectId), { body: title ? { title } : {} }),
  get: (projectId: string, id: string, signal?: AbortSignal) => apiRequest<Conversation>('GET', `${base(projectId)}/${enc(id)}`, { signal }),
  rename: (projectId: string, id: string, title: string) => apiRequest<Conversation>('PATCH', `${base(projectId)}/${enc(id)}`, { body: { title } }),
  remove: (projectId: string, id: string) => apiRequest<void>('DELETE', `${base(projectId)}/${enc(id)}`),
  messages: (projectId: string, id: string, query: { limit?: number; before?: string | null; after?: string | null } = {}, signal?: AbortSignal) =>
    apiRequest<MessagePage>('GET', `${base(projectId)}/${enc(id)}/messages`, { query, signal }),
};

export type AnswerEvents = {
  onUser(message: ChatMessage): void;
  onCitations(citations: ChatCitation[]): void;
  onDelta(text: string): void;
  /** The stored answer: complete, or interrupted with what arrived. */
  onDone(message: ChatMessage): void;
  onError(error: { code: string; message: string }): void;
};

/**
 * Asks a question and reads the Server-Sent Events answer from the response body (EventSource cannot POST).
 * Errors before the stream starts (402 out of credits, 403, …) reject with an ApiError; aborting the signal stops
 * the answer, which the server keeps as interrupted.
 */
export async function askQuestion(projectId: string, conversationId: string, content: string, events: AnswerEvents, signal: AbortSignal): Promise<void> {
  const response = await apiResponse('POST', `${base(projectId)}/${enc(conversationId)}/messages`, { body: { content }, signal, accept: 'text/event-stream' });
  if (!response.body) throw new ApiError(0, 'NETWORK_ERROR', 'The answer could not be read');
  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = '';
  const dispatch = (frame: string) => {
    let event = 'message';
    const data: string[] = [];
    for (const line of frame.split('\n')) {
      if (line.startsWith('event:')) event = line.slice(6).trim();
      else if (line.startsWith('data:')) data.push(line.slice(5).trimStart());
    }
    if (data.length === 0) return;
    const payload: unknown = JSON.parse(data.join('\n'));
    if (event === 'user') events.onUser(payload as ChatMessage);
    else if (event === 'citations' && isRecord(payload)) events.onCitations((payload.items as ChatCitation[]) ?? []);
    else if (event === 'delta' && isRecord(payload) && typeof payload.text === 'string') events.onDelta(payload.text);
    else if (event === 'done') events.onDone(payload as ChatMessage);
    else if (event === 'error' && isRecord(payload) && isRecord(payload.error)) {
      events.onError({ code: String(payload.error.code), message: String(payload.error.message) });
    }
  };
  for (;;) {
    const { value, done } = await reader.read();
    if (done) break;
    buffer += value.replace(/\r\n/g, '\n');
    let end: number;
    while ((end = buffer.indexOf('\n\n')) >= 0) {
      dispatch(buffer.slice(0, end));
      buffer = buffer.slice(end + 2);
    }
  }
  if (buffer.trim()) dispatch(buffer);
}

/** The sources an answer cited (metadata.citations), in the order it cited them. */
export function citationsOfMessage(message: ChatMessage): ChatCitation[] {
  const list = message.metadata.citations;
  if (!Array.isArray(list)) return [];
  return list.filter((c): c is ChatCitation => isRecord(c) && typeof c.id === 'string' && typeof c.kind === 'string' && typeof c.title === 'string');
}

/** Where a citation opens: the document at its section, the diagram or the wireframe. */
export function citationPath(projectId: string, citation: ChatCitation): string | null {
  if (citation.kind === 'section' && citation.documentId) return documentPath(projectId, citation.documentId, { section: citation.blockId });
  if (citation.kind === 'diagram' && citation.diagramId) return diagramPath(projectId, citation.diagramId);
  if (citation.kind === 'wireframe' && citation.wireframeId) return `/projects/${enc(projectId)}/wireframes/${enc(citation.wireframeId)}`;
  return null;
}

import { ApiError, apiResponse, enc, isRecord } from '../../api/http';
import { conversationsPath, type ChatCitation, type ChatMessage } from './client';

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
  const response = await apiResponse('POST', `${conversationsPath(projectId)}/${enc(conversationId)}/messages`, { body: { content }, signal, accept: 'text/event-stream' });
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


import { MarkdownView } from '../../components/markdown-view';
import { citationsOfMessage, type ChatCitation, type ChatMessage } from '../../lib/chat';
import { CitationChips } from './citation-chips';

/** One message of the thread: the question as written, the answer as Markdown with its cited sources. */
export function MessageBubble({
  projectId,
  message,
  streaming = false,
  citations,
}: {
  projectId: string;
  message: Pick<ChatMessage, 'id' | 'role' | 'content' | 'status' | 'metadata'>;
  streaming?: boolean;
  /** While streaming: the sources cited so far. */
  citations?: ChatCitation[];
}) {
  if (message.role === 'user') {
    return (
      <div className="chat-message chat-message-user" data-testid="chat-message-user">
        <div className="chat-bubble">{message.content}</div>
        {message.status === 'failed' && (
          <span className="chat-badge chat-badge-failed" title={String(message.metadata.errorMessage ?? '')}>
            Not answered{message.metadata.errorCode === 'OUT_OF_CREDITS' ? ': no chat credits left' : ''}
          </span>
        )}
      </div>
    );
  }
  const cited = citations ?? citationsOfMessage(message as ChatMessage);
  const interrupted = message.status === 'interrupted';
  return (
    <div className="chat-message chat-message-assistant" data-testid="chat-message-assistant" aria-busy={streaming}>
      {message.content ? (
        <MarkdownView markdown={message.content} className="chat-answer" testId="chat-answer" />
      ) : (
        <p className="muted chat-answer-empty">{streaming ? 'Thinking…' : 'No answer arrived.'}</p>
      )}
      {streaming && <span className="chat-cursor" aria-hidden="true" />}
      {interrupted && (
        <span className="chat-badge chat-badge-interrupted" data-testid="chat-interrupted" title={String(message.metadata.errorMessage ?? '')}>
          Interrupted — the answer stopped here
        </span>
      )}
      <CitationChips projectId={projectId} citations={cited} />
    </div>
  );
}

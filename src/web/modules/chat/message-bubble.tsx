import type { MouseEvent } from 'react';
import { useNavigate } from 'react-router-dom';
import { MarkdownView } from '../../components/markdown-view';
import { citationPath, citationsOfMessage } from './citations';
import type { ChatCitation, ChatMessage } from './client';
import { CitationChips } from './citation-chips';

/** The answer's [id] markers as numbered links to what they cite (ids the answer was not given stay as written). */
function linkCitations(markdown: string, projectId: string, cited: ChatCitation[]): string {
  const numbers = new Map(cited.map((c, i) => [c.id, { n: i + 1, path: citationPath(projectId, c), title: c.heading ?? c.title }]));
  return markdown.replace(/\[([a-z]+-[0-9a-f]{8})\](?!\()/g, (whole, id: string) => {
    const target = numbers.get(id);
    if (!target?.path) return whole;
    return `[[${target.n}]](${target.path} "${target.title.replace(/["\\]/g, '')}")`;
  });
}

/** Why the message was not (fully) answered, as the server recorded it in the metadata; empty when it did not. */
function errorMessageOf(message: Pick<ChatMessage, 'metadata'>): string {
  const { errorMessage } = message.metadata;
  return typeof errorMessage === 'string' ? errorMessage : '';
}

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
  const navigate = useNavigate();
  if (message.role === 'user') {
    return (
      <div className="chat-message chat-message-user" data-testid="chat-message-user">
        <div className="chat-bubble">{message.content}</div>
        {message.status === 'failed' && (
          <span className="chat-badge chat-badge-failed" title={errorMessageOf(message)}>
            Not answered{message.metadata.errorCode === 'OUT_OF_CREDITS' ? ': no chat credits left' : ''}
          </span>
        )}
      </div>
    );
  }
  const cited = citations ?? citationsOfMessage(message as ChatMessage);
  const interrupted = message.status === 'interrupted';
  // Citation links stay in the app: a click navigates instead of reloading the page.
  const onClick = (event: MouseEvent<HTMLDivElement>) => {
    const link = (event.target as HTMLElement).closest('a');
    const href = link?.getAttribute('href');
    if (!href?.startsWith('/projects/') || event.metaKey || event.ctrlKey || event.shiftKey) return;
    event.preventDefault();
    void navigate(href);
  };
  return (
    <div className="chat-message chat-message-assistant" data-testid="chat-message-assistant" aria-busy={streaming} onClick={onClick}>
      {message.content ? (
        <MarkdownView markdown={linkCitations(message.content, projectId, cited)} className="chat-answer" testId="chat-answer" />
      ) : (
        <p className="muted chat-answer-empty">{streaming ? 'Thinking…' : 'No answer arrived.'}</p>
      )}
      {streaming && <span className="chat-cursor" aria-hidden="true" />}
      {interrupted && (
        <span className="chat-badge chat-badge-interrupted" data-testid="chat-interrupted" title={errorMessageOf(message)}>
          Interrupted — the answer stopped here
        </span>
      )}
      <CitationChips projectId={projectId} citations={cited} />
    </div>
  );
}

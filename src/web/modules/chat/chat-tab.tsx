import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react';
import { useNavigate, useParams } from 'react-router-dom';
import { api } from '../../api/client';
import { ApiError, messageOf } from '../../api/http';
import type { Credits } from '../ai/client';
import { EmptyState } from '../../components/empty-state';
import { ErrorBanner } from '../../components/error-banner';
import { QuoteIcon } from '../../components/icons';
import { Spinner } from '../../components/spinner';
import { citedIn } from '../../../shared/citations';
import { askQuestion } from './answer-stream';
import type { ChatCitation, ChatMessage, Conversation } from './client';
import { usePagedList } from '../../lib/use-paged-list';
import { useResource } from '../../lib/use-resource';
import { useProjectContext } from '../projects/project-context';
import { ChatComposer } from './chat-composer';
import { ConversationList } from './conversation-list';
import { CreditCounter } from './credit-counter';
import { MessageBubble } from './message-bubble';
import './chat.css';

const MESSAGE_PAGE = 30;
const CONVERSATION_PAGE = 50;

/** The answer being written: the question until the server has stored it, then the text as it arrives. */
type LiveAnswer = { question: string; questionStored: boolean; text: string; offered: ChatCitation[] };

function byTime(a: ChatMessage, b: ChatMessage): number {
  return a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** Adds messages to the thread once each (a page and a stream can both bring the same message), oldest first. */
function merge(current: ChatMessage[], added: ChatMessage[]): ChatMessage[] {
  const byId = new Map(current.map((m) => [m.id, m]));
  for (const message of added) byId.set(message.id, message);
  return [...byId.values()].sort(byTime);
}

function outOfCreditsMessage(error: ApiError): string {
  return `${error.message}. Your question was kept in the conversation but not answered.`;
}

/** The project's conversations with the assistant: answers from the project's documents, diagrams and wireframes. */
export function ChatTab() {
  const { project, canEdit } = useProjectContext();
  const { conversationId } = useParams();
  const navigate = useNavigate();
  const projectId = project.id;

  const conversations = usePagedList<Conversation>(projectId, (cursor, signal) =>
    api.chat.list(projectId, { limit: CONVERSATION_PAGE, cursor }, signal),
  );
  const [messages, setMessages] = useState<ChatMessage[]>([]);
  const [olderCursor, setOlderCursor] = useState<string | null>(null);
  const [threadState, setThreadState] = useState<'loading' | 'ready' | 'error'>('ready');
  const [threadError, setThreadError] = useState<unknown>(null);
  const [loadingOlder, setLoadingOlder] = useState(false);
  const [live, setLive] = useState<LiveAnswer | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [creditKey, setCreditKey] = useState(0);
  const credits = useResource<Credits>(`credits:${creditKey}`, (signal) => api.ai.credits(signal));
  const abortRef = useRef<AbortController | null>(null);
  const threadRef = useRef<HTMLDivElement>(null);
  const keepOffsetRef = useRef<number | null>(null);
  const stickRef = useRef(true);
  const createdRef = useRef<string | null>(null);

  // The thread of the open conversation: its newest page first.
  useEffect(() => {
    setNotice(null);
    if (!conversationId) {
      setMessages([]);
      setOlderCursor(null);
      return;
    }
    if (createdRef.current === conversationId) {
      // Just created here: empty, and the stream fills it.
      createdRef.current = null;
      return;
    }
    const controller = new AbortController();
    setThreadState('loading');
    setMessages([]);
    api.chat
      .messages(projectId, conversationId, { limit: MESSAGE_PAGE }, controller.signal)
      .then((page) => {
        stickRef.current = true;
        setMessages(page.items);
        setOlderCursor(page.olderCursor);
        setThreadState('ready');
      })
      .catch((error: unknown) => {
        if (controller.signal.aborted) return;
        setThreadError(error);
        setThreadState('error');
      });
    return () => controller.abort();
  }, [projectId, conversationId]);

  const reloadNewest = useCallback(async (id: string) => {
    const page = await api.chat.messages(projectId, id, { limit: MESSAGE_PAGE });
    setMessages((current) => merge(current, page.items));
  }, [projectId]);

  const loadOlder = useCallback(async () => {
    if (!conversationId || !olderCursor || loadingOlder) return;
    setLoadingOlder(true);
    try {
      const page = await api.chat.messages(projectId, conversationId, { limit: MESSAGE_PAGE, before: olderCursor });
      const box = threadRef.current;
      keepOffsetRef.current = box ? box.scrollHeight - box.scrollTop : null;
      setMessages((current) => merge(current, page.items));
      setOlderCursor(page.olderCursor);
    } catch (error) {
      setNotice(messageOf(error));
    } finally {
      setLoadingOlder(false);
    }
  }, [projectId, conversationId, olderCursor, loadingOlder]);

  // Older messages keep the view where it was; new text scrolls along while the reader is at the bottom.
  useLayoutEffect(() => {
    const box = threadRef.current;
    if (!box) return;
    if (keepOffsetRef.current !== null) {
      box.scrollTop = box.scrollHeight - keepOffsetRef.current;
      keepOffsetRef.current = null;
    } else if (stickRef.current) {
      box.scrollTop = box.scrollHeight;
    }
  }, [messages, live]);

  useEffect(() => () => abortRef.current?.abort(), []);

  /** Creates a conversation and opens it; it starts empty, so its thread is not fetched. */
  const startConversation = async (): Promise<string> => {
    const created = await api.chat.create(projectId);
    createdRef.current = created.id;
    conversations.update((current) => [created, ...current]);
    setMessages([]);
    setOlderCursor(null);
    void navigate(`/projects/${projectId}/chat/${created.id}`);
    return created.id;
  };

  const send = async (content: string): Promise<boolean> => {
    setNotice(null);
    let id = conversationId;
    if (!id) {
      try {
        id = await startConversation();
      } catch (error) {
        setNotice(messageOf(error));
        return false;
      }
    }
    const target = id;
    const controller = new AbortController();
    abortRef.current = controller;
    stickRef.current = true;
    setLive({ question: content, questionStored: false, text: '', offered: [] });
    let started = false;
    try {
      await askQuestion(
        projectId,
        target,
        content,
        {
          onUser: (message) => {
            started = true;
            setMessages((current) => merge(current, [message]));
            setLive((current) => current && { ...current, questionStored: true });
          },
          onCitations: (offered) => setLive((current) => current && { ...current, offered }),
          onDelta: (text) => setLive((current) => current && { ...current, text: current.text + text }),
          onDone: (message) => {
            setMessages((current) => merge(current, [message]));
            setLive(null);
          },
          onError: (error) => setNotice(error.code === 'CANCELLED' ? 'You stopped the answer; what arrived is kept.' : `The answer stopped: ${error.message}`),
        },
        controller.signal,
      );
      return true;
    } catch (error) {
      const aborted = error instanceof DOMException && error.name === 'AbortError';
      if (aborted) setNotice('You stopped the answer; what arrived is kept.');
      else if (error instanceof ApiError && error.code === 'OUT_OF_CREDITS') setNotice(outOfCreditsMessage(error));
      else setNotice(messageOf(error));
      return started || aborted;
    } finally {
      abortRef.current = null;
      setLive(null);
      setCreditKey((key) => key + 1);
      // The stored state wins over what this page saw: failed questions, interrupted answers.
      await reloadNewest(target).catch(() => undefined);
      conversations.reload();
    }
  };

  const stop = () => abortRef.current?.abort();
  const streaming = live !== null;
  const active = conversations.items.find((c) => c.id === conversationId);
  const noCredits = credits.data && !credits.data.unlimited && credits.data.remaining === 0;

  return (
    <div className="chat-layout" data-testid="chat-tab">
      <ConversationList
        conversations={conversations.items}
        activeId={conversationId}
        canEdit={canEdit}
        hasMore={conversations.hasMore}
        error={conversations.error ?? conversations.loadMoreError}
        onOpen={(id) => void navigate(`/projects/${projectId}/chat/${id}`)}
        onNew={() => {
          void startConversation().catch((error: unknown) => setNotice(messageOf(error)));
        }}
        onRename={async (id, title) => {
          const renamed = await api.chat.rename(projectId, id, title);
          conversations.update((current) => current.map((c) => (c.id === id ? renamed : c)));
        }}
        onDelete={async (id) => {
          await api.chat.remove(projectId, id);
          conversations.update((current) => current.filter((c) => c.id !== id));
          if (id === conversationId) void navigate(`/projects/${projectId}/chat`);
        }}
        onLoadMore={conversations.loadMore}
      />
      <section className="chat-main" aria-label="Conversation">
        <header className="chat-main-head">
          <h2 className="chat-main-title">{active?.title ?? (conversationId ? 'Conversation' : 'Ask about this project')}</h2>
          <CreditCounter credits={credits.data} error={credits.error} />
        </header>
        <div
          className="chat-thread"
          ref={threadRef}
          data-testid="chat-thread"
          onScroll={(event) => {
            const box = event.currentTarget;
            stickRef.current = box.scrollHeight - box.scrollTop - box.clientHeight < 80;
            if (box.scrollTop < 80) void loadOlder();
          }}
        >
          {olderCursor && (
            <button type="button" className="btn btn-ghost btn-sm chat-more" onClick={() => void loadOlder()} disabled={loadingOlder}>
              {loadingOlder ? <Spinner size={13} /> : 'Load older messages'}
            </button>
          )}
          {threadState === 'loading' && <Spinner label="Loading messages" />}
          {threadState === 'error' && <ErrorBanner error={threadError} />}
          {threadState === 'ready' && messages.length === 0 && !live && (
            <EmptyState icon={<QuoteIcon size={22} />} title="Ask a question about this project">
              Answers come from the project’s documents, diagrams and wireframes and cite the sections they use. Each question uses one chat credit.
            </EmptyState>
          )}
          {messages.map((message) => (
            <MessageBubble key={message.id} projectId={projectId} message={message} />
          ))}
          {live && (
            <>
              {!live.questionStored && <MessageBubble projectId={projectId} message={{ id: 'pending-question', role: 'user', content: live.question, status: 'complete', metadata: {} }} />}
              <MessageBubble
                projectId={projectId}
                message={{ id: 'live-answer', role: 'assistant', content: live.text, status: 'streaming', metadata: {} }}
                streaming
                citations={citedIn(live.text, live.offered)}
              />
            </>
          )}
        </div>
        {notice && (
          <p className={noCredits ? 'chat-notice chat-notice-error' : 'chat-notice'} role="status" data-testid="chat-notice">
            {notice}
          </p>
        )}
        {canEdit ? (
          <ChatComposer
            disabled={false}
            streaming={streaming}
            placeholder={noCredits ? 'No chat credits left this month' : 'Ask about the documents… (Enter sends, Shift+Enter for a new line)'}
            onSend={send}
            onStop={stop}
          />
        ) : (
          <p className="muted chat-readonly">Viewers can read conversations; editors can ask questions.</p>
        )}
      </section>
    </div>
  );
}

import { useState } from 'react';
import { ConfirmDialog } from '../../components/dialog';
import { ErrorBanner } from '../../components/error-banner';
import { PencilIcon, PlusIcon, TrashIcon } from '../../components/icons';
import type { Conversation } from './client';
import { formatRelative } from '../../lib/format';

/** The project's conversations, most recently active first, with new, rename and delete for editors. */
export function ConversationList({
  conversations,
  activeId,
  canEdit,
  hasMore,
  error,
  onOpen,
  onNew,
  onRename,
  onDelete,
  onLoadMore,
}: {
  conversations: Conversation[];
  activeId: string | undefined;
  canEdit: boolean;
  hasMore: boolean;
  error: unknown;
  onOpen(id: string): void;
  onNew(): void;
  onRename(id: string, title: string): Promise<void>;
  onDelete(id: string): Promise<void>;
  onLoadMore(): void;
}) {
  const [editing, setEditing] = useState<{ id: string; title: string } | null>(null);
  const [deleting, setDeleting] = useState<Conversation | null>(null);
  const [busy, setBusy] = useState(false);
  const [actionError, setActionError] = useState<unknown>(null);

  const saveTitle = async () => {
    if (!editing) return;
    const title = editing.title.trim();
    if (!title) return setEditing(null);
    try {
      await onRename(editing.id, title);
      setEditing(null);
      setActionError(null);
    } catch (error) {
      setActionError(error);
    }
  };

  return (
    <aside className="chat-sidebar" aria-label="Conversations">
      <div className="chat-sidebar-head">
        <h2 className="chat-sidebar-title">Conversations</h2>
        {canEdit && (
          <button type="button" className="btn btn-secondary btn-sm" data-testid="chat-new" onClick={onNew}>
            <PlusIcon size={14} /> New
          </button>
        )}
      </div>
      <ErrorBanner error={error ?? actionError} />
      {conversations.length === 0 && !error && <p className="muted chat-sidebar-empty">No conversations yet.</p>}
      <ul className="chat-conversations" data-testid="chat-conversations">
        {conversations.map((conversation) => (
          <li key={conversation.id} className={conversation.id === activeId ? 'chat-conversation active' : 'chat-conversation'}>
            {editing?.id === conversation.id ? (
              <input
                className="input input-sm"
                aria-label="Conversation title"
                autoFocus
                maxLength={255}
                value={editing.title}
                onChange={(event) => setEditing({ id: conversation.id, title: event.target.value })}
                onBlur={() => void saveTitle()}
                onKeyDown={(event) => {
                  if (event.key === 'Enter') void saveTitle();
                  if (event.key === 'Escape') setEditing(null);
                }}
              />
            ) : (
              <button type="button" className="chat-conversation-open" onClick={() => onOpen(conversation.id)}>
                <span className="chat-conversation-title">{conversation.title}</span>
                <span className="chat-conversation-time muted">{formatRelative(conversation.lastMessageAt ?? conversation.createdAt)}</span>
              </button>
            )}
            {canEdit && editing?.id !== conversation.id && (
              <span className="chat-conversation-actions">
                <button
                  type="button"
                  className="btn btn-ghost btn-icon btn-sm"
                  aria-label={`Rename ${conversation.title}`}
                  onClick={() => setEditing({ id: conversation.id, title: conversation.title })}
                >
                  <PencilIcon size={13} />
                </button>
                <button
                  type="button"
                  className="btn btn-ghost btn-icon btn-sm"
                  aria-label={`Delete ${conversation.title}`}
                  onClick={() => setDeleting(conversation)}
                >
                  <TrashIcon size={13} />
                </button>
              </span>
            )}
          </li>
        ))}
      </ul>
      {hasMore && (
        <button type="button" className="btn btn-ghost btn-sm chat-more" onClick={onLoadMore}>
          Show older conversations
        </button>
      )}
      <ConfirmDialog
        open={deleting !== null}
        title="Delete conversation?"
        confirmLabel="Delete"
        danger
        busy={busy}
        onClose={() => setDeleting(null)}
        onConfirm={() => {
          if (!deleting) return;
          setBusy(true);
          onDelete(deleting.id)
            .then(() => setDeleting(null))
            .catch((error: unknown) => setActionError(error))
            .finally(() => setBusy(false));
        }}
      >
        “{deleting?.title}” and all its messages will be deleted for everyone in the project.
      </ConfirmDialog>
    </aside>
  );
}

import { useRef, useState } from 'react';
import { api } from '../../api/client';
import { ErrorBanner } from '../../components/error-banner';
import { PencilIcon } from '../../components/icons';
import { MarkdownView } from '../../components/markdown-view';
import type { SchemaDoc } from './client';

type Props = {
  schemaId: string;
  doc: SchemaDoc | undefined;
  /** What shows when there is no doc: the description the snapshot carries, or the database's comment. */
  fallback: string | null;
  canEdit: boolean;
  onSaved(doc: SchemaDoc): void;
  /** What is documented, for labels: "column email", "table public.users". */
  subject: string;
  /** A column's one-liner edits in a small box; a table's text is Markdown in a larger one. */
  variant: 'column' | 'table';
  testId: string;
};

/**
 * A documentation text, edited where it is shown: Edit (or a click on the text) opens a box; Enter saves a column's
 * line (Shift+Enter for a new line), Ctrl/⌘+Enter saves a table's text, Escape cancels. A text written before its
 * object changed is marked stale.
 */
export function DocText({ schemaId, doc, fallback, canEdit, onSaved, subject, variant, testId }: Props) {
  const [editing, setEditing] = useState(false);
  const [draft, setDraft] = useState('');
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const editButton = useRef<HTMLButtonElement>(null);
  const text = doc?.contentMd ?? fallback ?? '';

  const open = () => {
    if (!doc) return;
    setDraft(doc.contentMd);
    setError(null);
    setEditing(true);
  };
  const close = () => {
    setEditing(false);
    setError(null);
    // Focus goes back where the edit started, so keyboard use carries on from there.
    window.setTimeout(() => editButton.current?.focus(), 0);
  };
  const save = async () => {
    if (!doc) return;
    if (draft === doc.contentMd) {
      close();
      return;
    }
    setSaving(true);
    setError(null);
    try {
      onSaved(await api.dbassist.schemas.updateDoc(schemaId, doc.id, { contentMd: draft }));
      close();
    } catch (caught) {
      setError(caught);
    } finally {
      setSaving(false);
    }
  };

  if (editing) {
    return (
      <div className={`dba-doc dba-doc-${variant} dba-doc-editing`} data-testid={testId}>
        <textarea
          className="input textarea dba-doc-input"
          value={draft}
          rows={variant === 'table' ? 8 : 2}
          maxLength={20000}
          aria-label={`Description of ${subject}`}
          autoFocus
          disabled={saving}
          onChange={(e) => setDraft(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Escape') {
              e.preventDefault();
              e.stopPropagation();
              close();
            } else if (e.key === 'Enter' && (variant === 'column' ? !e.shiftKey : e.ctrlKey || e.metaKey)) {
              e.preventDefault();
              void save();
            }
          }}
          data-testid={`${testId}-input`}
        />
        <div className="dba-doc-actions">
          <span className="muted dba-doc-keys">{variant === 'column' ? 'Enter saves · Esc cancels' : 'Ctrl+Enter saves · Esc cancels'}</span>
          <button type="button" className="btn btn-ghost btn-sm" onClick={close} disabled={saving}>
            Cancel
          </button>
          <button type="button" className="btn btn-primary btn-sm" onClick={() => void save()} disabled={saving} data-testid={`${testId}-save`}>
            {saving ? 'Saving…' : 'Save'}
          </button>
        </div>
        <ErrorBanner error={error} title="The description was not saved." />
      </div>
    );
  }

  return (
    <div className={`dba-doc dba-doc-${variant}`} data-testid={testId} data-source={doc?.source} data-stale={doc?.stale ? 'true' : undefined}>
      {text ? (
        variant === 'table' ? (
          <MarkdownView markdown={text} className="dba-doc-text" testId={`${testId}-text`} />
        ) : (
          <span className="dba-doc-text" data-testid={`${testId}-text`}>
            {text}
          </span>
        )
      ) : (
        <span className="muted dba-doc-text" data-testid={`${testId}-text`}>
          {variant === 'table' ? 'Not documented yet.' : '—'}
        </span>
      )}
      {doc?.stale && (
        <span className="tag dba-stale" title={`${subject} changed since this text was written`} data-testid="doc-stale">
          Stale
        </span>
      )}
      {doc?.source === 'human' && variant === 'table' && <span className="tag">Edited by a person</span>}
      {canEdit && (
        <button
          ref={editButton}
          type="button"
          className="btn btn-ghost btn-sm btn-icon dba-doc-edit"
          onClick={open}
          disabled={!doc}
          aria-label={`Edit the description of ${subject}`}
          title={doc ? `Edit the description of ${subject}` : 'Generate documentation first, then edit it here'}
          data-testid={`${testId}-edit`}
        >
          <PencilIcon size={13} />
        </button>
      )}
    </div>
  );
}

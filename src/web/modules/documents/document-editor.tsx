import { useRef, useState } from 'react';
import { api } from '../../api/client';
import { ApiError } from '../../api/http';
import type { Document, DocumentAtRevision } from './client';
import { DraftOffer } from '../../components/draft-offer';
import { ErrorBanner } from '../../components/error-banner';
import { AlertIcon, LockIcon } from '../../components/icons';
import { MarkdownView } from '../../components/markdown-view';
import { useToast } from '../../components/toast';
import { UnsavedChangesDialog } from '../../components/unsaved-changes-dialog';
import { draftKey } from '../../lib/drafts';
import { useDebounced } from '../../lib/use-debounced';
import { useUnsavedGuard } from '../../lib/use-unsaved-guard';
import { ConflictDialog, type Conflict } from './conflict-dialog';

type Layout = 'write' | 'split' | 'preview';

function isDocument(value: unknown): value is Document {
  return typeof value === 'object' && value !== null && typeof (value as Document).contentMarkdown === 'string' && typeof (value as Document).currentRev === 'number';
}

/** The conflict a stale save answered (409 with the current document in its details), if that is what it was. */
function conflictOf(error: unknown, baseRev: number): Conflict | null {
  if (!(error instanceof ApiError) || error.status !== 409) return null;
  const data = error.data as { currentRev?: unknown; document?: unknown } | undefined;
  if (!data || !isDocument(data.document)) return null;
  return { baseRev, currentRev: typeof data.currentRev === 'number' ? data.currentRev : data.document.currentRev, current: data.document };
}

function countWords(text: string): number {
  const words = text.trim().match(/\S+/g);
  return words ? words.length : 0;
}

/**
 * Markdown editing with a live preview beside it. Saving sends the revision the edit started from: a newer revision
 * saved meanwhile opens the conflict dialog, a lock says so, and in every case the text typed here stays. Leaving
 * with unsaved text asks first and keeps it as a draft of this revision, offered back when the editor reopens.
 */
export function DocumentEditor({
  projectId,
  doc,
  onSaved,
  onCancel,
}: {
  projectId: string;
  doc: DocumentAtRevision;
  onSaved(document: Document | null): void;
  onCancel(): void;
}) {
  const toast = useToast();
  const [title, setTitle] = useState(doc.title);
  const [text, setText] = useState(doc.contentMarkdown);
  const [note, setNote] = useState('');
  const [baseRev, setBaseRev] = useState(doc.currentRev);
  const [base, setBase] = useState({ title: doc.title, text: doc.contentMarkdown });
  const [layout, setLayout] = useState<Layout>(() => (window.matchMedia?.('(max-width: 900px)').matches ? 'write' : 'split'));
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [locked, setLocked] = useState<string | null>(null);
  const [conflict, setConflict] = useState<Conflict | null>(null);
  /** After "merge by hand": saving replaces this revision. */
  const [mergingOnto, setMergingOnto] = useState<Conflict | null>(null);
  const preview = useDebounced(text, 120);
  const textareaRef = useRef<HTMLTextAreaElement>(null);
  const dirty = title !== base.title || text !== base.text;
  const guard = useUnsavedGuard({
    dirty,
    draftKey: draftKey('document', doc.id, baseRev),
    value: { title, text },
    restore: (draft) => {
      setTitle(draft.title);
      setText(draft.text);
    },
  });

  const save = async (onto = baseRev) => {
    if (!title.trim()) {
      setError(new Error('The title must not be empty.'));
      return;
    }
    if (!dirty && onto === doc.currentRev) {
      guard.release();
      onSaved(null);
      return;
    }
    setSaving(true);
    setError(null);
    setLocked(null);
    try {
      const trimmedNote = note.trim();
      const saved = await api.documents.update(projectId, doc.id, {
        baseRev: onto,
        ...(title.trim() !== base.title ? { title: title.trim() } : {}),
        ...(text !== base.text || onto !== doc.currentRev ? { contentMarkdown: text } : {}),
        ...(trimmedNote ? { note: trimmedNote } : {}),
      });
      setConflict(null);
      setMergingOnto(null);
      guard.release();
      onSaved(saved);
    } catch (caught) {
      const stale = conflictOf(caught, onto);
      if (stale) {
        setConflict(stale);
        setMergingOnto(null);
      } else if (caught instanceof ApiError && caught.status === 423) {
        setLocked(caught.message);
      } else {
        setError(caught);
      }
    } finally {
      setSaving(false);
    }
  };

  const copyMine = () =>
    navigator.clipboard
      .writeText(text)
      .then(() => toast.show('Your text was copied to the clipboard'))
      .catch(() => toast.show('The clipboard is not available in this browser', { tone: 'error' }));

  return (
    <div className="editor" data-testid="document-editor">
      <div className="editor-title-row">
        <label className="sr-only" htmlFor="document-title-input">
          Title
        </label>
        <input
          id="document-title-input"
          className="editor-title"
          value={title}
          onChange={(e) => setTitle(e.target.value)}
          maxLength={255}
          placeholder="Untitled document"
          data-testid="editor-title"
        />
        <div className="segmented" role="group" aria-label="Editor layout">
          {(['write', 'split', 'preview'] as const).map((value) => (
            <button key={value} type="button" className={layout === value ? 'active' : ''} aria-pressed={layout === value} onClick={() => setLayout(value)} data-testid={`layout-${value}`}>
              {value === 'write' ? 'Write' : value === 'split' ? 'Split' : 'Preview'}
            </button>
          ))}
        </div>
      </div>

      {locked && (
        <div className="banner banner-error" role="alert" data-testid="editor-locked">
          <LockIcon size={16} className="banner-icon" />
          <div className="banner-body">
            <strong className="banner-title">This document is locked, so it was not saved.</strong>
            <span>{locked} Your text is still here: copy it, or ask whoever locked it to unlock it and save again.</span>
          </div>
          <button type="button" className="btn btn-ghost btn-sm" onClick={() => void copyMine()}>
            Copy my text
          </button>
        </div>
      )}
      {mergingOnto && (
        <div className="banner banner-info" role="status" data-testid="editor-merging">
          <AlertIcon size={16} className="banner-icon" />
          <div className="banner-body">
            <span>
              Merging onto revision {mergingOnto.currentRev}: saving now makes your text revision {mergingOnto.currentRev + 1}. The other change stays in the
              history.
            </span>
          </div>
          <button type="button" className="btn btn-ghost btn-sm" onClick={() => setConflict(mergingOnto)}>
            Compare again
          </button>
        </div>
      )}
      <DraftOffer guard={guard} />
      <ErrorBanner error={error} title="The document was not saved. Your text is still here." />

      <div className={`editor-panes editor-${layout}`}>
        {layout !== 'preview' && (
          <div className="editor-pane">
            <div className="editor-pane-head">
              <span>Markdown</span>
              <span className="muted">
                {countWords(text).toLocaleString()} words · {text.split('\n').length.toLocaleString()} lines
              </span>
            </div>
            <textarea
              ref={textareaRef}
              className="editor-textarea"
              value={text}
              onChange={(e) => setText(e.target.value)}
              spellCheck
              aria-label="Markdown"
              data-testid="editor-textarea"
              onKeyDown={(e) => {
                if ((e.metaKey || e.ctrlKey) && e.key.toLowerCase() === 's') {
                  e.preventDefault();
                  if (!saving) void save();
                }
              }}
            />
          </div>
        )}
        {layout !== 'write' && (
          <div className="editor-pane">
            <div className="editor-pane-head">
              <span>Preview</span>
            </div>
            <div className="editor-preview">
              <MarkdownView markdown={preview} testId="editor-preview" label="Preview" />
            </div>
          </div>
        )}
      </div>

      <div className="editor-footer">
        <label className="sr-only" htmlFor="revision-note">
          Note
        </label>
        <input
          id="revision-note"
          className="input editor-note"
          value={note}
          onChange={(e) => setNote(e.target.value)}
          placeholder="Describe your change (optional, shown in the history)"
          maxLength={1000}
          data-testid="editor-note"
          onKeyDown={(e) => {
            if (e.key === 'Enter') {
              e.preventDefault();
              if (!saving) void save();
            }
          }}
        />
        <span className="editor-state muted" aria-live="polite">
          {saving ? 'Saving…' : dirty ? 'Unsaved changes' : `Revision ${baseRev}`}
        </span>
        <button type="button" className="btn btn-secondary" onClick={() => guard.confirmDiscard(onCancel)} disabled={saving} data-testid="editor-cancel">
          Cancel
        </button>
        <button type="button" className="btn btn-primary" onClick={() => void save()} disabled={saving} data-testid="editor-save" aria-keyshortcuts="Control+S Meta+S">
          {saving ? 'Saving…' : 'Save revision'}
        </button>
      </div>

      <ConflictDialog
        conflict={conflict}
        mine={{ title, text }}
        saving={saving}
        onOverwrite={() => {
          if (!conflict) return;
          setBaseRev(conflict.currentRev);
          void save(conflict.currentRev);
        }}
        onKeepEditing={() => {
          if (!conflict) return;
          setBaseRev(conflict.currentRev);
          setMergingOnto(conflict);
          setConflict(null);
          textareaRef.current?.focus();
        }}
        onLoadTheirs={() => {
          if (!conflict) return;
          void copyMine();
          setTitle(conflict.current.title);
          setText(conflict.current.contentMarkdown);
          setBase({ title: conflict.current.title, text: conflict.current.contentMarkdown });
          setBaseRev(conflict.currentRev);
          setMergingOnto(null);
          setConflict(null);
        }}
      />
      <UnsavedChangesDialog guard={guard} />
    </div>
  );
}

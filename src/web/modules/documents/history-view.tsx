import { useEffect, useState } from 'react';
import { api } from '../../api/client';
import type { DocumentAtRevision, DocumentDiff, RevisionSummary } from './client';
import { ConfirmDialog } from '../../components/dialog';
import { DiffView, type DiffMode } from '../../components/diff-view';
import { ErrorBanner } from '../../components/error-banner';
import { RestoreIcon, SparklesIcon } from '../../components/icons';
import { MarkdownView } from '../../components/markdown-view';
import { SkeletonRows } from '../../components/spinner';
import { useToast } from '../../components/toast';
import { formatBytes } from './document-kinds';
import { formatDateTime, formatRelative } from '../../lib/format';
import { usePagedList } from '../../lib/use-paged-list';
import { useResource } from '../../lib/use-resource';

const PAGE_SIZE = 50;

type Pair = { from: number; to: number };

/**
 * The revision history: every revision newest first, with who made it and why; the changes between any two (inline
 * or side by side), the text of a revision, and "Restore" to make an old revision's text the newest one.
 */
export function HistoryView({
  projectId,
  doc,
  canEdit,
  pair,
  onPairChange,
  onRestored,
}: {
  projectId: string;
  doc: DocumentAtRevision;
  canEdit: boolean;
  pair: Partial<Pair>;
  onPairChange(pair: Pair): void;
  onRestored(rev: number): void;
}) {
  const toast = useToast();
  const revisions = usePagedList<RevisionSummary>(`${doc.id}|${doc.currentRev}`, (cursor, signal) =>
    api.documents.revisions(projectId, doc.id, { limit: PAGE_SIZE, cursor }, signal),
  );
  const to = clamp(pair.to ?? doc.currentRev, 1, doc.currentRev);
  const from = clamp(pair.from ?? Math.max(1, to - 1), 1, doc.currentRev);
  const [mode, setMode] = useState<DiffMode>('inline');
  const [showing, setShowing] = useState<'changes' | 'text'>('changes');
  const [restoring, setRestoring] = useState<RevisionSummary | null>(null);
  const [restoreBusy, setRestoreBusy] = useState(false);
  const [restoreError, setRestoreError] = useState<unknown>(null);

  const diff = useResource<DocumentDiff | null>(`${doc.id}|${from}|${to}`, (signal) =>
    from === to ? Promise.resolve(null) : api.documents.diff(projectId, doc.id, { from, to }, signal),
  );
  const text = useResource<DocumentAtRevision | null>(`${doc.id}|${to}|${showing}`, (signal) =>
    showing === 'text' ? api.documents.get(projectId, doc.id, to, signal) : Promise.resolve(null),
  );
  useEffect(() => setShowing('changes'), [to]);

  const restore = async () => {
    if (!restoring) return;
    setRestoreBusy(true);
    setRestoreError(null);
    try {
      const saved = await api.documents.restore(projectId, doc.id, { rev: restoring.rev, baseRev: doc.currentRev });
      toast.show(`Revision ${restoring.rev} restored as revision ${saved.currentRev}`);
      setRestoring(null);
      onRestored(saved.currentRev);
    } catch (caught) {
      setRestoreError(caught);
    } finally {
      setRestoreBusy(false);
    }
  };

  const options = Array.from({ length: doc.currentRev }, (_, i) => doc.currentRev - i);

  return (
    <div className="history" data-testid="history">
      <section className="history-main" aria-label="Changes">
        <div className="history-bar">
          <div className="history-pair">
            <label className="compact-field">
              <span>From</span>
              <select className="input select input-sm" value={from} onChange={(e) => onPairChange({ from: Number(e.target.value), to })} data-testid="diff-from">
                {options.map((rev) => (
                  <option key={rev} value={rev}>
                    Rev {rev}
                  </option>
                ))}
              </select>
            </label>
            <span aria-hidden="true" className="muted">
              →
            </span>
            <label className="compact-field">
              <span>To</span>
              <select className="input select input-sm" value={to} onChange={(e) => onPairChange({ from, to: Number(e.target.value) })} data-testid="diff-to">
                {options.map((rev) => (
                  <option key={rev} value={rev}>
                    Rev {rev}
                    {rev === doc.currentRev ? ' (current)' : ''}
                  </option>
                ))}
              </select>
            </label>
            {diff.data && (
              <span className="diff-stats" data-testid="diff-stats">
                <span className="diff-stat-added">+{diff.data.stats.added}</span>
                <span className="diff-stat-removed">−{diff.data.stats.removed}</span>
                <span className="muted"> lines</span>
              </span>
            )}
          </div>
          <div className="history-toggles">
            <div className="segmented" role="group" aria-label="Show">
              <button type="button" className={showing === 'changes' ? 'active' : ''} aria-pressed={showing === 'changes'} onClick={() => setShowing('changes')}>
                Changes
              </button>
              <button type="button" className={showing === 'text' ? 'active' : ''} aria-pressed={showing === 'text'} onClick={() => setShowing('text')} data-testid="show-revision-text">
                Rev {to} text
              </button>
            </div>
            {showing === 'changes' && (
              <div className="segmented" role="group" aria-label="Diff layout">
                <button type="button" className={mode === 'inline' ? 'active' : ''} aria-pressed={mode === 'inline'} onClick={() => setMode('inline')} data-testid="diff-inline">
                  Inline
                </button>
                <button type="button" className={mode === 'split' ? 'active' : ''} aria-pressed={mode === 'split'} onClick={() => setMode('split')} data-testid="diff-split">
                  Side by side
                </button>
              </div>
            )}
          </div>
        </div>

        {showing === 'changes' ? (
          from === to ? (
            <div className="diff-empty">
              {doc.currentRev === 1
                ? 'This is the first revision: there is nothing to compare yet. Its text is under “Rev 1 text”.'
                : 'Choose two different revisions to see what changed between them.'}
            </div>
          ) : diff.status === 'loading' ? (
            <SkeletonRows rows={4} />
          ) : diff.status === 'error' ? (
            <ErrorBanner error={diff.error} title="The changes could not be loaded." onRetry={diff.reload} />
          ) : (
            <DiffView unified={diff.data?.unified ?? ''} mode={mode} />
          )
        ) : text.status === 'loading' ? (
          <SkeletonRows rows={4} />
        ) : text.status === 'error' ? (
          <ErrorBanner error={text.error} title="The revision could not be loaded." onRetry={text.reload} />
        ) : (
          text.data && (
            <div className="history-text card">
              <MarkdownView markdown={text.data.contentMarkdown} testId="revision-text" />
            </div>
          )
        )}
      </section>

      <aside className="history-side" aria-label="Revisions">
        <h2 className="section-title history-side-title">
          Revisions <span className="muted">{doc.currentRev}</span>
        </h2>
        {revisions.status === 'loading' && <SkeletonRows rows={3} />}
        {revisions.status === 'error' && <ErrorBanner error={revisions.error} title="The history could not be loaded." onRetry={revisions.reload} />}
        {revisions.status === 'ready' && (
          <ol className="revisions" data-testid="revisions">
            {revisions.items.map((revision) => {
              const selected = revision.rev === to;
              const inRange = revision.rev >= Math.min(from, to) && revision.rev <= Math.max(from, to);
              return (
                <li
                  key={revision.rev}
                  className={['revision', selected ? 'selected' : '', inRange ? 'in-range' : ''].filter(Boolean).join(' ')}
                  data-testid="revision"
                  data-rev={revision.rev}
                >
                  <button
                    type="button"
                    className="revision-main"
                    onClick={() => onPairChange({ from: Math.max(1, revision.rev - 1), to: revision.rev })}
                    aria-pressed={selected}
                    aria-label={`Revision ${revision.rev}: show its changes`}
                  >
                    <span className="revision-head">
                      <strong>Rev {revision.rev}</strong>
                      {revision.rev === doc.currentRev && <span className="tag tag-accent">Current</span>}
                      {revision.generationId && (
                        <span className="tag" title="Written by AI">
                          <SparklesIcon size={11} /> AI
                        </span>
                      )}
                      {revision.restoredFrom !== null && <span className="tag">Restored from rev {revision.restoredFrom}</span>}
                    </span>
                    {revision.note && <span className="revision-note">{revision.note}</span>}
                    <span className="revision-meta" title={formatDateTime(revision.createdAt)}>
                      {revision.createdByName ?? (revision.generationId ? 'Atelier' : 'A former member')} · {formatRelative(revision.createdAt)} · {formatBytes(revision.size)}
                    </span>
                  </button>
                  {canEdit && revision.rev !== doc.currentRev && (
                    <button
                      type="button"
                      className="btn btn-ghost btn-sm revision-restore"
                      onClick={() => {
                        setRestoreError(null);
                        setRestoring(revision);
                      }}
                      data-testid="restore-revision"
                      aria-label={`Restore revision ${revision.rev}`}
                    >
                      <RestoreIcon size={13} /> Restore
                    </button>
                  )}
                </li>
              );
            })}
          </ol>
        )}
        {revisions.hasMore && (
          <div className="load-more">
            <button type="button" className="btn btn-secondary btn-sm" onClick={revisions.loadMore} disabled={revisions.loadingMore}>
              {revisions.loadingMore ? 'Loading…' : 'Older revisions'}
            </button>
          </div>
        )}
      </aside>

      <ConfirmDialog
        open={restoring !== null}
        title={`Restore revision ${restoring?.rev ?? ''}?`}
        confirmLabel="Restore"
        busy={restoreBusy}
        error={restoreError != null ? <ErrorBanner error={restoreError} /> : undefined}
        onConfirm={() => void restore()}
        onClose={() => setRestoring(null)}
        testId="restore-dialog"
      >
        Its text becomes revision {doc.currentRev + 1}. Nothing is overwritten: revision {doc.currentRev} and every other revision stay in the history.
      </ConfirmDialog>
    </div>
  );
}

function clamp(value: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, value));
}

import { useState } from 'react';
import { api } from '../../api/client';
import { ConfirmDialog } from '../../components/dialog';
import { DiffView, type DiffMode } from '../../components/diff-view';
import { ErrorBanner } from '../../components/error-banner';
import { RestoreIcon, SparklesIcon } from '../../components/icons';
import { SkeletonRows } from '../../components/spinner';
import { useToast } from '../../components/toast';
import { formatDateTime, formatRelative } from '../../lib/format';
import { usePagedList } from '../../lib/use-paged-list';
import { useResource } from '../../lib/use-resource';
import type { ModelDiff, ModelRevisionSummary, StoredModel } from './client';

const PAGE_SIZE = 50;

/**
 * The model's history: every revision newest first with its note ("Renamed entity Booking to Reservation"), the
 * changes a revision made (the model read as text, compared line by line), and "Restore" to make an old revision the
 * newest one.
 */
export function ModelHistory({
  projectId,
  current,
  canEdit,
  onRestored,
}: {
  projectId: string;
  current: StoredModel;
  canEdit: boolean;
  onRestored(saved: StoredModel): void;
}) {
  const toast = useToast();
  const revisions = usePagedList<ModelRevisionSummary>(`${projectId}|${current.rev}`, (cursor, signal) =>
    api.projectModel.revisions(projectId, { limit: PAGE_SIZE, cursor }, signal),
  );
  const [to, setTo] = useState(current.rev);
  const from = Math.max(1, to - 1);
  const [mode, setMode] = useState<DiffMode>('inline');
  const [restoring, setRestoring] = useState<ModelRevisionSummary | null>(null);
  const [restoreBusy, setRestoreBusy] = useState(false);
  const [restoreError, setRestoreError] = useState<unknown>(null);
  const diff = useResource<ModelDiff | null>(`${projectId}|${from}|${to}`, (signal) =>
    from === to ? Promise.resolve(null) : api.projectModel.diff(projectId, { from, to }, signal),
  );

  const restore = async () => {
    if (!restoring) return;
    setRestoreBusy(true);
    setRestoreError(null);
    try {
      const saved = await api.projectModel.restore(projectId, restoring.rev, { baseRev: current.rev });
      toast.show(`Revision ${restoring.rev} restored as revision ${saved.rev}`);
      setRestoring(null);
      onRestored({ model: saved.model, rev: saved.rev, updatedAt: saved.updatedAt });
    } catch (caught) {
      setRestoreError(caught);
    } finally {
      setRestoreBusy(false);
    }
  };

  return (
    <div className="history" data-testid="model-history">
      <section className="history-main" aria-label="Changes">
        <div className="history-bar">
          <div className="history-pair">
            <strong>
              Changes in revision {to}
              {to > 1 ? ` (from ${from})` : ''}
            </strong>
            {diff.data && (
              <span className="diff-stats" data-testid="diff-stats">
                <span className="diff-stat-added">+{diff.data.stats.added}</span>
                <span className="diff-stat-removed">−{diff.data.stats.removed}</span>
                <span className="muted"> lines</span>
              </span>
            )}
          </div>
          <div className="segmented" role="group" aria-label="Diff layout">
            <button type="button" className={mode === 'inline' ? 'active' : ''} aria-pressed={mode === 'inline'} onClick={() => setMode('inline')}>
              Inline
            </button>
            <button type="button" className={mode === 'split' ? 'active' : ''} aria-pressed={mode === 'split'} onClick={() => setMode('split')}>
              Side by side
            </button>
          </div>
        </div>
        {from === to ? (
          <div className="diff-empty">This is the first revision: there is nothing to compare it with yet.</div>
        ) : diff.status === 'loading' ? (
          <SkeletonRows rows={4} />
        ) : diff.status === 'error' ? (
          <ErrorBanner error={diff.error} title="The changes could not be loaded." onRetry={diff.reload} />
        ) : (
          <DiffView unified={diff.data?.unified ?? ''} mode={mode} emptyText="The two revisions read the same." testId="model-diff" />
        )}
      </section>

      <aside className="history-side" aria-label="Revisions">
        <h2 className="section-title history-side-title">
          Revisions <span className="muted">{current.rev}</span>
        </h2>
        {revisions.status === 'loading' && <SkeletonRows rows={3} />}
        {revisions.status === 'error' && <ErrorBanner error={revisions.error} title="The history could not be loaded." onRetry={revisions.reload} />}
        {revisions.status === 'ready' && (
          <ol className="revisions" data-testid="model-revisions">
            {revisions.items.map((revision) => (
              <li key={revision.rev} className={revision.rev === to ? 'revision selected' : 'revision'} data-testid="model-revision" data-rev={revision.rev}>
                <button
                  type="button"
                  className="revision-main"
                  onClick={() => setTo(revision.rev)}
                  aria-pressed={revision.rev === to}
                  aria-label={`Revision ${revision.rev}: show its changes`}
                >
                  <span className="revision-head">
                    <strong>Rev {revision.rev}</strong>
                    {revision.rev === current.rev && <span className="tag tag-accent">Current</span>}
                    {revision.generationId && (
                      <span className="tag" title="Built by AI">
                        <SparklesIcon size={11} /> AI
                      </span>
                    )}
                    {revision.restoredFrom !== null && <span className="tag">Restored from rev {revision.restoredFrom}</span>}
                  </span>
                  {revision.note && <span className="revision-note">{revision.note}</span>}
                  <span className="revision-meta" title={formatDateTime(revision.createdAt)}>
                    {revision.createdByName ?? (revision.generationId ? 'Atelier' : 'A former member')} · {formatRelative(revision.createdAt)}
                  </span>
                </button>
                {canEdit && revision.rev !== current.rev && (
                  <button
                    type="button"
                    className="btn btn-ghost btn-sm revision-restore"
                    onClick={() => {
                      setRestoreError(null);
                      setRestoring(revision);
                    }}
                    data-testid="restore-model-revision"
                    aria-label={`Restore revision ${revision.rev}`}
                  >
                    <RestoreIcon size={13} /> Restore
                  </button>
                )}
              </li>
            ))}
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
        testId="restore-model-dialog"
      >
        Its model becomes revision {current.rev + 1}. Nothing is overwritten: revision {current.rev} and every other revision stay in the history.
      </ConfirmDialog>
    </div>
  );
}

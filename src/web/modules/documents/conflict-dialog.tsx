import { useMemo, useState } from 'react';
import type { Document } from './client';
import { Dialog } from '../../components/dialog';
import { DiffView, type DiffMode } from '../../components/diff-view';
import { diffTexts } from '../../lib/unified-diff';

export type Conflict = { baseRev: number; currentRev: number; current: Document };

/**
 * Someone saved the document while this person was editing it. Their text is kept in the editor whatever they choose:
 * compare it with the current revision, save it on top of that revision (the other change stays in the history), or
 * go on editing to merge by hand.
 */
export function ConflictDialog({
  conflict,
  mine,
  saving,
  onOverwrite,
  onKeepEditing,
  onLoadTheirs,
}: {
  conflict: Conflict | null;
  mine: { title: string; text: string };
  saving: boolean;
  onOverwrite(): void;
  onKeepEditing(): void;
  onLoadTheirs(): void;
}) {
  const [mode, setMode] = useState<DiffMode>('inline');
  const diff = useMemo(
    () => (conflict ? diffTexts(conflict.current.contentMarkdown, mine.text, { from: `revision ${conflict.currentRev}`, to: 'your text' }) : null),
    [conflict, mine.text],
  );
  return (
    <Dialog
      open={conflict !== null}
      onClose={onKeepEditing}
      title="Someone saved a newer revision"
      description={
        conflict
          ? `You started from revision ${conflict.baseRev}; the document is now at revision ${conflict.currentRev}. Your text is still here and nothing has been lost.`
          : undefined
      }
      testId="conflict-dialog"
      size="lg"
    >
      {conflict && diff && (
        <>
          <div className="dialog-body">
            <div className="conflict-bar">
              <span>
                Revision {conflict.currentRev} → your text{' '}
                <span className="diff-stats">
                  <span className="diff-stat-added">+{diff.added}</span> <span className="diff-stat-removed">−{diff.removed}</span>
                </span>
                {conflict.current.title !== mine.title && <span className="muted"> · title changed too</span>}
              </span>
              <div className="segmented" role="group" aria-label="Diff layout">
                <button type="button" className={mode === 'inline' ? 'active' : ''} aria-pressed={mode === 'inline'} onClick={() => setMode('inline')}>
                  Inline
                </button>
                <button type="button" className={mode === 'split' ? 'active' : ''} aria-pressed={mode === 'split'} onClick={() => setMode('split')}>
                  Side by side
                </button>
              </div>
            </div>
            <div className="conflict-diff">
              <DiffView unified={diff.unified} mode={mode} testId="conflict-diff" emptyText="Your text is the same as the current revision." />
            </div>
          </div>
          <footer className="dialog-footer dialog-footer-spread">
            <button type="button" className="btn btn-ghost" onClick={onLoadTheirs} disabled={saving} data-testid="conflict-load-theirs">
              Discard mine, edit revision {conflict.currentRev}
            </button>
            <span className="dialog-footer-group">
              <button type="button" className="btn btn-secondary" onClick={onKeepEditing} disabled={saving} data-testid="conflict-keep-editing">
                Merge by hand
              </button>
              <button type="button" className="btn btn-primary" onClick={onOverwrite} disabled={saving} data-testid="conflict-overwrite" autoFocus>
                {saving ? 'Saving…' : `Save mine as revision ${conflict.currentRev + 1}`}
              </button>
            </span>
          </footer>
        </>
      )}
    </Dialog>
  );
}

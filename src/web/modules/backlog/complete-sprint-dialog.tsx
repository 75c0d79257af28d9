import { useState } from 'react';
import { api } from '../../api/client';
import { Dialog } from '../../components/dialog';
import { ErrorBanner } from '../../components/error-banner';
import { pointsText } from './backlog-labels';
import type { CompleteSprintResult, Sprint } from './client';

type Destination = 'backlog' | 'next';

/**
 * Completing a sprint records its velocity (the points done) and asks where the unfinished stories go: back to the
 * backlog, or into the next planned sprint (created when there is none).
 */
export function CompleteSprintDialog({ open, projectId, sprint, nextSprint, onClose, onCompleted }: { open: boolean; projectId: string; sprint: Sprint; nextSprint?: Sprint; onClose(): void; onCompleted(result: CompleteSprintResult): void }) {
  const [to, setTo] = useState<Destination>('backlog');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const unfinished = sprint.scope.points - sprint.scope.donePoints;

  const complete = async () => {
    setBusy(true);
    setError(null);
    try {
      onCompleted(await api.backlog.sprints.complete(projectId, sprint.id, { moveUnfinishedTo: to }));
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Dialog open={open} onClose={onClose} title={`Complete ${sprint.name}`} testId="complete-sprint-dialog" size="sm">
      <div className="dialog-body">
        <ErrorBanner error={error} title="The sprint could not be completed." />
        <p className="dialog-text">
          {pointsText(sprint.scope.donePoints)} done will be recorded as the sprint’s velocity.
          {unfinished > 0 ? ` ${pointsText(unfinished)} are not done.` : ' Every story is done.'}
        </p>
        <fieldset className="choice-group">
          <legend className="field-label">Move unfinished stories to</legend>
          <label className="choice">
            <input type="radio" name="destination" value="backlog" checked={to === 'backlog'} onChange={() => setTo('backlog')} data-testid="complete-to-backlog" />
            <span>
              <strong>The backlog</strong>
              <span className="muted"> — to be planned again</span>
            </span>
          </label>
          <label className="choice">
            <input type="radio" name="destination" value="next" checked={to === 'next'} onChange={() => setTo('next')} data-testid="complete-to-next" />
            <span>
              <strong>{nextSprint ? nextSprint.name : 'A new sprint'}</strong>
              <span className="muted"> — {nextSprint ? 'the next planned sprint' : 'created for them'}</span>
            </span>
          </label>
        </fieldset>
      </div>
      <footer className="dialog-footer">
        <button type="button" className="btn btn-secondary" onClick={onClose}>
          Cancel
        </button>
        <button type="button" className="btn btn-primary" onClick={() => void complete()} disabled={busy} data-testid="complete-sprint-confirm">
          {busy ? 'Completing…' : 'Complete sprint'}
        </button>
      </footer>
    </Dialog>
  );
}

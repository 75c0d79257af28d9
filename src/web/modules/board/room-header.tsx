import { useState } from 'react';
import { Link } from 'react-router-dom';
import { api } from '../../api/client';
import { Dialog } from '../../components/dialog';
import { ErrorBanner } from '../../components/error-banner';
import { TextAreaField } from '../../components/field';
import { PauseIcon, PlayIcon, StopIcon, UsersIcon } from '../../components/icons';
import { StatusBadge } from '../../components/status-badge';
import { useToast } from '../../components/toast';
import { formatNumber, formatUsd } from '../../lib/format';
import { messageOf } from '../../api/http';
import { controlsFor, phaseLabels } from './board-labels';
import type { SessionDetail, SessionSummary } from './client';

/**
 * The room's header: the question, where the deliberation is (status, phase, round n of max), what it has cost
 * against its cap, and the controls — each enabled only in the statuses where the server accepts it.
 */
export function RoomHeader({
  session,
  live,
  onChange,
  onSwapPanel,
  canSwapPanel,
}: {
  session: SessionDetail;
  live: boolean;
  onChange(patch: Partial<SessionDetail>): void;
  onSwapPanel(): void;
  canSwapPanel: boolean;
}) {
  const toast = useToast();
  const [busy, setBusy] = useState<'pause' | 'resume' | null>(null);
  const [killing, setKilling] = useState(false);
  const { canPause, canResume, canKill } = controlsFor(session.status, session.phase);

  const run = async (action: 'pause' | 'resume') => {
    setBusy(action);
    try {
      const summary: SessionSummary = action === 'pause' ? await api.board.sessions.pause(session.id) : await api.board.sessions.resume(session.id);
      onChange(summary);
      toast.show(action === 'pause' ? 'Session paused: it stops after the call in flight' : 'Session resumed');
    } catch (caught) {
      toast.show(`Could not ${action} the session: ${messageOf(caught)}`, { tone: 'error' });
    } finally {
      setBusy(null);
    }
  };

  const costShare = session.budgetUsd > 0 ? Math.min(1, session.spentUsd / session.budgetUsd) : 0;
  const tokenShare = session.tokenCap ? Math.min(1, session.spentTokens / session.tokenCap) : null;
  const round = Math.min(session.roundNumber, session.maxRounds);

  return (
    <header className="room-header card" data-testid="room-header">
      <div className="room-heading">
        <div className="breadcrumb">
          <Link to="/board">Board</Link>
          {session.projectId && (
            <>
              <span aria-hidden="true">/</span>
              <Link to={`/projects/${session.projectId}/board`}>Project sessions</Link>
            </>
          )}
        </div>
        <h1 className="room-title" data-testid="room-problem">
          {session.problemStatement}
        </h1>
        <div className="room-state">
          <span data-testid="room-status" data-status={session.status}>
            <StatusBadge kind="boardSession" status={session.status} testId="room-status-badge" />
          </span>
          <span className="tag" data-testid="room-phase" data-phase={session.phase}>
            {phaseLabels[session.phase]}
          </span>
          <span className="meta-item" data-testid="room-round">
            {round === 0 ? `Up to ${session.maxRounds} rounds` : `Round ${round} of ${session.maxRounds}`}
          </span>
          {session.status === 'active' || session.status === 'paused' ? (
            <span className={live ? 'live-dot live' : 'live-dot'} title={live ? 'Updates arrive live' : 'Reconnecting…'}>
              {live ? 'Live' : 'Reconnecting…'}
            </span>
          ) : null}
        </div>
      </div>

      <div className="room-meters">
        <div className="room-meter" data-testid="room-cost" data-cost={session.spentUsd} data-budget={session.budgetUsd}>
          <span className="stat-label">Cost</span>
          <span className="room-meter-value">
            {formatUsd(session.spentUsd)} <span className="stat-of">of {formatUsd(session.budgetUsd)}</span>
          </span>
          <span
            className="meter"
            role="meter"
            aria-label="Cost against the budget"
            aria-valuemin={0}
            aria-valuemax={session.budgetUsd}
            aria-valuenow={session.spentUsd}
          >
            <span className={costShare >= 0.9 ? 'meter-fill meter-low' : 'meter-fill'} style={{ width: `${costShare * 100}%` }} />
          </span>
        </div>
        <div className="room-meter" data-testid="room-tokens">
          <span className="stat-label">Tokens</span>
          <span className="room-meter-value">
            {formatNumber(session.spentTokens)}
            {session.tokenCap ? <span className="stat-of"> of {formatNumber(session.tokenCap)}</span> : null}
          </span>
          {tokenShare !== null && (
            <span className="meter" role="meter" aria-label="Tokens against the cap" aria-valuemin={0} aria-valuemax={session.tokenCap ?? 0} aria-valuenow={session.spentTokens}>
              <span className={tokenShare >= 0.9 ? 'meter-fill meter-low' : 'meter-fill'} style={{ width: `${tokenShare * 100}%` }} />
            </span>
          )}
        </div>
      </div>

      <div className="room-controls" role="group" aria-label="Session controls">
        <button type="button" className="btn btn-secondary" onClick={() => void run('pause')} disabled={!canPause || busy !== null} data-testid="pause-session">
          <PauseIcon size={15} /> {busy === 'pause' ? 'Pausing…' : 'Pause'}
        </button>
        <button type="button" className="btn btn-secondary" onClick={() => void run('resume')} disabled={!canResume || busy !== null} data-testid="resume-session">
          <PlayIcon size={15} /> {busy === 'resume' ? 'Resuming…' : 'Resume'}
        </button>
        {canSwapPanel && (
          <button type="button" className="btn btn-secondary" onClick={onSwapPanel} data-testid="swap-panel">
            <UsersIcon size={15} /> Change panel
          </button>
        )}
        <button type="button" className="btn btn-danger-ghost" onClick={() => setKilling(true)} disabled={!canKill} data-testid="kill-session">
          <StopIcon size={15} /> Kill
        </button>
      </div>

      <KillDialog
        open={killing}
        sessionId={session.id}
        onClose={() => setKilling(false)}
        onKilled={(summary) => {
          setKilling(false);
          onChange(summary);
          toast.show('Session killed');
        }}
      />
    </header>
  );
}

function KillDialog({ open, sessionId, onClose, onKilled }: { open: boolean; sessionId: string; onClose(): void; onKilled(summary: SessionSummary): void }) {
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const kill = async () => {
    setBusy(true);
    setError(null);
    try {
      const trimmed = reason.trim();
      onKilled(await api.board.sessions.kill(sessionId, trimmed ? { reason: trimmed } : {}));
      setReason('');
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Dialog open={open} onClose={onClose} title="Kill this session?" size="sm" testId="kill-dialog">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void kill();
        }}
      >
        <div className="dialog-body">
          <p className="dialog-text">The deliberation stops for good. What was said so far stays readable; the session cannot be resumed.</p>
          {error != null && <ErrorBanner error={error} />}
          <TextAreaField
            label="Reason"
            optional
            rows={2}
            maxLength={500}
            value={reason}
            onChange={(e) => setReason(e.target.value)}
            hint="Kept with the session, for whoever reads it later."
            data-autofocus
            data-testid="kill-reason"
          />
        </div>
        <footer className="dialog-footer">
          <button type="button" className="btn btn-secondary" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="btn btn-danger" disabled={busy} data-testid="kill-confirm">
            {busy ? 'Killing…' : 'Kill session'}
          </button>
        </footer>
      </form>
    </Dialog>
  );
}

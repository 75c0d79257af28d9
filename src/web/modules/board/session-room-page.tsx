import { useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { ApiError } from '../../api/http';
import { EmptyState } from '../../components/empty-state';
import { ErrorBanner } from '../../components/error-banner';
import { BoardIcon } from '../../components/icons';
import { LoadingState } from '../../components/spinner';
import { useToast } from '../../components/toast';
import { formatDateTime } from '../../lib/format';
import { useTitle } from '../../lib/use-title';
import { isLive } from './board-labels';
import { ClarificationsForm } from './clarifications-form';
import type { SessionDetail } from './client';
import { DecisionRecord, OptionsList, VotesSection } from './decision-record';
import { PanelCards } from './panel-cards';
import { PanelSwapDialog } from './panel-swap-dialog';
import { RoomHeader } from './room-header';
import { RoundsView } from './rounds-view';
import { useSessionRoom } from './use-session-room';
import './board.css';

/** /board/sessions/:sessionId — the board room, live while the session runs. */
export function SessionRoomPage() {
  const { sessionId = '' } = useParams();
  const room = useSessionRoom(sessionId);

  if (room.status === 'loading') return <LoadingState label="Loading the session" />;
  if (room.status === 'error' || !room.session) {
    const missing = room.error instanceof ApiError && (room.error.status === 404 || room.error.status === 403 || room.error.code === 'VALIDATION_FAILED');
    return (
      <div className="page">
        {missing ? (
          <EmptyState
            icon={<BoardIcon size={22} />}
            title="Session not found"
            testId="session-not-found"
            action={
              <Link to="/board" className="btn btn-secondary">
                Back to the board
              </Link>
            }
          >
            This session does not exist, or you do not have access to it.
          </EmptyState>
        ) : (
          <ErrorBanner error={room.error} title="The session could not be loaded." onRetry={room.reload} />
        )}
      </div>
    );
  }
  return <Room session={room.session} live={room.live} merge={room.merge} reload={room.reload} />;
}

function Room({ session, live, merge, reload }: { session: SessionDetail; live: boolean; merge(patch: Partial<SessionDetail>): void; reload(): void }) {
  const toast = useToast();
  const [swapping, setSwapping] = useState(false);
  useTitle(session.problemStatement.length > 60 ? `${session.problemStatement.slice(0, 59)}…` : session.problemStatement, 'Board');
  const awaitingInput = session.status === 'paused' && session.phase === 'awaiting_input';
  const openQuestions = session.clarifications.filter((q) => q.answer === null && !q.skipped);
  const canSwapPanel = session.status === 'paused' && session.phase !== 'awaiting_input' && session.roundNumber < 2 && session.panel.length > 0;

  const panel = <PanelCards panel={session.panel} contributions={session.contributions} options={session.options} running={isLive(session.status)} />;
  const pair = (session.options.length > 0 || session.votes.length > 0) && (
    <div className="room-pair">
      <OptionsList options={session.options} panel={session.panel} />
      <VotesSection session={session} />
    </div>
  );

  return (
    <div className="page page-wide board-room" data-testid="board-room" data-status={session.status} data-phase={session.phase}>
      <RoomHeader session={session} live={live} onChange={merge} canSwapPanel={canSwapPanel} onSwapPanel={() => setSwapping(true)} />

      {session.status === 'killed' && (
        <div className="banner banner-warning" role="status" data-testid="kill-notice">
          <div className="banner-body">
            <strong className="banner-title">Killed{session.killedAt ? ` ${formatDateTime(session.killedAt)}` : ''}</strong>
            <span data-testid="kill-reason-shown">{session.killReason ? `Reason: ${session.killReason}` : 'No reason was given.'}</span>
          </div>
        </div>
      )}
      {session.status === 'failed' && session.error && (
        <div className="banner banner-error" role="alert" data-testid="session-error">
          <div className="banner-body">
            <strong className="banner-title">The deliberation failed</strong>
            <span>{session.error.message}</span>
          </div>
        </div>
      )}

      {awaitingInput && openQuestions.length > 0 && (
        <ClarificationsForm
          sessionId={session.id}
          questions={session.clarifications}
          onAnswered={(summary) => {
            merge(summary);
            toast.show('Thanks: the board carries on');
          }}
        />
      )}

      {session.subQuestions.length > 0 && (
        <details className="sub-questions room-section">
          <summary>The question, taken apart ({session.subQuestions.length})</summary>
          <ol>
            {session.subQuestions.map((q) => (
              <li key={q.id}>{q.text}</li>
            ))}
          </ol>
        </details>
      )}

      {/* Once decided, the decision and the vote lead; while the panel talks, the panel does. */}
      {session.decision ? (
        <>
          <DecisionRecord session={session} decision={session.decision} />
          {pair}
          {panel}
        </>
      ) : (
        <>
          {panel}
          {pair}
        </>
      )}
      <RoundsView contributions={session.contributions} options={session.options} />

      <PanelSwapDialog
        open={swapping}
        sessionId={session.id}
        organizationId={session.organizationId}
        current={session.panel.map((p) => p.code)}
        onClose={() => setSwapping(false)}
        onSwapped={(summary) => {
          setSwapping(false);
          merge(summary);
          reload();
          toast.show('The new panel is seated');
        }}
      />
    </div>
  );
}

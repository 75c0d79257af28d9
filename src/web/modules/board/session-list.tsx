import { useState } from 'react';
import { Link } from 'react-router-dom';
import { api } from '../../api/client';
import { EmptyState } from '../../components/empty-state';
import { ErrorBanner } from '../../components/error-banner';
import { BoardIcon } from '../../components/icons';
import { SkeletonRows } from '../../components/spinner';
import { StatusBadge } from '../../components/status-badge';
import { formatRelative, formatUsd } from '../../lib/format';
import { usePagedList } from '../../lib/use-paged-list';
import { statusLabel } from '../../lib/statuses';
import { phaseLabels, sessionStatuses } from './board-labels';
import type { SessionSummary } from './client';
import type { SessionStatus } from '../../../shared/board-kinds';

const PAGE_SIZE = 25;

/**
 * Board sessions, newest first: the question, its status chip, the recommendation once decided, the cost and when it
 * was asked. Filtered by organization or project, and by status.
 */
export function SessionList({
  scope,
  refreshKey = 0,
  newSessionLink,
}: {
  scope: { organizationId: string } | { projectId: string };
  /** Bumped by the page when something changed every row (stopping all running sessions). */
  refreshKey?: number;
  newSessionLink: string;
}) {
  const [status, setStatus] = useState<SessionStatus | ''>('');
  const key = `${'projectId' in scope ? scope.projectId : scope.organizationId}|${status}|${refreshKey}`;
  const list = usePagedList<SessionSummary>(key, (cursor, signal) =>
    api.board.sessions.list({ ...scope, status: status || undefined, cursor, limit: PAGE_SIZE }, signal),
  );

  return (
    <>
      <div className="toolbar">
        <label className="board-filter">
          <span className="sr-only">Status</span>
          <select className="input select input-sm" value={status} onChange={(e) => setStatus(e.target.value as SessionStatus | '')} data-testid="board-status-filter">
            <option value="">All statuses</option>
            {sessionStatuses.map((value) => (
              <option key={value} value={value}>
                {statusLabel('boardSession', value)}
              </option>
            ))}
          </select>
        </label>
        {list.status === 'ready' && list.items.length > 0 && (
          <span className="toolbar-count" aria-live="polite">
            {list.items.length}
            {list.hasMore ? '+' : ''} {list.items.length === 1 ? 'session' : 'sessions'}
          </span>
        )}
      </div>
      {list.status === 'loading' && <SkeletonRows />}
      {list.status === 'error' && <ErrorBanner error={list.error} title="Sessions could not be loaded." onRetry={list.reload} />}
      {list.status === 'ready' && list.items.length === 0 && (
        <EmptyState
          icon={<BoardIcon size={22} />}
          title={status ? `No ${statusLabel('boardSession', status).toLowerCase()} sessions` : 'No board sessions yet'}
          testId="board-empty"
          action={
            <Link className="btn btn-secondary" to={newSessionLink}>
              Ask the board
            </Link>
          }
        >
          Put a decision to a panel of expert personas: they argue it out over rounds, vote, and leave a decision record.
        </EmptyState>
      )}
      {list.status === 'ready' && list.items.length > 0 && (
        <>
          <ul className="list" data-testid="session-list" aria-label="Board sessions">
            {list.items.map((session) => (
              <SessionRow key={session.id} session={session} />
            ))}
          </ul>
          {list.loadMoreError != null && <ErrorBanner error={list.loadMoreError} onRetry={list.loadMore} />}
          {list.hasMore && (
            <div className="load-more">
              <button type="button" className="btn btn-secondary" onClick={list.loadMore} disabled={list.loadingMore}>
                {list.loadingMore ? 'Loading…' : 'Load more'}
              </button>
            </div>
          )}
        </>
      )}
    </>
  );
}

function SessionRow({ session }: { session: SessionSummary }) {
  return (
    <li className="list-row session-row" data-testid="session-row" data-session-id={session.id} data-status={session.status}>
      <div className="session-row-main">
        <Link to={`/board/sessions/${session.id}`} className="session-row-title" data-testid="session-link">
          {session.problemStatement}
        </Link>
        <span className="session-row-sub muted">
          {session.recommendation ? (
            <>
              Recommends <strong className="session-row-recommendation">{session.recommendation}</strong>
            </>
          ) : session.status === 'killed' ? (
            session.killReason ? `Killed: ${session.killReason}` : 'Killed'
          ) : (
            phaseLabels[session.phase]
          )}
        </span>
      </div>
      <div className="session-row-meta">
        <StatusBadge kind="boardSession" status={session.status} testId="session-status" />
        <span className="meta-item nowrap" title="Cost so far">
          {formatUsd(session.spentUsd)}
        </span>
        <span className="meta-item muted nowrap" title={session.createdAt}>
          {formatRelative(session.createdAt)}
        </span>
      </div>
    </li>
  );
}

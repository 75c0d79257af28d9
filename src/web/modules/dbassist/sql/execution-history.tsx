import { useState } from 'react';
import { api } from '../../../api/client';
import { ErrorBanner } from '../../../components/error-banner';
import { FilterSelect } from '../../../components/list-toolbar';
import { SkeletonRows } from '../../../components/spinner';
import { StatusBadge } from '../../../components/status-badge';
import { formatDuration, formatNumber, formatRelative } from '../../../lib/format';
import { statusLabels } from '../../../lib/statuses';
import { useDebounced } from '../../../lib/use-debounced';
import { usePagedList } from '../../../lib/use-paged-list';
import { executionStatuses, type ExecutionStatus } from '../../../../shared/dbassist-kinds';
import type { Execution } from '../client';
import { ListFooter } from './list-footer';
import { SearchBox } from './search-box';

/** Every run on the connection, newest first, searchable by its SQL and filterable by status; a run opens its result. */
export function ExecutionHistory({ connectionId, version, onOpen }: { connectionId: string; version: number; onOpen(execution: Execution): void }) {
  const [search, setSearch] = useState('');
  const [status, setStatus] = useState<ExecutionStatus | undefined>(undefined);
  const q = useDebounced(search.trim(), 250);
  const list = usePagedList(`${connectionId}|${q}|${status ?? ''}|${version}`, (cursor, signal) =>
    api.dbassist.connections.executions(connectionId, { cursor, q, status, limit: 20 }, signal),
  );

  return (
    <div className="dba-side-list" data-testid="execution-history">
      <div className="dba-side-tools">
        <SearchBox value={search} onChange={setSearch} label="Search the history" testId="history-search" />
        <FilterSelect label="Status" allLabel="Any status" value={status} options={executionStatuses} labels={statusLabels('execution')} onChange={setStatus} testId="history-status" />
      </div>
      {list.status === 'error' && <ErrorBanner error={list.error} title="The history could not be loaded." onRetry={list.reload} />}
      {list.status === 'loading' && <SkeletonRows rows={3} />}
      {list.status === 'ready' && list.items.length === 0 && (
        <p className="muted dba-none" data-testid="history-empty">
          {q || status ? 'No run matches.' : 'Nothing has run on this connection yet.'}
        </p>
      )}
      <ul className="dba-query-items">
        {list.items.map((run) => (
          <li key={run.id} className="dba-query-item" data-testid="history-item" data-execution-id={run.id} data-status={run.status}>
            <button type="button" className="dba-query-open" onClick={() => onOpen(run)} data-testid="history-open">
              <code className="dba-query-sql">{run.sqlText}</code>
            </button>
            <div className="dba-query-meta">
              <StatusBadge kind="execution" status={run.status} testId="history-status-badge" />
              <span className="muted">
                {formatRelative(run.startedAt)}
                {run.durationMs !== null && ` · ${formatDuration(run.durationMs)}`}
                {run.rowCount !== null && ` · ${formatNumber(run.rowCount)} ${run.rowCount === 1 ? 'row' : 'rows'}`}
              </span>
            </div>
            {run.errorMsg && <p className="dba-query-error">{run.errorMsg}</p>}
          </li>
        ))}
      </ul>
      <ListFooter list={list} testId="history-more" />
    </div>
  );
}

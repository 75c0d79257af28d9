import { useState } from 'react';
import { api } from '../../../api/client';
import { ConfirmDialog } from '../../../components/dialog';
import { ErrorBanner } from '../../../components/error-banner';
import { LightbulbIcon, TrashIcon } from '../../../components/icons';
import { SkeletonRows } from '../../../components/spinner';
import { StatusBadge } from '../../../components/status-badge';
import { formatRelative } from '../../../lib/format';
import { useDebounced } from '../../../lib/use-debounced';
import { usePagedList } from '../../../lib/use-paged-list';
import type { SavedQuery } from '../client';
import { IndexAdviceDialog } from './index-advice-dialog';
import { ListFooter } from './list-footer';
import { SearchBox } from './search-box';

type Props = {
  connectionId: string;
  canEdit: boolean;
  /** Changes when a query was saved, so the list reads again. */
  version: number;
  onOpen(query: SavedQuery): void;
};

/** The connection's saved queries, searchable by SQL, description and question; each opens in the editor. */
export function SavedQueries({ connectionId, canEdit, version, onOpen }: Props) {
  const [search, setSearch] = useState('');
  const q = useDebounced(search.trim(), 250);
  const list = usePagedList(`${connectionId}|${q}|${version}`, (cursor, signal) => api.dbassist.connections.queries(connectionId, { cursor, q, limit: 20 }, signal));
  const [advising, setAdvising] = useState<SavedQuery | null>(null);
  const [removing, setRemoving] = useState<SavedQuery | null>(null);
  const [removeError, setRemoveError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  const remove = async (query: SavedQuery) => {
    setBusy(true);
    setRemoveError(null);
    try {
      await api.dbassist.queries.remove(query.id);
      list.update((items) => items.filter((item) => item.id !== query.id));
      setRemoving(null);
    } catch (caught) {
      setRemoveError(caught);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="dba-side-list" data-testid="saved-queries">
      <SearchBox value={search} onChange={setSearch} label="Search saved queries" testId="saved-search" />
      {list.status === 'error' && <ErrorBanner error={list.error} title="The saved queries could not be loaded." onRetry={list.reload} />}
      {list.status === 'loading' && <SkeletonRows rows={3} />}
      {list.status === 'ready' && list.items.length === 0 && (
        <p className="muted dba-none" data-testid="saved-empty">
          {q ? `No saved query matches “${q}”.` : 'No saved query yet. Save one from the editor to find it here.'}
        </p>
      )}
      <ul className="dba-query-items">
        {list.items.map((query) => (
          <li key={query.id} className="dba-query-item" data-testid="saved-query" data-query-id={query.id}>
            <button type="button" className="dba-query-open" onClick={() => onOpen(query)} data-testid="saved-query-open">
              <span className="dba-query-title">{query.description ?? query.question ?? 'Untitled query'}</span>
              <code className="dba-query-sql">{query.sqlText}</code>
            </button>
            <div className="dba-query-meta">
              {query.source === 'ai' && <span className="tag">From a question</span>}
              {query.lastRun && <StatusBadge kind="execution" status={query.lastRun.status} testId="saved-query-status" />}
              <span className="muted">{formatRelative(query.updatedAt)}</span>
              <span className="dba-query-actions">
                <button type="button" className="btn btn-ghost btn-sm" onClick={() => setAdvising(query)} data-testid="index-advice">
                  <LightbulbIcon size={14} /> Index advice
                </button>
                {canEdit && (
                  <button type="button" className="icon-btn" aria-label={`Delete ${query.description ?? 'this query'}`} onClick={() => setRemoving(query)} data-testid="saved-query-delete">
                    <TrashIcon size={14} />
                  </button>
                )}
              </span>
            </div>
          </li>
        ))}
      </ul>
      <ListFooter list={list} testId="saved-more" />
      <IndexAdviceDialog query={advising} onClose={() => setAdvising(null)} />
      <ConfirmDialog
        open={removing !== null}
        title="Delete this saved query?"
        confirmLabel="Delete"
        danger
        busy={busy}
        error={<ErrorBanner error={removeError} />}
        onConfirm={() => removing && void remove(removing)}
        onClose={() => {
          setRemoving(null);
          setRemoveError(null);
        }}
        testId="delete-query"
      >
        Its past runs stay in the history.
      </ConfirmDialog>
    </div>
  );
}

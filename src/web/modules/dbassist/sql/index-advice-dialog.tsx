import { api } from '../../../api/client';
import { Dialog } from '../../../components/dialog';
import { ErrorBanner } from '../../../components/error-banner';
import { LoadingState } from '../../../components/spinner';
import { formatNumber } from '../../../lib/format';
import { useResource } from '../../../lib/use-resource';
import type { SavedQuery } from '../client';

/** Hypothetical indexes for a saved query and what they do to the plan's cost (PostgreSQL with hypopg). */
export function IndexAdviceDialog({ query, onClose }: { query: SavedQuery | null; onClose(): void }) {
  return (
    <Dialog open={query !== null} onClose={onClose} title="Index advice" description="Indexes tried as hypothetical ones (nothing is created), with the plan cost before and after." testId="index-advice-dialog" size="lg">
      {query && <Advice query={query} />}
      <footer className="dialog-footer">
        <button type="button" className="btn btn-secondary" onClick={onClose}>
          Close
        </button>
      </footer>
    </Dialog>
  );
}

const cost = (value: number | null) => (value === null ? '—' : formatNumber(Math.round(value * 100) / 100));

function Advice({ query }: { query: SavedQuery }) {
  const advice = useResource(`advice|${query.id}`, (signal) => api.dbassist.queries.indexAdvice(query.id, signal));
  return (
    <div className="dialog-body">
      <pre className="dba-code">{query.sqlText}</pre>
      {advice.status === 'loading' && <LoadingState label="Trying indexes" />}
      {advice.status === 'error' && <ErrorBanner error={advice.error} title="No advice could be made." onRetry={advice.reload} />}
      {advice.data && (
        <div data-testid="index-advice-result" data-available={advice.data.available ? 'true' : 'false'}>
          <p>{advice.data.message}</p>
          {advice.data.available && (
            <p className="muted">
              Plan cost now: <strong>{cost(advice.data.costBefore)}</strong>
              {advice.data.costAfter !== null && (
                <>
                  {' '}
                  · with the proposed indexes: <strong>{cost(advice.data.costAfter)}</strong>
                </>
              )}
            </p>
          )}
          {advice.data.indexes.length > 0 && (
            <ul className="dba-facts">
              {advice.data.indexes.map((index) => (
                <li key={index.definition} data-testid="advised-index">
                  <code className="dba-mono">{index.definition}</code> <span className="muted">cost {cost(index.costAfter)}</span>
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
    </div>
  );
}

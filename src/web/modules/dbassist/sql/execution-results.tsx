import { useEffect, useState } from 'react';
import { api } from '../../../api/client';
import { ErrorBanner } from '../../../components/error-banner';
import { ChevronLeftIcon, ChevronRightIcon, DownloadIcon } from '../../../components/icons';
import { StatusBadge } from '../../../components/status-badge';
import { Spinner } from '../../../components/spinner';
import { formatDuration, formatNumber } from '../../../lib/format';
import type { Execution, RowsPage } from '../client';
import { ResultTable } from './result-table';

export const PAGE_SIZE = 50;

type Page = { rows: unknown[][]; nextCursor: string | null; columns: Execution['columns'] };

/**
 * One execution's outcome: status, time and row count, then its rows a page at a time (the pages the server kept of
 * the result), with CSV and JSON exports of the whole result.
 */
export function ExecutionResults({ execution }: { execution: Execution }) {
  // cursors[i] is the cursor that reads page i + 1; the first page came with the execution (or reads from null).
  const [cursors, setCursors] = useState<Array<string | null>>([null]);
  const [page, setPage] = useState<Page | null>(execution.rows.length > 0 || execution.rowCount === 0 ? { rows: execution.rows, nextCursor: execution.nextCursor, columns: execution.columns } : null);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const cursor = cursors[cursors.length - 1] ?? null;
  const index = cursors.length - 1;
  const hasRows = execution.status === 'success' && (execution.rowCount ?? 0) > 0;

  useEffect(() => {
    // The first page is in the execution when it was just run; an execution opened from history reads it.
    if (!hasRows || (index === 0 && execution.rows.length > 0)) {
      if (index === 0) setPage({ rows: execution.rows, nextCursor: execution.nextCursor, columns: execution.columns });
      return;
    }
    const controller = new AbortController();
    setLoading(true);
    setError(null);
    api.dbassist.executions
      .rows(execution.id, { cursor, limit: PAGE_SIZE }, controller.signal)
      .then((answer: RowsPage) => setPage({ rows: answer.rows, nextCursor: answer.nextCursor, columns: answer.columns.length > 0 ? answer.columns : execution.columns }))
      .catch((caught: unknown) => {
        if (!controller.signal.aborted) setError(caught);
      })
      .finally(() => {
        if (!controller.signal.aborted) setLoading(false);
      });
    return () => controller.abort();
  }, [execution, cursor, index, hasRows]);

  const firstRow = index * PAGE_SIZE + 1;
  const shown = page?.rows.length ?? 0;
  return (
    <section className="dba-results" aria-label="Result" data-testid="execution-result" data-execution-id={execution.id} data-status={execution.status}>
      <div className="dba-results-head">
        <StatusBadge kind="execution" status={execution.status} testId="execution-status" />
        <span className="muted" data-testid="execution-summary">
          {execution.rowCount !== null && <>{formatNumber(execution.rowCount)} {execution.rowCount === 1 ? 'row' : 'rows'}</>}
          {execution.durationMs !== null && <> · {formatDuration(execution.durationMs)}</>}
          {execution.isWrite && <> · write</>}
        </span>
        {execution.status === 'success' && execution.columns.length > 0 && (
          <span className="dba-results-exports">
            <a className="btn btn-secondary btn-sm" href={api.dbassist.executions.exportUrl(execution.id, 'csv')} download data-testid="export-csv">
              <DownloadIcon size={14} /> CSV
            </a>
            <a className="btn btn-secondary btn-sm" href={api.dbassist.executions.exportUrl(execution.id, 'json')} download data-testid="export-json">
              <DownloadIcon size={14} /> JSON
            </a>
          </span>
        )}
      </div>
      {execution.errorMsg && (
        <p className="banner banner-error dba-run-error" role="alert" data-testid="execution-error">
          {execution.errorMsg}
        </p>
      )}
      {execution.truncated && (
        <p className="banner banner-warning" data-testid="execution-truncated">
          The result was cut at the row or size limit: only the first {formatNumber(execution.rowCount ?? 0)} rows were kept.
        </p>
      )}
      <ErrorBanner error={error} title="This page of rows could not be loaded." />
      {page && page.columns.length > 0 && (
        <div className={loading ? 'dba-results-body dba-stale-page' : 'dba-results-body'} aria-busy={loading}>
          <ResultTable columns={page.columns} rows={page.rows} firstRow={firstRow} label="Result rows" />
        </div>
      )}
      {!page && loading && <Spinner label="Loading rows" />}
      {hasRows && (
        <nav className="pager" aria-label="Result pages">
          <span className="muted" data-testid="result-range">
            {shown > 0 ? `Rows ${formatNumber(firstRow)}–${formatNumber(firstRow + shown - 1)}` : 'No rows'}
            {execution.rowCount !== null && ` of ${formatNumber(execution.rowCount)}`}
          </span>
          <div className="pager-buttons">
            <button type="button" className="btn btn-secondary btn-sm" disabled={index === 0 || loading} onClick={() => setCursors((c) => c.slice(0, -1))} data-testid="result-previous">
              <ChevronLeftIcon size={14} /> Previous
            </button>
            <button
              type="button"
              className="btn btn-secondary btn-sm"
              disabled={!page?.nextCursor || loading}
              onClick={() => {
                const next = page?.nextCursor;
                if (next) setCursors((c) => [...c, next]);
              }}
              data-testid="result-next"
            >
              Next <ChevronRightIcon size={14} />
            </button>
          </div>
        </nav>
      )}
    </section>
  );
}

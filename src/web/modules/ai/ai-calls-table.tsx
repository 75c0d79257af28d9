import { Fragment, useState } from 'react';
import { Link } from 'react-router-dom';
import { api } from '../../api/client';
import type { Generation } from './client';
import { EmptyState } from '../../components/empty-state';
import { ErrorBanner } from '../../components/error-banner';
import { ChevronDownIcon, ChevronRightIcon, SparklesIcon } from '../../components/icons';
import { SkeletonRows } from '../../components/spinner';
import { featureLabel, isUnpriced, providerNames } from './ai-labels';
import { formatDateTime, formatDuration, formatNumber, formatRelative, formatUsd } from '../../lib/format';
import { statusLook } from '../../lib/statuses';
import { usePagedList } from '../../lib/use-paged-list';

const PAGE_SIZE = 20;

/** The organization's AI ledger, newest first: one row per call, expanding to its prompt and response. */
export function AiCallsTable({ organizationId, refreshKey }: { organizationId: string; refreshKey: number }) {
  const list = usePagedList<Generation>(`${organizationId}:${refreshKey}`, (cursor, signal) =>
    api.ai.generations.list({ organizationId, limit: PAGE_SIZE, cursor }, signal),
  );
  const [open, setOpen] = useState<Set<string>>(new Set());
  const toggle = (id: string) =>
    setOpen((current) => {
      const next = new Set(current);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });

  if (list.status === 'loading') return <SkeletonRows rows={4} />;
  if (list.status === 'error') return <ErrorBanner error={list.error} title="The recent AI calls could not be loaded." onRetry={list.reload} />;
  if (list.items.length === 0)
    return (
      <EmptyState icon={<SparklesIcon size={22} />} title="No AI calls yet" testId="ai-calls-empty">
        Every call — from a project brief to a connection that failed — is listed here with its prompt, answer, tokens and
        cost.
      </EmptyState>
    );

  return (
    <div className="table-wrap">
      <table className="table table-dense calls-table" data-testid="ai-calls">
        <thead>
          <tr>
            <th scope="col">
              <span className="sr-only">Details</span>
            </th>
            <th scope="col">When</th>
            <th scope="col">Feature</th>
            <th scope="col">Provider · model</th>
            <th scope="col" className="num">
              Tokens in / out
            </th>
            <th scope="col" className="num">
              Cost
            </th>
            <th scope="col" className="num">
              Latency
            </th>
            <th scope="col">Status</th>
          </tr>
        </thead>
        <tbody>
          {list.items.map((call) => {
            const expanded = open.has(call.id);
            return (
              <Fragment key={call.id}>
                <tr className={expanded ? 'call-row expanded' : 'call-row'} data-testid="ai-call-row" onClick={() => toggle(call.id)}>
                  <td className="cell-toggle">
                    <button
                      type="button"
                      className="icon-btn"
                      aria-expanded={expanded}
                      aria-controls={`call-${call.id}`}
                      aria-label={expanded ? 'Hide prompt and response' : 'Show prompt and response'}
                      onClick={(event) => {
                        event.stopPropagation();
                        toggle(call.id);
                      }}
                    >
                      {expanded ? <ChevronDownIcon size={14} /> : <ChevronRightIcon size={14} />}
                    </button>
                  </td>
                  <td className="nowrap" title={formatDateTime(call.createdAt)}>
                    {formatRelative(call.createdAt)}
                  </td>
                  <td>{featureLabel(call.generationType)}</td>
                  <td>
                    <span className="call-provider">{call.provider === 'builtin' ? 'Offline engine' : providerNames[call.provider]}</span>
                    <code className="call-model" data-testid="ai-call-model">
                      {call.provider}/{call.model}
                    </code>
                  </td>
                  <td className="num nowrap">
                    {formatNumber(call.tokensIn)} / {formatNumber(call.tokensOut)}
                  </td>
                  <td className="num nowrap">{isUnpriced(call) ? <span className="muted" title="This model has no price in the server’s pricing table">not priced</span> : formatUsd(call.cost)}</td>
                  <td className="num nowrap">{formatDuration(call.latencyMs)}</td>
                  <td>
                    <span className={`call-status status-tone-${statusLook('job', call.status).tone}`} title={call.errorMessage ?? undefined}>
                      <span className="status-dot" aria-hidden="true" />
                      {statusLook('job', call.status).label}
                    </span>
                  </td>
                </tr>
                {expanded && (
                  <tr className="call-detail-row">
                    <td colSpan={8} id={`call-${call.id}`}>
                      <CallDetail call={call} />
                    </td>
                  </tr>
                )}
              </Fragment>
            );
          })}
        </tbody>
      </table>
      {list.loadMoreError != null && <ErrorBanner error={list.loadMoreError} onRetry={list.loadMore} />}
      {list.hasMore && (
        <div className="load-more">
          <button type="button" className="btn btn-secondary btn-sm" onClick={list.loadMore} disabled={list.loadingMore} data-testid="ai-calls-more">
            {list.loadingMore ? 'Loading…' : 'Load more'}
          </button>
        </div>
      )}
    </div>
  );
}

function CallDetail({ call }: { call: Generation }) {
  return (
    <div className="call-detail" data-testid="ai-call-detail">
      {call.errorMessage && (
        <p className="call-error">
          <strong>{call.errorCode ?? 'Error'}:</strong> {call.errorMessage}
        </p>
      )}
      <div className="call-texts">
        <div>
          <h3 className="call-text-title">Prompt</h3>
          <pre className="call-text">{call.prompt}</pre>
        </div>
        <div>
          <h3 className="call-text-title">Response</h3>
          <pre className="call-text">{call.response ?? '(no response)'}</pre>
        </div>
      </div>
      <p className="call-meta muted">
        {formatDateTime(call.createdAt)} · {formatNumber(call.tokensUsed)} tokens in total
        {call.projectId && (
          <>
            {' · '}
            <Link to={`/projects/${call.projectId}`}>Open the project</Link>
          </>
        )}
        {call.jobId && ` · background job ${call.jobId.slice(0, 8)}`}
        {call.metadata.engine === 'offline' && ' · answered by the offline engine, no external model'}
      </p>
    </div>
  );
}

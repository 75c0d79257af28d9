import { useEffect, useRef } from 'react';
import { api } from '../../api/client';
import { ErrorBanner } from '../../components/error-banner';
import { SkeletonRows } from '../../components/spinner';
import { formatDateTime } from '../../lib/format';
import { usePagedList } from '../../lib/use-paged-list';
import type { Delivery } from './client';

const statusLabels: Record<Delivery['status'], string> = { pending: 'Retrying', delivered: 'Delivered', failed: 'Failed' };

/** How soon a delivery still waiting for its next attempt is looked at again while the log is open. */
const FOLLOW_MS = 2_000;
/** Deliveries whose next attempt is further off than this are not followed (the Refresh button still reads them). */
const FOLLOW_WITHIN_MS = 60_000;

function statusLabel(delivery: Delivery): string {
  return delivery.status === 'pending' && delivery.attempts === 0 ? 'Queued' : statusLabels[delivery.status];
}

function attemptsOf(delivery: Delivery): string {
  return delivery.attemptLog.map((attempt) => (attempt.statusCode === null ? 'no answer' : String(attempt.statusCode))).join(' → ') || '—';
}

/** An integration's deliveries, newest first: the event, its status and every attempt's answer. */
export function DeliveryLog({ integrationId, onDelivered }: { integrationId: string; onDelivered?(deliveredAt: string): void }) {
  const list = usePagedList<Delivery>(`deliveries|${integrationId}`, (cursor, signal) => api.integrations.deliveries(integrationId, { limit: 20, cursor }, signal));
  const { items, update } = list;
  const onDeliveredRef = useRef(onDelivered);
  onDeliveredRef.current = onDelivered;
  // A delivery about to be attempted (a test event just sent, a retry due soon) is followed until it has an answer.
  const following = items.some(
    (delivery) => delivery.status === 'pending' && (delivery.nextAttemptAt === null || Date.parse(delivery.nextAttemptAt) - Date.now() < FOLLOW_WITHIN_MS),
  );
  // The newest delivery the log shows delivered is the integration's last success at least.
  const lastDelivered = items.reduce<string | null>((newest, delivery) => (delivery.deliveredAt && (!newest || delivery.deliveredAt > newest) ? delivery.deliveredAt : newest), null);
  useEffect(() => {
    if (lastDelivered) onDeliveredRef.current?.(lastDelivered);
  }, [lastDelivered]);
  useEffect(() => {
    if (!following) return;
    const controller = new AbortController();
    const timer = window.setTimeout(() => {
      api.integrations
        .deliveries(integrationId, { limit: 20 }, controller.signal)
        .then((page) => {
          if (controller.signal.aborted) return;
          const fresh = new Map(page.items.map((delivery) => [delivery.id, delivery]));
          update((current) => {
            const known = new Set(current.map((delivery) => delivery.id));
            return [...page.items.filter((delivery) => !known.has(delivery.id)), ...current.map((delivery) => fresh.get(delivery.id) ?? delivery)];
          });
        })
        .catch(() => undefined);
    }, FOLLOW_MS);
    return () => {
      controller.abort();
      window.clearTimeout(timer);
    };
  }, [following, items, integrationId, update]);
  return (
    <section aria-label="Delivery log" data-testid="delivery-log">
      <div className="integration-log-head">
        <h4 className="integration-log-title">Delivery log</h4>
        <button type="button" className="btn btn-ghost btn-sm" onClick={list.reload}>
          Refresh
        </button>
      </div>
      {list.status === 'loading' && <SkeletonRows rows={2} />}
      {list.status === 'error' && <ErrorBanner error={list.error} title="The delivery log could not be loaded." onRetry={list.reload} />}
      {list.status === 'ready' && list.items.length === 0 && <p className="muted">Nothing sent yet. Events you chose appear here as they happen.</p>}
      {list.items.length > 0 && (
        <div className="table-wrap" tabIndex={0} aria-label="Deliveries (scrolls sideways on small screens)">
          <table className="table table-dense">
            <thead>
              <tr>
                <th scope="col">Event</th>
                <th scope="col">Status</th>
                <th scope="col">Attempts</th>
                <th scope="col">When</th>
              </tr>
            </thead>
            <tbody>
              {list.items.map((delivery) => (
                <tr key={delivery.id} data-testid="delivery-row">
                  <td>
                    <code>{delivery.eventType}</code>
                    <div className="muted integration-event-id" title="X-Atelier-Event-Id">
                      {delivery.eventId}
                    </div>
                  </td>
                  <td>
                    <span className={`tag delivery-${delivery.status}`}>{statusLabel(delivery)}</span>
                    {delivery.status !== 'delivered' && delivery.lastError && <div className="muted">{delivery.lastError}</div>}
                    {delivery.nextAttemptAt && <div className="muted">Next try {formatDateTime(delivery.nextAttemptAt)}</div>}
                  </td>
                  <td>
                    <span title={delivery.attemptLog.map((a) => `#${a.attempt} ${formatDateTime(a.attemptedAt)}: ${a.statusCode ?? a.error ?? ''} (${a.durationMs} ms)`).join('\n')}>
                      {delivery.attempts} · {attemptsOf(delivery)}
                    </span>
                  </td>
                  <td className="nowrap">{formatDateTime(delivery.deliveredAt ?? delivery.createdAt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {list.hasMore && (
        <div className="load-more">
          <button type="button" className="btn btn-secondary btn-sm" onClick={list.loadMore} disabled={list.loadingMore}>
            {list.loadingMore ? 'Loading…' : 'Load more'}
          </button>
        </div>
      )}
      <ErrorBanner error={list.loadMoreError} />
    </section>
  );
}

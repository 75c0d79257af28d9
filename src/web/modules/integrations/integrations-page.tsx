import { useState } from 'react';
import { api } from '../../api/client';
import { ConfirmDialog } from '../../components/dialog';
import { EmptyState } from '../../components/empty-state';
import { ErrorBanner } from '../../components/error-banner';
import { AlertIcon, CheckIcon, PlugIcon, PlusIcon } from '../../components/icons';
import { SkeletonRows } from '../../components/spinner';
import { useToast } from '../../components/toast';
import { PageHeader } from '../../layout/page-header';
import { SettingsTabs } from '../../layout/settings-tabs';
import { formatDateTime, roleLabels } from '../../lib/format';
import { usePagedList } from '../../lib/use-paged-list';
import { useTitle } from '../../lib/use-title';
import { canManageMembers, useOrganization } from '../../lib/workspace';
import type { Integration, IntegrationTestResult } from './client';
import { DeliveryLog } from './delivery-log';
import { IntegrationFormDialog } from './integration-form-dialog';
import { eventLabels, takesEvents, targetOf, typeLabels } from './integration-labels';
import './integrations.css';

/** Settings → Integrations: the organization's integrations; admins add, test, enable, disable and remove them. */
export function IntegrationsPage() {
  const organization = useOrganization();
  const canManage = canManageMembers(organization);
  const toast = useToast();
  useTitle('Integrations', organization.name);
  const list = usePagedList<Integration>(`integrations|${organization.id}`, (cursor, signal) =>
    api.integrations.list(organization.id, { limit: 50, cursor }, signal),
  );
  const [adding, setAdding] = useState(false);
  const [deleting, setDeleting] = useState<Integration | null>(null);
  const [deleteBusy, setDeleteBusy] = useState(false);
  const [deleteError, setDeleteError] = useState<unknown>(null);

  const replace = (integration: Integration) => list.update((items) => items.map((item) => (item.id === integration.id ? integration : item)));
  const delivered = (id: string, at: string) =>
    list.update((items) => items.map((item) => (item.id === id && (!item.lastSuccessAt || item.lastSuccessAt < at) ? { ...item, lastSuccessAt: at } : item)));

  const confirmDelete = async () => {
    if (!deleting) return;
    setDeleteBusy(true);
    setDeleteError(null);
    try {
      await api.integrations.remove(organization.id, deleting.id);
      list.update((items) => items.filter((item) => item.id !== deleting.id));
      toast.show(`Removed ${deleting.name}`);
      setDeleting(null);
    } catch (caught) {
      setDeleteError(caught);
    } finally {
      setDeleteBusy(false);
    }
  };

  const addButton = (
    <button type="button" className="btn btn-primary" onClick={() => setAdding(true)} data-testid="add-integration">
      <PlusIcon size={15} /> Add integration
    </button>
  );

  return (
    <div className="page page-narrow" data-testid="integrations-page">
      <PageHeader title="Settings" subtitle={`${organization.name} · you are ${roleLabels[organization.role]?.toLowerCase() ?? organization.role}`} />
      <SettingsTabs />
      <div className="integrations-heading">
        <div>
          <h2 className="section-title">Integrations</h2>
          <p className="muted">GitHub issues, signed webhooks (Zapier or any URL) and Google Analytics. Secrets are stored encrypted and never shown again.</p>
        </div>
        {canManage && list.status === 'ready' && list.items.length > 0 && addButton}
      </div>
      {!canManage && (
        <p className="banner banner-info read-only-note" data-testid="integrations-read-only">
          Only admins and owners can add, test or change integrations. You can see what this organization uses.
        </p>
      )}
      {list.status === 'loading' && <SkeletonRows rows={3} />}
      {list.status === 'error' && <ErrorBanner error={list.error} title="The integrations could not be loaded." onRetry={list.reload} />}
      {list.status === 'ready' && list.items.length === 0 && (
        <EmptyState icon={<PlugIcon size={22} />} title="No integrations yet" testId="integrations-empty" action={canManage && addButton}>
          {canManage ? 'Connect GitHub, send events to a webhook or Zapier, or show Google Analytics metrics.' : 'An admin or owner of this organization can add one.'}
        </EmptyState>
      )}
      {list.items.length > 0 && (
        <ul className="integration-list" aria-label="Integrations">
          {list.items.map((integration) => (
            <IntegrationCard
              key={integration.id}
              organizationId={organization.id}
              integration={integration}
              canManage={canManage}
              onChanged={replace}
              onDelivered={(at) => delivered(integration.id, at)}
              onDelete={() => {
                setDeleteError(null);
                setDeleting(integration);
              }}
            />
          ))}
        </ul>
      )}
      {list.hasMore && (
        <div className="load-more">
          <button type="button" className="btn btn-secondary" onClick={list.loadMore} disabled={list.loadingMore}>
            {list.loadingMore ? 'Loading…' : 'Load more'}
          </button>
        </div>
      )}
      <ErrorBanner error={list.loadMoreError} />

      <IntegrationFormDialog
        open={adding}
        organizationId={organization.id}
        onClose={() => setAdding(false)}
        onSaved={(integration) => {
          list.update((items) => [integration, ...items]);
          setAdding(false);
          toast.show(`Added ${integration.name}: test it to check it works`);
        }}
      />
      <ConfirmDialog
        open={deleting !== null}
        title={`Remove ${deleting?.name ?? 'integration'}?`}
        confirmLabel="Remove"
        danger
        busy={deleteBusy}
        error={deleteError ? <ErrorBanner error={deleteError} /> : undefined}
        onConfirm={() => void confirmDelete()}
        onClose={() => setDeleting(null)}
        testId="delete-integration-dialog"
      >
        Atelier stops sending to it and forgets its secrets and delivery log. Issues already on GitHub stay there.
      </ConfirmDialog>
    </div>
  );
}

function IntegrationCard({
  organizationId,
  integration,
  canManage,
  onChanged,
  onDelivered,
  onDelete,
}: {
  organizationId: string;
  integration: Integration;
  canManage: boolean;
  onChanged(integration: Integration): void;
  /** A delivery the open log followed got its answer: the card's last success moves on. */
  onDelivered(deliveredAt: string): void;
  onDelete(): void;
}) {
  const toast = useToast();
  const [busy, setBusy] = useState<'test' | 'toggle' | 'event' | null>(null);
  const [result, setResult] = useState<IntegrationTestResult | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [showLog, setShowLog] = useState(false);
  const [logKey, setLogKey] = useState(0);
  const events = Array.isArray(integration.config.events) ? (integration.config.events as string[]) : [];
  const headingId = `integration-${integration.id}-name`;

  const run = async (kind: 'test' | 'toggle' | 'event', work: () => Promise<void>) => {
    setBusy(kind);
    setError(null);
    try {
      await work();
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(null);
    }
  };

  const test = () =>
    run('test', async () => {
      setResult(null);
      const outcome = await api.integrations.test(organizationId, integration.id);
      setResult(outcome);
      onChanged({
        ...integration,
        ...(outcome.ok ? { lastSuccessAt: outcome.testedAt } : { lastError: outcome.message, lastErrorAt: outcome.testedAt }),
      });
    });
  const toggle = () =>
    run('toggle', async () => {
      const saved = await api.integrations.update(organizationId, integration.id, { enabled: !integration.enabled });
      onChanged(saved);
      toast.show(saved.enabled ? `${saved.name} is enabled` : `${saved.name} is disabled: it gets no events`);
    });
  const sendTestEvent = () =>
    run('event', async () => {
      await api.integrations.sendTestEvent(integration.id);
      toast.show('Test event queued: it appears in the delivery log');
      setShowLog(true);
      setLogKey((key) => key + 1);
    });

  return (
    <li className="card integration-card" aria-labelledby={headingId} data-testid="integration-card">
      <div className="integration-main">
        <div className="integration-title-row">
          <h3 className="integration-name" id={headingId}>
            {integration.name}
          </h3>
          <span className="tag">{typeLabels[integration.type]}</span>
          <span className={integration.enabled ? 'tag tag-accent' : 'tag'} data-testid="integration-state">
            {integration.enabled ? 'Enabled' : 'Disabled'}
          </span>
        </div>
        <p className="integration-target" title={targetOf(integration)}>
          {targetOf(integration)}
        </p>
        {events.length > 0 && (
          <p className="muted integration-events">Sends: {events.map((event) => eventLabels[event as keyof typeof eventLabels] ?? event).join(', ')}</p>
        )}
        <p className="muted integration-health">
          {integration.lastSuccessAt ? <>Last success {formatDateTime(integration.lastSuccessAt)}</> : 'Not used yet'}
          {integration.lastError && integration.lastErrorAt && (!integration.lastSuccessAt || integration.lastErrorAt > integration.lastSuccessAt) && (
            <>
              {' · '}
              <span className="integration-error">
                Last error {formatDateTime(integration.lastErrorAt)}: {integration.lastError}
              </span>
            </>
          )}
        </p>
      </div>
      {canManage && (
        <div className="integration-actions" role="group" aria-label={`Actions for ${integration.name}`}>
          <button type="button" className="btn btn-secondary btn-sm" onClick={() => void test()} disabled={busy !== null} data-testid="integration-test">
            {busy === 'test' ? 'Testing…' : 'Test'}
          </button>
          {takesEvents(integration.type) && (
            <button type="button" className="btn btn-secondary btn-sm" onClick={() => void sendTestEvent()} disabled={busy !== null || !integration.enabled} data-testid="integration-send-test-event">
              {busy === 'event' ? 'Sending…' : 'Send test event'}
            </button>
          )}
          <button type="button" className="btn btn-secondary btn-sm" onClick={() => void toggle()} disabled={busy !== null} aria-pressed={integration.enabled} data-testid="integration-toggle">
            {integration.enabled ? 'Disable' : 'Enable'}
          </button>
          <button type="button" className="btn btn-ghost btn-sm integration-delete" onClick={onDelete} disabled={busy !== null} data-testid="integration-delete">
            Remove
          </button>
        </div>
      )}
      {takesEvents(integration.type) && (
        <button
          type="button"
          className="btn btn-ghost btn-sm integration-log-toggle"
          aria-expanded={showLog}
          aria-controls={`integration-${integration.id}-log`}
          onClick={() => setShowLog((shown) => !shown)}
          data-testid="integration-log-toggle"
        >
          {showLog ? 'Hide delivery log' : 'Delivery log'}
        </button>
      )}
      <div role="status" aria-live="polite" className="integration-result">
        {result && (
          <p className={result.ok ? 'banner banner-success' : 'banner banner-error'} data-testid="integration-test-result">
            {result.ok ? <CheckIcon size={15} /> : <AlertIcon size={15} />} {result.message}
          </p>
        )}
      </div>
      <ErrorBanner error={error} />
      {showLog && (
        <div id={`integration-${integration.id}-log`} className="integration-log">
          <DeliveryLog key={logKey} integrationId={integration.id} onDelivered={onDelivered} />
        </div>
      )}
    </li>
  );
}

import { useState } from 'react';
import { api } from '../../api/client';
import { ConfirmDialog } from '../../components/dialog';
import { EmptyState } from '../../components/empty-state';
import { ErrorBanner } from '../../components/error-banner';
import { DatabaseIcon, PlusIcon, SparklesIcon } from '../../components/icons';
import { SkeletonRows } from '../../components/spinner';
import { useToast } from '../../components/toast';
import { PageHeader } from '../../layout/page-header';
import { usePagedList } from '../../lib/use-paged-list';
import { useTitle } from '../../lib/use-title';
import { canEditProjects, useOrganization } from '../../lib/workspace';
import type { Connection } from './client';
import { ConnectionCard } from './connection-card';
import { ConnectionFormDialog } from './connection-form-dialog';
import './dbassist.css';

/** /databases: the organization's database connections, to test, ingest, browse, and the sample database to try. */
export function DatabasesPage() {
  const organization = useOrganization();
  const canEdit = canEditProjects(organization);
  const toast = useToast();
  useTitle('Databases', organization.name);
  const list = usePagedList<Connection>(`connections|${organization.id}`, (cursor, signal) =>
    api.dbassist.connections.list(organization.id, { limit: 50, cursor }, signal),
  );
  const [adding, setAdding] = useState(false);
  const [editing, setEditing] = useState<Connection | null>(null);
  const [deleting, setDeleting] = useState<Connection | null>(null);
  const [deleteBusy, setDeleteBusy] = useState(false);
  const [deleteError, setDeleteError] = useState<unknown>(null);
  const [sampleBusy, setSampleBusy] = useState(false);
  const [sampleError, setSampleError] = useState<unknown>(null);

  const replace = (connection: Connection) => list.update((items) => items.map((c) => (c.id === connection.id ? connection : c)));
  const hasSample = list.items.some((c) => c.isSample);

  const createSample = async () => {
    setSampleBusy(true);
    setSampleError(null);
    try {
      const sample = await api.dbassist.connections.createSample(organization.id);
      list.update((items) => [sample, ...items.filter((c) => c.id !== sample.id)]);
      toast.show(`${sample.name} is ready: ingest it to browse its schema`);
    } catch (caught) {
      setSampleError(caught);
    } finally {
      setSampleBusy(false);
    }
  };

  const confirmDelete = async () => {
    if (!deleting) return;
    setDeleteBusy(true);
    setDeleteError(null);
    try {
      await api.dbassist.connections.remove(deleting.id);
      list.update((items) => items.filter((c) => c.id !== deleting.id));
      toast.show(`Deleted ${deleting.name}`);
      setDeleting(null);
    } catch (caught) {
      setDeleteError(caught);
    } finally {
      setDeleteBusy(false);
    }
  };

  const sampleButton = (primary: boolean) => (
    <button type="button" className={primary ? 'btn btn-primary' : 'btn btn-secondary'} onClick={() => void createSample()} disabled={sampleBusy} data-testid="try-sample">
      <SparklesIcon size={15} /> {sampleBusy ? 'Creating the sample…' : 'Try the sample database'}
    </button>
  );

  return (
    <div className="page" data-testid="databases-page">
      <PageHeader
        title="Databases"
        subtitle={<>Connections of {organization.name}: snapshots of their schemas, documentation, lint and ER diagrams</>}
        actions={
          canEdit && (
            <>
              {list.status === 'ready' && list.items.length > 0 && !hasSample && sampleButton(false)}
              <button type="button" className="btn btn-primary" onClick={() => setAdding(true)} data-testid="add-connection">
                <PlusIcon size={15} /> Add connection
              </button>
            </>
          )
        }
      />
      <ErrorBanner error={sampleError} title="The sample database could not be created." />
      {list.status === 'loading' && <SkeletonRows rows={3} />}
      {list.status === 'error' && <ErrorBanner error={list.error} title="The connections could not be loaded." onRetry={list.reload} />}
      {list.status === 'ready' && list.items.length === 0 && (
        <EmptyState
          icon={<DatabaseIcon size={22} />}
          title="No connections yet"
          testId="databases-empty"
          action={
            canEdit && (
              <>
                {sampleButton(true)}
                <button type="button" className="btn btn-secondary" onClick={() => setAdding(true)}>
                  <PlusIcon size={15} /> Add connection
                </button>
              </>
            )
          }
        >
          {canEdit
            ? 'No connections yet — add one or try the sample database.'
            : 'No connections yet. An editor or admin of this organization can add one.'}
        </EmptyState>
      )}
      {list.items.length > 0 && (
        <ul className="dba-connections" aria-label="Connections">
          {list.items.map((connection) => (
            <ConnectionCard
              key={connection.id}
              connection={connection}
              canEdit={canEdit}
              onChanged={replace}
              onEdit={() => setEditing(connection)}
              onDelete={() => {
                setDeleteError(null);
                setDeleting(connection);
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

      <ConnectionFormDialog
        open={adding || editing !== null}
        organizationId={organization.id}
        connection={editing ?? undefined}
        onClose={() => {
          setAdding(false);
          setEditing(null);
        }}
        onSaved={(saved) => {
          if (editing) replace(saved);
          else list.update((items) => [saved, ...items]);
          toast.show(editing ? `Saved ${saved.name}` : `Added ${saved.name}: test it, then ingest its schema`);
          setAdding(false);
          setEditing(null);
        }}
      />
      <ConfirmDialog
        open={deleting !== null}
        title={`Delete ${deleting?.name ?? 'the connection'}?`}
        confirmLabel="Delete"
        danger
        busy={deleteBusy}
        onConfirm={() => void confirmDelete()}
        onClose={() => setDeleting(null)}
        testId="delete-connection-dialog"
        error={deleteError != null && <ErrorBanner error={deleteError} />}
      >
        <p>Its schema versions, documentation and history go with it. The database itself is not touched.</p>
      </ConfirmDialog>
    </div>
  );
}

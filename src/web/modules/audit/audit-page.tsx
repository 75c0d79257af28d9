import { useState } from 'react';
import type { Page } from '../../../shared/contract/pagination';
import { api } from '../../api/client';
import { ApiError } from '../../api/http';
import type { AuditEvent } from './client';
import { EmptyState } from '../../components/empty-state';
import { ErrorBanner } from '../../components/error-banner';
import { ActivityIcon, ChevronLeftIcon, ChevronRightIcon } from '../../components/icons';
import { SkeletonRows } from '../../components/spinner';
import { PageHeader } from '../../layout/page-header';
import { useTitle } from '../../lib/use-title';
import { useResource } from '../../lib/use-resource';
import { canManageMembers, useOrganization } from '../../lib/workspace';
import { AuditTable } from './audit-table';

const PAGE_SIZE = 25;

type Scope = 'organization' | 'mine';

export function AuditPage() {
  const organization = useOrganization();
  const isAdmin = canManageMembers(organization);
  const [scope, setScope] = useState<Scope>(isAdmin ? 'organization' : 'mine');
  useTitle('Audit log', organization.name);
  // Keyset paging: the cursors of the pages visited so far, so "Newer" goes back without offsets.
  const [cursors, setCursors] = useState<Array<string | null>>([null]);
  const cursor = cursors[cursors.length - 1] ?? null;

  const changeScope = (next: Scope) => {
    setScope(next);
    setCursors([null]);
  };

  const page = useResource<Page<AuditEvent>>(`${organization.id}|${scope}|${cursor ?? ''}`, (signal) =>
    api.audit.list({ ...(scope === 'organization' ? { organizationId: organization.id } : {}), limit: PAGE_SIZE, cursor }, signal),
  );

  const forbidden = page.status === 'error' && page.error instanceof ApiError && page.error.status === 403;

  return (
    <div className="page" data-testid="audit-page">
      <PageHeader
        title="Audit log"
        subtitle={scope === 'organization' ? `Everything that happened in ${organization.name}` : 'Your own sign-ins and changes'}
        actions={
          <div className="segmented" role="tablist" aria-label="Scope">
            <button type="button" role="tab" aria-selected={scope === 'organization'} className={scope === 'organization' ? 'active' : ''} onClick={() => changeScope('organization')}>
              Organization
            </button>
            <button type="button" role="tab" aria-selected={scope === 'mine'} className={scope === 'mine' ? 'active' : ''} onClick={() => changeScope('mine')}>
              My activity
            </button>
          </div>
        }
      />
      {page.status === 'loading' && <SkeletonRows rows={6} />}
      {forbidden && (
        <EmptyState
          icon={<ActivityIcon size={22} />}
          title="Admins only"
          testId="audit-forbidden"
          action={
            <button type="button" className="btn btn-secondary" onClick={() => changeScope('mine')}>
              Show my activity
            </button>
          }
        >
          The audit log of {organization.name} is visible to its owners and admins.
        </EmptyState>
      )}
      {page.status === 'error' && !forbidden && <ErrorBanner error={page.error} title="The audit log could not be loaded." onRetry={page.reload} />}
      {page.status === 'ready' && page.data.items.length === 0 && cursors.length === 1 && (
        <EmptyState icon={<ActivityIcon size={22} />} title="No events yet" testId="audit-empty">
          Sign-ins, membership and project changes will show up here.
        </EmptyState>
      )}
      {page.status === 'ready' && (page.data.items.length > 0 || cursors.length > 1) && (
        <>
          <AuditTable events={page.data.items} />
          <nav className="pager" aria-label="Audit log pages">
            <span className="muted">Page {cursors.length}</span>
            <div className="pager-buttons">
              <button type="button" className="btn btn-secondary btn-sm" disabled={cursors.length === 1} onClick={() => setCursors((c) => c.slice(0, -1))}>
                <ChevronLeftIcon size={14} /> Newer
              </button>
              <button
                type="button"
                className="btn btn-secondary btn-sm"
                disabled={!page.data.nextCursor}
                onClick={() => {
                  const next = page.data?.nextCursor;
                  if (next) setCursors((c) => [...c, next]);
                }}
                data-testid="audit-next"
              >
                Older <ChevronRightIcon size={14} />
              </button>
            </div>
          </nav>
        </>
      )}
    </div>
  );
}

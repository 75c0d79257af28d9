import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { api } from '../../api/client';
import type { Member, OrganizationRole } from './client';
import { ConfirmDialog } from '../../components/dialog';
import { EmptyState } from '../../components/empty-state';
import { ErrorBanner } from '../../components/error-banner';
import { UsersIcon } from '../../components/icons';
import { SkeletonRows } from '../../components/spinner';
import { useToast } from '../../components/toast';
import { PageHeader } from '../../layout/page-header';
import { useTitle } from '../../lib/use-title';
import { roleDescriptions, roleLabels } from '../../lib/format';
import { useCurrentUser } from '../../lib/session';
import { usePagedList } from '../../lib/use-paged-list';
import { canManageMembers, useOrganization, useWorkspace } from '../../lib/workspace';
import { AddMemberForm } from './add-member-form';
import { MemberRow } from './member-row';

export function MembersPage() {
  const organization = useOrganization();
  const workspace = useWorkspace();
  const user = useCurrentUser();
  const toast = useToast();
  const navigate = useNavigate();
  const canManage = canManageMembers(organization);
  useTitle('Members', organization.name);
  // Only an owner hands out ownership; admins manage everyone below them.
  const assignable: OrganizationRole[] = organization.role === 'owner' ? ['owner', 'admin', 'editor', 'viewer'] : ['admin', 'editor', 'viewer'];
  const list = usePagedList<Member>(organization.id, (cursor, signal) =>
    api.organizations.members.list(organization.id, { limit: 50, cursor }, signal),
  );
  const [busyId, setBusyId] = useState<string | null>(null);
  const [actionError, setActionError] = useState<unknown>(null);
  const [removing, setRemoving] = useState<Member | null>(null);

  const changeRole = async (member: Member, role: OrganizationRole) => {
    setBusyId(member.userId);
    setActionError(null);
    try {
      const updated = await api.organizations.members.update(organization.id, member.userId, role);
      list.update((items) => items.map((m) => (m.userId === member.userId ? { ...m, ...updated } : m)));
      toast.show(`${member.name} is now ${roleLabels[role]?.toLowerCase() ?? role}`);
    } catch (error) {
      setActionError(error);
    } finally {
      setBusyId(null);
    }
  };

  const remove = async (member: Member) => {
    setBusyId(member.userId);
    setActionError(null);
    try {
      await api.organizations.members.remove(organization.id, member.userId);
      setRemoving(null);
      if (member.userId === user.id) {
        workspace.forget(organization.id);
        toast.show(`You left ${organization.name}`);
        void navigate('/projects');
        return;
      }
      list.update((items) => items.filter((m) => m.userId !== member.userId));
      toast.show(`Removed ${member.name}`);
    } catch (error) {
      setActionError(error);
      setRemoving(null);
    } finally {
      setBusyId(null);
    }
  };

  return (
    <div className="page" data-testid="members-page">
      <PageHeader title="Members" subtitle={`People who can see ${organization.name}`} />
      {canManage && (
        <AddMemberForm
          organizationId={organization.id}
          assignable={assignable}
          onAdded={(member) => {
            list.update((items) => [...items.filter((m) => m.userId !== member.userId), member]);
            toast.show(`Added ${member.name || member.email}`);
          }}
        />
      )}
      {actionError != null && <ErrorBanner error={actionError} />}
      {list.status === 'loading' && <SkeletonRows rows={3} />}
      {list.status === 'error' && <ErrorBanner error={list.error} title="Members could not be loaded." onRetry={list.reload} />}
      {list.status === 'ready' && list.items.length === 0 && (
        <EmptyState icon={<UsersIcon size={22} />} title="No members">
          Nobody belongs to this organization yet.
        </EmptyState>
      )}
      {list.status === 'ready' && list.items.length > 0 && (
        <div className="table-wrap">
          <table className="table" data-testid="members-table">
            <thead>
              <tr>
                <th scope="col">Member</th>
                <th scope="col">OrganizationRole</th>
                <th scope="col" className="hide-narrow">
                  Joined
                </th>
                <th scope="col">
                  <span className="sr-only">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {list.items.map((member) => (
                <MemberRow
                  key={member.userId}
                  member={member}
                  isSelf={member.userId === user.id}
                  canLeave={!organization.isPersonal}
                  canManage={canManage}
                  assignable={assignable}
                  busy={busyId === member.userId}
                  onRoleChange={(m, role) => void changeRole(m, role)}
                  onRemove={setRemoving}
                />
              ))}
            </tbody>
          </table>
          {list.hasMore && (
            <div className="load-more">
              <button type="button" className="btn btn-secondary" onClick={list.loadMore} disabled={list.loadingMore}>
                {list.loadingMore ? 'Loading…' : 'Load more'}
              </button>
            </div>
          )}
        </div>
      )}
      <section className="roles-help" aria-label="Roles">
        {(['owner', 'admin', 'editor', 'viewer'] as const).map((role) => (
          <div key={role}>
            <span className={`role-tag role-${role}`}>{roleLabels[role]}</span>
            <span className="muted">{roleDescriptions[role]}</span>
          </div>
        ))}
      </section>
      <ConfirmDialog
        open={removing !== null}
        title={removing?.userId === user.id ? `Leave ${organization.name}?` : `Remove ${removing?.name ?? ''}?`}
        confirmLabel={removing?.userId === user.id ? 'Leave organization' : 'Remove member'}
        danger
        busy={busyId !== null}
        onClose={() => setRemoving(null)}
        onConfirm={() => removing && void remove(removing)}
      >
        {removing?.userId === user.id
          ? 'You will lose access to its projects until someone adds you again.'
          : `${removing?.name ?? 'They'} will lose access to the projects of ${organization.name}.`}
      </ConfirmDialog>
    </div>
  );
}

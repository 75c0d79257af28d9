import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { Avatar } from '../components/avatar';
import { ChevronDownIcon, PlusIcon } from '../components/icons';
import { Menu, type MenuItem } from '../components/menu';
import { useToast } from '../components/toast';
import { roleLabels } from '../lib/format';
import { useCurrentUser } from '../lib/session';
import { useWorkspace } from '../lib/workspace';
import { CreateOrganizationDialog } from '../modules/organizations/create-organization-dialog';

export function OrganizationSwitcher() {
  const workspace = useWorkspace();
  const user = useCurrentUser();
  const navigate = useNavigate();
  const toast = useToast();
  const [creating, setCreating] = useState(false);
  const current = workspace.current;

  const items: MenuItem[] = [
    { kind: 'heading', label: 'Organizations' },
    ...workspace.organizations.map<MenuItem>((organization) => ({
      label: (
        <span className="org-option">
          <Avatar name={organization.name} seed={organization.id} size={18} square />
          <span className="org-option-name">{organization.name}</span>
          <span className="org-option-role">{organization.isPersonal && organization.ownerId === user.id ? 'Personal' : roleLabels[organization.role]}</span>
        </span>
      ),
      checked: organization.id === current?.id,
      testId: `org-option-${organization.slug}`,
      onSelect: () => {
        workspace.select(organization.id);
        void navigate('/projects');
      },
    })),
    { kind: 'separator' },
    { label: 'Create organization', icon: <PlusIcon />, onSelect: () => setCreating(true), testId: 'create-organization' },
  ];

  return (
    <>
      <Menu
        testId="org-switcher"
        triggerLabel={current ? `Organization: ${current.name}. Switch organization` : 'Switch organization'}
        triggerClassName="org-switcher"
        items={items}
        trigger={
          <>
            {current ? <Avatar name={current.name} seed={current.id} size={22} square /> : <span className="avatar avatar-square skeleton" style={{ width: 22, height: 22 }} />}
            <span className="org-switcher-name" data-testid="current-organization">
              {current?.name ?? 'Loading…'}
            </span>
            <ChevronDownIcon size={14} className="org-switcher-chevron" />
          </>
        }
      />
      <CreateOrganizationDialog
        open={creating}
        onClose={() => setCreating(false)}
        onCreated={(organization) => {
          setCreating(false);
          workspace.upsert(organization, { select: true });
          toast.show(`Created ${organization.name}`);
          void navigate('/projects');
        }}
      />
    </>
  );
}

import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { api } from '../../api/client';
import type { Organization } from './client';
import { ConfirmDialog } from '../../components/dialog';
import { ErrorBanner } from '../../components/error-banner';
import { TextField } from '../../components/field';
import { useToast } from '../../components/toast';
import { PageHeader } from '../../layout/page-header';
import { useTitle } from '../../lib/use-title';
import { roleLabels } from '../../lib/format';
import { useForm } from '../../lib/use-form';
import { canManageMembers, useOrganization, useWorkspace } from '../../lib/workspace';
import { SettingsTabs } from '../../layout/settings-tabs';

export function SettingsPage() {
  const organization = useOrganization();
  useTitle('Settings', organization.name);
  return (
    <div className="page page-narrow" data-testid="settings-page">
      <PageHeader title="Settings" subtitle={`${organization.name} · you are ${roleLabels[organization.role]?.toLowerCase() ?? organization.role}`} />
      <SettingsTabs />
      <GeneralSection organization={organization} />
      {organization.role === 'owner' && !organization.isPersonal && <DangerSection organization={organization} />}
    </div>
  );
}

function GeneralSection({ organization }: { organization: Organization }) {
  const workspace = useWorkspace();
  const toast = useToast();
  const canEdit = canManageMembers(organization);
  const form = useForm({ name: organization.name }, async (values) => {
    const updated = await api.organizations.update(organization.id, { name: values.name.trim() });
    workspace.upsert(updated);
    toast.show('Organization renamed');
  });
  return (
    <section className="card settings-section" aria-labelledby="general-heading">
      <h2 className="section-title" id="general-heading">
        General
      </h2>
      <form className="form" onSubmit={form.onSubmit} noValidate>
        <ErrorBanner error={form.formError} />
        <TextField
          label="Organization name"
          name="name"
          value={form.values.name}
          onChange={(e) => form.set('name', e.target.value)}
          error={form.fieldError('name')}
          disabled={!canEdit}
          required
          maxLength={255}
        />
        <TextField label="URL slug" name="slug" value={organization.slug} readOnly disabled hint="Set when the organization was created." />
        {canEdit && (
          <div className="form-actions">
            <button type="submit" className="btn btn-primary" disabled={form.submitting || !form.values.name.trim() || form.values.name.trim() === organization.name}>
              {form.submitting ? 'Saving…' : 'Save'}
            </button>
          </div>
        )}
      </form>
    </section>
  );
}

function DangerSection({ organization }: { organization: Organization }) {
  const workspace = useWorkspace();
  const toast = useToast();
  const navigate = useNavigate();
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  const remove = async () => {
    setBusy(true);
    setError(null);
    try {
      await api.organizations.remove(organization.id);
      setOpen(false);
      workspace.forget(organization.id);
      toast.show(`Deleted ${organization.name}`);
      void navigate('/projects');
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="card settings-section danger-zone" aria-labelledby="danger-heading">
      <h2 className="section-title" id="danger-heading">
        Delete organization
      </h2>
      <p className="muted">Deletes {organization.name} with all of its projects and memberships. This cannot be undone.</p>
      <div className="form-actions">
        <button type="button" className="btn btn-danger" onClick={() => setOpen(true)}>
          Delete organization
        </button>
      </div>
      <ConfirmDialog
        open={open}
        title={`Delete ${organization.name}?`}
        confirmLabel="Delete forever"
        danger
        busy={busy}
        error={error != null ? <ErrorBanner error={error} /> : undefined}
        onClose={() => setOpen(false)}
        onConfirm={() => void remove()}
      >
        Every project and membership of this organization is deleted for everyone.
      </ConfirmDialog>
    </section>
  );
}

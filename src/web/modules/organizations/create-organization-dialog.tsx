import { api } from '../../api/client';
import type { Organization } from './client';
import { Dialog } from '../../components/dialog';
import { ErrorBanner } from '../../components/error-banner';
import { TextField } from '../../components/field';
import { useForm } from '../../lib/use-form';

export function CreateOrganizationDialog({ open, onClose, onCreated }: { open: boolean; onClose(): void; onCreated(organization: Organization): void }) {
  return (
    <Dialog open={open} onClose={onClose} title="Create organization" description="A shared space for a team's projects and members." testId="create-organization-dialog" size="sm">
      {open && <CreateOrganizationForm onClose={onClose} onCreated={onCreated} />}
    </Dialog>
  );
}

function CreateOrganizationForm({ onClose, onCreated }: { onClose(): void; onCreated(organization: Organization): void }) {
  const form = useForm({ name: '' }, async (values) => {
    const organization = await api.organizations.create({ name: values.name.trim() });
    onCreated(organization);
  });
  return (
    <form onSubmit={form.onSubmit} noValidate>
      <div className="dialog-body">
        <ErrorBanner error={form.formError} />
        <TextField
          label="Name"
          name="name"
          value={form.values.name}
          onChange={(e) => form.set('name', e.target.value)}
          error={form.fieldError('name')}
          placeholder="Acme product team"
          autoFocus
          required
          maxLength={255}
        />
      </div>
      <footer className="dialog-footer">
        <button type="button" className="btn btn-secondary" onClick={onClose}>
          Cancel
        </button>
        <button type="submit" className="btn btn-primary" disabled={form.submitting || !form.values.name.trim()}>
          {form.submitting ? 'Creating…' : 'Create organization'}
        </button>
      </footer>
    </form>
  );
}

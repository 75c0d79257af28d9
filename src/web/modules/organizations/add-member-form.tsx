import { organizationRoles } from '../../../shared/organization-roles';
import { api } from '../../api/client';
import type { Member, OrganizationRole } from './client';
import { ErrorBanner } from '../../components/error-banner';
import { SelectField, TextField } from '../../components/field';
import { PlusIcon } from '../../components/icons';
import { roleLabels } from '../../lib/format';
import { useForm } from '../../lib/use-form';

export function AddMemberForm({ organizationId, assignable, onAdded }: { organizationId: string; assignable: OrganizationRole[]; onAdded(member: Member): void }) {
  const form = useForm<{ email: string; role: OrganizationRole }>({ email: '', role: 'editor' }, async (values, { setValues }) => {
    const member = await api.organizations.members.add(organizationId, { email: values.email.trim(), role: values.role });
    onAdded(member);
    setValues({ email: '', role: values.role });
  });

  return (
    <form className="card add-member" onSubmit={form.onSubmit} noValidate data-testid="add-member-form">
      <div className="add-member-fields">
        <TextField
          label="Email address"
          name="email"
          type="email"
          placeholder="teammate@company.com"
          value={form.values.email}
          onChange={(e) => form.set('email', e.target.value)}
          error={form.fieldError('email')}
          required
        />
        <SelectField label="Role" name="role" value={form.values.role} onChange={(e) => form.set('role', e.target.value as OrganizationRole)} error={form.fieldError('role')}>
          {organizationRoles
            .filter((r) => assignable.includes(r))
            .map((r) => (
              <option key={r} value={r}>
                {roleLabels[r]}
              </option>
            ))}
        </SelectField>
        <button type="submit" className="btn btn-primary add-member-submit" disabled={form.submitting || !form.values.email.trim()}>
          <PlusIcon size={15} /> {form.submitting ? 'Adding…' : 'Add member'}
        </button>
      </div>
      <ErrorBanner error={form.formError} />
      <p className="field-hint">People need an Atelier account first; they see this organization as soon as they are added.</p>
    </form>
  );
}

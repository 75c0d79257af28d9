import { api } from '../../api/client';
import { Avatar } from '../../components/avatar';
import { ErrorBanner } from '../../components/error-banner';
import { TextField } from '../../components/field';
import { useToast } from '../../components/toast';
import { PageHeader } from '../../layout/page-header';
import { useTitle } from '../../lib/use-title';
import { formatDate } from '../../lib/format';
import { useCurrentUser, useSession } from '../../lib/session';
import { useForm } from '../../lib/use-form';

export function AccountPage() {
  const user = useCurrentUser();
  const session = useSession();
  const toast = useToast();
  useTitle('Account');
  const form = useForm({ name: user.name, username: user.username ?? '' }, async (values) => {
    const username = values.username.trim() || null;
    const updated = await api.identity.updateMe({ name: values.name.trim(), ...(username !== user.username ? { username } : {}) });
    session.setUser(updated);
    toast.show('Profile saved');
  });

  return (
    <div className="page page-narrow" data-testid="account-page">
      <PageHeader title="Account" subtitle="Your profile across every organization" />
      <section className="card settings-section" aria-labelledby="profile-heading">
        <div className="profile-head">
          <Avatar name={user.name} seed={user.id} size={44} />
          <div>
            <h2 className="section-title" id="profile-heading">
              {user.name}
            </h2>
            <p className="muted">
              {user.email}
              {user.emailVerified ? ' · verified' : ' · not verified'}
              {user.createdAt ? ` · member since ${formatDate(user.createdAt)}` : ''}
            </p>
          </div>
        </div>
        <form className="form" onSubmit={form.onSubmit} noValidate>
          <ErrorBanner error={form.formError} />
          <TextField label="Full name" name="name" autoComplete="name" value={form.values.name} onChange={(e) => form.set('name', e.target.value)} error={form.fieldError('name')} required />
          <TextField
            label="Username"
            name="username"
            autoComplete="username"
            value={form.values.username}
            onChange={(e) => form.set('username', e.target.value)}
            error={form.fieldError('username')}
            hint="Shown to teammates in mentions."
            optional
          />
          <TextField label="Email" name="email" value={user.email} readOnly disabled />
          <div className="form-actions">
            <button type="submit" className="btn btn-primary" disabled={form.submitting}>
              {form.submitting ? 'Saving…' : 'Save profile'}
            </button>
          </div>
        </form>
      </section>
    </div>
  );
}

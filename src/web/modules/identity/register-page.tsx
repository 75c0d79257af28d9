import { Link, useNavigate } from 'react-router-dom';
import { api } from '../../api/client';
import { ErrorBanner } from '../../components/error-banner';
import { TextField } from '../../components/field';
import { AuthLayout } from '../../layout/auth-layout';
import { useForm } from '../../lib/use-form';

export function RegisterPage() {
  const navigate = useNavigate();
  const form = useForm({ name: '', email: '', password: '' }, async (values) => {
    await api.identity.register({ name: values.name.trim(), email: values.email.trim(), password: values.password });
    void navigate(`/check-email?email=${encodeURIComponent(values.email.trim())}`);
  });

  return (
    <AuthLayout
      title="Create your account"
      subtitle="Plan, write and ship with your team in one workspace."
      footer={
        <>
          Already have an account? <Link to="/login">Log in</Link>
        </>
      }
    >
      <form className="form" onSubmit={form.onSubmit} noValidate data-testid="register-form">
        <ErrorBanner error={form.formError} />
        <TextField
          label="Full name"
          name="name"
          autoComplete="name"
          value={form.values.name}
          onChange={(e) => form.set('name', e.target.value)}
          error={form.fieldError('name')}
          autoFocus
          required
        />
        <TextField
          label="Work email"
          name="email"
          type="email"
          autoComplete="email"
          value={form.values.email}
          onChange={(e) => form.set('email', e.target.value)}
          error={form.fieldError('email')}
          required
        />
        <TextField
          label="Password"
          name="password"
          type="password"
          autoComplete="new-password"
          value={form.values.password}
          onChange={(e) => form.set('password', e.target.value)}
          error={form.fieldError('password')}
          hint="At least 8 characters. Long passphrases are best; common passwords are refused."
          required
          minLength={8}
          maxLength={256}
        />
        <button type="submit" className="btn btn-primary btn-block" disabled={form.submitting}>
          {form.submitting ? 'Creating account…' : 'Create account'}
        </button>
      </form>
    </AuthLayout>
  );
}

import { useState } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { api } from '../../api/client';
import { ErrorBanner } from '../../components/error-banner';
import { TextField } from '../../components/field';
import { MailIcon } from '../../components/icons';
import { AuthLayout } from '../../layout/auth-layout';
import { useForm } from '../../lib/use-form';

export function ForgotPasswordPage() {
  const [params] = useSearchParams();
  const [sentTo, setSentTo] = useState<string | null>(null);
  const form = useForm({ email: params.get('email') ?? '' }, async (values) => {
    await api.identity.forgotPassword(values.email.trim());
    setSentTo(values.email.trim());
  });

  if (sentTo)
    return (
      <AuthLayout title="Check your email" footer={<Link to="/login">Back to log in</Link>}>
        <div className="auth-notice" data-testid="reset-sent">
          <span className="notice-icon">
            <MailIcon size={22} />
          </span>
          <p>
            If an account exists for <strong>{sentTo}</strong>, we sent it a link with a reset code. The code is valid
            for 10 minutes.
          </p>
          <Link to={`/reset-password?email=${encodeURIComponent(sentTo)}`} className="btn btn-secondary btn-block">
            I have a code
          </Link>
        </div>
      </AuthLayout>
    );

  return (
    <AuthLayout
      title="Reset your password"
      subtitle="Enter the email you signed up with and we will send you a reset link."
      footer={<Link to="/login">Back to log in</Link>}
    >
      <form className="form" onSubmit={form.onSubmit} noValidate>
        <ErrorBanner error={form.formError} />
        <TextField
          label="Email"
          name="email"
          type="email"
          autoComplete="email"
          value={form.values.email}
          onChange={(e) => form.set('email', e.target.value)}
          error={form.fieldError('email')}
          autoFocus
          required
        />
        <button type="submit" className="btn btn-primary btn-block" disabled={form.submitting}>
          {form.submitting ? 'Sending…' : 'Send reset link'}
        </button>
      </form>
    </AuthLayout>
  );
}

import { useState } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { api } from '../../api/client';
import { ApiError } from '../../api/http';
import { ErrorBanner } from '../../components/error-banner';
import { TextField } from '../../components/field';
import { CheckIcon } from '../../components/icons';
import { AuthLayout } from '../../layout/auth-layout';
import { useForm } from '../../lib/use-form';

export function ResetPasswordPage() {
  const [params] = useSearchParams();
  const [doneFor, setDoneFor] = useState<string | null>(null);
  const form = useForm(
    { email: params.get('email') ?? '', code: params.get('code') ?? '', password: '', confirm: '' },
    async (values) => {
      if (values.password !== values.confirm) {
        throw new ApiError(400, 'VALIDATION_FAILED', 'The passwords do not match', [{ field: 'confirm', message: 'Type the same password twice' }]);
      }
      await api.identity.resetPassword({ email: values.email.trim(), code: values.code.trim(), password: values.password });
      setDoneFor(values.email.trim());
    },
  );

  if (doneFor)
    return (
      <AuthLayout title="Password changed">
        <div className="auth-notice" data-testid="reset-done">
          <span className="notice-icon notice-success">
            <CheckIcon size={22} />
          </span>
          <p>Your password is changed and every other session has been signed out.</p>
          <Link to={`/login?email=${encodeURIComponent(doneFor)}`} className="btn btn-primary btn-block">
            Log in
          </Link>
        </div>
      </AuthLayout>
    );

  const fromLink = Boolean(params.get('email') && params.get('code'));
  return (
    <AuthLayout title="Choose a new password" subtitle={fromLink ? undefined : 'Enter the code from the email we sent you.'} footer={<Link to="/login">Back to log in</Link>}>
      <form className="form" onSubmit={form.onSubmit} noValidate>
        <ErrorBanner error={form.formError} />
        <TextField
          label="Email"
          name="email"
          type="email"
          autoComplete="username"
          value={form.values.email}
          onChange={(e) => form.set('email', e.target.value)}
          error={form.fieldError('email')}
          readOnly={fromLink}
          required
        />
        <TextField
          label="Reset code"
          name="code"
          autoComplete="one-time-code"
          value={form.values.code}
          onChange={(e) => form.set('code', e.target.value)}
          error={form.fieldError('code')}
          readOnly={fromLink}
          required
        />
        <TextField
          label="New password"
          name="password"
          type="password"
          autoComplete="new-password"
          value={form.values.password}
          onChange={(e) => form.set('password', e.target.value)}
          error={form.fieldError('password')}
          hint="At least 8 characters."
          autoFocus={fromLink}
          required
        />
        <TextField
          label="Confirm new password"
          name="confirm"
          type="password"
          autoComplete="new-password"
          value={form.values.confirm}
          onChange={(e) => form.set('confirm', e.target.value)}
          error={form.fieldError('confirm')}
          required
        />
        <button type="submit" className="btn btn-primary btn-block" disabled={form.submitting}>
          {form.submitting ? 'Saving…' : 'Set new password'}
        </button>
      </form>
    </AuthLayout>
  );
}

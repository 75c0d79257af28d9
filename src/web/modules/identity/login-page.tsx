import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import { api } from '../../api/client';
import { ApiError } from '../../api/http';
import { ErrorBanner } from '../../components/error-banner';
import { TextField } from '../../components/field';
import { ResendVerification } from './resend-verification';
import { AuthLayout } from '../../layout/auth-layout';
import { safeNext } from '../../layout/require-auth';
import { useSession } from '../../lib/session';
import { useForm } from '../../lib/use-form';

export function LoginPage() {
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const session = useSession();
  const form = useForm({ email: params.get('email') ?? '', password: '' }, async (values) => {
    const result = await api.identity.login({ email: values.email.trim(), password: values.password });
    session.signedIn(result.user);
    void navigate(safeNext(params.get('next')), { replace: true });
  });

  const error = form.formError;
  const notVerified = error instanceof ApiError && error.code === 'EMAIL_NOT_VERIFIED';

  return (
    <AuthLayout
      title="Log in to Atelier"
      footer={
        <>
          New to Atelier? <Link to="/register">Create an account</Link>
        </>
      }
    >
      <form className="form" onSubmit={form.onSubmit} noValidate data-testid="login-form">
        {params.get('expired') && !error && (
          <div className="banner banner-info" role="status">
            Your session ended. Log in again to continue.
          </div>
        )}
        {notVerified ? (
          <>
            <ErrorBanner error={error} />
            <ResendVerification email={form.values.email.trim()} />
          </>
        ) : (
          <ErrorBanner error={error} />
        )}
        <TextField
          label="Email"
          name="email"
          type="email"
          autoComplete="username"
          value={form.values.email}
          onChange={(e) => form.set('email', e.target.value)}
          error={form.fieldError('email')}
          autoFocus={!form.values.email}
          required
        />
        <TextField
          label="Password"
          name="password"
          type="password"
          autoComplete="current-password"
          value={form.values.password}
          onChange={(e) => form.set('password', e.target.value)}
          error={form.fieldError('password')}
          autoFocus={Boolean(form.values.email)}
          required
          trailing={
            <Link to={`/forgot-password${form.values.email ? `?email=${encodeURIComponent(form.values.email)}` : ''}`} className="field-link">
              Forgot password?
            </Link>
          }
        />
        <button type="submit" className="btn btn-primary btn-block" disabled={form.submitting}>
          {form.submitting ? 'Logging in…' : 'Log in'}
        </button>
      </form>
    </AuthLayout>
  );
}

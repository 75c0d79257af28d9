import { useEffect, useState } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { api } from '../../api/client';
import type { User } from './client';
import { ErrorBanner } from '../../components/error-banner';
import { CheckIcon } from '../../components/icons';
import { Spinner } from '../../components/spinner';
import { AuthLayout } from '../../layout/auth-layout';

// A verification token works once: remember the request per token so a re-render never posts it twice.
const attempts = new Map<string, Promise<{ user: User }>>();

function verifyOnce(token: string): Promise<{ user: User }> {
  let attempt = attempts.get(token);
  if (!attempt) {
    attempt = api.identity.verifyEmail(token);
    attempts.set(token, attempt);
  }
  return attempt;
}

export function VerifyEmailPage() {
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const [state, setState] = useState<{ status: 'pending' } | { status: 'done'; user: User } | { status: 'failed'; error: unknown }>(
    { status: 'pending' },
  );

  useEffect(() => {
    if (!token) {
      setState({ status: 'failed', error: new Error('This link has no verification token. Open the link from the email exactly as it was sent.') });
      return;
    }
    let live = true;
    verifyOnce(token)
      .then(({ user }) => live && setState({ status: 'done', user }))
      .catch((error: unknown) => live && setState({ status: 'failed', error }));
    return () => {
      live = false;
    };
  }, [token]);

  if (state.status === 'pending')
    return (
      <AuthLayout title="Verifying your email">
        <div className="auth-notice">
          <Spinner label="Verifying" size={20} />
          <p>One moment…</p>
        </div>
      </AuthLayout>
    );

  if (state.status === 'failed')
    return (
      <AuthLayout title="This link did not work" footer={<Link to="/register">Register again</Link>}>
        <div data-testid="verify-failed" className="form">
          <ErrorBanner error={state.error} />
          <p className="muted">Links work once and expire. If you already verified your address, just log in.</p>
          <Link to="/login" className="btn btn-secondary btn-block">
            Go to log in
          </Link>
        </div>
      </AuthLayout>
    );

  return (
    <AuthLayout title="Email verified">
      <div className="auth-notice" data-testid="verify-success">
        <span className="notice-icon notice-success">
          <CheckIcon size={22} />
        </span>
        <p>
          Thanks, {state.user.name}. <strong>{state.user.email}</strong> is verified and your account is ready.
        </p>
        <Link to={`/login?email=${encodeURIComponent(state.user.email)}`} className="btn btn-primary btn-block" data-testid="continue-to-login">
          Continue to log in
        </Link>
      </div>
    </AuthLayout>
  );
}

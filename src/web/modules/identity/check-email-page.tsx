import { Link, useSearchParams } from 'react-router-dom';
import { MailIcon } from '../../components/icons';
import { ResendVerification } from './resend-verification';
import { AuthLayout } from '../../layout/auth-layout';

export function CheckEmailPage() {
  const [params] = useSearchParams();
  const email = params.get('email');
  return (
    <AuthLayout title="Check your email" footer={<Link to="/login">Back to log in</Link>}>
      <div className="auth-notice" data-testid="check-email">
        <span className="notice-icon">
          <MailIcon size={22} />
        </span>
        <p>
          We sent a verification link to {email ? <strong>{email}</strong> : 'your email address'}. Open it to activate
          your account, then log in.
        </p>
        <p className="muted">The link expires after a while. If nothing arrives, check your spam folder.</p>
        {email && <ResendVerification email={email} />}
      </div>
    </AuthLayout>
  );
}

import { useState } from 'react';
import { api } from '../../api/client';
import { messageOf } from '../../api/http';

/** "Send the link again" for an address that has not been verified yet. */
export function ResendVerification({ email }: { email: string }) {
  const [state, setState] = useState<{ status: 'idle' | 'sending' | 'sent' } | { status: 'failed'; message: string }>({ status: 'idle' });
  if (!email) return null;
  if (state.status === 'sent') return <p className="field-hint" role="status">A new link is on its way to {email}.</p>;
  return (
    <p className="field-hint">
      No email?{' '}
      <button
        type="button"
        className="link-button"
        disabled={state.status === 'sending'}
        onClick={() => {
          setState({ status: 'sending' });
          api.identity
            .resendVerification(email)
            .then(() => setState({ status: 'sent' }))
            .catch((error: unknown) => setState({ status: 'failed', message: messageOf(error) }));
        }}
      >
        {state.status === 'sending' ? 'Sending…' : 'Send the link again'}
      </button>
      {state.status === 'failed' && <span className="field-error"> {state.message}</span>}
    </p>
  );
}

import { ApiError } from '../api/http';
import { AlertIcon } from './icons';

/** The server's message (and the request id to quote), or any other error, above a form or a list. */
export function ErrorBanner({ error, onRetry, title }: { error: unknown; onRetry?: () => void; title?: string }) {
  if (!error) return null;
  const message = error instanceof Error ? error.message : 'Something went wrong';
  // The request id matters when reporting a server fault; for an ordinary refusal it is noise.
  const requestId = error instanceof ApiError && error.status >= 500 ? error.requestId : undefined;
  return (
    <div className="banner banner-error" role="alert" data-testid="error-banner">
      <AlertIcon size={16} className="banner-icon" />
      <div className="banner-body">
        {title && <strong className="banner-title">{title}</strong>}
        <span>{message}</span>
        {requestId && <span className="banner-meta">Request id {requestId}</span>}
      </div>
      {onRetry && (
        <button type="button" className="btn btn-ghost btn-sm" onClick={onRetry}>
          Try again
        </button>
      )}
    </div>
  );
}

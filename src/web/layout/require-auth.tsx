import type { ReactNode } from 'react';
import { Navigate, useLocation, useSearchParams } from 'react-router-dom';
import { LoadingState } from '../components/spinner';
import { useSession } from '../lib/session';

/** Signed-in pages only: others go to the login page and come back afterwards. */
export function RequireAuth({ children }: { children: ReactNode }) {
  const session = useSession();
  const location = useLocation();
  if (session.status === 'loading') return <LoadingState label="Loading Atelier" />;
  if (session.status === 'anonymous') {
    // A page may render once more between the end of a session and the navigation that follows it; it must send
    // the person to the same place: the plain login page after a log out, back here after an expiry or a first visit.
    const next = location.pathname + location.search;
    const here = next === session.endedAt;
    if (here && session.reason === 'logout') return <Navigate to="/login" replace />;
    const query = [next === '/' ? '' : `next=${encodeURIComponent(next)}`, here && session.reason === 'expired' ? 'expired=1' : ''].filter(Boolean).join('&');
    return <Navigate to={query ? `/login?${query}` : '/login'} replace />;
  }
  return <>{children}</>;
}

/** Signed-out pages (login, register): a signed-in visitor goes straight to the app. */
export function RedirectIfSignedIn({ children }: { children: ReactNode }) {
  const session = useSession();
  const [params] = useSearchParams();
  if (session.status === 'loading') return <LoadingState label="Loading Atelier" />;
  if (session.status === 'authenticated') return <Navigate to={safeNext(params.get('next'))} replace />;
  return <>{children}</>;
}

/** Only paths inside the app may be a redirect target (no open redirect through ?next=). */
export function safeNext(next: string | null): string {
  return next && next.startsWith('/') && !next.startsWith('//') && !next.startsWith('/\\') ? next : '/projects';
}

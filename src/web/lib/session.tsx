import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { useNavigate } from 'react-router-dom';
import { api } from '../api/client';
import { ApiError, onSessionEnded } from '../api/http';
import type { User } from '../modules/identity/client';

type SessionState =
  | { status: 'loading'; user: null }
  | {
      status: 'anonymous';
      user: null;
      /** Why a session ended: after a log out the login page opens plainly, after expiry it says so. */
      reason?: 'logout' | 'expired';
      /** The page (path and query) that was open when it ended. */
      endedAt?: string;
    }
  | { status: 'authenticated'; user: User };

type SessionValue = SessionState & {
  /** After a successful login: load the user and enter the app. */
  signedIn(user: User): void;
  setUser(user: User): void;
  logout(): Promise<void>;
};

const SessionContext = createContext<SessionValue | null>(null);

const publicPaths = ['/login', '/register', '/check-email', '/verify-email', '/forgot-password', '/reset-password'];

export function isPublicPath(pathname: string): boolean {
  return publicPaths.some((p) => pathname === p || pathname.startsWith(`${p}/`));
}

export function SessionProvider({ children }: { children: ReactNode }) {
  const [state, setState] = useState<SessionState>({ status: 'loading', user: null });
  const navigate = useNavigate();
  const statusRef = useRef(state.status);
  statusRef.current = state.status;

  useEffect(() => {
    const controller = new AbortController();
    api.identity
      .me(controller.signal)
      .then((user) => setState({ status: 'authenticated', user }))
      .catch((error: unknown) => {
        if (controller.signal.aborted) return;
        // Anything but "not signed in" (the server is down, say) still lands on the login page, which shows it.
        if (!(error instanceof ApiError && error.status === 401)) console.warn('Could not load the session', error);
        setState({ status: 'anonymous', user: null });
      });
    return () => controller.abort();
  }, []);

  useEffect(
    () =>
      onSessionEnded(() => {
        // Only a session that existed can end; a first visit without one is handled by RequireAuth.
        if (statusRef.current !== 'authenticated') return;
        const here = window.location.pathname + window.location.search;
        setState({ status: 'anonymous', user: null, reason: 'expired', endedAt: here });
        if (!isPublicPath(window.location.pathname)) {
          void navigate(`/login?next=${encodeURIComponent(here)}&expired=1`, { replace: true });
        }
      }),
    [navigate],
  );

  const signedIn = useCallback((user: User) => setState({ status: 'authenticated', user }), []);
  const setUser = signedIn;

  const logout = useCallback(async () => {
    try {
      await api.identity.logout();
    } catch {
      // The session is already gone on the server, or the server is unreachable: leave locally either way.
    }
    setState({ status: 'anonymous', user: null, reason: 'logout', endedAt: window.location.pathname + window.location.search });
    void navigate('/login', { replace: true });
  }, [navigate]);

  const value = useMemo<SessionValue>(() => ({ ...state, signedIn, setUser, logout }), [state, signedIn, setUser, logout]);
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionValue {
  const value = useContext(SessionContext);
  if (!value) throw new Error('useSession outside SessionProvider');
  return value;
}

/** The signed-in user; only for components under RequireAuth. */
export function useCurrentUser(): User {
  const session = useSession();
  if (session.status !== 'authenticated') throw new Error('useCurrentUser without a session');
  return session.user;
}

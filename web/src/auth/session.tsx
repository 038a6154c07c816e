import { useQuery, useQueryClient } from '@tanstack/react-query';
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { api, unwrap, type Schemas } from '../api/client';
import { forgetFormDrafts } from '../ui/form-drafts';
import { SignInForm } from './sign-in-form';
import { acceptSession, authApi, csrfToken, forgetSession, onSessionChange, refreshSession } from './token-store';

export type SessionStatus = 'loading' | 'signed-in' | 'signed-out';

export interface Session {
  status: SessionStatus;
  /** Why the person is signed out when it was not their doing (the session expired or ended elsewhere). */
  ended: boolean;
  me?: Schemas['MeDto'];
  signIn(email: string, password: string, newPassword?: string): Promise<void>;
  signOut(): Promise<void>;
  signOutEverywhere(): Promise<void>;
}

const SessionContext = createContext<Session | null>(null);

/** Holds who is signed in on this page; on load it renews a session kept by the browser's cookie. */
export function SessionProvider({ children }: { children: ReactNode }) {
  const queries = useQueryClient();
  // No CSRF cookie, no session to renew: show the sign-in form at once instead of after a round
  // trip (on Slow 4G that wait was most of the first paint).
  const [status, setStatus] = useState<SessionStatus>(() => (csrfToken() ? 'loading' : 'signed-out'));
  const [ended, setEnded] = useState(false);

  useEffect(() => {
    const unsubscribe = onSessionChange((signedIn) => {
      setStatus(signedIn ? 'signed-in' : 'signed-out');
      if (!signedIn) {
        setEnded(true);
        queries.clear();
      }
    });
    if (csrfToken()) {
      void refreshSession().then((ok) => {
        setEnded(false);
        setStatus(ok ? 'signed-in' : 'signed-out');
      });
    }
    return unsubscribe;
  }, [queries]);

  const me = useQuery({
    queryKey: ['me'],
    queryFn: () => unwrap(api.GET('/api/v1/me')),
    enabled: status === 'signed-in',
  });

  const signIn = useCallback(async (email: string, password: string, newPassword?: string) => {
    const session = await unwrap(
      authApi.POST('/api/v1/auth/browser/login', {
        body: { email, password, ...(newPassword ? { newPassword } : {}) },
      }),
    );
    setEnded(false);
    acceptSession(session);
  }, []);

  const signOut = useCallback(async () => {
    // Forgotten first: a sign-out whose request fails still leaves nothing typed for the next person.
    forgetFormDrafts();
    await authApi.POST('/api/v1/auth/browser/logout', { params: { header: { 'X-CSRF-Token': csrfToken() } } });
    forgetSession();
    setEnded(false);
    setStatus('signed-out');
  }, []);

  const signOutEverywhere = useCallback(async () => {
    await unwrap(api.POST('/api/v1/auth/logout-everywhere'));
    await signOut();
  }, [signOut]);

  const value = useMemo<Session>(
    () => ({ status, ended, me: me.data, signIn, signOut, signOutEverywhere }),
    [status, ended, me.data, signIn, signOut, signOutEverywhere],
  );
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession() outside <SessionProvider>');
  return session;
}

/** The children for a signed-in person; otherwise the sign-in form in their place. */
export function RequireSignIn({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const session = useSession();
  if (session.status === 'loading') return <p role="status">{t('app.loading')}</p>;
  if (session.status === 'signed-out') return <SignInForm />;
  return <>{children}</>;
}

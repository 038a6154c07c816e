import createClient from 'openapi-fetch';
import type { paths, Schemas } from '../api/schema';

/**
 * The access token lives here, in this page's memory only; the refresh token is an HttpOnly cookie
 * the page never sees. A refresh rotates that cookie, so two refreshes at once would present the
 * same one twice and end the session as stolen: one refresh at a time, across tabs too (Web Locks).
 */
interface Access {
  token: string;
  expiresAt: number;
}

const CSRF_COOKIE = 'thidua_csrf';
const EARLY_MS = 30_000;
let access: Access | null = null;
let refreshing: Promise<boolean> | null = null;
const listeners = new Set<(signedIn: boolean) => void>();

// The auth routes themselves go through a client without the token middleware.
const authApi = createClient<paths>({ baseUrl: '' });

/** The CSRF token the cookie routes want echoed (double submit; decision 035). */
export function csrfToken(): string {
  const pair = document.cookie.split('; ').find((part) => part.startsWith(`${CSRF_COOKIE}=`));
  return pair ? decodeURIComponent(pair.slice(CSRF_COOKIE.length + 1)) : '';
}

export function onSessionChange(listener: (signedIn: boolean) => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function acceptSession(session: Schemas['BrowserSessionDto']): void {
  access = { token: session.accessToken, expiresAt: Date.parse(session.accessTokenExpiresAt) };
  listeners.forEach((listener) => listener(true));
}

export function forgetSession(): void {
  const hadOne = access !== null;
  access = null;
  if (hadOne) listeners.forEach((listener) => listener(false));
}

/** The token to send now, refreshed first when it is about to expire; null when signed out. */
export async function currentAccessToken(): Promise<string | null> {
  if (access && access.expiresAt - Date.now() > EARLY_MS) return access.token;
  if (!access) return null;
  return (await refreshSession()) ? (access?.token ?? null) : null;
}

async function refreshOnce(): Promise<boolean> {
  const { data } = await authApi.POST('/api/v1/auth/browser/refresh', {
    params: { header: { 'X-CSRF-Token': csrfToken() } },
  });
  if (data) {
    acceptSession(data);
    return true;
  }
  forgetSession();
  return false;
}

/** Renews the session from its cookie (silent refresh); false when there is none any more. */
export function refreshSession(): Promise<boolean> {
  if (!refreshing) {
    const run: Promise<boolean> = navigator.locks
      ? navigator.locks.request('thidua-session-refresh', () => refreshOnce()).then((ok) => ok)
      : refreshOnce();
    refreshing = run.finally(() => {
      refreshing = null;
    });
  }
  return refreshing;
}

export { authApi };

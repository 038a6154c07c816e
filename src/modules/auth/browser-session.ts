import type { FastifyReply, FastifyRequest } from 'fastify';
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { API_PREFIX } from '../../common/http/api-prefix';
import type { BrowserSessionDto, TokenPairDto } from './dto/auth.dto';
import { AuthErrorCode, AuthException } from './auth.exception';

/**
 * The browser's form of a session (decision 035): the refresh token never
 * reaches JavaScript — it lives in an HttpOnly, Secure, SameSite=Strict cookie sent only to
 * /api/v1/auth — and the access token is kept in the page's memory. Cookie routes also want the
 * CSRF token (double submit: a readable cookie the page echoes in `X-CSRF-Token`), so that even
 * a same-site page that is not ours cannot refresh or end the session.
 */
export const REFRESH_COOKIE = 'thidua_refresh';
export const CSRF_COOKIE = 'thidua_csrf';
export const CSRF_HEADER = 'x-csrf-token';
// Under the global prefix: the refresh cookie goes to the auth routes only.
const AUTH_PATH = `/${API_PREFIX}/auth`;

export function refreshTokenFromCookie(request: FastifyRequest): string {
  const token = request.cookies?.[REFRESH_COOKIE];
  if (!token) {
    throw new AuthException(AuthErrorCode.RefreshCookieMissing, 'Sign in: this browser has no session cookie.');
  }
  const sent = request.headers[CSRF_HEADER];
  const expected = request.cookies?.[CSRF_COOKIE];
  const matches =
    typeof sent === 'string' &&
    typeof expected === 'string' &&
    sent.length === expected.length &&
    timingSafeEqual(Buffer.from(sent), Buffer.from(expected));
  if (!matches) {
    throw new AuthException(
      AuthErrorCode.CsrfTokenInvalid,
      `Send the value of the ${CSRF_COOKIE} cookie in the X-CSRF-Token header.`,
    );
  }
  return token;
}

/** Puts the refresh token in its cookie (and a fresh CSRF token) and answers the rest. */
export function setBrowserSession(reply: FastifyReply, pair: TokenPairDto): BrowserSessionDto {
  const expires = new Date(pair.refreshTokenExpiresAt);
  const csrfToken = randomBytes(24).toString('base64url');
  const common = { secure: true, sameSite: 'strict' as const, expires };
  reply.setCookie(REFRESH_COOKIE, pair.refreshToken, { ...common, httpOnly: true, path: AUTH_PATH });
  reply.setCookie(CSRF_COOKIE, csrfToken, { ...common, httpOnly: false, path: '/' });
  return {
    tokenType: pair.tokenType,
    accessToken: pair.accessToken,
    accessTokenExpiresAt: pair.accessTokenExpiresAt,
    refreshTokenExpiresAt: pair.refreshTokenExpiresAt,
    csrfToken,
  };
}

export function clearBrowserSession(reply: FastifyReply): void {
  reply.clearCookie(REFRESH_COOKIE, { path: AUTH_PATH, secure: true, sameSite: 'strict', httpOnly: true });
  reply.clearCookie(CSRF_COOKIE, { path: '/', secure: true, sameSite: 'strict' });
}

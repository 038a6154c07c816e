import { Inject, Injectable } from '@nestjs/common';
import { createVerifier, TokenError } from 'fast-jwt';
import { authConfig, type AuthConfig } from '../../config/auth.config';
import type { Actor } from '../../common/access/actor';
import { BASE_PERMISSIONS } from '../../common/access/permission';
import { AuthErrorCode, AuthException } from './auth.exception';

/** What an access token says: the person and the session it was issued for (`AuthService` signs it). */
export interface AccessTokenClaims {
  sub: string;
  sid: string;
}

const TOKEN_ONLY_PERMISSIONS = new Set(BASE_PERMISSIONS);

/**
 * Checks the access token of a request: `Authorization: Bearer <token>`, HS256 with the access
 * secret, not expired, not before its `nbf`, with `sub` and `sid`. fast-jwt, not passport-jwt with
 * jsonwebtoken: the same checks for about a quarter of the CPU, on every request (decision 033).
 * No verified-token cache: a ballot's token is seen once, and a cache keyed by the token would be
 * one more secret-bearing table in memory for little gain on the other routes.
 */
@Injectable()
export class AccessTokenVerifier {
  private readonly verifyToken: (token: string) => Record<string, unknown>;

  constructor(@Inject(authConfig.KEY) config: AuthConfig) {
    this.verifyToken = createVerifier({
      key: config.accessSecret,
      algorithms: ['HS256'],
      requiredClaims: ['exp', 'sub', 'sid'],
    });
  }

  /** The claims of the request's bearer token, or 401 `access_token_missing` / `_invalid` / `_expired`. */
  fromAuthorizationHeader(header: string | undefined): AccessTokenClaims {
    const token = bearerToken(header);
    if (token === undefined) {
      throw new AuthException(AuthErrorCode.AccessTokenMissing, 'Send `Authorization: Bearer <access token>`.');
    }
    let payload: Record<string, unknown>;
    try {
      payload = this.verifyToken(token);
    } catch (error) {
      if (error instanceof TokenError && error.code === TokenError.codes.expired) {
        throw new AuthException(AuthErrorCode.AccessTokenExpired, 'Refresh the session or sign in again.');
      }
      throw invalidToken();
    }
    const { sub, sid } = payload;
    if (typeof sub !== 'string' || typeof sid !== 'string') throw invalidToken();
    return { sub, sid };
  }
}

/** The caller as the token says, before its session is checked: base permissions, no mandates. */
export function tokenOnlyActor(claims: AccessTokenClaims): Actor {
  return {
    userId: claims.sub,
    sessionId: claims.sid,
    email: '',
    fullName: '',
    locale: 'vi',
    mandates: [],
    permissions: TOKEN_ONLY_PERMISSIONS,
    sessionChecked: false,
  };
}

/** As passport-jwt read it: `<scheme> <token>`, the scheme `bearer` in any case. */
function bearerToken(header: string | undefined): string | undefined {
  const match = typeof header === 'string' ? /^\s*(\S+)\s+(\S+)/.exec(header) : null;
  return match && match[1].toLowerCase() === 'bearer' ? match[2] : undefined;
}

function invalidToken(): AuthException {
  return new AuthException(AuthErrorCode.AccessTokenInvalid, 'Send the access token exactly as the login returned it.');
}

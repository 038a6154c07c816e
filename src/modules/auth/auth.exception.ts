import { DomainException, type ErrorDefinition } from '../../common/errors/domain.exception';

export enum AuthErrorCode {
  InvalidCredentials = 'invalid_credentials',
  AccessTokenMissing = 'access_token_missing',
  AccessTokenInvalid = 'access_token_invalid',
  AccessTokenExpired = 'access_token_expired',
  SessionRevoked = 'session_revoked',
  AccountDisabled = 'account_disabled',
  RefreshTokenInvalid = 'refresh_token_invalid',
  RefreshTokenExpired = 'refresh_token_expired',
  RefreshTokenReused = 'refresh_token_reused',
  CurrentPasswordWrong = 'current_password_wrong',
  PasswordChangeRequired = 'password_change_required',
  PasswordUnchanged = 'password_unchanged',
  RefreshCookieMissing = 'refresh_cookie_missing',
  CsrfTokenInvalid = 'csrf_token_invalid',
}

const AUTH_ERRORS: Record<AuthErrorCode, ErrorDefinition> = {
  [AuthErrorCode.InvalidCredentials]: { status: 401, title: 'Email or password is wrong' },
  [AuthErrorCode.AccessTokenMissing]: { status: 401, title: 'No access token was sent' },
  [AuthErrorCode.AccessTokenInvalid]: { status: 401, title: 'The access token is not valid' },
  [AuthErrorCode.AccessTokenExpired]: { status: 401, title: 'The access token has expired' },
  [AuthErrorCode.SessionRevoked]: { status: 401, title: 'The session has ended' },
  [AuthErrorCode.AccountDisabled]: { status: 401, title: 'The account is disabled' },
  [AuthErrorCode.RefreshTokenInvalid]: { status: 401, title: 'The refresh token is not valid' },
  [AuthErrorCode.RefreshTokenExpired]: { status: 401, title: 'The refresh token has expired' },
  [AuthErrorCode.RefreshTokenReused]: { status: 401, title: 'The refresh token was already used' },
  [AuthErrorCode.CurrentPasswordWrong]: { status: 403, title: 'The current password is wrong' },
  [AuthErrorCode.PasswordChangeRequired]: { status: 403, title: 'A new password must be chosen first' },
  [AuthErrorCode.PasswordUnchanged]: { status: 400, title: 'The new password is the current one' },
  [AuthErrorCode.RefreshCookieMissing]: { status: 401, title: 'This browser holds no session: sign in' },
  [AuthErrorCode.CsrfTokenInvalid]: { status: 403, title: 'The request did not come from this site' },
};

export class AuthException extends DomainException<AuthErrorCode> {
  readonly definitions = AUTH_ERRORS;
}

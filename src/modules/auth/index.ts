// The auth module's front door (issue 14): what other modules may import from it.
export { AuthErrorCode, AuthException } from './auth.exception';

import { dictionary } from '@zxcvbn-ts/language-common';
import { UsersErrorCode, UsersException } from './users.exception';

/** NIST SP 800-63B asks for at least 8; a shared national system asks for more. */
export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 256;

// The ~49,000 most common passwords of the breach corpora, as zxcvbn-ts ships and maintains them
// (decision 023). Compared case-insensitively: 'Password1234' is as guessable as 'password1234'.
let common: ReadonlySet<string> | undefined;
function commonPasswords(): ReadonlySet<string> {
  return (common ??= new Set(dictionary['passwords-common'].map((p) => p.toLowerCase())));
}

/** Length in characters as a person counts them (composed code points), not UTF-16 units. */
function lengthOf(password: string): number {
  return [...password.normalize('NFC')].length;
}

/**
 * The password policy of every way a password is set: account creation, the holder's change,
 * the first sign-in after an administrator's reset. Throws the reason the password is refused.
 */
export function assertPasswordAcceptable(password: string, context: { email?: string } = {}): void {
  if (lengthOf(password) < PASSWORD_MIN_LENGTH) {
    throw new UsersException(
      UsersErrorCode.PasswordTooShort,
      `Choose a password of at least ${PASSWORD_MIN_LENGTH} characters; a few words make a good one.`,
      { minLength: PASSWORD_MIN_LENGTH },
    );
  }
  const lowered = password.toLowerCase();
  const localPart = context.email?.split('@')[0]?.toLowerCase();
  const onlyOneCharacter = new Set(lowered).size === 1;
  if (commonPasswords().has(lowered) || onlyOneCharacter || (localPart && lowered === localPart)) {
    throw new UsersException(
      UsersErrorCode.PasswordTooCommon,
      'This password is among the most common ones and is guessed first; choose another.',
    );
  }
}

import { assertPasswordAcceptable, PASSWORD_MIN_LENGTH } from './password-policy';
import { UsersErrorCode, UsersException } from './users.exception';

describe(assertPasswordAcceptable.name, () => {
  const codeOf = (password: string, email?: string): string | undefined => {
    try {
      assertPasswordAcceptable(password, { email });
      return undefined;
    } catch (error) {
      return (error as UsersException).code;
    }
  };

  it('counts characters as people do: twelve Vietnamese letters with diacritics are enough', () => {
    expect(PASSWORD_MIN_LENGTH).toBe(12);
    expect(codeOf('ệệệệệệệệệệệ')).toBe(UsersErrorCode.PasswordTooShort);
    expect(codeOf('Đường lên Tây Bắc')).toBeUndefined();
    expect(codeOf('abcdefghijk')).toBe(UsersErrorCode.PasswordTooShort);
    // Decomposed (NFD) letters count once, as they are seen.
    expect(codeOf('ệệệệệệệệệệệ'.normalize('NFD'))).toBe(UsersErrorCode.PasswordTooShort);
  });

  it.each(['123456789012', 'qwerty123456', 'QWERTY123456', '1q2w3e4r5t6y', 'zzzzzzzzzzzzzzzz'])(
    'refuses the common password %j',
    (password) => {
      expect(codeOf(password)).toBe(UsersErrorCode.PasswordTooCommon);
    },
  );

  it("refuses the email's own name as the password", () => {
    expect(codeOf('nguyenthilan', 'nguyenthilan@thidua.local')).toBe(UsersErrorCode.PasswordTooCommon);
    expect(codeOf('nguyenthilan', 'other@thidua.local')).toBeUndefined();
  });

  it('accepts the demo password, which is long and not on the list', () => {
    expect(codeOf('thidua-demo-2011')).toBeUndefined();
  });
});

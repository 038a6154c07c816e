import { isAdmin, type Actor } from '../../common/access/actor';
import { UsersErrorCode, UsersException } from './users.exception';

/** Record-level rules for accounts; the route's permission (users.manage) is checked before. */
export const UsersPolicy = {
  /** Only an administrator changes someone else's account; anyone may change their own. */
  assertMayUpdate(actor: Actor, userId: string, change: { isActive?: boolean }): void {
    if (userId !== actor.userId && !isAdmin(actor)) {
      throw new UsersException(
        UsersErrorCode.UserUpdateForbidden,
        "Only an administrator may change another person's account.",
      );
    }
    // Disabling yourself ends your own sessions and could leave nobody able to undo it.
    if (userId === actor.userId && change.isActive === false) {
      throw new UsersException(
        UsersErrorCode.SelfDeactivationForbidden,
        'Ask an administrator to disable your account.',
      );
    }
  },

  /**
   * Only an administrator resets someone's password, and never their own (the holder changes
   * theirs at /me/password, which asks for the current one).
   */
  assertMayResetPassword(actor: Actor, userId: string): void {
    if (!isAdmin(actor)) {
      throw new UsersException(
        UsersErrorCode.PasswordResetForbidden,
        "Only an administrator may reset a person's password.",
      );
    }
    if (userId === actor.userId) {
      throw new UsersException(
        UsersErrorCode.PasswordResetForbidden,
        'Change your own password at /api/v1/me/password, with your current one.',
      );
    }
  },
};

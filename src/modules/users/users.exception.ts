import { DomainException, type ErrorDefinition } from '../../common/errors/domain.exception';
import { explainConstraint } from '../../common/errors/constraint-errors';

export enum UsersErrorCode {
  UserNotFound = 'user_not_found',
  EmailTaken = 'email_taken',
  UserUpdateForbidden = 'user_update_forbidden',
  SelfDeactivationForbidden = 'self_deactivation_forbidden',
  PasswordTooShort = 'password_too_short',
  PasswordTooCommon = 'password_too_common',
  PasswordResetForbidden = 'password_reset_forbidden',
}

const USERS_ERRORS: Record<UsersErrorCode, ErrorDefinition> = {
  [UsersErrorCode.UserNotFound]: { status: 404, title: 'No such user' },
  [UsersErrorCode.EmailTaken]: { status: 409, title: 'Another account already uses this email' },
  [UsersErrorCode.UserUpdateForbidden]: { status: 403, title: 'You may not change this account' },
  [UsersErrorCode.SelfDeactivationForbidden]: { status: 403, title: 'You may not disable your own account' },
  [UsersErrorCode.PasswordTooShort]: { status: 400, title: 'The password is too short' },
  [UsersErrorCode.PasswordTooCommon]: { status: 400, title: 'The password is too common' },
  [UsersErrorCode.PasswordResetForbidden]: { status: 403, title: 'You may not reset this password' },
};

export class UsersException extends DomainException<UsersErrorCode> {
  readonly definitions = USERS_ERRORS;
}

explainConstraint(
  'uq_users_email',
  () => new UsersException(UsersErrorCode.EmailTaken, 'Another account already uses this email.'),
);

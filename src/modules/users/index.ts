// The users module's front door (issue 14): what other modules may import from it. It grows as the
// module is reworked; today other modules still reach some internals (see the baseline).
export { activeUserIds, userNames, userRefs, type UserRef } from './user-facts';
export { PasswordHasher } from './password-hasher';
export { assertPasswordAcceptable } from './password-policy';
export { UsersErrorCode, UsersException } from './users.exception';
export { UsersService } from './users.service';
export {
  accountByEmail,
  createBootstrapAccount,
  accountOf,
  lockAccount,
  replaceOwnPassword,
  userExists,
  userIdByEmail,
  type UserAccount,
} from './user-accounts';
export { type EndSessions, UserSessions } from './user-sessions';
export { userRefsByName } from './users-by-name';

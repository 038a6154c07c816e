import { EntityNotFoundError, type EntityManager } from 'typeorm';
import { User } from './user.entity';

/** What signing in and granting need of an account; the password hash stays a users' column. */
export interface UserAccount {
  id: string;
  email: string;
  passwordHash: string;
  isActive: boolean;
  passwordMustChange: boolean;
}

const toAccount = (user: User): UserAccount => ({
  id: user.id,
  email: user.email,
  passwordHash: user.passwordHash,
  isActive: user.isActive,
  passwordMustChange: user.passwordMustChange,
});

/** The account of this (normalised) email, or null. */
export async function accountByEmail(manager: EntityManager, email: string): Promise<UserAccount | null> {
  const user = await manager.findOne(User, { where: { email } });
  return user ? toAccount(user) : null;
}

/** The account of this id; an unknown id fails as TypeORM's findOneByOrFail does. */
export async function accountOf(manager: EntityManager, userId: string): Promise<UserAccount> {
  const user = await manager.findOneBy(User, { id: userId });
  if (!user) throw new EntityNotFoundError(User, { id: userId });
  return toAccount(user);
}

/** The account locked for update until the caller's transaction ends (serialises changes to it), or null. */
export async function lockAccount(manager: EntityManager, userId: string): Promise<UserAccount | null> {
  const user = await manager.findOne(User, { where: { id: userId }, lock: { mode: 'pessimistic_write' } });
  return user ? toAccount(user) : null;
}

/** The holder chose this password: the reset's "must change" ends and the change is dated now. */
export async function replaceOwnPassword(manager: EntityManager, userId: string, passwordHash: string): Promise<void> {
  await manager.update(
    User,
    { id: userId },
    { passwordHash, passwordMustChange: false, passwordChangedAt: () => 'now()' },
  );
}

/** The id of the account with this (normalised) email, or null. */
export async function userIdByEmail(manager: EntityManager, email: string): Promise<string | null> {
  const user = await manager.findOne(User, { select: { id: true }, where: { email } });
  return user?.id ?? null;
}

/** Whether an account with this id exists (active or not). */
export function userExists(manager: EntityManager, userId: string): Promise<boolean> {
  return manager.existsBy(User, { id: userId });
}

/**
 * The first administrator's account, created at start: the ledger records it with the admin
 * mandate (mandates.mandate_granted, source admin-bootstrap), not as users.user_created.
 */
export async function createBootstrapAccount(
  manager: EntityManager,
  fields: { email: string; fullName: string; passwordHash: string },
): Promise<string> {
  const user = await manager.save(manager.create(User, fields));
  return user.id;
}

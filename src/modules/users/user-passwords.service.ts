import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomInt } from 'node:crypto';
import { DataSource } from 'typeorm';
import type { Actor } from '../../common/access/actor';
import { LedgerService } from '../ledger';
import type { PasswordResetDto, PasswordResetResponseDto } from './dto/users.dto';
import { PasswordHasher } from './password-hasher';
import { User } from './user.entity';
import { UserSessions } from './user-sessions';
import { UsersErrorCode, UsersException } from './users.exception';
import { UsersPolicy } from './users.policy';

// No 0/O, 1/l/I: the temporary password is read aloud or copied by hand.
const TEMPORARY_ALPHABET = 'abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789';
const TEMPORARY_GROUPS = 4;
const TEMPORARY_GROUP_LENGTH = 5;

/** 20 random characters of 56 (~116 bits) in groups of five: `Xk7pQ-…`. */
function temporaryPassword(): string {
  const groups = Array.from({ length: TEMPORARY_GROUPS }, () =>
    Array.from({ length: TEMPORARY_GROUP_LENGTH }, () => TEMPORARY_ALPHABET[randomInt(TEMPORARY_ALPHABET.length)]).join(
      '',
    ),
  );
  return groups.join('-');
}

/** An administrator's reset of a forgotten or compromised password. */
@Injectable()
export class UserPasswordsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly ledger: LedgerService,
    private readonly passwords: PasswordHasher,
    private readonly sessions: UserSessions,
  ) {}

  /**
   * Sets a random temporary password that only lets its holder choose a new one, ends every
   * session of the person at once, and writes the reset (not the password) to the ledger.
   */
  async reset(actor: Actor, userId: string, dto: PasswordResetDto): Promise<PasswordResetResponseDto> {
    UsersPolicy.assertMayResetPassword(actor, userId);
    const temporary = temporaryPassword();
    // Hash before the transaction: argon2 is slow, and the transaction holds a connection.
    const passwordHash = await this.passwords.hash(temporary);
    return this.dataSource.transaction(async (manager) => {
      const user = await manager.findOne(User, { where: { id: userId }, lock: { mode: 'pessimistic_write' } });
      if (!user) throw new UsersException(UsersErrorCode.UserNotFound, `There is no user with id ${userId}.`);
      await manager.update(
        User,
        { id: userId },
        { passwordHash, passwordMustChange: true, passwordChangedAt: () => 'now()' },
      );
      const sessionsEnded = await this.sessions.endAll(manager, userId, 'password_reset');
      await this.ledger.append(manager, {
        actorId: actor.userId,
        action: 'users.password_reset',
        subjectType: 'user',
        subjectId: userId,
        payload: { sessionsEnded, reason: dto.reason ?? null },
      });
      return { userId, temporaryPassword: temporary, sessionsEnded };
    });
  }
}

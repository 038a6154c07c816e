import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Brackets, DataSource, type EntityManager } from 'typeorm';
import type { Actor } from '../../common/access/actor';
import { assertVersion, type IfMatch } from '../../common/versioning/version-precondition';
import { containsPattern, findPage, type Page } from '../../common/pagination/pagination';
import { LedgerService } from '../ledger';
import {
  toUserResponse,
  USER_SORT,
  type CreateUserDto,
  type ListUsersQueryDto,
  type UpdateUserDto,
  type UserResponseDto,
} from './dto/users.dto';
import { PasswordHasher } from './password-hasher';
import { assertPasswordAcceptable } from './password-policy';
import { User, type Locale } from './user.entity';
import { UserSessions } from './user-sessions';
import { UsersErrorCode, UsersException } from './users.exception';
import { UsersPolicy } from './users.policy';

const UPDATABLE = ['fullName', 'locale', 'isActive'] as const;

function notFound(id: string): UsersException {
  return new UsersException(UsersErrorCode.UserNotFound, `There is no user with id ${id}.`);
}

@Injectable()
export class UsersService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly ledger: LedgerService,
    private readonly passwords: PasswordHasher,
    private readonly sessions: UserSessions,
  ) {}

  async list(_actor: Actor, query: ListUsersQueryDto): Promise<Page<UserResponseDto>> {
    const qb = this.dataSource.getRepository(User).createQueryBuilder('user');
    if (query.q) {
      const pattern = containsPattern(query.q);
      qb.andWhere(
        new Brackets((w) =>
          w.where('user.email ILIKE :pattern', { pattern }).orWhere('user.fullName ILIKE :pattern', { pattern }),
        ),
      );
    }
    if (query.isActive !== undefined) qb.andWhere('user.isActive = :isActive', { isActive: query.isActive });
    return findPage(qb, query, USER_SORT, toUserResponse);
  }

  async get(_actor: Actor, id: string): Promise<UserResponseDto> {
    const user = await this.dataSource.getRepository(User).findOneBy({ id });
    if (!user) throw notFound(id);
    return toUserResponse(user);
  }

  async create(actor: Actor, dto: CreateUserDto): Promise<UserResponseDto> {
    assertPasswordAcceptable(dto.password, { email: dto.email });
    // Hash before the transaction: argon2 is slow, and the transaction holds a connection.
    const passwordHash = await this.passwords.hash(dto.password);
    return this.dataSource.transaction((manager) =>
      this.createIn(
        manager,
        actor,
        { email: dto.email, fullName: dto.fullName, locale: dto.locale ?? 'vi' },
        passwordHash,
      ),
    );
  }

  /**
   * Creates an account in the caller's transaction (the route, the people import); `source` goes
   * to the ledger when it is not the route.
   */
  async createIn(
    manager: EntityManager,
    actor: Actor,
    fields: { email: string; fullName: string; locale: Locale },
    passwordHash: string,
    source?: string,
  ): Promise<UserResponseDto> {
    if (await manager.existsBy(User, { email: fields.email })) {
      throw new UsersException(UsersErrorCode.EmailTaken, `An account with the email ${fields.email} already exists.`);
    }
    const user = await manager.save(manager.create(User, { ...fields, passwordHash, isActive: true }));
    const response = toUserResponse(user);
    await this.ledger.append(manager, {
      actorId: actor.userId,
      action: 'users.user_created',
      subjectType: 'user',
      subjectId: user.id,
      payload: {
        email: response.email,
        fullName: response.fullName,
        locale: response.locale,
        isActive: response.isActive,
        ...(source ? { source } : {}),
      },
    });
    return response;
  }

  async update(actor: Actor, id: string, dto: UpdateUserDto, ifMatch?: IfMatch): Promise<UserResponseDto> {
    UsersPolicy.assertMayUpdate(actor, id, dto);
    return this.dataSource.transaction(async (manager) => {
      const user = await manager.findOne(User, { where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!user) throw notFound(id);
      assertVersion('user', user.version, { expectedVersion: dto.expectedVersion, ifMatch });
      const changed = UPDATABLE.filter((field) => dto[field] !== undefined && dto[field] !== user[field]);
      if (changed.length === 0) return toUserResponse(user);
      const deactivated = user.isActive && dto.isActive === false;
      Object.assign(user, Object.fromEntries(changed.map((field) => [field, dto[field]])));
      await manager.save(user);

      let sessionsRevoked = 0;
      if (deactivated) {
        sessionsRevoked = await this.sessions.endAll(manager, id, 'account_disabled');
      }
      const response = toUserResponse(user);
      await this.ledger.append(manager, {
        actorId: actor.userId,
        action: 'users.user_updated',
        subjectType: 'user',
        subjectId: id,
        payload: {
          changed,
          fullName: response.fullName,
          locale: response.locale,
          isActive: response.isActive,
          ...(deactivated ? { sessionsRevoked } : {}),
        },
      });
      return response;
    });
  }
}

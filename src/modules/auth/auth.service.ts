import { Inject, Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { InjectDataSource } from '@nestjs/typeorm';
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { DataSource, IsNull, type EntityManager } from 'typeorm';
import { authConfig, type AuthConfig } from '../../config/auth.config';
import type { Actor } from '../../common/access/actor';
import { clusterRefs, currentClustersOfUnits, unitRefs } from '../registry';
import {
  accountByEmail,
  accountOf,
  assertPasswordAcceptable,
  lockAccount,
  PasswordHasher,
  replaceOwnPassword,
  type UserAccount,
} from '../users';
import { LedgerService } from '../ledger';
import { AuthSession } from './auth-session.entity';
import { AuthErrorCode, AuthException } from './auth.exception';
import { RefreshToken } from './refresh-token.entity';
import type { ChangePasswordDto, MeDto, PasswordChangedDto, SessionsEndedDto, TokenPairDto } from './dto/auth.dto';
import { LoginBudget } from './login-budget';
import { endSessions } from './session-ending';
import type { AccessTokenClaims } from './access-token.verifier';

export interface ClientInfo {
  ip?: string;
  userAgent?: string;
}

function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

@Injectable()
export class AuthService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(authConfig.KEY) private readonly config: AuthConfig,
    private readonly jwt: JwtService,
    private readonly passwords: PasswordHasher,
    private readonly budget: LoginBudget,
    private readonly ledger: LedgerService,
  ) {}

  /**
   * Checks a sign-in within the wrong-password budgets (decision 022). After an administrator's
   * reset the temporary password is good only with `newPassword`, which then replaces it.
   */
  async verifyCredentials(
    email: string,
    password: string,
    client: ClientInfo,
    newPassword?: string,
  ): Promise<UserAccount> {
    const normalized = email.trim().toLowerCase();
    const address = client.ip ?? 'unknown';
    await this.budget.begin(normalized, address);
    const user = await accountByEmail(this.dataSource.manager, normalized);
    const ok = await this.passwords.verify(user?.passwordHash, password);
    if (!user || !ok)
      throw new AuthException(AuthErrorCode.InvalidCredentials, 'Check the email and password and try again.');
    await this.budget.succeeded(normalized, address);
    if (!user.isActive)
      throw new AuthException(AuthErrorCode.AccountDisabled, 'Ask an administrator to re-enable your account.');
    if (newPassword !== undefined) {
      await this.replacePassword(user, password, newPassword, null, 'sign_in');
    } else if (user.passwordMustChange) {
      throw new AuthException(
        AuthErrorCode.PasswordChangeRequired,
        'Your password was reset by an administrator: sign in again with `newPassword` set to a password of your own.',
      );
    }
    return user;
  }

  /**
   * The holder's own change: the current password is required (and counted like a sign-in, so a
   * stolen access token cannot guess it), every other session ends at once, this one goes on.
   */
  async changePassword(actor: Actor, dto: ChangePasswordDto, client: ClientInfo): Promise<PasswordChangedDto> {
    const user = await accountOf(this.dataSource.manager, actor.userId);
    const address = client.ip ?? 'unknown';
    await this.budget.begin(user.email, address);
    if (!(await this.passwords.verify(user.passwordHash, dto.currentPassword))) {
      throw new AuthException(AuthErrorCode.CurrentPasswordWrong, 'Type the password you signed in with.');
    }
    await this.budget.succeeded(user.email, address);
    const sessionsEnded = await this.replacePassword(
      user,
      dto.currentPassword,
      dto.newPassword,
      actor.sessionId,
      'self_service',
    );
    return { sessionsEnded };
  }

  /** Sets a new password and ends every session of the person but `keepSessionId`, in one transaction. */
  private async replacePassword(
    user: UserAccount,
    currentPassword: string,
    newPassword: string,
    keepSessionId: string | null,
    via: 'self_service' | 'sign_in',
  ): Promise<number> {
    assertPasswordAcceptable(newPassword, { email: user.email });
    if (newPassword === currentPassword) {
      throw new AuthException(AuthErrorCode.PasswordUnchanged, 'Choose a password different from the current one.');
    }
    // Hash before the transaction: argon2 is slow, and the transaction holds a connection.
    const passwordHash = await this.passwords.hash(newPassword);
    return this.dataSource.transaction(async (manager) => {
      const locked = await lockAccount(manager, user.id);
      // Changed since we verified it (a reset, another change): the current password is no longer that.
      if (!locked || locked.passwordHash !== user.passwordHash) {
        throw new AuthException(
          AuthErrorCode.CurrentPasswordWrong,
          'The password was changed meanwhile; sign in again.',
        );
      }
      await replaceOwnPassword(manager, user.id, passwordHash);
      const sessionsEnded = await endSessions(manager, user.id, 'password_changed', keepSessionId);
      await this.ledger.append(manager, {
        actorId: user.id,
        action: 'users.password_changed',
        subjectType: 'user',
        subjectId: user.id,
        payload: { via, sessionsEnded, afterReset: locked.passwordMustChange },
      });
      return sessionsEnded;
    });
  }

  /** Starts a session (a refresh-token family) for a user whose credentials were just checked. */
  login(user: Pick<UserAccount, 'id'>, client: ClientInfo): Promise<TokenPairDto> {
    return this.dataSource.transaction(async (manager) => {
      const session = await manager.save(
        manager.create(AuthSession, {
          userId: user.id,
          ipAddress: client.ip ?? null,
          userAgent: client.userAgent?.slice(0, 500) ?? null,
        }),
      );
      return this.issue(manager, user.id, session.id);
    });
  }

  /**
   * Rotates a refresh token. A token is good once: presenting a spent one means it was copied, so
   * the whole family is revoked (and that revocation is committed even though the call fails).
   */
  async refresh(refreshToken: string): Promise<TokenPairDto> {
    const outcome = await this.dataSource.transaction(async (manager) => {
      const token = await manager
        .getRepository(RefreshToken)
        .createQueryBuilder('t')
        .setLock('pessimistic_write')
        .where('t.token_hash = :hash', { hash: hashToken(refreshToken) })
        .getOne();
      if (!token) return { error: AuthErrorCode.RefreshTokenInvalid } as const;
      const session = await manager.getRepository(AuthSession).findOneByOrFail({ id: token.sessionId });
      if (session.revokedAt) return { error: AuthErrorCode.SessionRevoked } as const;
      if (token.usedAt) {
        await manager.update(
          AuthSession,
          { id: session.id },
          { revokedAt: new Date(), revokedReason: 'refresh_token_reused' },
        );
        return { error: AuthErrorCode.RefreshTokenReused } as const;
      }
      if (token.expiresAt.getTime() <= Date.now()) return { error: AuthErrorCode.RefreshTokenExpired } as const;
      const user = await accountOf(manager, session.userId);
      if (!user.isActive) return { error: AuthErrorCode.AccountDisabled } as const;
      await manager.update(RefreshToken, { id: token.id }, { usedAt: new Date() });
      return { tokens: await this.issue(manager, session.userId, session.id) } as const;
    });
    if (outcome.error !== undefined) {
      const details: Partial<Record<AuthErrorCode, string>> = {
        [AuthErrorCode.RefreshTokenReused]:
          'This token was already exchanged; the session has been ended for safety. Sign in again.',
        [AuthErrorCode.SessionRevoked]: 'The session has ended. Sign in again.',
        [AuthErrorCode.RefreshTokenExpired]: 'Sign in again.',
      };
      throw new AuthException(outcome.error, details[outcome.error]);
    }
    return outcome.tokens;
  }

  /** Ends the session the refresh token belongs to. Unknown tokens are ignored (RFC 7009 style). */
  async logout(refreshToken: string): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const token = await manager.getRepository(RefreshToken).findOneBy({ tokenHash: hashToken(refreshToken) });
      if (!token) return;
      await manager.update(
        AuthSession,
        { id: token.sessionId, revokedAt: IsNull() },
        { revokedAt: new Date(), revokedReason: 'logout' },
      );
    });
  }

  /** Sign-out everywhere: every session of the person ends, their access tokens with them. */
  async logoutEverywhere(actor: Actor): Promise<SessionsEndedDto> {
    const ended = await this.dataSource
      .getRepository(AuthSession)
      .update(
        { userId: actor.userId, revokedAt: IsNull() },
        { revokedAt: new Date(), revokedReason: 'logout_everywhere' },
      );
    return { sessionsEnded: ended.affected ?? 0 };
  }

  async me(actor: Actor): Promise<MeDto> {
    // The mandates in force the actor was loaded with (ActorLoader, this request), oldest first.
    const mandates = [...actor.mandates].sort((a, b) => a.validFrom.getTime() - b.validFrom.getTime());
    const manager = this.dataSource.manager;
    const unitIds = [...new Set(mandates.flatMap((m) => (m.unitId ? [m.unitId] : [])))];
    const clusterIds = mandates.flatMap((m) => (m.clusterId ? [m.clusterId] : []));
    const [units, clusters, memberships] = await Promise.all([
      unitRefs(manager, unitIds),
      clusterRefs(manager, clusterIds),
      // The clusters of the person's units today, for the portal's scope.
      currentClustersOfUnits(manager, unitIds),
    ]);
    return {
      user: { id: actor.userId, email: actor.email, fullName: actor.fullName, locale: actor.locale },
      mandates: mandates.map((m) => ({
        id: m.id,
        role: m.role,
        unit: m.unitId ? (units.get(m.unitId) ?? null) : null,
        cluster: m.clusterId ? (clusters.get(m.clusterId) ?? null) : null,
        unitClusters: memberships
          .filter((row) => row.unitId === m.unitId)
          .map(({ id, code, name }) => ({ id, code, name })),
        validFrom: m.validFrom.toISOString(),
        validTo: m.validTo?.toISOString() ?? null,
      })),
      permissions: [...actor.permissions].sort(),
    };
  }

  private async issue(manager: EntityManager, userId: string, sessionId: string): Promise<TokenPairDto> {
    const now = Date.now();
    const refreshToken = randomBytes(32).toString('base64url');
    const refreshExpires = new Date(now + this.config.refreshTtlSeconds * 1000);
    await manager.insert(RefreshToken, {
      sessionId,
      tokenHash: hashToken(refreshToken),
      issuedAt: new Date(now),
      expiresAt: refreshExpires,
    });
    const claims: AccessTokenClaims = { sub: userId, sid: sessionId };
    const accessToken = await this.jwt.signAsync(claims, {
      secret: this.config.accessSecret,
      expiresIn: this.config.accessTtlSeconds,
      algorithm: 'HS256',
      // A unique id, so no two access tokens are ever the same string.
      jwtid: randomUUID(),
    });
    return {
      tokenType: 'Bearer',
      accessToken,
      accessTokenExpiresAt: new Date(now + this.config.accessTtlSeconds * 1000).toISOString(),
      refreshToken,
      refreshTokenExpiresAt: refreshExpires.toISOString(),
    };
  }
}

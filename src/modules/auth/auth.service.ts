import { Inject, Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { InjectDataSource } from '@nestjs/typeorm';
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { DataSource, IsNull, type EntityManager } from 'typeorm';
import { authConfig, type AuthConfig } from '../../config/auth.config';
import type { Actor } from '../../common/access/actor';
import { User } from '../users/user.entity';
import { PasswordHasher } from '../users/password-hasher';
import { Mandate } from '../mandates/mandate.entity';
import { AuthSession } from './auth-session.entity';
import { AuthErrorCode, AuthException } from './auth.exception';
import { RefreshToken } from './refresh-token.entity';
import type { MeDto, TokenPairDto } from './dto/auth.dto';
import type { AccessTokenClaims } from './jwt.strategy';

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
  ) {}

  async verifyCredentials(email: string, password: string): Promise<User> {
    const user = await this.dataSource.getRepository(User).findOne({ where: { email: email.trim().toLowerCase() } });
    const ok = await this.passwords.verify(user?.passwordHash, password);
    if (!user || !ok)
      throw new AuthException(AuthErrorCode.InvalidCredentials, 'Check the email and password and try again.');
    if (!user.isActive)
      throw new AuthException(AuthErrorCode.AccountDisabled, 'Ask an administrator to re-enable your account.');
    return user;
  }

  /** Starts a session (a refresh-token family) for a user whose credentials were just checked. */
  login(user: User, client: ClientInfo): Promise<TokenPairDto> {
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
      const user = await manager.getRepository(User).findOneByOrFail({ id: session.userId });
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

  async me(actor: Actor): Promise<MeDto> {
    const mandates = await this.dataSource.getRepository(Mandate).find({
      where: actor.mandates.length ? actor.mandates.map((m) => ({ id: m.id })) : { id: IsNull() },
      relations: { unit: true, cluster: true },
      order: { validFrom: 'ASC' },
    });
    return {
      user: { id: actor.userId, email: actor.email, fullName: actor.fullName, locale: actor.locale },
      mandates: mandates.map((m) => ({
        id: m.id,
        role: m.role,
        unit: m.unit ? { id: m.unit.id, code: m.unit.code, name: m.unit.name } : null,
        cluster: m.cluster ? { id: m.cluster.id, code: m.cluster.code, name: m.cluster.name } : null,
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

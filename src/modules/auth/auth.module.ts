import { Module, type OnModuleInit } from '@nestjs/common';
import { ConfigType } from '@nestjs/config';
import { JwtModule } from '@nestjs/jwt';
import { PassportModule } from '@nestjs/passport';
import { ThrottlerModule } from '@nestjs/throttler';
import type { FastifyRequest } from 'fastify';
import { authConfig } from '../../config/auth.config';
import { PgThrottlerStorage } from '../../common/throttling/pg-throttler.storage';
import { UserSessions } from '../users';
import { ThrottlingModule } from '../../common/throttling/throttling.module';
import { AccessTokenVerifier } from './access-token.verifier';
import { ActorLoader } from './actor.loader';
import { AuthController } from './auth.controller';
import { AuthService } from './auth.service';
import { LoginBudget } from './login-budget';
import { LocalStrategy } from './local.strategy';
import { endSessions } from './session-ending';

@Module({
  imports: [
    PassportModule.register({ session: false }),
    JwtModule.register({}),
    // Only the login route uses ThrottlerGuard: attempts per client address, whatever the account.
    // Wrong passwords per account are budgeted by LoginBudget (decision 022).
    ThrottlerModule.forRootAsync({
      imports: [ThrottlingModule],
      inject: [authConfig.KEY, PgThrottlerStorage],
      useFactory: (config: ConfigType<typeof authConfig>, storage: PgThrottlerStorage) => ({
        storage,
        errorMessage: 'Too many sign-in attempts; wait before trying again.',
        throttlers: [
          {
            name: 'login-ip',
            ttl: config.loginLimitWindowMs,
            limit: config.loginLimitPerIp,
            getTracker: (req) => `ip:${(req as FastifyRequest).ip}`,
          },
        ],
      }),
    }),
  ],
  controllers: [AuthController],
  providers: [AuthService, ActorLoader, AccessTokenVerifier, LocalStrategy, LoginBudget],
  // For the global JwtAuthGuard (app.module.ts).
  exports: [AuthService, AccessTokenVerifier, ActorLoader],
})
export class AuthModule implements OnModuleInit {
  constructor(private readonly userSessions: UserSessions) {}

  /** Users ends sessions (a reset, a disabled account) through its port; the sessions are ours. */
  onModuleInit(): void {
    this.userSessions.register((manager, userId, reason) => endSessions(manager, userId, reason));
  }
}

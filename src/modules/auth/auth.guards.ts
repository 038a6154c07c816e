import { type CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { AuthGuard } from '@nestjs/passport';
import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import type { IncomingHttpHeaders } from 'node:http';
import type { Actor } from '../../common/access/actor';
import { PUBLIC_KEY, SESSION_CHECKED_BY_HANDLER_KEY } from '../../common/access/access.decorators';
import { CommonException } from '../../common/errors/common.exception';
import { AccessTokenVerifier, tokenOnlyActor } from './access-token.verifier';
import { ActorLoader } from './actor.loader';
import { AuthErrorCode, AuthException } from './auth.exception';
import { LoginDto } from './dto/auth.dto';

/**
 * Global: every request carries a valid access token unless its route is `@Public()`. The token is
 * checked by `AccessTokenVerifier` (no passport on this path: it ran on every request, decision 033);
 * the person and their mandates are then loaded, except on a `@SessionCheckedByHandler()` route.
 */
@Injectable()
export class JwtAuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly tokens: AccessTokenVerifier,
    private readonly actors: ActorLoader,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_KEY, targets)) return true;
    const request = context.switchToHttp().getRequest<{ headers: IncomingHttpHeaders; user?: Actor }>();
    const claims = this.tokens.fromAuthorizationHeader(request.headers.authorization);
    request.user = this.reflector.getAllAndOverride<boolean>(SESSION_CHECKED_BY_HANDLER_KEY, targets)
      ? tokenOnlyActor(claims)
      : await this.actors.load(claims.sub, claims.sid);
    return true;
  }
}

/**
 * The login route's guard (passport-local). Guards run before pipes, so the body is validated
 * here: a malformed login is a 400 with field errors, not a 401.
 */
@Injectable()
export class LocalAuthGuard extends AuthGuard('local') {
  override async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<{ body: unknown }>();
    const dto = plainToInstance(LoginDto, request.body ?? {});
    const errors = await validate(dto, { whitelist: true, forbidNonWhitelisted: true });
    if (errors.length > 0) {
      throw CommonException.validation(
        errors.map((e) => ({ field: e.property, messages: Object.values(e.constraints ?? {}) })),
      );
    }
    return (await super.canActivate(context)) as boolean;
  }

  override handleRequest<T>(err: unknown, user: T): T {
    if (err) throw err;
    if (!user) throw new AuthException(AuthErrorCode.InvalidCredentials);
    return user;
  }
}

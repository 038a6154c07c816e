import { ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { AuthGuard } from '@nestjs/passport';
import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import { PUBLIC_KEY, SESSION_CHECKED_BY_HANDLER_KEY } from '../../common/access/access.decorators';
import { CommonException } from '../../common/errors/common.exception';
import { AuthErrorCode, AuthException } from './auth.exception';
import { LoginDto } from './dto/auth.dto';

/** Global: every request carries a valid access token unless its route is `@Public()`. */
@Injectable()
export class JwtAuthGuard extends AuthGuard('jwt') {
  constructor(private readonly reflector: Reflector) {
    super();
  }

  override canActivate(context: ExecutionContext) {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_KEY, targets)) return true;
    if (this.reflector.getAllAndOverride<boolean>(SESSION_CHECKED_BY_HANDLER_KEY, targets)) {
      context.switchToHttp().getRequest<{ sessionCheckedByHandler?: boolean }>().sessionCheckedByHandler = true;
    }
    return super.canActivate(context);
  }

  override handleRequest<T>(err: unknown, user: T, info: unknown): T {
    if (err) throw err;
    if (user) return user;
    const name = (info as { name?: string } | undefined)?.name;
    if (name === 'TokenExpiredError')
      throw new AuthException(AuthErrorCode.AccessTokenExpired, 'Refresh the session or sign in again.');
    if (name === 'JsonWebTokenError' || name === 'NotBeforeError' || name === 'SyntaxError') {
      throw new AuthException(
        AuthErrorCode.AccessTokenInvalid,
        'Send the access token exactly as the login returned it.',
      );
    }
    throw new AuthException(AuthErrorCode.AccessTokenMissing, 'Send `Authorization: Bearer <access token>`.');
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

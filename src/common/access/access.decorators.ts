import {
  applyDecorators,
  createParamDecorator,
  SetMetadata,
  UseInterceptors,
  type ExecutionContext,
} from '@nestjs/common';
import { ApiBearerAuth, ApiExtension } from '@nestjs/swagger';
import { OWN_IDEMPOTENCY_SCHEME_KEY } from '../idempotency/idempotency.decorators';
import { IdempotencyInterceptor } from '../idempotency/idempotency.interceptor';
import type { Actor } from './actor';
import type { Permission } from './permission';

export const PERMISSION_KEY = 'thidua:permission';
export const PUBLIC_KEY = 'thidua:public';

export interface SignedInRouteOptions {
  /**
   * The route reads `Idempotency-Key` itself, with rules of its own (the ballot: a key that is never
   * stored with the voter, decision 011), so `IdempotencyInterceptor` is not put on it.
   */
  ownIdempotencyScheme?: boolean;
}

/**
 * The permission a route needs, checked by `PermissionGuard` before the handler runs; and, as on
 * every route of a signed-in person, `IdempotencyInterceptor` (decision 028: `Idempotency-Key` on
 * their POSTs). Every non-public route declares a permission (deny by default, tested), so every
 * such route gets the interceptor without asking for it; it is put here rather than globally so that
 * the ballot can go without Nest's interceptor pipeline, a tenth of its CPU (decision 033).
 */
export const RequirePermission = (permission: Permission, options: SignedInRouteOptions = {}) =>
  applyDecorators(
    SetMetadata(PERMISSION_KEY, permission),
    ApiBearerAuth(),
    ApiExtension('x-permission', permission),
    options.ownIdempotencyScheme
      ? SetMetadata(OWN_IDEMPOTENCY_SCHEME_KEY, true)
      : UseInterceptors(IdempotencyInterceptor),
  );

/** A route anyone may call without signing in (login, refresh, health, the OpenAPI document). */
export const Public = () => applyDecorators(SetMetadata(PUBLIC_KEY, true), ApiExtension('x-permission', 'public'));

export const SESSION_CHECKED_BY_HANDLER_KEY = 'thidua:session-checked-by-handler';

/**
 * The hot path's authentication (decision 011): the token's signature and expiry are checked as
 * everywhere, but the session and the person are NOT loaded before the handler — the handler's own
 * statement must check them (session not revoked, account active) in the same round trip. The
 * actor then carries only the base permissions and no mandates. Use only where the statement does.
 */
export const SessionCheckedByHandler = () => SetMetadata(SESSION_CHECKED_BY_HANDLER_KEY, true);

/** The signed-in person the request acts for. */
export const CurrentActor = createParamDecorator((_: unknown, ctx: ExecutionContext): Actor => {
  return ctx.switchToHttp().getRequest<{ user: Actor }>().user;
});

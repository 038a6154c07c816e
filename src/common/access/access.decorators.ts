import { applyDecorators, createParamDecorator, SetMetadata, type ExecutionContext } from '@nestjs/common';
import { ApiBearerAuth, ApiExtension } from '@nestjs/swagger';
import type { Actor } from './actor';
import type { Permission } from './permission';

export const PERMISSION_KEY = 'thidua:permission';
export const PUBLIC_KEY = 'thidua:public';

/** The permission a route needs; checked by `PermissionGuard` before the handler runs. */
export const RequirePermission = (permission: Permission) =>
  applyDecorators(SetMetadata(PERMISSION_KEY, permission), ApiBearerAuth(), ApiExtension('x-permission', permission));

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

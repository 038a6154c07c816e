import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { CommonErrorCode, CommonException } from '../errors/common.exception';
import { PERMISSION_KEY, PUBLIC_KEY } from './access.decorators';
import type { Actor } from './actor';
import type { Permission } from './permission';

/**
 * Deny by default: a route that declares neither a permission nor `@Public()` refuses everyone,
 * and a test walks every route to keep it that way.
 */
@Injectable()
export class PermissionGuard implements CanActivate {
  constructor(private readonly reflector: Reflector) {}

  canActivate(context: ExecutionContext): boolean {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_KEY, targets)) return true;
    const permission = this.reflector.getAllAndOverride<Permission | undefined>(PERMISSION_KEY, targets);
    if (!permission) {
      throw new CommonException(
        CommonErrorCode.PermissionNotDeclared,
        'This route declares no permission, so nobody may call it.',
      );
    }
    const actor = context.switchToHttp().getRequest<{ user?: Actor }>().user;
    if (!actor?.permissions.has(permission)) {
      throw new CommonException(
        CommonErrorCode.Forbidden,
        `This needs the permission '${permission}', which none of your mandates grants.`,
        {
          permission,
        },
      );
    }
    return true;
  }
}

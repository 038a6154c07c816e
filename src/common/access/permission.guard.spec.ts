import type { ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { CommonErrorCode } from '../errors/common.exception';
import { Public, RequirePermission } from './access.decorators';
import type { Actor } from './actor';
import { Permission, permissionsFor } from './permission';
import { PermissionGuard } from './permission.guard';

class Routes {
  @RequirePermission(Permission.UsersManage) manageUsers() {}
  @Public() open() {}
  undeclared() {}
}

function contextFor(handler: keyof Routes, user?: Partial<Actor>): ExecutionContext {
  return {
    getHandler: () => Routes.prototype[handler],
    getClass: () => Routes,
    switchToHttp: () => ({ getRequest: () => ({ user }) }),
  } as unknown as ExecutionContext;
}

describe(PermissionGuard.name, () => {
  const guard = new PermissionGuard(new Reflector());
  const secretariat = { permissions: permissionsFor(['secretariat']) };
  const officer = { permissions: permissionsFor(['officer']) };

  it('lets a public route through without a user', () => {
    expect(guard.canActivate(contextFor('open'))).toBe(true);
  });

  it('refuses a route that declares no permission, whoever calls it', () => {
    expect(() => guard.canActivate(contextFor('undeclared', { permissions: permissionsFor(['admin']) }))).toThrow(
      expect.objectContaining({ code: CommonErrorCode.PermissionNotDeclared }),
    );
  });

  it('allows a caller whose mandates grant the permission and refuses one whose do not', () => {
    expect(guard.canActivate(contextFor('manageUsers', secretariat))).toBe(true);
    expect(() => guard.canActivate(contextFor('manageUsers', officer))).toThrow(
      expect.objectContaining({ code: CommonErrorCode.Forbidden, extensions: { permission: Permission.UsersManage } }),
    );
  });
});

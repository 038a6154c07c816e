import { RequestMethod } from '@nestjs/common';
import { INTERCEPTORS_METADATA, METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { ModulesContainer } from '@nestjs/core';
import { PERMISSION_KEY, PUBLIC_KEY } from '../../src/common/access/access.decorators';
import { Permission } from '../../src/common/access/permission';
import { OWN_IDEMPOTENCY_SCHEME_KEY } from '../../src/common/idempotency/idempotency.decorators';
import { IdempotencyInterceptor } from '../../src/common/idempotency/idempotency.interceptor';
import { createTestApp, type TestApp } from '../utils/test-app';

interface DeclaredRoute {
  route: string;
  permission?: string;
  isPublic: boolean;
  ownIdempotencyScheme: boolean;
  /** How many times IdempotencyInterceptor is on the route (method and class). */
  idempotencyInterceptors: number;
}

/** Every handler of every controller the application registered, with what it declares. */
function registeredRoutes(t: TestApp): DeclaredRoute[] {
  const routes: DeclaredRoute[] = [];
  for (const module of t.app.get(ModulesContainer).values()) {
    for (const wrapper of module.controllers.values()) {
      const controller = wrapper.metatype as { prototype: Record<string, unknown>; name: string } | null;
      if (!controller) continue;
      const prototype = controller.prototype;
      for (const name of Object.getOwnPropertyNames(prototype)) {
        const handler = prototype[name];
        if (name === 'constructor' || typeof handler !== 'function') continue;
        const path = Reflect.getMetadata(PATH_METADATA, handler) as string | undefined;
        if (path === undefined) continue;
        const method = RequestMethod[Reflect.getMetadata(METHOD_METADATA, handler) as number];
        const read = (key: string) => Reflect.getMetadata(key, handler) ?? Reflect.getMetadata(key, controller);
        const interceptors = [handler, controller].flatMap(
          (target) => (Reflect.getMetadata(INTERCEPTORS_METADATA, target) as unknown[] | undefined) ?? [],
        );
        routes.push({
          route: `${method} ${controller.name}.${name} (${path})`,
          permission: read(PERMISSION_KEY) as string | undefined,
          isPublic: read(PUBLIC_KEY) === true,
          ownIdempotencyScheme: read(OWN_IDEMPOTENCY_SCHEME_KEY) === true,
          idempotencyInterceptors: interceptors.filter((i) => i === IdempotencyInterceptor).length,
        });
      }
    }
  }
  return routes;
}

describe('route permissions', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('finds the routes of the application (the walk itself works)', () => {
    const routes = registeredRoutes(t).map((r) => r.route);
    expect(routes).toEqual(
      expect.arrayContaining([
        expect.stringContaining('AuthController.login'),
        expect.stringContaining('LedgerController.verify'),
      ]),
    );
  });

  it('every route declares a permission or is explicitly public — deny by default', () => {
    const undeclared = registeredRoutes(t).filter((r) => !r.isPublic && !r.permission);
    expect(undeclared.map((r) => r.route)).toEqual([]);
  });

  it('every signed-in route has the Idempotency-Key interceptor once, but the ballot; public routes none', () => {
    const routes = registeredRoutes(t);
    const expected = (r: DeclaredRoute) => (r.isPublic || r.ownIdempotencyScheme ? 0 : 1);
    const wrong = routes.filter((r) => r.idempotencyInterceptors !== expected(r));
    expect(wrong.map((r) => `${r.route}: ${r.idempotencyInterceptors}`)).toEqual([]);
    expect(routes.filter((r) => r.ownIdempotencyScheme).map((r) => r.route)).toEqual([
      expect.stringContaining('BallotsController.cast'),
    ]);
  });

  it('declared permissions are known permissions', () => {
    const known = new Set<string>(Object.values(Permission));
    const unknown = registeredRoutes(t).filter((r) => r.permission && !known.has(r.permission));
    expect(unknown.map((r) => `${r.route}: ${r.permission}`)).toEqual([]);
  });

  it("only the sign-in routes, health and the public verifier's record bundles are public", () => {
    const publicRoutes = registeredRoutes(t)
      .filter((r) => r.isPublic)
      .map((r) => r.route.split(' ')[1]);
    expect(publicRoutes.sort()).toEqual(
      [
        'AuthController.browserLogin',
        'AuthController.browserLogout',
        'AuthController.browserRefresh',
        'AuthController.login',
        'AuthController.logout',
        'AuthController.refresh',
        'HealthController.check',
        // A final record's bundle, for `/verify` (decision 036): read-only, rate-limited.
        'PublicRecordsController.bundle',
      ].map((name) => expect.stringContaining(name)),
    );
  });

  it('the OpenAPI document states the permission of every operation', async () => {
    const document = (await t.http.get('/docs-json')).body as {
      openapi: string;
      paths: Record<string, Record<string, Record<string, unknown>>>;
    };
    expect(document.openapi).toMatch(/^3\./);
    const missing: string[] = [];
    for (const [path, operations] of Object.entries(document.paths)) {
      for (const [method, operation] of Object.entries(operations)) {
        if (!operation['x-permission']) missing.push(`${method.toUpperCase()} ${path}`);
      }
    }
    expect(missing).toEqual([]);
  });
});

import type { FastifyInstance } from 'fastify';
import type { IncomingMessage } from 'node:http';

/**
 * Routes that write no request-log line declare it on themselves: `@RouteConfig({ requestLog: false })`.
 * The decision is taken on the route Fastify resolved (its `routeOptions`), never on the URL text,
 * so `/polls/{id}/%62allots` — the same route, spelled otherwise — is not logged either.
 */
export interface RequestLogRouteConfig {
  requestLog?: boolean;
}

const UNLOGGED = Symbol('thidua.unlogged');

type MarkedRequest = IncomingMessage & { [UNLOGGED]?: true };

/** Marks the raw request of such routes before the request logger (a middleware, after this hook) sees it. */
export function markUnloggedRoutes(fastify: FastifyInstance): void {
  fastify.addHook('onRequest', async (request) => {
    if ((request.routeOptions.config as RequestLogRouteConfig | undefined)?.requestLog === false) {
      (request.raw as MarkedRequest)[UNLOGGED] = true;
    }
  });
}

/** For pino-http's `autoLogging.ignore`. */
export function isUnloggedRoute(req: IncomingMessage): boolean {
  return (req as MarkedRequest)[UNLOGGED] === true;
}

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

/**
 * Marks the raw request of such routes once Fastify has routed it. The request logger is a middleware
 * that may start before this hook, so it asks `isUnloggedRoute` when it writes the line (at the response).
 */
export function markUnloggedRoutes(fastify: FastifyInstance): void {
  // A callback hook, not an async one: it runs on every request (decision 033).
  fastify.addHook('onRequest', (request, _reply, done) => {
    if ((request.routeOptions.config as RequestLogRouteConfig | undefined)?.requestLog === false) {
      (request.raw as MarkedRequest)[UNLOGGED] = true;
    }
    done();
  });
}

/** For pino-http's `customLogLevel` (evaluated when the response is written). */
export function isUnloggedRoute(req: IncomingMessage): boolean {
  return (req as MarkedRequest)[UNLOGGED] === true;
}

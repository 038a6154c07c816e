import fastifyStatic from '@fastify/static';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

/** web/dist from src/common/http (ts-node, jest) or dist/src/common/http (compiled). */
export function defaultWebDistDir(): string | undefined {
  return [
    join(__dirname, '..', '..', '..', 'web', 'dist'),
    join(__dirname, '..', '..', '..', '..', 'web', 'dist'),
  ].find((dir) => existsSync(join(dir, 'index.html')));
}

/**
 * The app's own pages (web/src/router.tsx): a GET of one of them that asks for HTML gets index.html,
 * so a deep link or a reload opens the page. Only these: a catch-all would also swallow what the
 * service must answer itself (a 414 for an over-long path parameter, a 404 problem).
 */
export const WEB_APP_ROUTES = [
  '/m/*',
  '/meetings/*',
  '/verify',
  '/verify/*',
  '/console',
  '/console/*',
  '/portal',
  '/portal/*',
];

/**
 * Serves the built web app at `/` from the same origin as the API: its files as they are (hashed
 * assets cached for a year), and index.html for the app's own pages, so that /m/{meetingId} or
 * /verify open on a reload (SPA fallback). Without a build it serves nothing.
 */
export async function serveWebApp(app: NestFastifyApplication, dir: string | undefined): Promise<void> {
  if (!dir) return;
  await app.register(fastifyStatic, {
    root: dir,
    wildcard: false,
    // The build writes .br and .gz beside each file (web/vite.config.ts): sent to browsers that accept them.
    preCompressed: true,
    setHeaders: (reply, path) => {
      reply.header(
        'cache-control',
        path.includes(join('assets', '')) ? 'public, max-age=31536000, immutable' : 'no-cache',
      );
    },
  });
  const fastify = app.getHttpAdapter().getInstance();
  for (const route of WEB_APP_ROUTES) {
    fastify.get(route, (request, reply) => {
      if (!(request.headers.accept ?? '').includes('text/html')) return reply.callNotFound();
      return reply.header('cache-control', 'no-cache').sendFile('index.html');
    });
  }
}

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

// Paths that belong to the service: an unknown one is a 404 problem, never the app's page.
const SERVICE_PATH = /^\/(api|docs|docs-json|docs-yaml|health)(\/|\?|$)/;

/**
 * Serves the built web app at `/` from the same origin as the API: its files as they are (hashed
 * assets cached for a year), and index.html for any other GET that asks for a page, so that
 * /m/{meetingId} or /verify open on a reload (SPA fallback). Without a build it serves nothing.
 */
export async function serveWebApp(app: NestFastifyApplication, dir: string | undefined): Promise<void> {
  if (!dir) return;
  await app.register(fastifyStatic, {
    root: dir,
    wildcard: false,
    setHeaders: (reply, path) => {
      reply.header(
        'cache-control',
        path.includes(join('assets', '')) ? 'public, max-age=31536000, immutable' : 'no-cache',
      );
    },
  });
  const fastify = app.getHttpAdapter().getInstance();
  fastify.get('/*', (request, reply) => {
    const wantsPage = (request.headers.accept ?? '').includes('text/html');
    if (SERVICE_PATH.test(request.url) || !wantsPage) return reply.callNotFound();
    return reply.header('cache-control', 'no-cache').sendFile('index.html');
  });
}

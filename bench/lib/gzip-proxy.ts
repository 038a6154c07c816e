import { createServer, request as httpRequest, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createGzip } from 'node:zlib';
import { onCleanup } from './cleanup';

const COMPRESSIBLE = /^(text\/(?!event-stream)|application\/(javascript|json|problem\+json|xml)|image\/svg\+xml)/;

function wantsGzip(headers: IncomingHttpHeaders): boolean {
  return /\bgzip\b/.test(String(headers['accept-encoding'] ?? ''));
}

export interface GzipProxy {
  origin: string;
  stop(): Promise<void>;
}

/**
 * A reverse proxy in front of the service that gzips what a deployment's proxy would (nginx
 * `gzip on; gzip_comp_level 6;` with the usual types): HTML, JS, CSS, JSON, SVG — not event
 * streams, nor what is already encoded. It shows what the first load would cost were the bytes
 * compressed on the way; the service itself is measured without it too.
 */
export async function startGzipProxy(target: string): Promise<GzipProxy> {
  const upstream = new URL(target);
  const server = createServer((req, res) => {
    const forward = httpRequest(
      {
        host: upstream.hostname,
        port: upstream.port,
        method: req.method,
        path: req.url,
        headers: { ...req.headers, 'accept-encoding': 'identity' },
      },
      (answer) => {
        const headers = { ...answer.headers };
        const compress =
          wantsGzip(req.headers) &&
          !headers['content-encoding'] &&
          COMPRESSIBLE.test(String(headers['content-type'] ?? '')) &&
          req.method !== 'HEAD' &&
          answer.statusCode !== 204 &&
          answer.statusCode !== 304;
        if (compress) {
          delete headers['content-length'];
          headers['content-encoding'] = 'gzip';
          headers.vary = headers.vary ? `${headers.vary}, Accept-Encoding` : 'Accept-Encoding';
        }
        res.writeHead(answer.statusCode ?? 502, headers);
        if (compress) answer.pipe(createGzip({ level: 6 })).pipe(res);
        else answer.pipe(res);
      },
    );
    // The browser went away (a context closed with the meeting's event stream open): so does the
    // upstream request, or the service would wait for that stream forever when it closes.
    res.on('close', () => forward.destroy());
    forward.on('error', () => {
      if (!res.headersSent) res.writeHead(502);
      res.end();
    });
    req.pipe(forward);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const stop = onCleanup('gzip proxy', async () => {
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });
  return { origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, stop };
}

import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { brotliCompressSync, gzipSync } from 'node:zlib';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { createApp } from '../../src/app.factory';
import { createTestDatabase, type TestDatabase } from '../utils/test-database';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';

// The web app is served by the service itself at `/`, same origin as the API, with an SPA
// fallback — and the service's own paths keep their problem+json answers.
describe('the web app served at /', () => {
  const dir = mkdtempSync(join(tmpdir(), 'thidua-web-'));
  let database: TestDatabase;
  let app: NestFastifyApplication;

  beforeAll(async () => {
    mkdirSync(join(dir, 'assets'));
    writeFileSync(join(dir, 'index.html'), '<!doctype html><title>thidua</title><div id="root"></div>');
    writeFileSync(join(dir, 'assets', 'index-abc123.js'), 'console.log(1)');
    writeFileSync(join(dir, 'assets', 'index-abc123.js.br'), brotliCompressSync('console.log(1)'));
    writeFileSync(join(dir, 'assets', 'index-abc123.js.gz'), gzipSync('console.log(1)'));
    database = await createTestDatabase();
    app = await createApp({ dataSourceOptions: database.options, webDistDir: dir });
  });
  afterAll(async () => {
    await app?.close();
    await database?.dispose();
    rmSync(dir, { recursive: true, force: true });
  });

  it('serves the page at / and for a deep link, never cached', async () => {
    for (const path of ['/', '/m/7d0c7f4e-0d8c-4c3f-9d38-2f3f7c0c9e11', '/meetings/x/projector', '/verify']) {
      const res = await request(app.getHttpServer()).get(path).set('accept', 'text/html');
      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toMatch(/^text\/html/);
      expect(res.headers['cache-control']).toBe('no-cache');
      expect(res.text).toContain('<div id="root">');
    }
  });

  it('serves hashed assets for a year, with the security headers', async () => {
    const res = await request(app.getHttpServer()).get('/assets/index-abc123.js');
    expect(res.status).toBe(200);
    expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(res.headers['content-security-policy']).toContain("default-src 'self'");
  });

  it('sends the precompressed asset the browser accepts, else the file as it is', async () => {
    const server = app.getHttpServer();
    const br = await request(server).get('/assets/index-abc123.js').set('accept-encoding', 'gzip, deflate, br');
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.text).toBe('console.log(1)');
    const gzip = await request(server).get('/assets/index-abc123.js').set('accept-encoding', 'gzip');
    expect(gzip.headers['content-encoding']).toBe('gzip');
    const plain = await request(server).get('/assets/index-abc123.js').set('accept-encoding', 'identity');
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.text).toBe('console.log(1)');
  });

  it('keeps unknown service paths and non-page requests as 404 problems', async () => {
    for (const [path, accept] of [
      ['/api/v1/no-such-route', 'text/html'],
      ['/docs/nothing-here', 'text/html'],
      ['/assets/missing.js', '*/*'],
      ['/m/some-meeting', 'application/json'],
      ['/not-a-page-of-the-app', 'text/html'],
    ]) {
      const res = await request(app.getHttpServer()).get(path).set('accept', accept);
      expect(res.status).toBe(404);
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    }
    const health = await request(app.getHttpServer()).get('/health').set('accept', 'text/html');
    expect(health.status).toBe(200);
    expect(health.body.status).toBe('ok');
  });
});

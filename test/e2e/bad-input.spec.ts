import type { Server } from 'node:http';
import { connect, type AddressInfo } from 'node:net';
import { MAX_JSON_DEPTH } from '../../src/common/http/json-body-parser';
import { MAX_PAGE } from '../../src/common/pagination/page-query.dto';
import { API, CapturedLog, createTestApp, DEMO_PASSWORD, type TestApp } from '../utils/test-app';
import { expectProblemDocument } from '../utils/problems';

/** `depth` arrays inside one another around `inner`, as JSON text. */
function nested(depth: number, inner = '1'): string {
  return `${'['.repeat(depth)}${inner}${']'.repeat(depth)}`;
}

/** Bytes written straight to the socket, for what no HTTP client would send; the answer as text. */
async function rawExchange(server: Server, bytes: string): Promise<string> {
  if (!server.listening) await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return new Promise((resolve) => {
    let answer = '';
    const socket = connect(port, '127.0.0.1', () => socket.write(bytes));
    socket.setEncoding('utf8');
    socket.on('data', (chunk: string) => (answer += chunk));
    // The server closes the connection after the answer; a reset after it is not a failure here.
    socket.on('error', () => undefined);
    socket.on('close', () => resolve(answer));
  });
}

function parseRawAnswer(answer: string): { status: number; headers: Record<string, string>; body: unknown } {
  const [head, body] = answer.split('\r\n\r\n');
  const [statusLine, ...headerLines] = head.split('\r\n');
  const headers = Object.fromEntries(
    headerLines.map((line) => [
      line.slice(0, line.indexOf(':')).toLowerCase(),
      line.slice(line.indexOf(':') + 1).trim(),
    ]),
  );
  return { status: Number(statusLine.split(' ')[1]), headers, body: JSON.parse(body) };
}

describe('bad input', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  const postLogin = () => t.http.post(`${API}/auth/login`);

  it('refuses a malformed JSON body: 400 malformed_json', async () => {
    const res = await postLogin().set('Content-Type', 'application/json').send('{"email": "thuky1@thidua.local",');

    expectProblemDocument(res, 400, 'malformed_json');
    expect(res.body.instance).toBe(`${API}/auth/login`);
  });

  it('refuses a body over 1 MiB: 413 payload_too_large', async () => {
    const body = JSON.stringify({ email: 'thuky1@thidua.local', password: 'x'.repeat(1024 * 1024) });

    expectProblemDocument(
      await postLogin().set('Content-Type', 'application/json').send(body),
      413,
      'payload_too_large',
    );
  });

  it('answers an unknown route with 404 route_not_found', async () => {
    const res = await t.http.get(`${API}/no-such-thing`).set('Authorization', await t.bearer('thuky1@thidua.local'));

    expectProblemDocument(res, 404, 'route_not_found');
    expect(res.body.instance).toBe(`${API}/no-such-thing`);
  });

  it('answers an unknown route with 404 even without a token', async () => {
    expectProblemDocument(await t.http.get('/no-such-thing'), 404, 'route_not_found');
  });

  // The API speaks JSON only: the text/plain parser Fastify has by default is removed.
  it('refuses a login sent as text/plain: 415 unsupported_media_type, never a 500', async () => {
    const res = await postLogin()
      .set('Content-Type', 'text/plain')
      .send(JSON.stringify({ email: 'thuky1@thidua.local', password: DEMO_PASSWORD }));

    expectProblemDocument(res, 415, 'unsupported_media_type');
  });

  it('refuses a body of a media type it does not parse: 415 unsupported_media_type', async () => {
    const res = await postLogin()
      .set('Content-Type', 'application/xml')
      .send('<login><email>thuky1@thidua.local</email></login>');

    expectProblemDocument(res, 415, 'unsupported_media_type');
  });

  it('documents GET /clusters/{id} in /docs-json, and refuses a non-UUID id there: 400 invalid_identifier', async () => {
    const docs = await t.http.get('/docs-json');
    expect(docs.status).toBe(200);
    expect(Object.keys(docs.body.paths)).toContain(`${API}/clusters/{id}`);

    const res = await t.http
      .get(`${API}/clusters/not-a-uuid`)
      .set('Authorization', await t.bearer('thuky1@thidua.local'));

    expectProblemDocument(res, 400, 'invalid_identifier');
  });

  it('answers every error with an x-request-id and echoes the one the caller sent', async () => {
    const res = await t.http.get(`${API}/me`).set('x-request-id', 'client-trace-42');

    expectProblemDocument(res, 401, 'access_token_missing');
    expect(res.headers['x-request-id']).toBe('client-trace-42');
    expect(res.body.requestId).toBe('client-trace-42');
  });

  it('replaces an unusable incoming x-request-id with its own', async () => {
    const res = await t.http.get(`${API}/me`).set('x-request-id', 'has spaces and <angle brackets>');

    expect(res.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    expect(res.body.requestId).toBe(res.headers['x-request-id']);
  });

  it('gives successful answers an x-request-id too', async () => {
    const res = await t.http.get('/health').set('x-request-id', 'health-probe-1');

    expect(res.status).toBe(200);
    expect(res.headers['x-request-id']).toBe('health-probe-1');
  });

  describe('JSON nested deeper than the parser allows', () => {
    it(`refuses a burst of bodies thousands of levels deep at parse time, on public and protected routes, and /health stays 200`, async () => {
      const deepArray = nested(5000);
      const deepObject = `${'{"a":'.repeat(5000)}1${'}'.repeat(5000)}`;
      const burst = await Promise.all(
        Array.from({ length: 20 }, (_, i) =>
          t.http
            .post(i % 2 === 0 ? `${API}/auth/login` : `${API}/clusters`)
            .set('Content-Type', 'application/json')
            .send(i % 4 < 2 ? deepArray : deepObject),
        ),
      );
      for (const res of burst) {
        expectProblemDocument(res, 400, 'payload_too_deep');
        expect(res.body.maxDepth).toBe(MAX_JSON_DEPTH);
      }

      expect((await t.http.get('/health')).status).toBe(200);
    });

    it(`parses a body ${MAX_JSON_DEPTH} levels deep and leaves it to validation; one level more is payload_too_deep`, async () => {
      const withLogin = (inner: string) =>
        postLogin().set('Content-Type', 'application/json').send(`{"email":"thuky1@thidua.local","password":${inner}}`);

      expectProblemDocument(await withLogin(nested(MAX_JSON_DEPTH - 1)), 400, 'validation_failed');
      expectProblemDocument(await withLogin(nested(MAX_JSON_DEPTH)), 400, 'payload_too_deep');
    });

    it('does not count brackets inside strings, and still logs in', async () => {
      const res = await postLogin()
        .set('Content-Type', 'application/json')
        .send(JSON.stringify({ email: 'thuky1@thidua.local', password: DEMO_PASSWORD, x: '['.repeat(5000) }));

      // The unknown field is refused by validation, not by the depth check.
      expectProblemDocument(res, 400, 'validation_failed');
      const ok = await postLogin()
        .set('Content-Type', 'application/json')
        .send(`{"email":"thuky1@thidua.local","password":"${DEMO_PASSWORD}"}`);
      expect(ok.status).toBe(200);
    });

    it('answers an empty JSON body with 400 malformed_json', async () => {
      expectProblemDocument(await postLogin().set('Content-Type', 'application/json').send(''), 400, 'malformed_json');
    });
  });

  describe('the NUL character', () => {
    it('refuses it in a query parameter: 400 invalid_text, not a database error', async () => {
      const res = await t.http.get(`${API}/clusters?q=%00`).set('Authorization', await t.bearer('thuky1@thidua.local'));

      expectProblemDocument(res, 400, 'invalid_text');
      const clean = await t.http.get(`${API}/clusters?q=a`).set('Authorization', await t.bearer('thuky1@thidua.local'));
      expect(clean.status).toBe(200);
    });

    it('refuses it in a path parameter and in a query parameter name', async () => {
      const bearer = await t.bearer('thuky1@thidua.local');

      expectProblemDocument(await t.http.get(`${API}/clusters/%00`).set('Authorization', bearer), 400, 'invalid_text');
      expectProblemDocument(
        await t.http.get(`${API}/clusters?%00=1`).set('Authorization', bearer),
        400,
        'invalid_text',
      );
    });

    it('refuses it escaped in a JSON body (\\u0000), before anything reaches the database', async () => {
      const res = await postLogin()
        .set('Content-Type', 'application/json')
        .send('{"email":"thuky1@thidua.local\\u0000","password":"x"}');

      expectProblemDocument(res, 400, 'invalid_text');
    });

    it('takes an escaped backslash followed by the letters u0000 as the text it is', async () => {
      const res = await postLogin()
        .set('Content-Type', 'application/json')
        .send('{"email":"thuky1@thidua.local","password":"\\\\u0000"}');

      expectProblemDocument(res, 401, 'invalid_credentials');
    });
  });

  describe("Fastify's own errors", () => {
    it('answers a malformed percent-encoding in the path with 400 malformed_url', async () => {
      const res = await t.http.get(`${API}/clusters/%E0%A4%A`);

      expectProblemDocument(res, 400, 'malformed_url');
      expect(res.headers['x-content-type-options']).toBe('nosniff');
    });

    it('answers an over-long path parameter with 414 uri_too_long', async () => {
      expectProblemDocument(await t.http.get(`${API}/clusters/${'a'.repeat(500)}`), 414, 'uri_too_long');
    });

    it('answers bytes that are not HTTP with 400 malformed_request as problem+json', async () => {
      const answer = parseRawAnswer(await rawExchange(t.app.getHttpServer(), 'HELLO THERE\r\n\r\n'));

      expect(answer.status).toBe(400);
      expect(answer.headers['content-type']).toBe('application/problem+json');
      expect(answer.body).toEqual(
        expect.objectContaining({ status: 400, code: 'malformed_request', requestId: answer.headers['x-request-id'] }),
      );
    });

    it('answers headers over the size limit with 431 headers_too_large as problem+json', async () => {
      const request = `GET /health HTTP/1.1\r\nHost: localhost\r\nX-Big: ${'a'.repeat(64 * 1024)}\r\n\r\n`;
      const answer = parseRawAnswer(await rawExchange(t.app.getHttpServer(), request));

      expect(answer.status).toBe(431);
      expect(answer.headers['content-type']).toBe('application/problem+json');
      expect(answer.body).toEqual(expect.objectContaining({ status: 431, code: 'headers_too_large' }));
    });
  });

  describe('page bounds', () => {
    it('refuses a page number past the largest page: 400 validation_failed naming page', async () => {
      const res = await t.http
        .get(`${API}/clusters?page=99999999999999999999999`)
        .set('Authorization', await t.bearer('thuky1@thidua.local'));

      expectProblemDocument(res, 400, 'validation_failed');
      expect(res.body.errors).toEqual([expect.objectContaining({ field: 'page' })]);
    });

    it('refuses a page size over the maximum and a fractional page', async () => {
      const bearer = await t.bearer('thuky1@thidua.local');

      expectProblemDocument(
        await t.http.get(`${API}/clusters?pageSize=101`).set('Authorization', bearer),
        400,
        'validation_failed',
      );
      expectProblemDocument(
        await t.http.get(`${API}/clusters?page=1.5`).set('Authorization', bearer),
        400,
        'validation_failed',
      );
    });

    it('answers the largest page number allowed with an empty page', async () => {
      const res = await t.http
        .get(`${API}/clusters?page=${MAX_PAGE}`)
        .set('Authorization', await t.bearer('thuky1@thidua.local'));

      expect(res.status).toBe(200);
      expect(res.body).toEqual(expect.objectContaining({ items: [], page: MAX_PAGE }));
    });
  });
});

describe('what the log keeps', () => {
  let t: TestApp;
  const log = new CapturedLog();
  beforeAll(async () => {
    t = await createTestApp({ log: { destination: log, level: 'info' } });
  });
  afterAll(() => t.close());

  const requestLines = () => log.lines.filter((line) => line.msg === 'request completed');

  it('writes no request line for /health, and one for an API request', async () => {
    expect((await t.http.get('/health').set('x-request-id', 'probe-health-1')).status).toBe(200);
    expect((await t.http.get('/health?probe=kubelet').set('x-request-id', 'probe-health-2')).status).toBe(200);
    expect((await t.http.get(`${API}/me`).set('x-request-id', 'me-no-token')).status).toBe(401);

    const ids = requestLines().map((line) => (line.req as { id: string }).id);
    expect(ids).toContain('me-no-token');
    expect(ids).not.toContain('probe-health-1');
    expect(ids).not.toContain('probe-health-2');
  });

  it('keeps request bodies and hostile text out of the log, and logs no error for them', async () => {
    const marker = 'secret-marker-7d1f';
    await t.http
      .post(`${API}/auth/login`)
      .set('Content-Type', 'application/json')
      .send(nested(5000, `"${marker}"`));
    await t.http
      .post(`${API}/auth/login`)
      .set('Content-Type', 'application/json')
      .send(`{"email":"${marker}\\u0000","password":"${marker}"}`);
    await t.http.get(`${API}/clusters?q=%00`).set('Authorization', await t.bearer('thuky1@thidua.local'));

    expect(log.text.join('')).not.toContain(marker);
    expect(log.lines.filter((line) => line.msg === 'Unhandled error')).toEqual([]);
  });
});

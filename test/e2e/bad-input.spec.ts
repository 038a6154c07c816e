import type { Response } from 'supertest';
import { API, createTestApp, DEMO_PASSWORD, type TestApp } from '../utils/test-app';

/** Every error of the API, whatever produced it, has the same RFC 9457 shape. */
function expectProblem(res: Response, status: number, code: string): void {
  expect(res.status).toBe(status);
  expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
  expect(res.headers['x-request-id']).toEqual(expect.any(String));
  expect(res.body).toEqual(
    expect.objectContaining({
      type: `urn:thidua:problem:${code}`,
      title: expect.any(String),
      status,
      code,
      instance: expect.stringMatching(/^\//),
      requestId: res.headers['x-request-id'],
    }),
  );
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

    expectProblem(res, 400, 'malformed_json');
    expect(res.body.instance).toBe(`${API}/auth/login`);
  });

  it('refuses a body over 1 MiB: 413 payload_too_large', async () => {
    const body = JSON.stringify({ email: 'thuky1@thidua.local', password: 'x'.repeat(1024 * 1024) });

    expectProblem(await postLogin().set('Content-Type', 'application/json').send(body), 413, 'payload_too_large');
  });

  it('answers an unknown route with 404 route_not_found', async () => {
    const res = await t.http.get(`${API}/no-such-thing`).set('Authorization', await t.bearer('thuky1@thidua.local'));

    expectProblem(res, 404, 'route_not_found');
    expect(res.body.instance).toBe(`${API}/no-such-thing`);
  });

  it('answers an unknown route with 404 even without a token', async () => {
    expectProblem(await t.http.get('/no-such-thing'), 404, 'route_not_found');
  });

  // The API speaks JSON only: the text/plain parser Fastify has by default is removed.
  it('refuses a login sent as text/plain: 415 unsupported_media_type, never a 500', async () => {
    const res = await postLogin()
      .set('Content-Type', 'text/plain')
      .send(JSON.stringify({ email: 'thuky1@thidua.local', password: DEMO_PASSWORD }));

    expectProblem(res, 415, 'unsupported_media_type');
  });

  it('refuses a body of a media type it does not parse: 415 unsupported_media_type', async () => {
    const res = await postLogin()
      .set('Content-Type', 'application/xml')
      .send('<login><email>thuky1@thidua.local</email></login>');

    expectProblem(res, 415, 'unsupported_media_type');
  });

  it('documents GET /clusters/{id} in /docs-json, and refuses a non-UUID id there: 400 invalid_identifier', async () => {
    const docs = await t.http.get('/docs-json');
    expect(docs.status).toBe(200);
    expect(Object.keys(docs.body.paths)).toContain(`${API}/clusters/{id}`);

    const res = await t.http
      .get(`${API}/clusters/not-a-uuid`)
      .set('Authorization', await t.bearer('thuky1@thidua.local'));

    expectProblem(res, 400, 'invalid_identifier');
  });

  it('answers every error with an x-request-id and echoes the one the caller sent', async () => {
    const res = await t.http.get(`${API}/me`).set('x-request-id', 'client-trace-42');

    expectProblem(res, 401, 'access_token_missing');
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
});

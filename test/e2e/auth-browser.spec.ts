import type { Response } from 'supertest';
import { API, createTestApp, DEMO_PASSWORD, type TestApp } from '../utils/test-app';

/** The browser's session: refresh token in an HttpOnly cookie, access token in the body, CSRF double submit. */
describe('browser sessions (/auth/browser/*)', () => {
  let t: TestApp;
  const email = 'chutich.son-la@thidua.local';

  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => t?.close());

  function cookiesOf(res: Response): Record<string, string> {
    const raw = ([] as string[]).concat(res.headers['set-cookie'] ?? []);
    return Object.fromEntries(raw.map((line) => [line.split('=')[0], line]));
  }
  const valueOf = (line: string) => line.split(';')[0].split('=').slice(1).join('=');

  async function signIn() {
    const res = await t.http.post(`${API}/auth/browser/login`).send({ email, password: DEMO_PASSWORD });
    expect(res.status).toBe(200);
    const cookies = cookiesOf(res);
    return {
      res,
      refresh: valueOf(cookies.thidua_refresh),
      csrf: valueOf(cookies.thidua_csrf),
      cookieHeader: `thidua_refresh=${valueOf(cookies.thidua_refresh)}; thidua_csrf=${valueOf(cookies.thidua_csrf)}`,
    };
  }

  it('signs in with the refresh token in an HttpOnly, Secure, SameSite=Strict cookie limited to /api/v1/auth', async () => {
    const { res, csrf } = await signIn();
    expect(res.body).toEqual({
      tokenType: 'Bearer',
      accessToken: expect.any(String),
      accessTokenExpiresAt: expect.any(String),
      refreshTokenExpiresAt: expect.any(String),
      csrfToken: csrf,
    });
    expect(res.body.refreshToken).toBeUndefined();
    const cookies = cookiesOf(res);
    expect(cookies.thidua_refresh).toMatch(/HttpOnly/);
    expect(cookies.thidua_refresh).toMatch(/Secure/);
    expect(cookies.thidua_refresh).toMatch(/SameSite=Strict/);
    expect(cookies.thidua_refresh).toMatch(/Path=\/api\/v1\/auth(;|$)/);
    expect(cookies.thidua_csrf).not.toMatch(/HttpOnly/);
    expect(cookies.thidua_csrf).toMatch(/SameSite=Strict/);
    const me = await t.http.get(`${API}/me`).set('Authorization', `Bearer ${res.body.accessToken}`);
    expect(me.status).toBe(200);
    expect(me.body.user.email).toBe(email);
  });

  it('refreshes silently from the cookie with the CSRF token, rotating both; a reused cookie ends the session', async () => {
    const first = await signIn();
    const refreshed = await t.http
      .post(`${API}/auth/browser/refresh`)
      .set('Cookie', first.cookieHeader)
      .set('X-CSRF-Token', first.csrf);
    expect(refreshed.status).toBe(200);
    const rotated = cookiesOf(refreshed);
    expect(valueOf(rotated.thidua_refresh)).not.toBe(first.refresh);
    expect(refreshed.body.csrfToken).not.toBe(first.csrf);

    // The old cookie again (a copy): the whole session ends, the new access token with it.
    const replay = await t.http
      .post(`${API}/auth/browser/refresh`)
      .set('Cookie', first.cookieHeader)
      .set('X-CSRF-Token', first.csrf);
    expect(replay.status).toBe(401);
    expect(replay.body.code).toBe('refresh_token_reused');
    const me = await t.http.get(`${API}/me`).set('Authorization', `Bearer ${refreshed.body.accessToken}`);
    expect(me.status).toBe(401);
  });

  it('refuses a cookie route without the matching CSRF token, or without the cookie', async () => {
    const { cookieHeader } = await signIn();
    for (const header of [undefined, 'not-the-token']) {
      const req = t.http.post(`${API}/auth/browser/refresh`).set('Cookie', cookieHeader);
      const res = header ? await req.set('X-CSRF-Token', header) : await req;
      expect(res.status).toBe(403);
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(res.body.code).toBe('csrf_token_invalid');
    }
    const none = await t.http.post(`${API}/auth/browser/refresh`).set('X-CSRF-Token', 'x');
    expect(none.status).toBe(401);
    expect(none.body.code).toBe('refresh_cookie_missing');
    const logout = await t.http.post(`${API}/auth/browser/logout`).set('Cookie', cookieHeader);
    expect(logout.status).toBe(403);
  });

  it('signs out: the session ends and the cookies are cleared', async () => {
    const { res, cookieHeader, csrf } = await signIn();
    const out = await t.http.post(`${API}/auth/browser/logout`).set('Cookie', cookieHeader).set('X-CSRF-Token', csrf);
    expect(out.status).toBe(204);
    const cleared = cookiesOf(out);
    expect(cleared.thidua_refresh).toMatch(/Expires=Thu, 01 Jan 1970/);
    expect(cleared.thidua_csrf).toMatch(/Expires=Thu, 01 Jan 1970/);
    const me = await t.http.get(`${API}/me`).set('Authorization', `Bearer ${res.body.accessToken}`);
    expect(me.status).toBe(401);
  });

  it('signs out everywhere: every session of the person ends, another person’s does not', async () => {
    const browser = await signIn();
    const other = await t.login(email);
    const stranger = await t.login('chutich.lai-chau@thidua.local');
    const everywhere = await t.http
      .post(`${API}/auth/logout-everywhere`)
      .set('Authorization', `Bearer ${other.accessToken}`);
    expect(everywhere.status).toBe(200);
    expect(everywhere.body.sessionsEnded).toBeGreaterThanOrEqual(2);
    for (const token of [browser.res.body.accessToken, other.accessToken]) {
      expect((await t.http.get(`${API}/me`).set('Authorization', `Bearer ${token}`)).status).toBe(401);
    }
    const refused = await t.http
      .post(`${API}/auth/browser/refresh`)
      .set('Cookie', browser.cookieHeader)
      .set('X-CSRF-Token', browser.csrf);
    expect(refused.status).toBe(401);
    expect((await t.http.get(`${API}/me`).set('Authorization', `Bearer ${stranger.accessToken}`)).status).toBe(200);
  });
});

import { API, createTestApp, type TestApp } from '../utils/test-app';

describe('smoke', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('logs in a demo secretariat member and reads /me', async () => {
    const auth = await t.bearer('thuky1@thidua.local');
    const me = await t.http.get(`${API}/me`).set('Authorization', auth);
    expect(me.status).toBe(200);
    expect(me.body.user.email).toBe('thuky1@thidua.local');
    expect(me.body.mandates[0].role).toBe('secretariat');
    expect(me.body.mandates[0].cluster.code).toBe('bien-gioi-phia-bac');
    expect(me.body.permissions).toContain('memberships.manage');
  });

  it('serves health', async () => {
    const res = await t.http.get('/health');
    expect(res.status).toBe(200);
    expect(res.body.info.database.status).toBe('up');
  });

  it('sends the security headers on answers and on problems alike', async () => {
    for (const res of [await t.http.get('/health'), await t.http.get('/api/v1/nowhere')]) {
      expect(res.headers['content-security-policy']).toContain("default-src 'self'");
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(res.headers['strict-transport-security']).toContain('max-age=');
      expect(res.headers['x-frame-options']).toBe('SAMEORIGIN');
      expect(res.headers['x-request-id']).toEqual(expect.any(String));
    }
  });
});

import { createHash } from 'node:crypto';
import { decode, sign } from 'jsonwebtoken';
import { API, createTestApp, DEMO_PASSWORD, type TestApp } from '../utils/test-app';
import { expectProblem } from '../utils/problems';

/** The session an access token belongs to, as the API put it in the token. */
function claimsOf(accessToken: string): { sub: string; sid: string } {
  return decode(accessToken) as { sub: string; sid: string };
}

describe('auth', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  const login = (body: unknown) => t.http.post(`${API}/auth/login`).send(body as object);
  const refresh = (refreshToken: string) => t.http.post(`${API}/auth/refresh`).send({ refreshToken });
  const logout = (refreshToken: string) => t.http.post(`${API}/auth/logout`).send({ refreshToken });
  const me = (accessToken?: string) => {
    const req = t.http.get(`${API}/me`);
    return accessToken === undefined ? req : req.set('Authorization', `Bearer ${accessToken}`);
  };

  describe('login', () => {
    it('returns a bearer access token, a refresh token and when each expires', async () => {
      const res = await login({ email: 'thuky1@thidua.local', password: DEMO_PASSWORD });

      expect(res.status).toBe(200);
      expect(res.body).toEqual({
        tokenType: 'Bearer',
        accessToken: expect.stringMatching(/^[\w-]+\.[\w-]+\.[\w-]+$/),
        accessTokenExpiresAt: expect.any(String),
        refreshToken: expect.any(String),
        refreshTokenExpiresAt: expect.any(String),
      });
      const accessExpires = Date.parse(res.body.accessTokenExpiresAt);
      const refreshExpires = Date.parse(res.body.refreshTokenExpiresAt);
      expect(accessExpires).toBeGreaterThan(Date.now());
      expect(refreshExpires).toBeGreaterThan(accessExpires);
    });

    it('stores the refresh token only as its SHA-256', async () => {
      const { accessToken, refreshToken } = await t.login('thuky2@thidua.local');

      const rows = (await t.dataSource.query('SELECT token_hash FROM refresh_tokens WHERE session_id = $1', [
        claimsOf(accessToken).sid,
      ])) as {
        token_hash: string;
      }[];
      expect(rows).toEqual([{ token_hash: createHash('sha256').update(refreshToken).digest('hex') }]);
    });

    it('accepts the email in any letter case', async () => {
      const res = await login({ email: 'ThuKy1@THIDUA.Local', password: DEMO_PASSWORD });
      expect(res.status).toBe(200);
    });

    it('refuses a wrong password with 401 invalid_credentials as problem+json', async () => {
      const res = await login({ email: 'thuky1@thidua.local', password: 'not-the-password' });
      expectProblem(res, 401, 'invalid_credentials');
    });

    it('answers an unknown email exactly like a wrong password (no account enumeration)', async () => {
      const wrongPassword = await login({ email: 'thuky1@thidua.local', password: 'not-the-password' });
      const unknownEmail = await login({ email: 'nobody@thidua.local', password: 'not-the-password' });

      expectProblem(unknownEmail, 401, 'invalid_credentials');
      const { requestId: _a, ...known } = wrongPassword.body;
      const { requestId: _b, ...unknown } = unknownEmail.body;
      expect(unknown).toEqual(known);
    });

    it.each([
      ['missing fields', {}, ['email', 'password']],
      ['wrong types', { email: 42, password: ['thidua-demo-2011'] }, ['email', 'password']],
      ['an email that is not an email', { email: 'thuky1', password: DEMO_PASSWORD }, ['email']],
      ['an unknown extra field', { email: 'thuky1@thidua.local', password: DEMO_PASSWORD, role: 'admin' }, ['role']],
    ])('refuses %s with 400 validation_failed naming the fields', async (_case, body, fields) => {
      const res = await login(body);

      expectProblem(res, 400, 'validation_failed');
      expect(res.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(fields);
      for (const error of res.body.errors) expect(error.messages.length).toBeGreaterThan(0);
    });
  });

  describe('GET /me', () => {
    it('answers with the person, their mandates and their permissions', async () => {
      const { accessToken } = await t.login('chutich.son-la@thidua.local');
      const res = await me(accessToken);

      expect(res.status).toBe(200);
      expect(res.body.user).toEqual({
        id: claimsOf(accessToken).sub,
        email: 'chutich.son-la@thidua.local',
        fullName: 'Chủ tịch Liên minh HTX Sơn La',
        locale: 'vi',
      });
      expect(res.body.mandates).toEqual([
        expect.objectContaining({
          role: 'head',
          unit: expect.objectContaining({ code: 'son-la' }),
          cluster: null,
          // The unit's cluster today, where the portal works.
          unitClusters: [expect.objectContaining({ code: 'bien-gioi-phia-bac' })],
          validTo: null,
        }),
      ]);
      expect(res.body.permissions).toEqual(
        expect.arrayContaining(['self.read', 'mandates.read', 'users.read', 'mandates.manage', 'units.manage']),
      );
      expect(res.body.permissions).not.toContain('memberships.manage');
    });

    it('shows a secretariat mandate scoped to the cluster', async () => {
      const res = await me((await t.login('thuky2@thidua.local')).accessToken);

      expect(res.status).toBe(200);
      expect(res.body.mandates).toEqual([
        expect.objectContaining({
          role: 'secretariat',
          unit: null,
          cluster: expect.objectContaining({ code: 'bien-gioi-phia-bac' }),
          unitClusters: [],
        }),
      ]);
      expect(res.body.permissions).toContain('memberships.manage');
      expect(res.body.permissions).not.toContain('mandates.manage');
    });

    it('refuses a request without a token: 401 access_token_missing', async () => {
      expectProblem(await me(), 401, 'access_token_missing');
    });

    it('refuses a garbage token: 401 access_token_invalid', async () => {
      expectProblem(await me('garbage'), 401, 'access_token_invalid');
    });

    it('refuses a token signed with another secret: 401 access_token_invalid', async () => {
      const { accessToken } = await t.login('canbo.son-la@thidua.local');
      const { sub, sid } = claimsOf(accessToken);
      const forged = sign({ sub, sid }, 'another-secret-of-the-same-length-0123456789', {
        algorithm: 'HS256',
        expiresIn: 600,
      });

      expectProblem(await me(forged), 401, 'access_token_invalid');
    });

    it('refuses an expired token of a live session: 401 access_token_expired', async () => {
      const { accessToken } = await t.login('canbo.lai-chau@thidua.local');
      const { sub, sid } = claimsOf(accessToken);
      const past = Math.floor(Date.now() / 1000) - 3600;
      const expired = sign({ sub, sid, iat: past - 900, exp: past }, process.env.JWT_ACCESS_SECRET!, {
        algorithm: 'HS256',
      });

      expectProblem(await me(expired), 401, 'access_token_expired');
      // The session itself is fine: the token the login gave still works.
      expect((await me(accessToken)).status).toBe(200);
    });
  });

  describe('refresh', () => {
    it('rotates: the new refresh token works, the spent one is refused', async () => {
      const first = await t.login('canbo.dien-bien@thidua.local');

      const rotated = await refresh(first.refreshToken);
      expect(rotated.status).toBe(200);
      expect(rotated.body.refreshToken).not.toBe(first.refreshToken);
      expect(claimsOf(rotated.body.accessToken).sid).toBe(claimsOf(first.accessToken).sid);
      expect((await me(rotated.body.accessToken)).status).toBe(200);

      expect((await refresh(rotated.body.refreshToken)).status).toBe(200);
      expectProblem(await refresh(first.refreshToken), 401, 'refresh_token_reused');
    });

    it('ends the whole session when a spent refresh token is replayed', async () => {
      const first = await t.login('canbo.ha-giang@thidua.local');
      const rotated = (await refresh(first.refreshToken)).body as { accessToken: string; refreshToken: string };

      expectProblem(await refresh(first.refreshToken), 401, 'refresh_token_reused');

      // The thief or the owner, whoever holds the newer token, must sign in again.
      expectProblem(await refresh(rotated.refreshToken), 401, 'session_revoked');
      expectProblem(await me(rotated.accessToken), 401, 'session_revoked');
      expectProblem(await me(first.accessToken), 401, 'session_revoked');
      const [session] = (await t.dataSource.query(
        'SELECT revoked_at, revoked_reason FROM auth_sessions WHERE id = $1',
        [claimsOf(first.accessToken).sid],
      )) as { revoked_at: Date | null; revoked_reason: string }[];
      expect(session.revoked_at).not.toBeNull();
      expect(session.revoked_reason).toBe('refresh_token_reused');
    });

    it('refuses an unknown refresh token: 401 refresh_token_invalid', async () => {
      expectProblem(await refresh('x'.repeat(43)), 401, 'refresh_token_invalid');
    });

    it('refuses a body without a refresh token: 400 validation_failed', async () => {
      const res = await t.http.post(`${API}/auth/refresh`).send({});
      expectProblem(res, 400, 'validation_failed');
      expect(res.body.errors.map((e: { field: string }) => e.field)).toEqual(['refreshToken']);
    });
  });

  describe('logout', () => {
    it('answers 204 and ends the session: its access and refresh tokens are refused', async () => {
      const { accessToken, refreshToken } = await t.login('canbo.lao-cai@thidua.local');
      expect((await me(accessToken)).status).toBe(200);

      const res = await logout(refreshToken);

      expect(res.status).toBe(204);
      expect(res.text).toBe('');
      expectProblem(await me(accessToken), 401, 'session_revoked');
      expectProblem(await refresh(refreshToken), 401, 'session_revoked');
    });

    it('answers 204 to an unknown refresh token', async () => {
      expect((await logout('y'.repeat(43))).status).toBe(204);
    });

    it('ends only that session, not the other sessions of the same person', async () => {
      const a = await t.login('canbo.cao-bang@thidua.local');
      const b = await t.login('canbo.cao-bang@thidua.local');

      expect((await logout(a.refreshToken)).status).toBe(204);
      expectProblem(await me(a.accessToken), 401, 'session_revoked');
      expect((await me(b.accessToken)).status).toBe(200);
      expect((await refresh(b.refreshToken)).status).toBe(200);
    });
  });

  describe('a disabled account', () => {
    const email = 'daibieu.lang-son@thidua.local';

    it('cannot sign in, and the tokens it already holds stop working', async () => {
      const before = await t.login(email);
      await t.dataSource.query('UPDATE users SET is_active = false WHERE email = $1', [email]);

      expectProblem(await login({ email, password: DEMO_PASSWORD }), 401, 'account_disabled');
      expectProblem(await me(before.accessToken), 401, 'account_disabled');
      expectProblem(await refresh(before.refreshToken), 401, 'account_disabled');
      // A wrong password still says only that the credentials are wrong.
      expectProblem(await login({ email, password: 'not-the-password' }), 401, 'invalid_credentials');
    });
  });
});

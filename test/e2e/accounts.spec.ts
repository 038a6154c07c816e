// Budgets for this file only, set before the app (and its config) is loaded; test-env.ts assigns
// its defaults with ??=. TRUST_PROXY lets each request say its client address (X-Forwarded-For).
process.env.LOGIN_FAILURES_PER_ADDRESS = '5';
process.env.LOGIN_FAILURES_PER_ACCOUNT = '8';
process.env.LOGIN_LIMIT_PER_IP = '10000';
process.env.TRUST_PROXY = 'true';

import { API, createTestApp, DEMO_PASSWORD, type TestApp } from '../utils/test-app';
import { expectProblem } from '../utils/problems';

describe('accounts', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => {
    await t.close();
    delete process.env.TRUST_PROXY;
  });

  const login = (email: string, password: string, from: string, extra: Record<string, unknown> = {}) =>
    t.http
      .post(`${API}/auth/login`)
      .set('X-Forwarded-For', from)
      .send({ email, password, ...extra });
  const me = (accessToken: string) => t.http.get(`${API}/me`).set('Authorization', `Bearer ${accessToken}`);
  const refresh = (refreshToken: string) => t.http.post(`${API}/auth/refresh`).send({ refreshToken });
  const changePassword = (accessToken: string, body: object, from = '198.51.100.1') =>
    t.http
      .post(`${API}/me/password`)
      .set('Authorization', `Bearer ${accessToken}`)
      .set('X-Forwarded-For', from)
      .send(body);

  describe('wrong-password budgets', () => {
    it("a stranger's wrong passwords from one address do not stop the owner signing in from another", async () => {
      const victim = 'canbo.son-la@thidua.local';
      for (let attempt = 1; attempt <= 5; attempt++) {
        expectProblem(await login(victim, `guess-${attempt}`, '203.0.113.7'), 401, 'invalid_credentials');
      }

      const owner = await login(victim, DEMO_PASSWORD, '198.51.100.20');
      expect(owner.status).toBe(200);

      // The attacker's address is locked for this account, even with the right password.
      const attacker = await login(victim, DEMO_PASSWORD, '203.0.113.7');
      expectProblem(attacker, 429, 'too_many_requests');
      expect(Number(attacker.headers['retry-after'])).toBeGreaterThan(0);
      expect(attacker.body.retryAfterSeconds).toBe(Number(attacker.headers['retry-after']));
      // The same address may still sign in to other accounts: the lock is for the pair.
      expect((await login('chutich.son-la@thidua.local', DEMO_PASSWORD, '203.0.113.7')).status).toBe(200);
    });

    it("the owner's correct password forgets that address's failures", async () => {
      const email = 'canbo.lai-chau@thidua.local';
      for (let attempt = 1; attempt <= 4; attempt++) await login(email, `typo-${attempt}`, '198.51.100.30');
      expect((await login(email, DEMO_PASSWORD, '198.51.100.30')).status).toBe(200);
      for (let attempt = 1; attempt <= 4; attempt++) {
        expectProblem(await login(email, `typo-again-${attempt}`, '198.51.100.30'), 401, 'invalid_credentials');
      }
      expect((await login(email, DEMO_PASSWORD, '198.51.100.30')).status).toBe(200);
    });

    it('many addresses together make unknown addresses wait, but not the address the owner uses', async () => {
      const email = 'canbo.dien-bien@thidua.local';
      expect((await login(email, DEMO_PASSWORD, '198.51.100.40')).status).toBe(200);
      // 8 failures from 4 addresses: each pair is within its budget, the account's is spent.
      for (let n = 0; n < 8; n++) await login(email, `spray-${n}`, `203.0.113.${100 + (n % 4)}`);

      const stranger = await login(email, DEMO_PASSWORD, '203.0.113.200');
      expectProblem(stranger, 429, 'too_many_requests');
      expect(Number(stranger.headers['retry-after'])).toBeGreaterThan(0);
      // The owner's usual address is known: the account-wide delay does not apply to it.
      expect((await login(email, DEMO_PASSWORD, '198.51.100.40')).status).toBe(200);
    });

    it('counts in PostgreSQL, where every API instance sees the same budgets', async () => {
      await login('canbo.ha-giang@thidua.local', 'wrong-one', '203.0.113.50');
      await login('canbo.ha-giang@thidua.local', 'wrong-two', '203.0.113.50');

      const rows = (await t.dataSource.query(
        `SELECT key, hits FROM throttle_buckets WHERE key LIKE '%canbo.ha-giang@thidua.local%' ORDER BY key`,
      )) as { key: string; hits: number }[];
      expect(rows).toEqual([
        { key: 'login-account:canbo.ha-giang@thidua.local', hits: 2 },
        { key: 'login-pair:canbo.ha-giang@thidua.local|203.0.113.50', hits: 2 },
      ]);
    });
  });

  describe('changing my password', () => {
    it('needs the current password, keeps this session and ends every other one at once', async () => {
      const email = 'chutich.lao-cai@thidua.local';
      const other = (await login(email, DEMO_PASSWORD, '198.51.100.60')).body as {
        accessToken: string;
        refreshToken: string;
      };
      const current = (await login(email, DEMO_PASSWORD, '198.51.100.61')).body as {
        accessToken: string;
        refreshToken: string;
      };

      expectProblem(
        await changePassword(current.accessToken, {
          currentPassword: 'not-it-at-all',
          newPassword: 'núi rừng tây bắc 2012',
        }),
        403,
        'current_password_wrong',
      );
      const changed = await changePassword(current.accessToken, {
        currentPassword: DEMO_PASSWORD,
        newPassword: 'núi rừng tây bắc 2012',
      });
      expect(changed.status).toBe(200);
      expect(changed.body).toEqual({ sessionsEnded: 1 });

      // The other session's access and refresh tokens stop working at once; this one goes on.
      expectProblem(await me(other.accessToken), 401, 'session_revoked');
      expectProblem(await refresh(other.refreshToken), 401, 'session_revoked');
      expect((await me(current.accessToken)).status).toBe(200);
      expect((await refresh(current.refreshToken)).status).toBe(200);
      // The old password is gone, the new one works.
      expectProblem(await login(email, DEMO_PASSWORD, '198.51.100.62'), 401, 'invalid_credentials');
      expect((await login(email, 'núi rừng tây bắc 2012', '198.51.100.62')).status).toBe(200);

      const [entry] = (await t.dataSource.query(
        `SELECT e.actor_id, e.payload FROM ledger_entries e JOIN users u ON u.id::text = e.subject_id
          WHERE u.email = $1 AND e.action = 'users.password_changed'`,
        [email],
      )) as { actor_id: string; payload: Record<string, unknown> }[];
      expect(entry.payload).toEqual({ via: 'self_service', sessionsEnded: 1, afterReset: false });
      expect(JSON.stringify(entry)).not.toContain('tây bắc');
    });

    it.each([
      ['short pass', 'password_too_short'],
      ['qwerty123456', 'password_too_common'],
      ['Password1234', 'password_too_common'],
      ['aaaaaaaaaaaaaaaa', 'password_too_common'],
    ])('refuses the new password %j (%s)', async (newPassword, code) => {
      const { accessToken } = await t.login('daibieu.son-la@thidua.local');
      expectProblem(await changePassword(accessToken, { currentPassword: DEMO_PASSWORD, newPassword }), 400, code);
    });

    it('refuses the current password as the new one', async () => {
      const { accessToken } = await t.login('daibieu.lai-chau@thidua.local');
      expectProblem(
        await changePassword(accessToken, { currentPassword: DEMO_PASSWORD, newPassword: DEMO_PASSWORD }),
        400,
        'password_unchanged',
      );
    });

    it('counts wrong current passwords like wrong sign-ins', async () => {
      const { accessToken } = await t.login('daibieu.dien-bien@thidua.local');
      for (let attempt = 1; attempt <= 5; attempt++) {
        expectProblem(
          await changePassword(
            accessToken,
            { currentPassword: `guess-${attempt}`, newPassword: 'một mật khẩu mới' },
            '203.0.113.9',
          ),
          403,
          'current_password_wrong',
        );
      }
      expectProblem(
        await changePassword(
          accessToken,
          { currentPassword: DEMO_PASSWORD, newPassword: 'một mật khẩu mới' },
          '203.0.113.9',
        ),
        429,
        'too_many_requests',
      );
    });
  });

  describe("an administrator's reset", () => {
    const resetOf = async (actorEmail: string, userId: string, body: object = {}) =>
      t.http
        .post(`${API}/users/${userId}/password-reset`)
        .set('Authorization', await t.bearer(actorEmail))
        .send(body);
    const idOf = async (email: string) =>
      ((await t.dataSource.query('SELECT id FROM users WHERE email = $1', [email])) as { id: string }[])[0].id;

    it('ends every session, gives a temporary password good only for choosing a new one, and is in the ledger', async () => {
      const email = 'chutich.cao-bang@thidua.local';
      const before = (await login(email, DEMO_PASSWORD, '198.51.100.70')).body as {
        accessToken: string;
        refreshToken: string;
      };
      const userId = await idOf(email);

      const reset = await resetOf('admin@thidua.local', userId, { reason: 'forgotten; identity checked by phone' });
      expect(reset.status).toBe(200);
      expect(reset.body).toEqual({
        userId,
        temporaryPassword: expect.stringMatching(/^[\w]{5}(-[\w]{5}){3}$/),
        sessionsEnded: 1,
      });
      const temporary = reset.body.temporaryPassword as string;

      expectProblem(await me(before.accessToken), 401, 'session_revoked');
      expectProblem(await refresh(before.refreshToken), 401, 'session_revoked');
      expectProblem(await login(email, DEMO_PASSWORD, '198.51.100.70'), 401, 'invalid_credentials');
      // The temporary password alone does not sign in.
      expectProblem(await login(email, temporary, '198.51.100.70'), 403, 'password_change_required');
      expectProblem(
        await login(email, temporary, '198.51.100.70', { newPassword: 'short' }),
        400,
        'password_too_short',
      );
      const signedIn = await login(email, temporary, '198.51.100.70', { newPassword: 'cờ thi đua Cao Bằng 2012' });
      expect(signedIn.status).toBe(200);
      expect((await me(signedIn.body.accessToken)).status).toBe(200);
      expect((await login(email, 'cờ thi đua Cao Bằng 2012', '198.51.100.71')).status).toBe(200);

      const entries = (await t.dataSource.query(
        `SELECT e.action, e.actor_id, e.payload FROM ledger_entries e
          WHERE e.subject_id = $1 AND e.action LIKE 'users.password_%' ORDER BY e.seq`,
        [userId],
      )) as { action: string; actor_id: string; payload: Record<string, unknown> }[];
      expect(entries).toEqual([
        {
          action: 'users.password_reset',
          actor_id: await idOf('admin@thidua.local'),
          payload: { sessionsEnded: 1, reason: 'forgotten; identity checked by phone' },
        },
        {
          action: 'users.password_changed',
          actor_id: userId,
          payload: { via: 'sign_in', sessionsEnded: 0, afterReset: true },
        },
      ]);
      expect(JSON.stringify(entries)).not.toContain(temporary);
    });

    it('is refused to a secretariat member, and to an administrator for their own account', async () => {
      expectProblem(
        await resetOf('thuky1@thidua.local', await idOf('canbo.lang-son@thidua.local')),
        403,
        'password_reset_forbidden',
      );
      expectProblem(
        await resetOf('admin@thidua.local', await idOf('admin@thidua.local')),
        403,
        'password_reset_forbidden',
      );
      expectProblem(await resetOf('canbo.lang-son@thidua.local', await idOf('thuky1@thidua.local')), 403, 'forbidden');
    });
  });

  describe('creating an account', () => {
    const create = async (password: string) =>
      t.http
        .post(`${API}/users`)
        .set('Authorization', await t.bearer('admin@thidua.local'))
        .send({ email: `new.${Math.random().toString(36).slice(2)}@thidua.local`, fullName: 'Người mới', password });

    it.each([
      ['elevenchars', 'password_too_short'],
      ['123456789012', 'password_too_common'],
      ['1q2w3e4r5t6y', 'password_too_common'],
    ])('refuses the password %j (%s)', async (password, code) => {
      expectProblem(await create(password), 400, code);
    });

    it('accepts a long uncommon password', async () => {
      expect((await create('ba con sông một dòng chảy')).status).toBe(201);
    });
  });
});

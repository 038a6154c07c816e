// Tight limits for this file only; set before the app (and its config) is loaded. test-env.ts
// assigns the defaults with ??=, so these values survive it.
process.env.LOGIN_FAILURES_PER_ADDRESS = '3';
process.env.LOGIN_LIMIT_PER_IP = '1000';

import { API, createTestApp, DEMO_PASSWORD, type TestApp } from '../utils/test-app';

describe('login throttling', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  const login = (email: string, password: string) => t.http.post(`${API}/auth/login`).send({ email, password });

  const failThreeTimes = async (email: string) => {
    for (let attempt = 1; attempt <= 3; attempt++) {
      const res = await login(email, `wrong-${attempt}`);
      expect({ attempt, status: res.status, code: res.body.code }).toEqual({
        attempt,
        status: 401,
        code: 'invalid_credentials',
      });
    }
  };

  it('blocks an account from this address after 3 wrong passwords, even with the right password, and only that account', async () => {
    await failThreeTimes('canbo.son-la@thidua.local');

    const blocked = await login('canbo.son-la@thidua.local', DEMO_PASSWORD);

    expect(blocked.status).toBe(429);
    expect(blocked.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(blocked.body).toMatchObject({
      status: 429,
      code: 'too_many_requests',
      type: 'urn:thidua:problem:too_many_requests',
    });
    // The same client may still sign in to another account: the budget is per account and address
    // (test/e2e/accounts.spec.ts shows the owner signing in from elsewhere).
    expect((await login('chutich.son-la@thidua.local', DEMO_PASSWORD)).status).toBe(200);
    // Another letter case is the same account, so it is blocked too.
    expect((await login('CANBO.Son-La@thidua.local', DEMO_PASSWORD)).status).toBe(429);
  });

  it('tells the blocked client when to try again (Retry-After)', async () => {
    await failThreeTimes('canbo.dien-bien@thidua.local');

    const blocked = await login('canbo.dien-bien@thidua.local', DEMO_PASSWORD);

    expect(blocked.status).toBe(429);
    expect(Number(blocked.headers['retry-after'])).toBeGreaterThan(0);
  });

  it('keeps the counters in PostgreSQL, where every API instance sees them', async () => {
    const buckets = async () =>
      new Map(
        (
          (await t.dataSource.query('SELECT key, hits FROM throttle_buckets WHERE expires_at > now()')) as {
            key: string;
            hits: number;
          }[]
        ).map((row) => [row.key, Number(row.hits)]),
      );
    const before = await buckets();

    await login('canbo.lai-chau@thidua.local', 'wrong');
    await login('canbo.lai-chau@thidua.local', 'wrong');

    const after = await buckets();
    const added = [...after].filter(([key]) => !before.has(key));
    const grown = [...after].filter(([key, hits]) => before.has(key) && hits !== before.get(key));
    // New failure counters for the account and for the account from this address, and the
    // attempts counter of this client's address grew by two.
    expect(added.map(([key, hits]) => [key.split(':')[0], hits]).sort()).toEqual([
      ['login-account', 2],
      ['login-pair', 2],
    ]);
    expect(grown.map(([key, hits]) => hits - before.get(key)!)).toEqual([2]);
  });
});

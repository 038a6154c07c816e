import { validateEnvironment } from './env.validation';

describe(validateEnvironment.name, () => {
  it('accepts an empty environment (every variable has a default)', () => {
    expect(() => validateEnvironment({})).not.toThrow();
  });

  it('converts numbers and keeps valid values', () => {
    expect(validateEnvironment({ PORT: '8080', DATABASE_URL: 'postgres://u@h:5432/db' })).toMatchObject({ PORT: 8080 });
  });

  it.each([
    [{ PORT: 'abc' }, /PORT/],
    [{ DATABASE_URL: 'mysql://x' }, /DATABASE_URL must be a postgres/],
    [{ JWT_ACCESS_SECRET: 'short' }, /JWT_ACCESS_SECRET must be at least 32 characters/],
    [{ JWT_ACCESS_TTL: 'soon' }, /JWT_ACCESS_TTL/],
    [{ LOG_LEVEL: 'loud' }, /LOG_LEVEL/],
    [{ DEMO_DATA: 'maybe' }, /DEMO_DATA/],
    [{ NODE_ENV: 'production' }, /JWT_ACCESS_SECRET is required when NODE_ENV=production/],
    [{ ADMIN_EMAIL: 'root@example.org' }, /ADMIN_EMAIL and ADMIN_PASSWORD are set together/],
    [{ ADMIN_EMAIL: 'root', ADMIN_PASSWORD: 'long enough secret' }, /ADMIN_EMAIL must be an e-mail address/],
    [
      { NODE_ENV: 'production', JWT_ACCESS_SECRET: 'x'.repeat(48), DEMO_DATA: 'true' },
      /DEMO_DATA=true with the documented demo password is refused when NODE_ENV=production/,
    ],
    [
      {
        NODE_ENV: 'production',
        JWT_ACCESS_SECRET: 'x'.repeat(48),
        DEMO_DATA: 'true',
        DEMO_PASSWORD: 'thidua-demo-2011',
      },
      /DEMO_DATA=true with the documented demo password is refused when NODE_ENV=production/,
    ],
    [
      {
        NODE_ENV: 'production',
        JWT_ACCESS_SECRET: 'x'.repeat(48),
        ADMIN_EMAIL: 'root@example.org',
        ADMIN_PASSWORD: 'thidua-demo-2011',
      },
      /ADMIN_PASSWORD is the documented demo password/,
    ],
  ])('refuses %j with a message naming the variable', (env, message) => {
    expect(() => validateEnvironment(env)).toThrow(message);
  });

  it('lets production load demo data with a password of the operator', () => {
    expect(() =>
      validateEnvironment({
        NODE_ENV: 'production',
        JWT_ACCESS_SECRET: 'x'.repeat(48),
        DEMO_DATA: 'true',
        DEMO_PASSWORD: 'a demo password of our own',
      }),
    ).not.toThrow();
  });

  it('never echoes a secret value in its message', () => {
    expect(() => validateEnvironment({ JWT_ACCESS_SECRET: 'hunter2' })).toThrow(
      expect.not.objectContaining({ message: expect.stringContaining('hunter2') }),
    );
  });
});

import { PasswordHasher } from '../../src/modules/users/password-hasher';
import { AdminBootstrap } from '../../src/modules/mandates/admin-bootstrap';
import { LedgerService } from '../../src/modules/ledger/ledger.service';
import type { AppConfig } from '../../src/config/app.config';
import { API, createTestApp, type TestApp } from '../utils/test-app';

/** ADMIN_EMAIL / ADMIN_PASSWORD: the first administrator of an installation that has none. */
describe(AdminBootstrap.name, () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  const bootstrap = (adminEmail?: string, adminPassword?: string) =>
    new AdminBootstrap(
      t.dataSource,
      { adminEmail, adminPassword } as AppConfig,
      t.app.get(PasswordHasher),
      t.app.get(LedgerService),
    ).onApplicationBootstrap();

  const adminMandates = async () =>
    Number(
      (
        (await t.dataSource.query(
          `SELECT count(*) AS n FROM mandates WHERE role = 'admin' AND (valid_to IS NULL OR valid_to > now())`,
        )) as { n: string }[]
      )[0].n,
    );

  it('does nothing while someone holds an admin mandate', async () => {
    await bootstrap('root@example.org', 'a long first password');
    expect(await adminMandates()).toBe(1);
    const [user] = (await t.dataSource.query(`SELECT 1 FROM users WHERE email = 'root@example.org'`)) as unknown[];
    expect(user).toBeUndefined();
  });

  it('creates the first administrator, who can sign in, when nobody is admin', async () => {
    await t.dataSource.query(`UPDATE mandates SET valid_to = now() WHERE role = 'admin'`);
    expect(await adminMandates()).toBe(0);

    await bootstrap('Root@Example.org', 'a long first password');
    await bootstrap('root@example.org', 'a long first password'); // a second instance starting: no-op
    expect(await adminMandates()).toBe(1);

    const login = await t.login('root@example.org', 'a long first password');
    const me = await t.http.get(`${API}/me`).set('Authorization', `Bearer ${login.accessToken}`);
    expect(me.status).toBe(200);
    expect(JSON.stringify(me.body)).toContain('admin');
    const [entry] = (await t.dataSource.query(
      `SELECT payload FROM ledger_entries WHERE action = 'mandates.mandate_granted' AND payload->>'source' = 'admin-bootstrap'`,
    )) as { payload: { role: string } }[];
    expect(entry.payload.role).toBe('admin');
  });
});

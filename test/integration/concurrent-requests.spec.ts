import { API, createTestApp, DEMO_PASSWORD, type TestApp } from '../utils/test-app';
import { usingServer } from '../utils/test-database';

/**
 * Conflicting transactional requests fired at once must leave the same result as the same
 * requests one after another. On embedded PGlite this proves the driver never lets two requests'
 * transactions interleave on its single session; on a server it proves the locks and constraints.
 */
const database = usingServer() ? 'PostgreSQL server' : 'embedded PGlite';

interface Outcome {
  statuses: string[];
  users: number;
  mandatesForSonLaHead: number;
  ledgerLength: number;
  ledgerValid: boolean;
}

async function runBatch(t: TestApp, mode: 'concurrent' | 'serial'): Promise<Outcome> {
  const admin = { Authorization: await t.bearer('admin@thidua.local') };
  // A unit without a head: a unit has one head at a time, and the demo units have theirs.
  const unit = await t.http.post(`${API}/units`).set(admin).send({ code: 'don-vi-moi', name: 'Đơn vị mới' });
  if (unit.status !== 201) throw new Error(JSON.stringify(unit.body));
  const sonLa = unit.body.id as string;
  const khach = await t.http
    .post(`${API}/users`)
    .set(admin)
    .send({ email: 'ung-vien@thidua.local', fullName: 'Ứng viên', locale: 'vi', password: DEMO_PASSWORD });

  const requests: (() => Promise<{ status: number; body: { code?: string } }>)[] = [
    // 12 new accounts, each appending to the one ledger chain…
    ...Array.from(
      { length: 12 },
      (_, i) => () =>
        t.http
          .post(`${API}/users`)
          .set(admin)
          .send({ email: `nguoi${i}@thidua.local`, fullName: `Người ${i}`, locale: 'vi', password: DEMO_PASSWORD }),
    ),
    // …4 attempts at the same email: one wins…
    ...Array.from(
      { length: 4 },
      () => () =>
        t.http
          .post(`${API}/users`)
          .set(admin)
          .send({ email: 'trung@thidua.local', fullName: 'Trùng', locale: 'vi', password: DEMO_PASSWORD }),
    ),
    // …and 4 grants of the same head mandate over the same period: one wins.
    ...Array.from(
      { length: 4 },
      () => () =>
        t.http
          .post(`${API}/mandates`)
          .set(admin)
          .send({ userId: khach.body.id, role: 'head', unitId: sonLa, validFrom: '2012-01-01T00:00:00+07:00' }),
    ),
  ];

  const responses =
    mode === 'concurrent'
      ? await Promise.all(requests.map((send) => send()))
      : await requests.reduce<Promise<{ status: number; body: { code?: string } }[]>>(
          async (done, send) => [...(await done), await send()],
          Promise.resolve([]),
        );
  const [{ users }] = (await t.dataSource.query('SELECT count(*)::int AS users FROM users')) as { users: number }[];
  const [{ mandates }] = (await t.dataSource.query(
    "SELECT count(*)::int AS mandates FROM mandates WHERE role = 'head' AND unit_id = $1",
    [sonLa],
  )) as { mandates: number }[];
  const verify = await t.http.get(`${API}/ledger/verify`).set(admin);
  return {
    statuses: responses.map((r) => `${r.status}${r.body.code ? ` ${r.body.code}` : ''}`).sort(),
    users,
    mandatesForSonLaHead: mandates,
    ledgerLength: verify.body.length,
    ledgerValid: verify.body.valid,
  };
}

/** Each run gets its own copy of the demo database; one app at a time (passport strategies are process-wide). */
async function onFreshCopy(mode: 'concurrent' | 'serial'): Promise<Outcome> {
  const t = await createTestApp();
  try {
    return await runBatch(t, mode);
  } finally {
    await t.close();
  }
}

describe(`concurrent conflicting requests (${database})`, () => {
  it('leave exactly the result of a serial run', async () => {
    const serial = await onFreshCopy('serial');
    const concurrent = await onFreshCopy('concurrent');
    expect(concurrent).toEqual(serial);
    // And the serial run is what a person expects: 13 accounts, 3 duplicates refused, 1 grant.
    expect(serial.statuses.filter((s) => s.startsWith('201'))).toHaveLength(14);
    expect(serial.statuses.filter((s) => s === '409 email_taken')).toHaveLength(3);
    expect(serial.statuses.filter((s) => s === '409 mandate_overlaps')).toHaveLength(3);
    expect(serial.ledgerValid).toBe(true);
  });
});

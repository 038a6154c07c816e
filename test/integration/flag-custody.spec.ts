import { randomUUID } from 'node:crypto';
import { registerTestKey, type TestSigner } from '../utils/pledge-signing';
import { API, createTestApp, type TestApp } from '../utils/test-app';
import { usingServer } from '../utils/test-database';
import { asUser, demoClusterId, head, SECRETARIAT, unitIdsByCode } from '../utils/signed-in';

/**
 * The flag's chain of custody is kept whole by the database itself: raw SQL cannot give a flag two
 * holders, none, or overlapping periods; and confirmations fired at once through HTTP leave
 * exactly one custodian and at most one completed handover.
 */
const database = usingServer() ? 'PostgreSQL server' : 'embedded PGlite';

describe(`flag custody under raw SQL and concurrent requests (${database})`, () => {
  let t: TestApp;
  let clusterId: string;
  let flagId: string;
  const unitIds: Record<string, string> = {};
  const signers: Record<string, TestSigner> = {};

  async function electLeader(termYear: number, code: string): Promise<void> {
    // Elections are built elsewhere: the certified result is inserted directly (poll_id has no foreign key).
    await t.dataSource.query(
      `INSERT INTO cluster_leaderships (cluster_id, unit_id, role, term_year, basis, poll_id)
       VALUES ($1, $2, 'leader', $3, 'election', $4)`,
      [clusterId, unitIds[code], termYear, randomUUID()],
    );
  }

  async function openHandover(cycleId: string): Promise<string> {
    const res = await t.http
      .post(`${API}/flags/${flagId}/handovers`)
      .set(await asUser(t, SECRETARIAT))
      .send({ cycleId, handoverDate: '2011-11-21', place: 'Lạng Sơn', witnesses: ['Nhân chứng'] });
    if (res.status !== 201) throw new Error(`Open: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body.id as string;
  }

  /** The request a head sends: the record's digest and their signature over its canonical bytes. */
  async function confirmation(step: 'release' | 'receipt', handoverId: string, code: string) {
    const doc = await t.http.get(`${API}/flag-handovers/${handoverId}/document`).set(await asUser(t, head(code)));
    const body = {
      digest: doc.body.digest,
      signingKeyId: signers[code].keyId,
      signature: signers[code].sign(doc.body.canonical),
    };
    const auth = await asUser(t, head(code));
    return () => t.http.post(`${API}/flag-handovers/${handoverId}/${step}`).set(auth).send(body);
  }

  const openPeriods = async () =>
    (await t.dataSource.query(
      `SELECT state, custodian_unit_id FROM flag_custody_periods WHERE flag_id = $1 AND ended_at IS NULL`,
      [flagId],
    )) as { state: string; custodian_unit_id: string | null }[];

  /** Every period starts where the previous one ended, numbered 1, 2, 3… */
  async function expectContiguousChain(): Promise<void> {
    const periods = (await t.dataSource.query(
      `SELECT position, started_at, ended_at FROM flag_custody_periods WHERE flag_id = $1 ORDER BY position`,
      [flagId],
    )) as { position: number; started_at: Date; ended_at: Date | null }[];
    periods.forEach((period, i) => {
      expect(period.position).toBe(i + 1);
      if (i > 0) expect(new Date(period.started_at).getTime()).toBe(new Date(periods[i - 1].ended_at!).getTime());
      expect(period.ended_at === null).toBe(i === periods.length - 1);
    });
  }

  beforeAll(async () => {
    t = await createTestApp();
    clusterId = await demoClusterId(t);
    Object.assign(unitIds, await unitIdsByCode(t, clusterId));
    const registered = await t.http
      .post(`${API}/clusters/${clusterId}/flag`)
      .set(await asUser(t, SECRETARIAT))
      .send({ name: 'Cờ luân lưu', custodianUnitId: unitIds['lang-son'] });
    flagId = registered.body.id;
    for (const code of ['lang-son', 'son-la']) signers[code] = await registerTestKey(t, head(code), 'ed25519');
  });
  afterAll(async () => {
    for (const signer of Object.values(signers)) signer.dispose();
    await t.close();
  });

  describe('the database', () => {
    const insertOpenPeriod = (sql = t.dataSource) =>
      sql.query(
        `INSERT INTO flag_custody_periods (flag_id, position, state, custodian_unit_id, cause, started_at)
         VALUES ($1, 99, 'held', $2, 'registered', now())`,
        [flagId, unitIds['son-la']],
      );

    it('refuses a second open custody period', async () => {
      await expect(insertOpenPeriod()).rejects.toMatchObject({
        driverError: expect.objectContaining({ code: '23P01', constraint: 'ex_flag_custody_periods_overlap' }),
      });
      // Without the overlap trigger, the partial unique index still refuses it.
      const bypassed = t.dataSource.transaction(async (manager) => {
        await manager.query(`ALTER TABLE flag_custody_periods DISABLE TRIGGER trg_flag_custody_periods_no_overlap`);
        await manager.query(
          `INSERT INTO flag_custody_periods (flag_id, position, state, custodian_unit_id, cause, started_at)
           VALUES ($1, 99, 'held', $2, 'registered', now())`,
          [flagId, unitIds['son-la']],
        );
      });
      await expect(bypassed).rejects.toMatchObject({
        driverError: expect.objectContaining({ code: '23505', constraint: 'uq_flag_custody_periods_open' }),
      });
      expect(await openPeriods()).toEqual([{ state: 'held', custodian_unit_id: unitIds['lang-son'] }]);
    });

    it('refuses a flag with no holder, at commit', async () => {
      const closed = t.dataSource.query(
        `UPDATE flag_custody_periods SET ended_at = clock_timestamp() WHERE flag_id = $1 AND ended_at IS NULL`,
        [flagId],
      );
      await expect(closed).rejects.toMatchObject({
        driverError: expect.objectContaining({ code: '23514', constraint: 'ck_flag_custody_one_open_period' }),
      });
      const other = await t.http
        .post(`${API}/clusters`)
        .set(await asUser(t, 'admin@thidua.local'))
        .send({ code: 'cum-khac', name: 'Cụm khác' });
      const unheld = t.dataSource.query(
        `INSERT INTO flags (cluster_id, name, registered_by) SELECT $1, 'Cờ không ai giữ', id FROM users LIMIT 1`,
        [other.body.id],
      );
      await expect(unheld).rejects.toMatchObject({ driverError: expect.objectContaining({ code: '23514' }) });
      expect(await openPeriods()).toHaveLength(1);
    });

    it('refuses a held period without a holder, and any change to history', async () => {
      const holderless = t.dataSource.query(
        `UPDATE flag_custody_periods SET custodian_unit_id = NULL WHERE flag_id = $1`,
        [flagId],
      );
      await expect(holderless).rejects.toMatchObject({ driverError: expect.objectContaining({ code: 'TD001' }) });
      const deleted = t.dataSource.query(`DELETE FROM flag_custody_periods WHERE flag_id = $1`, [flagId]);
      await expect(deleted).rejects.toMatchObject({ driverError: expect.objectContaining({ code: 'TD001' }) });
      const transit = t.dataSource.query(
        `INSERT INTO flag_custody_periods (flag_id, position, state, cause, started_at, ended_at)
         VALUES ($1, 98, 'in_transit', 'released', '2000-01-01', '2000-01-02')`,
        [flagId],
      );
      await expect(transit).rejects.toMatchObject({
        driverError: expect.objectContaining({ code: '23514', constraint: 'ck_flag_custody_periods_transit' }),
      });
    });
  });

  describe('concurrent confirmations', () => {
    let cycle2011: string;

    beforeAll(async () => {
      const cycles = await t.http.get(`${API}/clusters/${clusterId}/cycles`).set(await asUser(t, SECRETARIAT));
      cycle2011 = cycles.body.items.find((c: { year: number }) => c.year === 2011).id;
      await electLeader(2012, 'son-la');
    });

    it('10 receipts at once: one moves the flag, nine are refused', async () => {
      const handoverId = await openHandover(cycle2011);
      expect((await (await confirmation('release', handoverId, 'lang-son'))()).status).toBe(200);
      const receipt = await confirmation('receipt', handoverId, 'son-la');
      const responses = await Promise.all(Array.from({ length: 10 }, () => receipt()));

      const outcomes = responses.map((r) => (r.status === 200 ? '200' : `${r.status} ${r.body.code}`)).sort();
      expect(outcomes).toEqual(['200', ...Array<string>(9).fill('409 handover_completed')]);
      expect(await openPeriods()).toEqual([{ state: 'held', custodian_unit_id: unitIds['son-la'] }]);
      const [counts] = (await t.dataSource.query(
        `SELECT (SELECT count(*)::int FROM flag_handovers WHERE cycle_id = $1 AND status = 'completed') AS completed,
                (SELECT count(*)::int FROM document_signatures s JOIN signed_documents d ON d.id = s.document_id
                  WHERE d.subject_id = $2) AS signatures,
                (SELECT count(*)::int FROM ledger_entries WHERE action = 'flags.handover_received') AS received`,
        [cycle2011, handoverId],
      )) as { completed: number; signatures: number; received: number }[];
      expect(counts).toEqual({ completed: 1, signatures: 2, received: 1 });
      await expectContiguousChain();
    });

    it('a release and a cancellation at once leave the flag with its custodian, three times over', async () => {
      const opened = await t.http
        .post(`${API}/clusters/${clusterId}/cycles`)
        .set(await asUser(t, SECRETARIAT))
        .send({ year: 2012 });
      const cycle2012 = opened.body.id as string;
      await electLeader(2013, 'dien-bien');

      for (let round = 0; round < 3; round += 1) {
        const handoverId = await openHandover(cycle2012);
        const release = await confirmation('release', handoverId, 'son-la');
        const cancelAuth = await asUser(t, SECRETARIAT);
        const [released, cancelled] = await Promise.all([
          release(),
          t.http
            .post(`${API}/flag-handovers/${handoverId}/cancel`)
            .set(cancelAuth)
            .send({ reason: `Vòng ${round}: hoãn bàn giao.` }),
        ]);
        expect(cancelled.status).toBe(200);
        // Released first then cancelled, or cancelled first and the release refused: never both lost.
        expect([released.status === 200 ? '200' : released.body.code]).toEqual([
          expect.stringMatching(/^(200|handover_cancelled)$/),
        ]);
        expect(await openPeriods()).toEqual([{ state: 'held', custodian_unit_id: unitIds['son-la'] }]);
      }
      const statuses = (await t.dataSource.query(`SELECT status FROM flag_handovers WHERE cycle_id = $1`, [
        cycle2012,
      ])) as { status: string }[];
      expect(statuses.map((s) => s.status)).toEqual(['cancelled', 'cancelled', 'cancelled']);
      await expectContiguousChain();
      const verify = await t.http.get(`${API}/ledger/verify`).set(await asUser(t, head('lao-cai')));
      expect(verify.body.valid).toBe(true);
    });
  });
});

import { createHash, randomUUID } from 'node:crypto';
import { responseViolations } from '../utils/openapi-conformance';
import { registerTestKey, type TestSigner } from '../utils/pledge-signing';
import { API, createTestApp, type TestApp } from '../utils/test-app';
import { expectStaleVersionsRefused, withPrecondition } from '../utils/versioned';
import { problem } from '../utils/problems';
import { asUser, demoClusterId, head, SECRETARIAT, unitIdsByCode } from '../utils/signed-in';
import { asBytes } from '../utils/bytes';

/**
 * The rotating flag through HTTP, as at the 2011 meeting: registered with Lạng Sơn holding it,
 * handed to Sơn La (elected leader for 2012) by the two heads' signatures in order, refused to
 * anyone else, cancelled and restored, incidents kept in the chain, and the cycle kept open
 * until the handover is complete.
 */
/** A period of GET /flags/{id}/custody, as far as these tests read it. */
interface CustodyPeriod {
  id: string;
  position: number;
  state: string;
  custodian: { code: string } | null;
  cause: string;
  startedAt: string;
  endedAt: string | null;
  handoverId: string | null;
  election: { termYear: number; pollId: string } | null;
  signedRecord: { digest: string; signatures: unknown[] };
  incidents: unknown[];
}

describe('the rotating flag', () => {
  let t: TestApp;
  let clusterId: string;
  let cycle2011: string;
  let flagId: string;
  let handoverId: string;
  const unitIds: Record<string, string> = {};
  const signers: Record<string, TestSigner> = {};

  async function electLeader(termYear: number, code: string): Promise<{ id: string; pollId: string }> {
    // Leader elections are built elsewhere (issue #7): the certified result is inserted as the
    // election would write it; poll_id has no foreign key, so a fresh uuid stands for the poll.
    const pollId = randomUUID();
    const [row] = (await t.dataSource.query(
      `INSERT INTO cluster_leaderships (cluster_id, unit_id, role, term_year, basis, poll_id, note)
       VALUES ($1, $2, 'leader', $3, 'election', $4, 'elected in a test') RETURNING id`,
      [clusterId, unitIds[code], termYear, pollId],
    )) as { id: string }[];
    return { id: row.id, pollId };
  }

  const openHandover = async (flag: string, body: Record<string, unknown>, email = SECRETARIAT) =>
    t.http
      .post(`${API}/flags/${flag}/handovers`)
      .set(await asUser(t, email))
      .send(body);

  async function documentOf(id: string) {
    const res = await t.http
      .get(`${API}/flag-handovers/${id}/document`)
      .set(await asUser(t, 'daibieu.cao-bang@thidua.local'));
    expect(res.status).toBe(200);
    // Built or stored, the record matches the served OpenAPI schema exactly (none missing, none undeclared).
    expect(await responseViolations(t, 'GET', `${API}/flag-handovers/{id}/document`, 200, res.body)).toEqual([]);
    return res.body as { canonical: string; digest: string; content: Record<string, unknown>; kind: string };
  }

  /** `email` signs the handover record with `signer`'s key (their own, or someone else's id for a bad try). */
  async function confirm(step: 'release' | 'receipt', id: string, email: string, signer: TestSigner) {
    const { canonical, digest } = await documentOf(id);
    return t.http
      .post(`${API}/flag-handovers/${id}/${step}`)
      .set(await asUser(t, email))
      .send({ digest, signingKeyId: signer.keyId, signature: signer.sign(canonical) });
  }

  const flagNow = async () => (await t.http.get(`${API}/flags/${flagId}`).set(await asUser(t, head('lao-cai')))).body;
  const chain = async () =>
    (await t.http.get(`${API}/flags/${flagId}/custody`).set(await asUser(t, head('lao-cai')))).body;
  const advance = async (cycleId: string, to: string) =>
    t.http
      .post(`${API}/cycles/${cycleId}/advance`)
      .set(await asUser(t, SECRETARIAT))
      .send({ to });

  beforeAll(async () => {
    t = await createTestApp();
    const admin = await asUser(t, 'admin@thidua.local');
    clusterId = await demoClusterId(t);
    Object.assign(unitIds, await unitIdsByCode(t, clusterId));
    const cycles = await t.http.get(`${API}/clusters/${clusterId}/cycles`).set(admin);
    cycle2011 = cycles.body.items.find((c: { year: number }) => c.year === 2011).id;
    signers['lang-son'] = await registerTestKey(t, head('lang-son'), 'ed25519');
    signers['son-la'] = await registerTestKey(t, head('son-la'), 'p256');
    signers['dien-bien'] = await registerTestKey(t, head('dien-bien'), 'ed25519');
  });
  afterAll(async () => {
    for (const signer of Object.values(signers)) signer.dispose();
    await t.close();
  });

  describe('registration', () => {
    it('is for the secretariat: a head or an officer is refused', async () => {
      const body = { name: 'Cờ luân lưu', custodianUnitId: unitIds['lang-son'] };
      for (const email of [head('lang-son'), 'canbo.lang-son@thidua.local']) {
        const res = await t.http
          .post(`${API}/clusters/${clusterId}/flag`)
          .set(await asUser(t, email))
          .send(body);
        expect(problem(res)).toEqual({ status: 403, code: 'forbidden' });
      }
      const none = await t.http.get(`${API}/clusters/${clusterId}/flag`).set(await asUser(t, head('lang-son')));
      expect(problem(none)).toEqual({ status: 404, code: 'flag_not_found' });
    });

    it('registers the flag with Lạng Sơn holding it; a second flag is refused', async () => {
      const res = await t.http
        .post(`${API}/clusters/${clusterId}/flag`)
        .set(await asUser(t, SECRETARIAT))
        .send({
          name: 'Cờ luân lưu Cụm thi đua Liên minh HTX các tỉnh biên giới phía Bắc',
          description: 'Cờ đỏ, chữ vàng.',
          custodianUnitId: unitIds['lang-son'],
        });
      expect(res.status).toBe(201);
      flagId = res.body.id;
      expect(res.body).toMatchObject({
        clusterId,
        custody: { state: 'held', custodian: { code: 'lang-son', name: 'Liên minh Hợp tác xã tỉnh Lạng Sơn' } },
        openHandoverId: null,
        photo: null,
      });

      const again = await t.http
        .post(`${API}/clusters/${clusterId}/flag`)
        .set(await asUser(t, 'admin@thidua.local'))
        .send({ name: 'Cờ thứ hai', custodianUnitId: unitIds['son-la'] });
      expect(problem(again)).toEqual({ status: 409, code: 'flag_already_registered' });

      const read = await t.http
        .get(`${API}/clusters/${clusterId}/flag`)
        .set(await asUser(t, 'daibieu.ha-giang@thidua.local'));
      expect(read.body.id).toBe(flagId);
    });
  });

  describe('photo', () => {
    // The smallest valid PNG: a 1×1 image.
    const png = Buffer.from(
      'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
      'base64',
    );

    it('is an image set by the secretariat and served to everyone', async () => {
      const notImage = await t.http
        .put(`${API}/flags/${flagId}/photo`)
        .set(await asUser(t, SECRETARIAT))
        .attach('file', Buffer.from('%PDF-1.4 không phải ảnh'), 'co.pdf');
      expect(problem(notImage)).toEqual({ status: 415, code: 'flag_photo_not_image' });
      const byHead = await t.http
        .put(`${API}/flags/${flagId}/photo`)
        .set(await asUser(t, head('lang-son')))
        .attach('file', png, 'co.png');
      expect(problem(byHead)).toEqual({ status: 403, code: 'forbidden' });

      const set = await t.http
        .put(`${API}/flags/${flagId}/photo`)
        .set(await asUser(t, SECRETARIAT))
        .attach('file', png, 'cờ luân lưu.png');
      expect(set.status).toBe(200);
      const sha256 = createHash('sha256').update(png).digest('hex');
      expect(set.body.photo).toEqual({ sha256, contentType: 'image/png' });
      const served = await t.http
        .get(`${API}/flags/${flagId}/photo`)
        .set(await asUser(t, 'daibieu.lai-chau@thidua.local'))
        .buffer(true)
        .parse(asBytes);
      expect(served.status).toBe(200);
      expect(served.headers['content-type']).toBe('image/png');
      expect(served.headers['x-content-sha256']).toBe(sha256);
      expect(Buffer.compare(served.body as Buffer, png)).toBe(0);
    });
  });

  describe('opening the handover', () => {
    it('is refused while no leader has been elected for 2012', async () => {
      const res = await openHandover(flagId, {
        cycleId: cycle2011,
        handoverDate: '2011-11-21',
        place: 'Lạng Sơn',
        witnesses: [],
      });
      expect(problem(res)).toEqual({ status: 409, code: 'handover_recipient_not_elected' });
    });

    it('goes only to the elected leader, and only by the secretariat', async () => {
      await electLeader(2012, 'son-la');
      const body = {
        cycleId: cycle2011,
        handoverDate: '2011-11-21',
        place: 'Thành phố Lạng Sơn',
        witnesses: ['Phó Chủ tịch UBND tỉnh Lạng Sơn', 'Phó Chủ tịch Liên minh HTX Việt Nam'],
      };
      const toOther = await openHandover(flagId, { ...body, toUnitId: unitIds['dien-bien'] });
      expect(problem(toOther)).toEqual({ status: 409, code: 'handover_recipient_not_elected' });
      expect(problem(await openHandover(flagId, body, head('lang-son')))).toEqual({ status: 403, code: 'forbidden' });

      const opened = await openHandover(flagId, { ...body, toUnitId: unitIds['son-la'] });
      expect(opened.status).toBe(201);
      handoverId = opened.body.id;
      expect(opened.body).toMatchObject({
        status: 'opened',
        from: { code: 'lang-son' },
        to: { code: 'son-la', name: 'Liên minh Hợp tác xã tỉnh Sơn La' },
        termYear: 2012,
        witnesses: body.witnesses,
      });
      expect(problem(await openHandover(flagId, body))).toEqual({ status: 409, code: 'handover_already_open' });
      expect((await flagNow()).openHandoverId).toBe(handoverId);
    });

    it('serves the canonical record both heads will sign', async () => {
      // The shape of every signable document: the record parsed is `content`.
      const { canonical, digest, content, ...rest } = await documentOf(handoverId);
      expect(rest).toMatchObject({
        kind: 'handover_record',
        subjectId: handoverId,
        handoverId,
        documentId: null,
        signatures: [],
      });
      expect(createHash('sha256').update(canonical, 'utf8').digest('hex')).toBe(digest);
      expect(JSON.parse(canonical)).toEqual(content);
      expect(content).toMatchObject({
        type: 'thidua.flag-handover',
        formatVersion: 1,
        handoverId,
        cycle: { id: cycle2011, year: 2011 },
        date: '2011-11-21',
        place: 'Thành phố Lạng Sơn',
        from: { unit: { code: 'lang-son', name: 'Liên minh Hợp tác xã tỉnh Lạng Sơn' } },
        to: { unit: { code: 'son-la', name: 'Liên minh Hợp tác xã tỉnh Sơn La' } },
        witnesses: ['Phó Chủ tịch UBND tỉnh Lạng Sơn', 'Phó Chủ tịch Liên minh HTX Việt Nam'],
        election: { termYear: 2012 },
      });
    });

    it('keeps the cycle from closing until the flag is handed over', async () => {
      expect((await advance(cycle2011, 'handover')).status).toBe(200);
      const refused = await advance(cycle2011, 'closed');
      expect(problem(refused)).toEqual({ status: 409, code: 'cycle_gate_unmet' });
      expect(refused.body.unmet).toEqual([
        expect.objectContaining({ gate: 'flag.handed_over', unitId: unitIds['lang-son'] }),
      ]);
    });
  });

  describe('the two confirmations', () => {
    it('refuses the receipt before the release', async () => {
      const res = await confirm('receipt', handoverId, head('son-la'), signers['son-la']);
      expect(problem(res)).toEqual({ status: 409, code: 'handover_not_released' });
    });

    it("refuses a release signed by anyone but the custodian's head", async () => {
      for (const code of ['son-la', 'dien-bien']) {
        const res = await confirm('release', handoverId, head(code), signers[code]);
        expect(problem(res)).toEqual({ status: 403, code: 'signer_capacity_missing' });
      }
      // Someone else's key, or a signature over other bytes, is no signature of the head.
      const borrowed = await confirm('release', handoverId, head('lang-son'), signers['son-la']);
      expect(problem(borrowed)).toEqual({ status: 403, code: 'signing_key_not_yours' });
      const { digest } = await documentOf(handoverId);
      const forged = await t.http
        .post(`${API}/flag-handovers/${handoverId}/release`)
        .set(await asUser(t, head('lang-son')))
        .send({ digest, signingKeyId: signers['lang-son'].keyId, signature: signers['lang-son'].sign('khác') });
      expect(problem(forged)).toEqual({ status: 422, code: 'signature_invalid' });
      expect((await flagNow()).custody.state).toBe('held');
    });

    it("puts the flag in transit on the outgoing head's signature, once", async () => {
      const released = await confirm('release', handoverId, head('lang-son'), signers['lang-son']);
      expect(released.status).toBe(200);
      expect(released.body).toMatchObject({ status: 'released', releaseSignatureId: expect.any(String) });
      expect((await flagNow()).custody).toMatchObject({ state: 'in_transit', custodian: null, handoverId });

      const again = await confirm('release', handoverId, head('lang-son'), signers['lang-son']);
      expect(problem(again)).toEqual({ status: 409, code: 'handover_already_released' });
      const incident = await t.http
        .post(`${API}/flags/${flagId}/incidents`)
        .set(await asUser(t, head('lang-son')))
        .send({ kind: 'damaged', description: 'Rách góc cờ khi gấp.' });
      expect(problem(incident)).toEqual({ status: 409, code: 'flag_not_held' });
    });

    it("moves custody to Sơn La on the incoming head's signature over the same record, once", async () => {
      const before = await documentOf(handoverId);
      const wrong = await confirm('receipt', handoverId, head('lang-son'), signers['lang-son']);
      expect(problem(wrong)).toEqual({ status: 403, code: 'signer_capacity_missing' });

      const received = await confirm('receipt', handoverId, head('son-la'), signers['son-la']);
      expect(received.status).toBe(200);
      expect(received.body).toMatchObject({ status: 'completed', completedAt: expect.any(String) });
      expect((await flagNow()).custody).toMatchObject({ state: 'held', custodian: { code: 'son-la' } });
      expect((await documentOf(handoverId)).digest).toBe(before.digest);

      const again = await confirm('receipt', handoverId, head('son-la'), signers['son-la']);
      expect(problem(again)).toEqual({ status: 409, code: 'handover_completed' });
      const cancel = await t.http
        .post(`${API}/flag-handovers/${handoverId}/cancel`)
        .set(await asUser(t, SECRETARIAT))
        .send({ reason: 'Quá muộn.' });
      expect(problem(cancel)).toEqual({ status: 409, code: 'handover_completed' });
      const changed = t.dataSource.query(`UPDATE flag_handovers SET place = 'khác' WHERE id = $1`, [handoverId]);
      await expect(changed).rejects.toMatchObject({ driverError: expect.objectContaining({ code: 'TD001' }) });
    });

    it('lets the cycle close now', async () => {
      expect((await advance(cycle2011, 'closed')).status).toBe(200);
    });

    it('serves the signed record as a bundle with both signatures', async () => {
      const bundle = await t.http
        .get(`${API}/flag-handovers/${handoverId}/bundle`)
        .set(await asUser(t, head('lao-cai')));
      expect(bundle.status).toBe(200);
      expect(bundle.body.format).toBe('thidua.signed-bundle/1');
      expect(bundle.body.documents).toHaveLength(1);
      expect(bundle.body.documents[0].digest).toBe((await documentOf(handoverId)).digest);
      expect(bundle.body.signatures.map((s: { capacity: string }) => s.capacity)).toEqual([
        'outgoing_custodian_head',
        'incoming_leader_head',
      ]);
    });
  });

  describe('incidents', () => {
    let incidentId: string;

    it("are reported by the custodian's head only, into the current period", async () => {
      const body = {
        kind: 'damaged',
        description: 'Cán cờ bị gãy khi vận chuyển về Sơn La.',
        occurredOn: '2011-11-22',
      };
      const former = await t.http
        .post(`${API}/flags/${flagId}/incidents`)
        .set(await asUser(t, head('lang-son')))
        .send(body);
      expect(problem(former)).toEqual({ status: 403, code: 'incident_report_forbidden' });
      const officer = await t.http
        .post(`${API}/flags/${flagId}/incidents`)
        .set(await asUser(t, 'canbo.son-la@thidua.local'))
        .send(body);
      expect(problem(officer)).toEqual({ status: 403, code: 'forbidden' });

      const reported = await t.http
        .post(`${API}/flags/${flagId}/incidents`)
        .set(await asUser(t, head('son-la')))
        .send(body);
      expect(reported.status).toBe(201);
      incidentId = reported.body.id;
      expect(reported.body).toMatchObject({ kind: 'damaged', status: 'open', reportingUnitId: unitIds['son-la'] });
      expect(reported.body.custodyPeriodId).toBe((await flagNow()).custody.periodId);
    });

    it('are resolved by the secretariat, once, and stay as resolved', async () => {
      const byHead = await t.http
        .post(`${API}/flag-incidents/${incidentId}/resolve`)
        .set(await asUser(t, head('son-la')))
        .send({ resolution: 'Tự sửa.' });
      expect(problem(byHead)).toEqual({ status: 403, code: 'forbidden' });
      const resolved = await t.http
        .post(`${API}/flag-incidents/${incidentId}/resolve`)
        .set(await asUser(t, SECRETARIAT))
        .send({ resolution: 'Đã thay cán cờ mới; cờ nguyên vẹn.' });
      expect(resolved.body).toMatchObject({ status: 'resolved', resolution: 'Đã thay cán cờ mới; cờ nguyên vẹn.' });
      const again = await t.http
        .post(`${API}/flag-incidents/${incidentId}/resolve`)
        .set(await asUser(t, SECRETARIAT))
        .send({ resolution: 'Lần nữa.' });
      expect(problem(again)).toEqual({ status: 409, code: 'incident_already_resolved' });
      const changed = t.dataSource.query(`UPDATE flag_incidents SET resolution = 'khác' WHERE id = $1`, [incidentId]);
      await expect(changed).rejects.toMatchObject({ driverError: expect.objectContaining({ code: 'TD001' }) });
    });
  });

  describe('cancelling', () => {
    let cycle2012: string;

    beforeAll(async () => {
      const opened = await t.http
        .post(`${API}/clusters/${clusterId}/cycles`)
        .set(await asUser(t, SECRETARIAT))
        .send({ year: 2012 });
      expect(opened.status).toBe(201);
      cycle2012 = opened.body.id;
      await electLeader(2013, 'dien-bien');
    });

    const body = () => ({ cycleId: cycle2012, handoverDate: '2012-11-20', place: 'Thành phố Sơn La', witnesses: [] });
    const cancel = async (id: string, extra: Record<string, unknown> = {}) =>
      t.http
        .post(`${API}/flag-handovers/${id}/cancel`)
        .set(await asUser(t, SECRETARIAT))
        .send({ reason: 'Đơn vị nhận cờ đề nghị lùi ngày bàn giao.', ...extra });

    it('before the release leaves custody as it was', async () => {
      const opened = await openHandover(flagId, body());
      expect(opened.body).toMatchObject({ from: { code: 'son-la' }, to: { code: 'dien-bien' } });
      expect(problem(await cancel(opened.body.id, { expectedVersion: opened.body.version + 1 }))).toEqual({
        status: 409,
        code: 'version_conflict',
      });
      const { etag } = await expectStaleVersionsRefused(
        'flag_handover',
        async () => t.http.get(`${API}/flag-handovers/${opened.body.id}`).set(await asUser(t, SECRETARIAT)),
        async (precondition) => {
          const { headers, body } = withPrecondition(precondition, { reason: 'Đơn vị nhận cờ đề nghị lùi ngày.' });
          return t.http
            .post(`${API}/flag-handovers/${opened.body.id}/cancel`)
            .set(await asUser(t, SECRETARIAT))
            .set(headers)
            .send(body);
        },
      );
      expect(etag).toBe(`"${opened.body.version}"`);
      const byHead = await t.http
        .post(`${API}/flag-handovers/${opened.body.id}/cancel`)
        .set(await asUser(t, head('son-la')))
        .send({ reason: 'Không muốn.' });
      expect(problem(byHead)).toEqual({ status: 403, code: 'forbidden' });

      const cancelled = await t.http
        .post(`${API}/flag-handovers/${opened.body.id}/cancel`)
        .set(await asUser(t, SECRETARIAT))
        .set('If-Match', etag)
        .send({ reason: 'Đơn vị nhận cờ đề nghị lùi ngày bàn giao.', expectedVersion: opened.body.version });
      expect(cancelled.body).toMatchObject({ status: 'cancelled', cancelReason: expect.stringContaining('lùi ngày') });
      expect((await flagNow()).custody).toMatchObject({ state: 'held', custodian: { code: 'son-la' } });
      expect(problem(await cancel(opened.body.id))).toEqual({ status: 409, code: 'handover_cancelled' });
    });

    it('in transit brings the flag back to the unit that released it, in the chain', async () => {
      const opened = await openHandover(flagId, body());
      expect(opened.status).toBe(201);
      expect((await confirm('release', opened.body.id, head('son-la'), signers['son-la'])).status).toBe(200);
      expect((await cancel(opened.body.id)).body.status).toBe('cancelled');
      expect((await flagNow()).custody).toMatchObject({ state: 'held', custodian: { code: 'son-la' } });

      const late = await confirm('receipt', opened.body.id, head('dien-bien'), signers['dien-bien']);
      expect(problem(late)).toEqual({ status: 409, code: 'handover_cancelled' });
    });
  });

  describe('the chain of custody', () => {
    it('shows every holder, in order, with its term, signed record and incidents', async () => {
      const res = await chain();
      const periods = res.periods as CustodyPeriod[];
      expect(periods.map((p) => [p.position, p.state, p.custodian?.code ?? null, p.cause, p.endedAt === null])).toEqual(
        [
          [1, 'held', 'lang-son', 'registered', false],
          [2, 'in_transit', null, 'released', false],
          [3, 'held', 'son-la', 'received', false],
          [4, 'in_transit', null, 'released', false],
          [5, 'held', 'son-la', 'handover_cancelled', true],
        ],
      );
      for (let i = 1; i < periods.length; i += 1) expect(periods[i].startedAt).toBe(periods[i - 1].endedAt);

      const received = periods[2];
      expect(received.handoverId).toBe(handoverId);
      expect(received.election).toMatchObject({ termYear: 2012, pollId: expect.any(String) });
      expect(received.signedRecord.digest).toBe((await documentOf(handoverId)).digest);
      expect(received.signedRecord.signatures).toEqual([
        expect.objectContaining({
          capacity: 'outgoing_custodian_head',
          unitId: unitIds['lang-son'],
          keyFingerprint: signers['lang-son'].fingerprint,
        }),
        expect.objectContaining({
          capacity: 'incoming_leader_head',
          unitId: unitIds['son-la'],
          keyFingerprint: signers['son-la'].fingerprint,
        }),
      ]);
      expect(received.incidents).toEqual([expect.objectContaining({ kind: 'damaged', status: 'resolved' })]);
      // Back from transit, Sơn La holds it under the same term as before.
      expect(periods[4].election).toEqual(received.election);
      expect(res.handovers.map((h: { status: string }) => h.status)).toEqual(['completed', 'cancelled', 'cancelled']);
    });

    it('is refused a change of history by the database', async () => {
      const first = (await chain()).periods[0].id;
      const changed = t.dataSource.query(`UPDATE flag_custody_periods SET ended_at = now() WHERE id = $1`, [first]);
      await expect(changed).rejects.toMatchObject({ driverError: expect.objectContaining({ code: 'TD001' }) });
    });

    it('recorded every step in a ledger that still verifies', async () => {
      const verify = await t.http.get(`${API}/ledger/verify`).set(await asUser(t, head('dien-bien')));
      expect(verify.body.valid).toBe(true);
      const actions = (
        (await t.dataSource.query(
          `SELECT action, count(*)::int AS n FROM ledger_entries WHERE action LIKE 'flags.%' GROUP BY action ORDER BY action`,
        )) as { action: string; n: number }[]
      ).map((row) => [row.action, row.n]);
      expect(actions).toEqual([
        ['flags.flag_registered', 1],
        ['flags.handover_cancelled', 2],
        ['flags.handover_opened', 3],
        ['flags.handover_received', 1],
        ['flags.handover_released', 2],
        ['flags.incident_reported', 1],
        ['flags.incident_resolved', 1],
        ['flags.photo_set', 1],
      ]);
    });
  });
});

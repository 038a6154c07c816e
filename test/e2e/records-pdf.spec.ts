import { createHash } from 'node:crypto';
import type { Response } from 'supertest';
import { canonicalJson } from '../../src/modules/ledger/ledger-hash';
import { verifyBundle } from '../../src/verifier/verify-bundle';
import { pdfText } from '../utils/pdf-text';
import { registerTestKey, type TestSigner } from '../utils/pledge-signing';
import { API, createTestApp, type TestApp } from '../utils/test-app';
import { problem } from '../utils/problems';
import { asUser, demoClusterId, demoCycle2011Sql, head, officer, SECRETARIAT, unitIdsByCode } from '../utils/signed-in';
import { getBytes } from '../utils/bytes';

/**
 * Issue #8 (signed records as documents) through HTTP: the demo 2011 cycle's results report and a
 * 2012 pledge, first unsealed, then signed by all 7 units and sealed, as PDFs whose extracted text
 * carries the names, the figures exactly, the signers' key fingerprints, the record digest and the
 * ledger entry that seals it.
 */
describe('records as PDF', () => {
  let t: TestApp;
  let clusterId: string;
  let cycle2011: string;
  const unitIds: Record<string, string> = {};
  const CODES = ['son-la', 'lai-chau', 'dien-bien', 'ha-giang', 'cao-bang', 'lao-cai', 'lang-son'];
  const NAMES = ['Sơn La', 'Lai Châu', 'Điện Biên', 'Hà Giang', 'Cao Bằng', 'Lào Cai', 'Lạng Sơn'];
  const DELEGATE = 'daibieu.son-la@thidua.local';
  const squeeze = (text: string) => text.replace(/\s+/g, ' ');
  const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

  /** GET a PDF as bytes. */
  const getPdf = (path: string, email = DELEGATE) => getBytes(t, path, email);

  async function ledgerEntry(query: string) {
    const res = await t.http.get(`${API}/ledger/entries?${query}`).set(await asUser(t, SECRETARIAT));
    expect(res.status).toBe(200);
    return res.body.items as { seq: string; hash: string; action: string }[];
  }

  beforeAll(async () => {
    t = await createTestApp();
    clusterId = await demoClusterId(t);
    Object.assign(unitIds, await unitIdsByCode(t, clusterId));
    ({ cycleId: cycle2011 } = await demoCycle2011Sql(t.dataSource));
  });
  afterAll(() => t.close());

  describe("the 2011 cycle's results report", () => {
    let res: Response & { body: Buffer };
    let text: string;
    beforeAll(async () => {
      res = await getPdf(`/cycles/${cycle2011}/results.pdf`);
      text = squeeze(await pdfText(res.body));
    });

    it('is a PDF attachment with an ASCII file name', () => {
      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toBe('application/pdf');
      expect(res.headers['content-disposition']).toBe('attachment; filename="ket-qua-bien-gioi-phia-bac-2011.pdf"');
      expect(res.body.subarray(0, 5).toString()).toBe('%PDF-');
    });

    it("names the 7 units and prints the source's totals exactly, written the Vietnamese way", () => {
      for (const name of NAMES) expect(text).toContain(`Liên minh Hợp tác xã tỉnh ${name}`);
      expect(text).toContain('Số hợp tác xã 2.006 HTX');
      expect(text).toContain('Vốn điều lệ 1.269.500.000.000 đồng');
      expect(text).toContain('Thành viên và người lao động 54.213 người');
      expect(text).toContain('Tổ hợp tác 15.232 tổ');
      expect(text).toContain('Tổ viên tổ hợp tác 16.148 người');
      expect(text).toContain('Hợp tác xã thành lập mới trong năm 96 HTX');
      expect(text).toContain('Thành viên HTX kết nạp mới trong năm 78 HTX');
      expect(text).toContain('Tổng cộng 2.006 1.269.500.000.000 54.213 15.232 16.148 96 78');
      expect(text).toContain('Liên minh Hợp tác xã tỉnh Sơn La 482 348.200.000.000 13.420 3.610 3.830 22 18');
      expect(text).toContain('Đơn vị có báo cáo được phê duyệt 7/7 đơn vị thành viên');
    });

    it('shows a digest a reader recomputes from GET /results, and the approval entry that seals it', async () => {
      const json = await t.http.get(`${API}/cycles/${cycle2011}/results`).set(await asUser(t, DELEGATE));
      const { cycle, units, totals } = json.body as Record<string, unknown>;
      const digest = sha256(canonicalJson({ cycle, units, totals }));
      expect(text).toContain(`Mã băm nội dung (SHA-256): ${digest}`);

      const [newest] = await ledgerEntry('action=reports.report_approved&pageSize=1');
      expect(text).toContain(`Niêm phong tại mục sổ cái số ${newest.seq}, hash ${newest.hash}`);
      const verify = await t.http.get(`${API}/ledger/verify`).set(await asUser(t, DELEGATE));
      expect(verify.body).toMatchObject({ valid: true });
      expect(Number(newest.seq)).toBeLessThanOrEqual(verify.body.length);
    });

    it('is the same file, byte for byte, on every download', async () => {
      const again = await getPdf(`/cycles/${cycle2011}/results.pdf`, 'canbo.lai-chau@thidua.local');
      expect(again.body.equals(res.body)).toBe(true);
    });

    it('answers problems, not PDFs, for an unknown or malformed cycle and without a token', async () => {
      const unknown = await t.http
        .get(`${API}/cycles/00000000-0000-4000-8000-000000000000/results.pdf`)
        .set(await asUser(t, DELEGATE));
      expect(problem(unknown)).toEqual({ status: 404, code: 'cycle_not_found' });
      expect(problem(await t.http.get(`${API}/cycles/nope/results.pdf`).set(await asUser(t, DELEGATE)))).toEqual({
        status: 400,
        code: 'invalid_identifier',
      });
      expect((await t.http.get(`${API}/cycles/${cycle2011}/results.pdf`)).status).toBe(401);
    });
  });

  describe('a pledge version', () => {
    let cycleId: string;
    let pledgeId: string;
    const unitPledgeIds: Record<string, string> = {};
    const keys: Record<string, TestSigner> = {};
    const targets = [
      { indicator: 'Số HTX thành lập mới', unitOfMeasure: 'HTX', targetValue: '25', baseline: '16' },
      { indicator: 'Vốn điều lệ tăng thêm', unitOfMeasure: 'triệu đồng', targetValue: '1269.5' },
    ];

    async function act(unitPledgeId: string, email: string, transition: string) {
      const unitPledge = await t.http.get(`${API}/unit-pledges/${unitPledgeId}`).set(await asUser(t, SECRETARIAT));
      const res = await t.http
        .post(`${API}/approvals/${unitPledge.body.approval.requestId}/acts`)
        .set(await asUser(t, email))
        .send({ transition });
      expect(res.status).toBe(200);
    }

    /** Targets set by the officer, submitted, approved by the head, then signed with the head's key. */
    async function signUnit(code: string) {
      const set = await t.http
        .put(`${API}/unit-pledges/${unitPledgeIds[code]}/targets`)
        .set(await asUser(t, officer(code)))
        .send({ targets });
      expect(set.status).toBe(200);
      await act(unitPledgeIds[code], officer(code), 'submit');
      await act(unitPledgeIds[code], head(code), 'approve');
      keys[code] = await registerTestKey(t, head(code), 'ed25519');
      const document = await t.http
        .get(`${API}/unit-pledges/${unitPledgeIds[code]}/document`)
        .set(await asUser(t, head(code)));
      const signed = await t.http
        .post(`${API}/unit-pledges/${unitPledgeIds[code]}/signatures`)
        .set(await asUser(t, head(code)))
        .send({
          digest: document.body.digest,
          signingKeyId: keys[code].keyId,
          signature: keys[code].sign(document.body.canonical),
        });
      expect(signed.status).toBe(201);
      return signed.body as { signature: { digest: string; signerName: string; ledgerSeq: string } };
    }

    beforeAll(async () => {
      const [rules] = (await t.dataSource.query(`SELECT id FROM rules_versions WHERE cluster_id = $1 AND number = 1`, [
        clusterId,
      ])) as { id: string }[];
      [{ id: cycleId }] = (await t.dataSource.query(
        `INSERT INTO cycles (cluster_id, year, phase, rules_version_id) VALUES ($1, 2012, 'pledge_signing', $2) RETURNING id`,
        [clusterId, rules.id],
      )) as { id: string }[];
      const created = await t.http
        .post(`${API}/cycles/${cycleId}/pledges`)
        .set(await asUser(t, SECRETARIAT))
        .send({ sharedText: 'Các Liên minh HTX tỉnh cam kết thi đua hoàn thành thắng lợi nhiệm vụ năm 2012.' });
      expect(created.status).toBe(201);
      pledgeId = created.body.id;
      for (const unit of created.body.units as { unitPledgeId: string; unit: { code: string } }[]) {
        unitPledgeIds[unit.unit.code] = unit.unitPledgeId;
      }
    });
    afterAll(() => {
      for (const key of Object.values(keys)) key.dispose();
    });

    it('unsealed: printed as it stands, "not sealed", with the one signature so far and its key', async () => {
      const signed = await signUnit('son-la');
      const res = await getPdf(`/pledges/${pledgeId}/record.pdf`);
      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toBe('application/pdf');
      expect(res.headers['content-disposition']).toBe('attachment; filename="giao-uoc-bien-gioi-phia-bac-2012-v1.pdf"');
      const text = squeeze(await pdfText(res.body));
      expect(text).toContain('GIAO ƯỚC THI ĐUA NĂM 2012');
      expect(text).toContain('Các Liên minh HTX tỉnh cam kết thi đua hoàn thành thắng lợi nhiệm vụ năm 2012.');
      expect(text).toContain('Tình trạng CHƯA NIÊM PHONG');
      expect(text).toContain('Đơn vị đã ký 1/7');
      expect(text).toContain('Liên minh Hợp tác xã tỉnh Sơn La');
      expect(text).toContain('1 Số HTX thành lập mới HTX 25 16');
      expect(text).toContain('2 Vốn điều lệ tăng thêm triệu đồng 1.269,50 —');
      expect(text).toContain(`Mã băm văn bản đã ký (SHA-256): ${signed.signature.digest}`);
      expect(text).toContain(`Người ký ${signed.signature.signerName}`);
      expect(text).toContain(`Vân tay khóa (SHA-256) ${keys['son-la'].fingerprint}`);
      expect(text).toContain('Liên minh Hợp tác xã tỉnh Lai Châu Chưa ký (đang soạn chỉ tiêu)');
      expect(text).toMatch(/Mã băm nội dung \(SHA-256\): [0-9a-f]{64}/);
      const [signedEntry] = await ledgerEntry(`subjectId=${unitPledgeIds['son-la']}&action=pledges.unit_signed`);
      expect(signedEntry.seq).toBe(signed.signature.ledgerSeq);
      expect(text).toContain(
        `CHƯA NIÊM PHONG · dữ liệu đến mục sổ cái số ${signedEntry.seq}, hash ${signedEntry.hash}`,
      );
      expect((await getPdf(`/pledges/${pledgeId}/record.pdf`)).body.equals(res.body)).toBe(true);
      // Not final: no link to the public verifier, and neither the unit's signed part nor the pledge's
      // content is served there (decision 036).
      expect(text).toContain('Đối chiếu: GET /api/v1/ledger/verify');
      expect(text).not.toContain('/verify/');
      for (const digest of [signed.signature.digest, text.match(/Mã băm nội dung \(SHA-256\): ([0-9a-f]{64})/)![1]]) {
        expect(problem(await t.http.get(`${API}/records/${digest}/bundle`))).toEqual({
          status: 404,
          code: 'final_record_not_found',
        });
      }
    });

    it('sealed: every unit signed, the countersignature, the seal digest and its ledger entry', async () => {
      for (const code of CODES.filter((c) => c !== 'son-la')) await signUnit(code);
      const leaderKey = await registerTestKey(t, head('lang-son'), 'p256');
      keys['lang-son-seal'] = leaderKey;
      const document = await t.http
        .get(`${API}/pledges/${pledgeId}/seal-document`)
        .set(await asUser(t, head('lang-son')));
      const sealed = await t.http
        .post(`${API}/pledges/${pledgeId}/seal`)
        .set(await asUser(t, head('lang-son')))
        .send({
          digest: document.body.digest,
          signingKeyId: leaderKey.keyId,
          signature: leaderKey.sign(document.body.canonical),
        });
      expect(sealed.status).toBe(200);

      const res = await getPdf(`/pledges/${pledgeId}/record.pdf`, officer('cao-bang'));
      expect(res.status).toBe(200);
      const text = squeeze(await pdfText(res.body));
      expect(text).toContain('Đơn vị đã ký 7/7');
      expect(text).toContain('Tình trạng Đã niêm phong lúc');
      expect(text).not.toContain('CHƯA NIÊM PHONG');
      for (const name of NAMES) expect(text).toContain(`Liên minh Hợp tác xã tỉnh ${name}`);
      for (const code of CODES) expect(text).toContain(keys[code].fingerprint);
      expect(text).toContain('Tư cách Thủ trưởng đơn vị Cụm trưởng — Liên minh Hợp tác xã tỉnh Lạng Sơn');
      expect(text).toContain(leaderKey.fingerprint);
      expect(text).toContain(`Mã băm văn bản niêm phong (SHA-256): ${document.body.digest}`);
      const [sealEntry] = await ledgerEntry(`subjectId=${pledgeId}&action=pledges.sealed`);
      expect(sealEntry.seq).toBe(sealed.body.seal.ledgerSeq);
      expect(text).toContain(`Niêm phong tại mục sổ cái số ${sealEntry.seq}, hash ${sealEntry.hash}`);
      expect(text).toContain(`Kiểm chứng chữ ký: http://localhost:3000/verify/${document.body.digest}`);
      expect((await getPdf(`/pledges/${pledgeId}/record.pdf`)).body.equals(res.body)).toBe(true);

      // The digest printed is the public verifier's key: anyone, signed in or not, gets the bundle.
      const publicBundle = await t.http.get(`${API}/records/${document.body.digest.toUpperCase()}/bundle`);
      expect(publicBundle.status).toBe(200);
      expect(publicBundle.body).toMatchObject({ subject: { type: 'pledge', id: pledgeId } });
      const documents = publicBundle.body.documents as { id: string; digest: string }[];
      expect(documents.find((d) => d.id === publicBundle.body.rootDocumentId)?.digest).toBe(document.body.digest);
      const verified = await verifyBundle(publicBundle.body);
      expect(verified.problems).toEqual([]);
      expect(verified.checked.validSignatures).toBe(8);
    });

    it('an unknown pledge is a 404 problem', async () => {
      const res = await t.http
        .get(`${API}/pledges/00000000-0000-4000-8000-000000000000/record.pdf`)
        .set(await asUser(t, DELEGATE));
      expect(problem(res)).toEqual({ status: 404, code: 'pledge_not_found' });
    });
  });

  it('the OpenAPI document lists both PDFs as application/pdf, readable with records.read', async () => {
    const document = (await t.http.get('/docs-json')).body as {
      paths: Record<string, { get: { responses: Record<string, { content?: object }>; 'x-permission'?: string } }>;
    };
    for (const path of ['/api/v1/cycles/{cycleId}/results.pdf', '/api/v1/pledges/{id}/record.pdf']) {
      expect(document.paths[path].get.responses['200'].content).toHaveProperty(['application/pdf']);
      expect(document.paths[path].get['x-permission']).toBe('records.read');
    }
  });
});

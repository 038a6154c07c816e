import { DEMO_CODES, demoIds, meetingSteps, recordLeader2011, type DemoIds } from '../utils/elections-fixtures';
import { formatInstant } from '../../src/modules/records/vietnamese-format';
import { responseViolations } from '../utils/openapi-conformance';
import { pdfText } from '../utils/pdf-text';
import { registerTestKey, type TestSigner } from '../utils/pledge-signing';
import { API, createTestApp, type TestApp } from '../utils/test-app';
import { verifyBundle } from '../../src/verifier/verify-bundle';
import { problem } from '../utils/problems';
import { delegate, head, SECRETARIAT } from '../utils/signed-in';
import { getBytes } from '../utils/bytes';

/**
 * Issue #8 (signed records as documents) through HTTP, for the two records signed at the meeting:
 * the counting record of the election of the 2012 cluster leader (Sơn La), before and after its
 * certification, and the handover of the rotating flag from Lạng Sơn to Sơn La, before and after
 * the receipt. The extracted text carries what was signed: names, figures, signers and key
 * fingerprints, the signed document's digest and the ledger entry that seals it.
 */
describe('signed records as PDF: the counting record and the flag handover', () => {
  let t: TestApp;
  let ids: DemoIds;
  let s: ReturnType<typeof meetingSteps>;
  let meetingId: string;
  let pollId: string;
  let handoverId: string;
  let countingDigest: string;
  const keys: Record<string, TestSigner> = {};
  // Delegates of two present units that are not on the ballot, confirmed by the meeting's hands.
  const BOARD = [delegate('lang-son'), delegate('lao-cai')];
  const unitName = (province: string) => `Liên minh Hợp tác xã tỉnh ${province}`;
  const squeeze = (text: string) => text.replace(/\s+/g, ' ');

  /** GET a PDF as bytes. */
  const getPdf = (path: string, email = delegate('cao-bang')) => getBytes(t, path, email);
  /** GET a problem (problem+json, parsed). */
  const getProblem = async (path: string) =>
    problem(await t.http.get(`${API}${path}`).set(await s.as(delegate('cao-bang'))));
  const textOf = async (res: { body: Buffer }) => squeeze(await pdfText(res.body));

  async function ledger(query: string) {
    const res = await s.get(`/ledger/entries?${query}&pageSize=100`);
    expect(res.status).toBe(200);
    return res.body.items as { seq: string; hash: string; action: string; payload: Record<string, unknown> }[];
  }
  const countingRecord = async () => (await s.get(`/polls/${pollId}/counting-record`)).body;
  async function signCountingRecord(email: string) {
    const { canonical, digest } = await countingRecord();
    const res = await t.http
      .post(`${API}/polls/${pollId}/counting-record/signatures`)
      .set(await s.as(email))
      .send({ digest, signingKeyId: keys[email].keyId, signature: keys[email].sign(canonical) });
    expect(res.status).toBe(201);
  }
  async function confirmHandover(step: 'release' | 'receipt', email: string) {
    const { canonical, digest } = (await s.get(`/flag-handovers/${handoverId}/document`)).body;
    const res = await t.http
      .post(`${API}/flag-handovers/${handoverId}/${step}`)
      .set(await s.as(email))
      .send({ digest, signingKeyId: keys[email].keyId, signature: keys[email].sign(canonical) });
    expect(res.status).toBe(200);
  }

  beforeAll(async () => {
    t = await createTestApp();
    ids = await demoIds(t);
    s = meetingSteps(t, ids);
    await recordLeader2011(t, ids);
    for (const email of [...BOARD, SECRETARIAT, head('lang-son')])
      keys[email] = await registerTestKey(t, email, 'ed25519');
    keys[head('son-la')] = await registerTestKey(t, head('son-la'), 'p256');
    meetingId = await s.createMeeting();
    for (const code of DEMO_CODES) expect((await s.checkIn(meetingId, code)).status).toBe(201);
  });
  afterAll(async () => {
    for (const key of Object.values(keys)) key.dispose();
    await t.close();
  });

  /** The public verifier's route (decision 036): no token, a final record's bundle by the digest printed. */
  const publicBundle = (digest: string) => t.http.get(`${API}/records/${digest}/bundle`);

  describe('the counting record of the 2012 leader election', () => {
    it('before anyone signs: the record offered for signing, "CHƯA CHỨNG NHẬN", dated by the tally', async () => {
      const created = await s.createPoll(meetingId, {
        kind: 'leader_election',
        title: 'Bầu cụm trưởng năm 2012',
        candidateUnitIds: [ids.unitIds['son-la'], ids.unitIds['lai-chau']],
      });
      expect(created.status).toBe(201);
      pollId = created.body.id;
      expect((await s.appointBoard(pollId, BOARD)).status).toBe(200);
      await s.step(pollId, 'open');
      // Six units vote for Sơn La, Lai Châu for itself; Lạng Sơn (the 2011 leader) is no candidate.
      for (const code of DEMO_CODES) {
        const choice = ids.unitIds[code === 'lai-chau' ? 'lai-chau' : 'son-la'];
        expect((await s.vote(pollId, code, { choice })).status).toBe(201);
      }
      await s.step(pollId, 'close');
      expect((await s.step(pollId, 'tally')).status).toBe(200);

      const res = await getPdf(`/polls/${pollId}/counting-record.pdf`);
      expect(res.status).toBe(200);
      const text = await textOf(res);
      const { digest } = await countingRecord();
      const [newest] = await ledger(`subjectType=poll&subjectId=${pollId}`);
      expect(newest.action).toBe('elections.poll_tallied');
      expect(text).toContain('Tình trạng CHƯA CHỨNG NHẬN (0 chữ ký)');
      expect(text).toContain('Chưa ai ký biên bản.');
      expect(text).toContain(`Mã băm văn bản chờ ký (SHA-256): ${digest}`);
      expect(text).toContain(`CHƯA CHỨNG NHẬN · dữ liệu đến mục sổ cái số ${newest.seq}, hash ${newest.hash}`);
    });

    it('signed by one board member: the signed document and its signature, still not certified', async () => {
      await signCountingRecord(BOARD[0]);
      const text = await textOf(await getPdf(`/polls/${pollId}/counting-record.pdf`));
      const { digest, signatures } = await countingRecord();
      const [signedEntry] = await ledger(
        `subjectType=poll&subjectId=${pollId}&action=elections.counting_record_signed`,
      );
      expect(text).toContain('Tình trạng CHƯA CHỨNG NHẬN (1 chữ ký)');
      expect(text).toContain(`Người ký ${signatures[0].signerName}`);
      expect(text).toContain(`Vân tay khóa (SHA-256) ${keys[BOARD[0]].fingerprint}`);
      expect(text).toContain(`Mã băm văn bản đã ký (SHA-256): ${digest}`);
      expect(text).toContain(
        `CHƯA CHỨNG NHẬN · dữ liệu đến mục sổ cái số ${signedEntry.seq}, hash ${signedEntry.hash}`,
      );
      // Signed but not certified: not final, so neither linked nor served publicly.
      expect(text).not.toContain('/verify/');
      const draft = await publicBundle(digest);
      expect({ status: draft.status, code: draft.body.code }).toEqual({ status: 404, code: 'final_record_not_found' });
    });

    it('certified: the figures as signed, every signer and key, the digest and the certification entry', async () => {
      await signCountingRecord(SECRETARIAT);
      await signCountingRecord(BOARD[1]);
      expect(
        (
          await t.http
            .post(`${API}/polls/${pollId}/certify`)
            .set(await s.as(SECRETARIAT))
            .send({})
        ).status,
      ).toBe(200);
      const record = await countingRecord();
      countingDigest = record.digest;
      const content = record.content as {
        meeting: { title: string };
        roll: { digest: string };
        bulletinDigest: string;
        countingBoard: { fullName: string }[];
        result: { votesNeeded: number };
      };

      const res = await getPdf(`/polls/${pollId}/counting-record.pdf`);
      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toBe('application/pdf');
      expect(res.headers['content-disposition']).toBe(
        `attachment; filename="kiem-phieu-bien-gioi-phia-bac-2011-bau-cum-truong-lan-1-${pollId.slice(0, 8)}.pdf"`,
      );
      const text = await textOf(res);
      expect(text).toContain('BIÊN BẢN KIỂM PHIẾU');
      expect(text).toContain('Thành phố Lạng Sơn, ngày 21 tháng 11 năm 2011');
      expect(text).toContain('Bầu cụm trưởng năm 2012 — lần bỏ phiếu thứ 1');
      expect(text).toContain(`Hội nghị ${content.meeting.title} (21/11/2011, Thành phố Lạng Sơn)`);
      expect(text).toContain(`gồm ${content.countingBoard.map((m) => m.fullName).join(', ')} đã kiểm phiếu`);
      expect(text).toContain('Hình thức Bỏ phiếu kín điện tử');
      expect(text).toContain('Số đơn vị có mặt 7/7 — yêu cầu tối thiểu 2/3 số đơn vị thành viên: đủ');
      expect(text).toContain('Số phiếu thu về 7 (điện tử 7, giấy 0)');
      expect(text).toContain('Số phiếu hợp lệ 7 Số phiếu trắng 0 Số phiếu không hợp lệ 0');
      expect(content.result.votesNeeded).toBe(5.6);
      expect(text).toContain(
        'Ngưỡng từ 80% số phiếu của toàn thể đơn vị thành viên (7) trở lên, tức ít nhất 5,6 phiếu',
      );
      expect(text).toMatch(new RegExp(`\\d ${unitName('Sơn La')} 6 85,71% Trúng cử`));
      expect(text).toMatch(new RegExp(`\\d ${unitName('Lai Châu')} 1 14,29% Không đạt`));
      // Only the two units put forward stand; the others' delegates may count.
      for (const province of ['Điện Biên', 'Hà Giang', 'Cao Bằng', 'Lào Cai', 'Lạng Sơn']) {
        expect(text).not.toMatch(new RegExp(`\\d ${unitName(province)} \\d`));
      }
      expect(text).toContain(`Kết quả: ${unitName('Sơn La')} trúng cử.`);
      expect(text).toContain(`Mã băm danh sách cử tri: ${content.roll.digest}`);
      expect(text).toContain(`Mã băm bảng tin phiếu điện tử: ${content.bulletinDigest}`);

      expect(record.signatures).toHaveLength(3);
      const signed = await ledger(`subjectType=poll&subjectId=${pollId}&action=elections.counting_record_signed`);
      for (const signature of record.signatures as { signerName: string; keyFingerprint: string }[]) {
        expect(text).toContain(`Người ký ${signature.signerName}`);
        expect(text).toContain(`Vân tay khóa (SHA-256) ${signature.keyFingerprint}`);
      }
      for (const entry of signed) expect(text).toContain(`mục sổ cái số ${entry.seq}`);
      expect(text).toContain(`Thành viên Ban kiểm phiếu — ${unitName('Lạng Sơn')}`);
      expect(text).toContain('Tư cách Thường trực (thư ký) Cụm thi đua');

      const [certified] = await ledger(`subjectType=poll&subjectId=${pollId}&action=elections.result_certified`);
      expect(certified.payload.digest).toBe(record.digest);
      expect(text).toContain(`(mục sổ cái số ${certified.seq})`);
      expect(text).toContain(`Mã băm văn bản đã ký (SHA-256): ${record.digest}`);
      expect(text).toContain(`Niêm phong tại mục sổ cái số ${certified.seq}, hash ${certified.hash}`);
      expect(text).not.toContain('CHƯA CHỨNG NHẬN');
      expect(text).toContain(`Kiểm chứng chữ ký: http://localhost:3000/verify/${record.digest}`);
      const served = await publicBundle(record.digest);
      expect(served.status).toBe(200);
      expect(served.body).toMatchObject({ subject: { type: 'poll', id: pollId } });
      expect((await verifyBundle(served.body)).problems).toEqual([]);

      const again = await getPdf(`/polls/${pollId}/counting-record.pdf`, 'canbo.lao-cai@thidua.local');
      expect(again.body.equals(res.body)).toBe(true);
    });

    it('a paper motion, tallied: the agreed sheet line by line, whose entries agreed, yes and no', async () => {
      const created = await s.createPoll(meetingId, {
        kind: 'motion',
        title: 'Biểu quyết thông qua quy chế khen thưởng',
        motionText: 'Thông qua quy chế khen thưởng của Cụm thi đua năm 2012',
        method: 'paper',
      });
      expect(created.status).toBe(201);
      const motionId = created.body.id as string;
      expect((await s.appointBoard(motionId, BOARD)).status).toBe(200);
      await s.step(motionId, 'open');
      for (const code of DEMO_CODES) {
        const handed = await t.http
          .post(`${API}/polls/${motionId}/paper-ballots`)
          .set(await s.as(SECRETARIAT))
          .send({ unitId: ids.unitIds[code] });
        expect(handed.status).toBe(201);
      }
      await s.step(motionId, 'close');
      const sheet = { 'option:0': 6, 'option:1': 0, blank: 0, invalid: 1, ballots_issued: 7, ballots_received: 7 };
      for (const email of BOARD) {
        const entered = await t.http
          .post(`${API}/polls/${motionId}/paper-entries`)
          .set(await s.as(email))
          .send({ lines: Object.entries(sheet).map(([line, count]) => ({ line, count })) });
        expect(entered.status).toBe(201);
      }
      expect((await s.step(motionId, 'tally')).status).toBe(200);
      // The record as served for signing: its `paper` part matches the served OpenAPI schema too.
      const record = await s.get(`/polls/${motionId}/counting-record`);
      expect(record.body.content.paper).toMatchObject({ ballotsIssued: 7, sheet, corrections: 0 });
      expect(await responseViolations(t, 'GET', `${API}/polls/{id}/counting-record`, 200, record.body)).toEqual([]);

      const text = await textOf(await getPdf(`/polls/${motionId}/counting-record.pdf`));
      expect(text).toContain('Hình thức Bỏ phiếu kín bằng phiếu giấy');
      expect(text).toContain('Nội dung biểu quyết Thông qua quy chế khen thưởng của Cụm thi đua năm 2012');
      expect(text).toContain('Số phiếu giấy phát ra 7');
      expect(text).toContain('Số phiếu thu về 7 (điện tử 0, giấy 7)');
      expect(text).toContain('Số phiếu hợp lệ 6 Số phiếu trắng 0 Số phiếu không hợp lệ 1');
      expect(text).toContain(
        'Số phiếu phát ra 7 Số phiếu thu về 7 Phiếu đồng ý 6 Phiếu không đồng ý 0 Phiếu trắng 0 Phiếu không hợp lệ 1',
      );
      const names = (await s.get(`/polls/${motionId}/counting-board`)).body.members as { fullName: string }[];
      for (const member of names) expect(text).toContain(member.fullName);
      expect(text).toContain('Số dòng đã nhập 12 (trong đó 0 lần sửa)');
      expect(text).toContain('1 Đồng ý 6 85,71% Thông qua');
      expect(text).toContain('2 Không đồng ý 0 0,00% —');
      expect(text).toContain('Kết quả: nội dung biểu quyết được thông qua.');
      expect(text).toContain('Mã băm bảng tin phiếu điện tử:');
    });

    it('answers problems for a poll not tallied, an unknown or malformed id, and without a token', async () => {
      const draft = await s.createPoll(meetingId, { kind: 'motion', title: 'Chưa kiểm', motionText: 'Đồng ý?' });
      expect(await getProblem(`/polls/${draft.body.id}/counting-record.pdf`)).toEqual({
        status: 409,
        code: 'poll_not_tallied',
      });
      expect(await getProblem('/polls/00000000-0000-4000-8000-000000000000/counting-record.pdf')).toEqual({
        status: 404,
        code: 'poll_not_found',
      });
      expect(await getProblem('/polls/nope/counting-record.pdf')).toEqual({
        status: 400,
        code: 'invalid_identifier',
      });
      expect((await t.http.get(`${API}/polls/${pollId}/counting-record.pdf`)).status).toBe(401);
    });
  });

  describe('the handover of the rotating flag to Sơn La', () => {
    const WITNESSES = ['Phó Chủ tịch UBND tỉnh Lạng Sơn', 'Phó Chủ tịch Liên minh HTX Việt Nam'];

    it('released by Lạng Sơn: in transit, "CHƯA HOÀN TẤT", dated by the release', async () => {
      const registered = await t.http
        .post(`${API}/clusters/${ids.clusterId}/flag`)
        .set(await s.as(SECRETARIAT))
        .send({
          name: 'Cờ luân lưu Cụm thi đua Liên minh HTX các tỉnh biên giới phía Bắc',
          description: 'Cờ đỏ, chữ vàng.',
          custodianUnitId: ids.unitIds['lang-son'],
        });
      expect(registered.status).toBe(201);
      const opened = await t.http
        .post(`${API}/flags/${registered.body.id}/handovers`)
        .set(await s.as(SECRETARIAT))
        .send({ cycleId: ids.cycleId, handoverDate: '2011-11-21', place: 'Thành phố Lạng Sơn', witnesses: WITNESSES });
      expect(opened.status).toBe(201);
      handoverId = opened.body.id;
      await confirmHandover('release', head('lang-son'));

      const text = await textOf(await getPdf(`/flag-handovers/${handoverId}/record.pdf`));
      const [released] = await ledger(`subjectType=flag_handover&subjectId=${handoverId}`);
      expect(released.action).toBe('flags.handover_released');
      expect(text).toContain('Tình trạng Bên giao đã ký lúc');
      // The transit period starts when the release was recorded (today, whatever day that is).
      const chain = (await s.get(`/flags/${registered.body.id}/custody`)).body as {
        periods: { position: number; startedAt: string }[];
      };
      const transit = chain.periods.find((period) => period.position === 2)!;
      expect(text).toContain(`2 ${formatInstant(transit.startedAt)} Đang chuyển giao Bên giao ký bàn giao`);
      expect(text).toContain(`CHƯA HOÀN TẤT · dữ liệu đến mục sổ cái số ${released.seq}, hash ${released.hash}`);
      // Released, not yet received: not final.
      const document = (await s.get(`/flag-handovers/${handoverId}/document`)).body;
      expect((await publicBundle(document.digest)).status).toBe(404);
    });

    it('received by Sơn La: what both heads signed, the custody moved, the digest and the receipt entry', async () => {
      await confirmHandover('receipt', head('son-la'));
      const document = (await s.get(`/flag-handovers/${handoverId}/document`)).body;

      const res = await getPdf(`/flag-handovers/${handoverId}/record.pdf`);
      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toBe('application/pdf');
      expect(res.headers['content-disposition']).toBe(
        `attachment; filename="ban-giao-co-bien-gioi-phia-bac-2011-${handoverId.slice(0, 8)}.pdf"`,
      );
      const text = await textOf(res);
      expect(text).toContain('BIÊN BẢN BÀN GIAO CỜ LUÂN LƯU');
      expect(text).toContain('Thành phố Lạng Sơn, ngày 21 tháng 11 năm 2011');
      expect(text).toContain(
        `Hôm nay, ngày 21/11/2011, tại Thành phố Lạng Sơn, ${unitName('Lạng Sơn')} (đơn vị đang giữ cờ) bàn giao`,
      );
      expect(text).toContain(
        'Cờ luân lưu Cờ luân lưu Cụm thi đua Liên minh HTX các tỉnh biên giới phía Bắc — Cờ đỏ, chữ vàng.',
      );
      expect(text).toContain(`Bên giao ${unitName('Lạng Sơn')} Bên nhận ${unitName('Sơn La')}`);
      expect(text).toContain('Căn cứ Kết quả bầu Cụm trưởng năm 2012: "Bầu cụm trưởng năm 2012", chứng nhận lúc');
      expect(text).toContain(`(cuộc bầu ${pollId})`);
      expect(text).toContain(`Người chứng kiến ${WITNESSES.join('; ')}`);
      expect(text).toContain(`Mã băm biên bản kiểm phiếu đã chứng nhận: ${countingDigest}`);
      expect(text).toContain('Tình trạng Đã hoàn tất: bên giao ký lúc');
      expect(text).toMatch(new RegExp(`1 [0-9/: ]+\\(UTC\\+7\\) ${unitName('Lạng Sơn')} Đăng ký cờ`));
      expect(text).toMatch(new RegExp(`3 [0-9/: ]+\\(UTC\\+7\\) ${unitName('Sơn La')} Bên nhận ký nhận cờ`));

      expect(text).toContain(`Tư cách Thủ trưởng đơn vị bàn giao cờ — ${unitName('Lạng Sơn')}`);
      expect(text).toContain(`Tư cách Thủ trưởng đơn vị nhận cờ — ${unitName('Sơn La')}`);
      expect(text).toContain(`Khóa ký ECDSA P-256 Vân tay khóa (SHA-256) ${keys[head('son-la')].fingerprint}`);
      expect(text).toContain(`Khóa ký Ed25519 Vân tay khóa (SHA-256) ${keys[head('lang-son')].fingerprint}`);

      const [received] = await ledger(
        `subjectType=flag_handover&subjectId=${handoverId}&action=flags.handover_received`,
      );
      expect(text).toContain(`Mã băm văn bản đã ký (SHA-256): ${document.digest}`);
      expect(text).toContain(`Niêm phong tại mục sổ cái số ${received.seq}, hash ${received.hash}`);
      expect(text).not.toContain('CHƯA HOÀN TẤT');
      expect(text).toContain(`Kiểm chứng chữ ký: http://localhost:3000/verify/${document.digest}`);
      const served = await publicBundle(document.digest);
      expect(served.status).toBe(200);
      expect(served.body).toMatchObject({ subject: { type: 'flag_handover', id: handoverId } });
      expect(await verifyBundle(served.body)).toMatchObject({ valid: true, problems: [] });
      const verify = await s.get('/ledger/verify');
      expect(verify.body).toMatchObject({ valid: true });

      const again = await getPdf(`/flag-handovers/${handoverId}/record.pdf`, head('ha-giang'));
      expect(again.body.equals(res.body)).toBe(true);
    });

    it('an unknown handover is a 404 problem', async () => {
      expect(await getProblem('/flag-handovers/00000000-0000-4000-8000-000000000000/record.pdf')).toEqual({
        status: 404,
        code: 'handover_not_found',
      });
    });
  });

  it('the OpenAPI document lists both PDFs as application/pdf, readable with records.read', async () => {
    const document = (await t.http.get('/docs-json')).body as {
      paths: Record<string, { get: { responses: Record<string, { content?: object }>; 'x-permission'?: string } }>;
    };
    for (const path of ['/api/v1/polls/{id}/counting-record.pdf', '/api/v1/flag-handovers/{id}/record.pdf']) {
      expect(document.paths[path].get.responses['200'].content).toHaveProperty(['application/pdf']);
      expect(document.paths[path].get['x-permission']).toBe('records.read');
    }
  });
});

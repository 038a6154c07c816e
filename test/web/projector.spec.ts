import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import request from 'supertest';
import { DataSource } from 'typeorm';
import {
  adoptRanking,
  DEMO_CODES,
  demoIds,
  meetingSteps,
  recordLeader2011,
  type DemoIds,
} from '../utils/elections-fixtures';
import { registerTestKey, type TestSigner } from '../utils/pledge-signing';
import { API, DEMO_PASSWORD, type TestApp } from '../utils/test-app';
import { describeInBrowser, seriousAccessibilityViolations, startWebHarness, type WebHarness } from './browser';
import { delegate, SECRETARIAT } from '../utils/signed-in';

/** The wall of the hall: 1920×1080, as a projector shows it. */
const WALL = {
  viewport: { width: 1920, height: 1080 },
  locale: 'vi-VN',
  timezoneId: 'Asia/Ho_Chi_Minh',
  // The screenshots show where the turnout bar stands, not where its animation is.
  reducedMotion: 'reduce' as const,
};
const SCREENSHOTS = process.env.THIDUA_SCREENSHOTS === '1' ? join(__dirname, '..', '..', 'docs', 'screenshots') : null;
// Two delegates whose units do not stand in the runoff: they may count (lang-son, the outgoing leader, may not stand).
const BOARD = [delegate('lang-son'), delegate('lao-cai')];

/**
 * The projector follows the 2011 leader election live, as the secretariat runs it through the API
 * and the delegates vote: the ballot and the turnout (never a choice), the first ballot's result
 * with its threshold and the tie broken by the higher final score, the runoff, and its certified
 * result with the counting record's digest.
 */
describeInBrowser('the projector (real Chromium, 1920×1080)', () => {
  let harness: WebHarness;
  let t: TestApp;
  let ids: DemoIds;
  let s: ReturnType<typeof meetingSteps>;
  let meetingId: string;
  let unitNames: Record<string, string>;
  const keys: Record<string, TestSigner> = {};

  beforeAll(async () => {
    // The stream checks turnout on this beat while someone follows the meeting (2 s in production).
    process.env.LIVE_TURNOUT_INTERVAL_MS = '250';
    harness = await startWebHarness();
    t = testAppOf(harness);
    ids = await demoIds(t);
    s = meetingSteps(t, ids);
    await recordLeader2011(t, ids);
    await adoptRanking(t, ids, {
      'son-la': '95.00',
      'lang-son': '92.00',
      'lai-chau': '90.00',
      'dien-bien': '85.00',
      'ha-giang': '80.00',
      'cao-bang': '78.00',
      'lao-cai': '75.00',
    });
    const units = (await t.dataSource.query(`SELECT code, name FROM units`)) as { code: string; name: string }[];
    unitNames = Object.fromEntries(units.map((unit) => [unit.code, unit.name]));
    for (const email of [...BOARD, SECRETARIAT]) keys[email] = await registerTestKey(t, email, 'ed25519');
    meetingId = await s.createMeeting();
  }, 180_000);

  afterAll(async () => {
    delete process.env.LIVE_TURNOUT_INTERVAL_MS;
    Object.values(keys).forEach((key) => key.dispose());
    await harness?.close();
  });

  it('follows the meeting live: attendance, the ballot and its turnout, results, ties, certification', async () => {
    const context = await harness.browser.newContext(WALL);
    const page = await context.newPage();
    const asked: string[] = [];
    page.on('request', (req) => asked.push(new URL(req.url()).pathname));

    // Signed in as the secretariat, who runs the projector.
    await page.goto(`${harness.baseUrl}/meetings/${meetingId}/projector`);
    await page.getByRole('heading', { level: 1, name: 'Màn hình chiếu cuộc họp' }).waitFor();
    await page.getByLabel('Email').fill(SECRETARIAT);
    await page.getByLabel('Mật khẩu').fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Đăng nhập' }).click();

    await page
      .getByRole('heading', { level: 1, name: 'Hội nghị giao ban Cụm thi đua các tỉnh biên giới phía Bắc năm 2011' })
      .waitFor();
    await page.getByText('Thành phố Lạng Sơn').waitFor();
    await page.getByText('21/11/2011').waitFor();
    await page.getByRole('img', { name: new RegExp(`Mã QR .*/m/${meetingId}$`) }).waitFor();
    await page.getByRole('heading', { name: 'Chương trình hội nghị' }).waitFor();
    await page.getByText('0/7 đơn vị có mặt').waitFor();
    await page.getByRole('status').filter({ hasText: 'Trực tiếp' }).waitFor();

    // Delegates check in: attendance and the quorum move on the wall.
    for (const code of DEMO_CODES.slice(0, 4)) expect((await s.checkIn(meetingId, code)).status).toBe(201);
    await page.getByText('4/7 đơn vị có mặt').waitFor();
    await page.getByText('Chưa đủ túc số biểu quyết (66,67%: cần 5 đơn vị)').waitFor();
    for (const code of DEMO_CODES.slice(4)) expect((await s.checkIn(meetingId, code)).status).toBe(201);
    await page.getByText('7/7 đơn vị có mặt').waitFor();
    await page.getByText('Đủ túc số biểu quyết (66,67%: cần 5 đơn vị)').waitFor();
    await page.getByText('Đủ túc số xét khen thưởng (80%: cần 6 đơn vị)').waitFor();
    await page.getByRole('heading', { name: 'Có mặt — Liên minh Hợp tác xã tỉnh:' }).waitFor();
    await page
      .getByRole('listitem')
      .filter({ hasText: /^Điện Biên$/ })
      .waitFor();

    // The chair opens the session: the meeting's own change reaches the wall too.
    const meeting = await s.get(`/meetings/${meetingId}`);
    const opened = await t.http
      .patch(`${API}/meetings/${meetingId}`)
      .set(await s.as(SECRETARIAT))
      .send({ status: 'in_session', expectedVersion: meeting.body.version });
    expect(opened.status).toBe(200);
    await page.getByText('Đang họp').waitFor();
    expect(await seriousAccessibilityViolations(page)).toEqual([]);

    // The secretariat creates and opens the election: the wall shows the ballot, Lạng Sơn refused with why.
    const created = await s.createPoll(meetingId, { kind: 'leader_election', title: 'Bầu cụm trưởng năm 2012' });
    expect(created.status).toBe(201);
    const firstId = created.body.id as string;
    expect((await s.step(firstId, 'open')).status).toBe(200);
    await page.getByRole('heading', { level: 2, name: 'Bầu cụm trưởng năm 2012' }).waitFor();
    await page.getByText('Đang bỏ phiếu').waitFor();
    const candidates = page.getByRole('list').filter({ hasText: unitNames['son-la'] }).first();
    for (const code of ['son-la', 'lai-chau', 'dien-bien', 'ha-giang', 'cao-bang', 'lao-cai'])
      await candidates.getByText(unitNames[code], { exact: true }).waitFor();
    await page.getByText(`${unitNames['lang-son']}: cụm trưởng của nhiệm kỳ sắp kết thúc`).waitFor();
    await turnoutShows(page, 0, 7);

    // 3 for Sơn La, 2 for Lai Châu, 2 for Điện Biên: turnout moves, and no choice is ever on the wall.
    const votes: [string, string][] = [
      ['son-la', 'son-la'],
      ['ha-giang', 'son-la'],
      ['cao-bang', 'son-la'],
      ['lai-chau', 'lai-chau'],
      ['lao-cai', 'lai-chau'],
      ['dien-bien', 'dien-bien'],
      ['lang-son', 'dien-bien'],
    ];
    for (const [index, [voter, candidate]] of votes.entries()) {
      expect((await s.vote(firstId, voter, { choice: ids.unitIds[candidate] })).status).toBe(201);
      if (index === 0 || index === 3) await turnoutShows(page, index + 1, 7);
      if (index === 3) {
        expect(await page.getByRole('table').count()).toBe(0);
        expect(await page.getByText('Số phiếu').count()).toBe(0);
        await screenshot(page, 'projector-poll-open');
        expect(await seriousAccessibilityViolations(page)).toEqual([]);
      }
    }
    await turnoutShows(page, 7, 7);
    // The page never asked for anything that holds a choice.
    expect(asked.filter((path) => /\/(ballots|bulletin-board|counting-record)$/.test(path))).toEqual([]);

    expect((await s.step(firstId, 'close')).status).toBe(200);
    await page.getByText('Bỏ phiếu đã kết thúc. Ban kiểm phiếu đang kiểm phiếu.').waitFor();

    // The tally: nobody at 5.6 of 7; Lai Châu and Điện Biên tie for second, the higher final score decides.
    const tallied = await s.step(firstId, 'tally');
    expect(tallied.status).toBe(200);
    const runoffId = tallied.body.runoffPollId as string;
    await page
      .getByText(`Không đơn vị nào đạt ngưỡng — bầu lại giữa ${unitNames['son-la']} và ${unitNames['lai-chau']}`)
      .waitFor();
    const results = page.getByRole('table', { name: 'Ngưỡng 80% của 7 đơn vị thành viên: cần 5,6 phiếu' });
    await results.waitFor();
    // Most votes first: every candidate on the ballot, none reaching the threshold.
    const rows = (await results.getByRole('row').allInnerTexts()).map((row) => row.replace(/\s+/g, ' ').trim());
    expect(rows).toHaveLength(7);
    expect(rows.slice(0, 4)).toEqual([
      'Đơn vị Số phiếu Đạt ngưỡng',
      `${unitNames['son-la']} 3 Không đạt`,
      `${unitNames['lai-chau']} 2 Không đạt`, // ahead of Điện Biên by the tie-break
      `${unitNames['dien-bien']} 2 Không đạt`,
    ]);
    for (const row of rows.slice(4)) expect(row).toMatch(/ 0 Không đạt$/);
    await page
      .getByText(
        new RegExp(
          `(${unitNames['lai-chau']} và ${unitNames['dien-bien']}|${unitNames['dien-bien']} và ${unitNames['lai-chau']}) ` +
            `bằng phiếu — chọn ${unitNames['lai-chau']} theo điểm tổng kết cao hơn`,
        ),
      )
      .waitFor();
    await page.getByText('7 phiếu thu về: 7 hợp lệ, 0 không biểu quyết, 0 không hợp lệ').waitFor();
    await screenshot(page, 'projector-result');
    expect(await seriousAccessibilityViolations(page)).toEqual([]);

    // The runoff (round 2) opens: the wall moves to it; the meeting confirms the counting board.
    expect((await s.appointBoard(runoffId, BOARD)).status).toBe(200);
    expect((await s.step(runoffId, 'open')).status).toBe(200);
    await page.getByText('Lần bỏ phiếu thứ 2').waitFor();
    await turnoutShows(page, 0, 7);
    for (const code of DEMO_CODES) {
      const choice = code === 'lai-chau' ? 'lai-chau' : 'son-la';
      expect((await s.vote(runoffId, code, { choice: ids.unitIds[choice] })).status).toBe(201);
    }
    await turnoutShows(page, 7, 7);
    expect((await s.step(runoffId, 'close')).status).toBe(200);
    expect((await s.step(runoffId, 'tally')).status).toBe(200);
    await page.getByText(`Trúng cử: ${unitNames['son-la']}`).waitFor();
    await page.getByRole('row', { name: new RegExp(`${unitNames['son-la']}\\s+6\\s+✓ Đạt`) }).waitFor();

    // The board and the secretariat sign the counting record; the certification shows with its digest.
    for (const email of [...BOARD, SECRETARIAT]) {
      const record = (await s.get(`/polls/${runoffId}/counting-record`, email)).body as {
        canonical: string;
        digest: string;
      };
      const signed = await t.http
        .post(`${API}/polls/${runoffId}/counting-record/signatures`)
        .set(await s.as(email))
        .send({
          digest: record.digest,
          signingKeyId: keys[email].keyId,
          signature: keys[email].sign(record.canonical),
        });
      expect(signed.status).toBe(201);
    }
    expect(
      (
        await t.http
          .post(`${API}/polls/${runoffId}/certify`)
          .set(await s.as(SECRETARIAT))
          .send({})
      ).status,
    ).toBe(200);
    const digest = (await s.get(`/polls/${runoffId}/counting-record`)).body.digest as string;
    await page.getByRole('heading', { name: 'Kết quả đã được chứng nhận' }).waitFor();
    await page.getByText(digest.match(/.{8}/g)!.join(' ')).waitFor();
    await page.getByText(/^Chứng nhận lúc \d{2}:\d{2} \d{2}\/\d{2}\/\d{4}$/).waitFor();
    await screenshot(page, 'projector-certified');
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await context.close();
  }, 180_000);

  it('shows the wall in English when chosen, and refuses a meeting the API refuses', async () => {
    const context = await harness.browser.newContext(WALL);
    const page = await context.newPage();
    await page.goto(`${harness.baseUrl}/meetings/${meetingId}/projector`);
    await page.getByLabel('Email').fill(SECRETARIAT);
    await page.getByLabel('Mật khẩu').fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await page.getByRole('heading', { name: 'Kết quả đã được chứng nhận' }).waitFor();
    await page.getByLabel('Ngôn ngữ').selectOption('en');
    await page.getByRole('heading', { name: 'Result certified' }).waitFor();
    await page.getByText(`Elected: ${unitNames['son-la']}`).waitFor();
    await page.getByText('7/7 units present').waitFor();
    await context.close();

    const elsewhere = await harness.browser.newContext(WALL);
    const unknown = await elsewhere.newPage();
    await unknown.goto(`${harness.baseUrl}/meetings/00000000-0000-4000-8000-000000000000/projector`);
    await unknown.getByLabel('Email').fill(SECRETARIAT);
    await unknown.getByLabel('Mật khẩu').fill(DEMO_PASSWORD);
    await unknown.getByRole('button', { name: 'Đăng nhập' }).click();
    await unknown.getByRole('heading', { name: 'Không mở được màn hình chiếu của cuộc họp' }).waitFor();
    expect(await seriousAccessibilityViolations(unknown)).toEqual([]);
    await elsewhere.close();
  }, 120_000);

  it('puts a motion on the wall: its text and options, then adopted with the figures', async () => {
    const context = await harness.browser.newContext(WALL);
    const page = await context.newPage();
    await page.goto(`${harness.baseUrl}/meetings/${meetingId}/projector`);
    await page.getByLabel('Email').fill(SECRETARIAT);
    await page.getByLabel('Mật khẩu').fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await page.getByRole('heading', { name: 'Kết quả đã được chứng nhận' }).waitFor();

    const created = await s.createPoll(meetingId, {
      kind: 'motion',
      title: 'Thông qua quy chế khen thưởng',
      motionText: 'Thông qua Quy chế khen thưởng của Cụm năm 2012',
    });
    expect(created.status).toBe(201);
    const motionId = created.body.id as string;
    expect((await s.step(motionId, 'open')).status).toBe(200);
    await page.getByRole('heading', { level: 2, name: 'Thông qua quy chế khen thưởng' }).waitFor();
    await page.getByText('Thông qua Quy chế khen thưởng của Cụm năm 2012').waitFor();
    const options = page.getByRole('list').filter({ hasText: 'Không biểu quyết' });
    expect(await options.getByRole('listitem').allInnerTexts()).toEqual([
      'Tán thành',
      'Không tán thành',
      'Không biểu quyết',
    ]);
    for (const code of DEMO_CODES) {
      expect((await s.vote(motionId, code, { choice: code === 'cao-bang' ? 'no' : 'yes' })).status).toBe(201);
    }
    await turnoutShows(page, 7, 7);
    expect((await s.step(motionId, 'close')).status).toBe(200);
    expect((await s.step(motionId, 'tally')).status).toBe(200);
    await page.getByText('Được thông qua', { exact: true }).waitFor();
    await page.getByRole('row', { name: /^Tán thành\s+6\s+✓ Đạt$/ }).waitFor();
    await page.getByRole('row', { name: /^Không tán thành\s+1\s+Không đạt$/ }).waitFor();
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await context.close();
  }, 120_000);
});

/** The API steps of the meeting against the harness's own service (the helpers of the e2e specs). */
function testAppOf(harness: WebHarness): TestApp {
  const http = request(harness.app.getHttpServer());
  const tokens = new Map<string, string>();
  const login = async (email: string, password = DEMO_PASSWORD) => {
    const response = await http.post(`${API}/auth/login`).send({ email, password });
    if (response.status !== 200) throw new Error(`Login of ${email} failed: ${response.status}`);
    return response.body as { accessToken: string; refreshToken: string };
  };
  return {
    app: harness.app,
    http,
    dataSource: harness.app.get(DataSource),
    database: harness.database,
    login,
    async bearer(email: string) {
      if (!tokens.has(email)) tokens.set(email, (await login(email)).accessToken);
      return `Bearer ${tokens.get(email)}`;
    },
    close: async () => undefined,
  };
}

/** Waits until the wall's turnout reads `voted / entitled` — counts, nothing more. */
async function turnoutShows(page: Page, voted: number, entitled: number): Promise<void> {
  await page.getByText(new RegExp(`^\\s*${voted} / ${entitled} \\(`)).waitFor();
}

async function screenshot(page: Page, name: string): Promise<void> {
  if (!SCREENSHOTS) return;
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`) });
}

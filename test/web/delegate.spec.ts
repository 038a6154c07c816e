import type { BrowserContext, Page, Request } from 'playwright-core';
import { DataSource } from 'typeorm';
import { demoUnitEmail } from '../../src/database/demo-data';
import { adoptRanking, DEMO_CODES, demoIds } from '../utils/elections-fixtures';
import type { TestApp } from '../utils/test-app';
import { DEMO_PASSWORD } from '../utils/test-database';
import {
  describeInBrowser,
  PHONE,
  seriousAccessibilityViolations,
  startWebHarness,
  type WebHarness,
  docsScreenshot,
} from './browser';
import { delegate, demoCycle2011Sql, SECRETARIAT } from '../utils/signed-in';

/**
 * The delegate's meeting (/m/{meetingId}, issue #15) on seven phones: the 7 demo units' delegates
 * sign in, check in and vote in a poll the secretariat opened through the API, following it live;
 * one phone loses the answer to its ballot and retries with the same Idempotency-Key (one ballot
 * counted, the same receipt); after the tally, each finds its tracker on the bulletin board.
 * THIDUA_SCREENSHOTS=1 writes docs/screenshots/delegate-*.png.
 */

describeInBrowser("the delegate's meeting on a phone (real Chromium)", () => {
  let harness: WebHarness;
  let secretariat: string;
  let meetingId: string;
  let unitNames: Record<string, string>;
  const contexts: BrowserContext[] = [];
  const phones: Record<string, Page> = {};

  async function apiCall<T = Record<string, unknown>>(
    method: string,
    path: string,
    body?: unknown,
    token = secretariat,
  ) {
    const response = await fetch(`${harness.baseUrl}/api/v1${path}`, {
      method,
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return { status: response.status, body: (await response.json()) as T };
  }

  async function screenshot(page: Page, name: string): Promise<void> {
    await docsScreenshot(page, `delegate-${name}`);
  }

  /** axe finds no serious or critical violation, and nothing is wider than the phone. */
  async function expectAccessible(page: Page): Promise<void> {
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    expect(await page.evaluate<number>('document.documentElement.scrollWidth')).toBeLessThanOrEqual(
      PHONE.viewport.width,
    );
  }

  async function phoneSignedIn(email: string): Promise<Page> {
    const context = await harness.browser.newContext({ ...PHONE, locale: 'vi-VN' });
    contexts.push(context);
    const page = await context.newPage();
    await page.goto(`${harness.baseUrl}/m/${meetingId}`);
    await page.getByLabel('Email').fill(email);
    await page.getByLabel('Mật khẩu', { exact: true }).fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await page.getByRole('heading', { level: 1, name: /Hội nghị giao ban/ }).waitFor();
    return page;
  }

  beforeAll(async () => {
    harness = await startWebHarness();
    const login = await fetch(`${harness.baseUrl}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: SECRETARIAT, password: DEMO_PASSWORD }),
    });
    secretariat = ((await login.json()) as { accessToken: string }).accessToken;
    const dataSource = harness.app.get(DataSource);
    const { cycleId } = await demoCycle2011Sql(dataSource);
    const units = (await dataSource.query(`SELECT code, name FROM units`)) as { code: string; name: string }[];
    unitNames = Object.fromEntries(units.map((unit) => [unit.code, unit.name]));
    const meeting = await apiCall<{ id: string }>('POST', `/cycles/${cycleId}/meetings`, {
      title: 'Hội nghị giao ban Cụm thi đua các tỉnh biên giới phía Bắc năm 2011',
      heldOn: '2011-11-21',
      place: 'Thành phố Lạng Sơn',
      agenda: [
        { title: 'Báo cáo kết quả phong trào thi đua năm 2011' },
        { title: 'Bầu cụm trưởng năm 2012', note: 'Bỏ phiếu kín' },
      ],
    });
    expect(meeting.status).toBe(201);
    meetingId = meeting.body.id;
  }, 180_000);

  afterAll(async () => {
    for (const context of contexts) await context.close();
    await harness?.close();
  });

  it('says in words why someone who sits for no unit cannot check in', async () => {
    const page = await phoneSignedIn(SECRETARIAT);
    await page.getByText('không phải đại biểu hay thủ trưởng của một đơn vị thành viên').waitFor();
    expect(await page.getByRole('button', { name: /^Điểm danh cho/ }).count()).toBe(0);
    await expectAccessible(page);
    // The same in English, on request.
    await page.getByLabel('Ngôn ngữ').selectOption('en');
    await page.getByText('You are not a delegate or head of a member unit of the cluster').waitFor();
    await page.getByRole('heading', { name: 'Units present' }).waitFor();
    await expectAccessible(page);
  }, 60_000);

  it('seven delegates sign in and check in for their units; the quorum follows live', async () => {
    for (const code of DEMO_CODES) phones[code] = await phoneSignedIn(delegate(code));
    const first = phones['son-la'];
    await first.getByRole('heading', { name: 'Điểm danh' }).waitFor();
    await expectAccessible(first);
    await screenshot(first, 'checkin');

    for (const [index, code] of DEMO_CODES.entries()) {
      const page = phones[code];
      await page.getByRole('button', { name: `Điểm danh cho ${unitNames[code]}` }).click();
      await page.getByText(`Bạn đã điểm danh, đại diện cho ${unitNames[code]}.`).waitFor();
      // Sơn La's phone hears every later check-in through the meeting's stream.
      await first.getByText(`${index + 1}/7 đơn vị thành viên có mặt.`).waitFor();
    }
    await expectAccessible(first);
  }, 180_000);

  it('a second person cannot take a unit whose seat is taken: the refusal in words', async () => {
    // The head of Sơn La holds a mandate of the unit, but its delegate already sits for it.
    const page = await phoneSignedIn(demoUnitEmail('head', 'son-la'));
    await page.getByText(`Đã có người điểm danh cho ${unitNames['son-la']}.`).waitFor();
    await page.getByRole('button', { name: `Điểm danh cho ${unitNames['son-la']}` }).click();
    await page.getByRole('alert').getByText('Đã có người khác điểm danh cho đơn vị này').waitFor();
    await expectAccessible(page);
  }, 60_000);

  let pollId: string;
  const receipts: Record<string, string[]> = {};

  it('votes on every phone in the poll the secretariat opened; a dropped answer is retried with the same key', async () => {
    const created = await apiCall<{ id: string }>('POST', `/meetings/${meetingId}/polls`, {
      kind: 'leader_election',
      title: 'Bầu cụm trưởng năm 2012',
    });
    expect(created.status).toBe(201);
    pollId = created.body.id;
    expect((await apiCall('POST', `/polls/${pollId}/open`, {})).status).toBe(200);

    // Every phone sees the poll open by itself (the stream), with Lạng Sơn refused and why.
    for (const code of DEMO_CODES) {
      await phones[code].getByRole('heading', { name: 'Phiếu bầu kín' }).waitFor();
    }
    const first = phones['son-la'];
    const refused = first.getByRole('region', { name: 'Không đủ điều kiện ứng cử' });
    await refused.getByText(unitNames['lang-son']).waitFor();
    await refused.getByText(/cụm trưởng nhiệm kỳ vừa qua/).waitFor();
    expect(await first.getByRole('radio', { name: unitNames['lang-son'] }).count()).toBe(0);
    await expectAccessible(first);
    await screenshot(first, 'ballot');

    // Sơn La's network drops the answer to its first ballot AFTER the server took it.
    const sent: Request[] = [];
    let firstReceipt: string[] | undefined;
    await first.route('**/api/v1/polls/*/ballots', async (route) => {
      sent.push(route.request());
      if (sent.length === 1) {
        const response = await route.fetch();
        firstReceipt = ((await response.json()) as { receipt: { trackers: string[] } }).receipt.trackers;
        await route.abort('connectionreset');
      } else {
        await route.continue();
      }
    });

    const choices: Record<string, string> = {
      'son-la': 'lai-chau',
      'lai-chau': 'lai-chau',
      'dien-bien': 'lai-chau',
      'ha-giang': 'lai-chau',
      'cao-bang': 'lai-chau',
      'lao-cai': 'lai-chau',
      'lang-son': 'abstain',
    };
    for (const code of DEMO_CODES) {
      const page = phones[code];
      const label = choices[code] === 'abstain' ? 'Bỏ phiếu trắng' : unitNames[choices[code]];
      if (code === 'lang-son') {
        // Keyboard only: Space picks the focused option, Tab leads to "continue", Enter goes on;
        // the confirm step takes the focus, the next Tab is "send".
        await page.getByRole('radio', { name: label, exact: true }).focus();
        await page.keyboard.press('Space');
        expect(await page.getByRole('radio', { name: label, exact: true }).isChecked()).toBe(true);
        await page.keyboard.press('Tab');
        expect(await page.evaluate<string>('document.activeElement?.textContent')).toBe('Tiếp tục');
        await page.keyboard.press('Enter');
        await page.getByRole('heading', { name: 'Xác nhận lá phiếu' }).waitFor();
        expect(await page.evaluate<string>('document.activeElement?.textContent')).toBe('Xác nhận lá phiếu');
        await page.getByText(`Bạn chọn: ${label}`).waitFor();
        await page.keyboard.press('Tab');
        expect(await page.evaluate<string>('document.activeElement?.textContent')).toBe('Gửi lá phiếu');
        await page.keyboard.press('Enter');
      } else {
        await page.getByRole('radio', { name: label, exact: true }).check();
        await page.getByRole('button', { name: 'Tiếp tục' }).click();
        await page.getByRole('heading', { name: 'Xác nhận lá phiếu' }).waitFor();
        await page.getByText(`Bạn chọn: ${label}`).waitFor();
        if (code === 'son-la') {
          await expectAccessible(page);
          await screenshot(page, 'confirm');
        }
        await page.getByRole('button', { name: 'Gửi lá phiếu' }).click();
      }
      await page.getByRole('heading', { name: 'Biên nhận lá phiếu' }).waitFor({ timeout: 30_000 });
      const trackers = await page.locator('.receipt code').allTextContents();
      expect(trackers.length).toBeGreaterThan(0);
      receipts[code] = trackers;
    }

    // The retry carried the same key and got the same receipt.
    expect(sent.length).toBe(2);
    expect(sent[1].headers()['idempotency-key']).toBe(sent[0].headers()['idempotency-key']);
    expect(receipts['son-la']).toEqual(firstReceipt);
    await expectAccessible(first);
    await screenshot(first, 'receipt');

    // One ballot per unit: the turnout counts seven voters, not eight.
    const turnout = await apiCall<{ voted: number; entitled: number }>('GET', `/polls/${pollId}/turnout`);
    expect(turnout.body).toMatchObject({ voted: 7, entitled: 7 });
    await first.getByText('Đã bỏ phiếu: 7/7').waitFor();
  }, 240_000);

  it('after the close and the tally, shows the result, and "check my ballot" finds each tracker', async () => {
    expect((await apiCall('POST', `/polls/${pollId}/close`, {})).status).toBe(200);
    const board = await apiCall<{ ballots: number; entries: { tracker: string }[] }>(
      'GET',
      `/polls/${pollId}/bulletin-board`,
    );
    const allTrackers = Object.values(receipts).flat();
    expect(board.body.ballots).toBe(allTrackers.length);
    for (const tracker of allTrackers) {
      expect(board.body.entries.filter((entry) => entry.tracker === tracker)).toHaveLength(1);
    }
    expect((await apiCall('POST', `/polls/${pollId}/tally`, {})).status).toBe(200);

    for (const code of DEMO_CODES) {
      const page = phones[code];
      await page.getByRole('heading', { name: 'Kết quả' }).waitFor();
      await page.getByRole('button', { name: 'Kiểm tra lá phiếu của tôi' }).click();
      await page
        .getByText(/Có trên bảng công bố, đúng như bạn chọn/)
        .first()
        .waitFor();
      expect(await page.getByText(/Không thấy trên bảng công bố/).count()).toBe(0);
    }
    const first = phones['son-la'];
    await first.getByText(`Đã trúng cử — ${unitNames['lai-chau']}`).waitFor();
    await expectAccessible(first);
    await screenshot(first, 'check');
  }, 180_000);

  it("says who is not on a poll's roll, and finds on the board a ballot whose answer never came before the close, by the key the phone kept", async () => {
    const created = await apiCall<{ id: string }>('POST', `/meetings/${meetingId}/polls`, {
      kind: 'motion',
      title: 'Thông qua báo cáo kết quả phong trào thi đua năm 2011',
      motionText: 'Hội nghị thông qua báo cáo.',
    });
    expect(created.status).toBe(201);
    const motionId = created.body.id;
    // Lào Cai's delegate steps out before the poll opens and comes back after: not on its roll.
    const dataSource = harness.app.get(DataSource);
    const [laoCai] = (await dataSource.query(
      `SELECT n.id AS unit_id, u.id AS user_id FROM units n, users u WHERE n.code = 'lao-cai' AND u.email = $1`,
      [delegate('lao-cai')],
    )) as { unit_id: string; user_id: string }[];
    const out = await apiCall('POST', `/meetings/${meetingId}/attendance/check-out`, { unitId: laoCai.unit_id });
    expect(out.status).toBe(200);
    expect((await apiCall('POST', `/polls/${motionId}/open`, {})).status).toBe(200);
    const back = await apiCall('POST', `/meetings/${meetingId}/attendance/check-in`, {
      unitId: laoCai.unit_id,
      delegateId: laoCai.user_id,
    });
    expect(back.status).toBe(201);
    const late = phones['lao-cai'].getByRole('article', {
      name: 'Thông qua báo cáo kết quả phong trào thi đua năm 2011',
    });
    await late.getByText(/Đơn vị của bạn không có trong danh sách bỏ phiếu/).waitFor();
    expect(await late.getByRole('radio').count()).toBe(0);
    await expectAccessible(phones['lao-cai']);

    // Cao Bằng's phone: the server takes the ballot, but no answer ever reaches the phone.
    const page = phones['cao-bang'];
    let attempts = 0;
    await page.route('**/api/v1/polls/*/ballots', async (route) => {
      attempts += 1;
      if (attempts === 1) await route.fetch();
      await route.abort('connectionreset');
    });
    const card = page.getByRole('article', { name: 'Thông qua báo cáo kết quả phong trào thi đua năm 2011' });
    await card.getByRole('radio', { name: 'Đồng ý', exact: true }).check();
    await card.getByRole('button', { name: 'Tiếp tục' }).click();
    await card.getByRole('button', { name: 'Gửi lá phiếu' }).click();
    await card.getByText('Đang gửi lá phiếu…').waitFor();
    // The phone retries with the same key (and loses that answer too), and says so.
    await card.getByText('Mạng yếu: đang gửi lại đúng lá phiếu này').waitFor();
    while (attempts < 2) await page.waitForTimeout(100);

    // The poll closes before any answer: the phone still holds the ballot's key, not a receipt.
    expect((await apiCall('POST', `/polls/${motionId}/close`, {})).status).toBe(200);
    await card.getByText(/chưa nhận được xác nhận trước khi kết thúc bỏ phiếu/).waitFor();
    await expectAccessible(page);
    await card.getByRole('button', { name: 'Kiểm tra lá phiếu của tôi' }).click();
    await card.getByRole('heading', { name: 'Biên nhận lá phiếu' }).waitFor();
    await card.getByText('Có trên bảng công bố, đúng như bạn chọn: Đồng ý.').waitFor();
    await page.unroute('**/api/v1/polls/*/ballots');

    // The receipt is kept on the device: after a reload it is still there.
    await page.reload();
    const again = page.getByRole('article', { name: 'Thông qua báo cáo kết quả phong trào thi đua năm 2011' });
    await again.getByText('Đã nhận lá phiếu của bạn: Đồng ý.').waitFor();
    const board = await apiCall<{ entries: { tracker: string; choice: string }[] }>(
      'GET',
      `/polls/${motionId}/bulletin-board`,
    );
    const kept = await again.locator('.receipt code').allTextContents();
    expect(board.body.entries).toEqual([{ tracker: kept[0], choice: 'yes' }]);
  }, 120_000);

  it('an award ballot: approve or reject each candidate, the quota said in words, the refused listed with why', async () => {
    // The data an award needs, written as the elections tests write it: an adopted ranking and a
    // sealed pledge that every unit but Cao Bằng signed.
    const dataSource = harness.app.get(DataSource);
    const t = { dataSource } as unknown as TestApp;
    const ids = await demoIds(t);
    await adoptRanking(t, ids, { 'son-la': '95.00', 'lang-son': '92.00', 'lai-chau': '90.00', 'ha-giang': '80.00' });
    const admin = ids.userIds['admin@thidua.local'];
    const [doc] = (await dataSource.query(
      `INSERT INTO signed_documents (kind, subject_id, canonical, digest)
       VALUES ('pledge_seal', gen_random_uuid(), '{}', repeat('0', 64)) RETURNING id`,
    )) as { id: string }[];
    const [pledge] = (await dataSource.query(
      `INSERT INTO pledges (cycle_id, cluster_id, number, shared_text, rules_version_id, status, created_by, seal_document_id, sealed_at)
       SELECT c.id, c.cluster_id, 1, 'Giao ước thi đua năm 2011', c.rules_version_id, 'sealed', $2, $3, now()
         FROM cycles c WHERE c.id = $1 RETURNING id`,
      [ids.cycleId, admin, doc.id],
    )) as { id: string }[];
    for (const code of ['son-la', 'lai-chau', 'dien-bien', 'ha-giang', 'lao-cai', 'lang-son']) {
      await dataSource.query(
        `INSERT INTO unit_pledges (pledge_id, unit_id, status, drafted_by, signed_document_id) VALUES ($1, $2, 'signed', $3, $4)`,
        [pledge.id, ids.unitIds[code], admin, doc.id],
      );
    }
    const title = 'Đề nghị Cờ thi đua của Liên minh HTX Việt Nam';
    const created = await apiCall<{ id: string }>('POST', `/meetings/${meetingId}/polls`, {
      kind: 'award_proposal',
      title,
      awardCategoryCode: 'ALLIANCE-FLAG',
    });
    expect(created.status).toBe(201);
    expect((await apiCall('POST', `/polls/${created.body.id}/open`, {})).status).toBe(200);

    const page = phones['son-la'];
    const card = page.getByRole('article', { name: title });
    await card.getByText('Đồng ý nhiều nhất 1 đơn vị.').waitFor();
    const refused = card.getByRole('region', { name: 'Không đủ điều kiện ứng cử' });
    await refused.getByText(/chưa ký giao ước thi đua/).waitFor();
    await refused
      .getByText(/không có trong bảng xếp hạng/)
      .first()
      .waitFor();
    const eligible = ['son-la', 'lang-son', 'lai-chau', 'ha-giang'];
    // Two approvals for a quota of one: refused on the page, in words, before anything is sent.
    for (const [index, code] of eligible.entries()) {
      const group = card.getByRole('group', { name: unitNames[code], exact: true });
      await group
        .getByRole('radio', {
          name: `${index < 2 ? 'Đồng ý' : 'Không đồng ý'} đề nghị ${unitNames[code]}`,
          exact: true,
        })
        .check();
    }
    await card.getByRole('button', { name: 'Tiếp tục' }).click();
    await card.getByRole('alert').getByText('Chỉ được đồng ý nhiều nhất 1 đơn vị.').waitFor();
    await expectAccessible(page);

    await card.getByRole('radio', { name: `Không đồng ý đề nghị ${unitNames['lang-son']}` }).check();
    await card.getByRole('button', { name: 'Tiếp tục' }).click();
    await card.getByText(`Bạn chọn: Đồng ý: ${unitNames['son-la']}`).waitFor();
    await card.getByRole('button', { name: 'Gửi lá phiếu' }).click();
    await card.getByText(`Đã nhận lá phiếu của bạn: Đồng ý: ${unitNames['son-la']}.`).waitFor();
  }, 120_000);
});

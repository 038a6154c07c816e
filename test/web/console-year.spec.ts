import { readFileSync } from 'node:fs';
import type { BrowserContext, Page } from 'playwright-core';
import { DataSource } from 'typeorm';
import {
  DEMO_PASSWORD,
  describeInBrowser,
  openSignedIn,
  seriousAccessibilityViolations,
  startWebHarness,
  type WebHarness,
  docsScreenshot,
} from './browser';
import { openRecordsScreen, verifyLedgerInConsole } from './year-2011/close.console';
import { advanceInConsole, chooseYearInConsole, openYearInConsole, openYearScreen } from './year-2011/year-actions';
import { demoClusterIdSql } from '../utils/signed-in';

/**
 * The console's home, the year at a glance, the approvals inbox and the records (issue 16) on the
 * demo database: the 2011 year at `voting` the morning of the meeting. The browser's clock is fixed
 * (the service's is not used for what the page counts), so "days left" never depends on today.
 * THIDUA_SCREENSHOTS=1 writes docs/screenshots/console-{home,year,approvals,records}.png.
 */
const CLERK = 'thuky1@thidua.local';

describeInBrowser("the secretariat's year in the console (real Chromium, demo data)", () => {
  let harness: WebHarness;
  let context: BrowserContext;
  let page: Page;
  let clusterId: string;

  async function screenshot(name: string): Promise<void> {
    await docsScreenshot(page, `console-${name}`);
  }

  async function asClerk<T>(method: string, path: string, body?: unknown): Promise<{ status: number; body: T }> {
    const login = await fetch(`${harness.baseUrl}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: CLERK, password: DEMO_PASSWORD }),
    });
    const { accessToken } = (await login.json()) as { accessToken: string };
    const response = await fetch(`${harness.baseUrl}/api/v1${path}`, {
      method,
      headers: { authorization: `Bearer ${accessToken}`, 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return { status: response.status, body: (await response.json()) as T };
  }

  beforeAll(async () => {
    harness = await startWebHarness();
    clusterId = await demoClusterIdSql(harness.app.get(DataSource));
    context = await harness.browser.newContext({
      viewport: { width: 1366, height: 768 },
      locale: 'vi-VN',
      timezoneId: 'Asia/Ho_Chi_Minh',
    });
    page = await context.newPage();
    // 20 November 2011, 23:30 in Hà Nội (16:30 UTC): the eve of the meeting.
    await page.clock.setFixedTime(new Date('2011-11-20T16:30:00Z'));
    await openSignedIn(page, harness.baseUrl, '/console', CLERK);
  }, 420_000);

  afterAll(async () => {
    await context?.close();
    await harness?.close();
  });

  it('sets the deadlines and the home counts the days left in Vietnam', async () => {
    await openYearScreen(page);
    await page.getByRole('heading', { level: 2, name: 'Năm 2011: giai đoạn Bình xét, bỏ phiếu' }).waitFor();
    const deadlines = page.getByRole('region', { name: 'Hạn các giai đoạn' });
    // Past phases are shown and cannot change; the current one and later can.
    expect(await deadlines.getByLabel('Hạn giai đoạn Đánh giá, chấm điểm').isDisabled()).toBe(true);
    await deadlines.getByLabel('Hạn giai đoạn Bình xét, bỏ phiếu').fill('2011-11-21');
    await deadlines.getByLabel('Hạn giai đoạn Trao cờ').fill('2011-11-25');
    await deadlines.getByLabel('Lý do thay đổi (không bắt buộc)').fill('Hạn theo ngày họp giao ban');
    await deadlines.getByRole('button', { name: 'Lưu hạn các giai đoạn' }).click();
    await page.getByText('Đã lưu hạn các giai đoạn.').waitFor();
    await page.getByRole('cell', { name: 'Đổi hạn' }).waitFor();

    await page.getByRole('link', { name: 'Việc cần làm hôm nay' }).click();
    await page.getByRole('heading', { level: 1, name: 'Việc cần làm hôm nay' }).waitFor();
    await page.getByText('Hôm nay là ngày 20/11/2011.').waitFor();
    await page.getByText('Năm thi đua 2011 đang ở giai đoạn Bình xét, bỏ phiếu.').waitFor();
    const ahead = page.getByRole('region', { name: 'Hạn sắp tới' });
    // 23:30 on the 20th in Hà Nội is already the 20th there (UTC is still the 20th too, but 16:30).
    await ahead.getByRole('row', { name: /Bình xét, bỏ phiếu \(đang diễn ra\) 21\/11\/2011 còn 1 ngày/ }).waitFor();
    await ahead.getByRole('row', { name: /Trao cờ 25\/11\/2011 còn 5 ngày/ }).waitFor();
    // No gate guards the handover: the home says the year may move on.
    await page.getByText('Đã đủ mọi điều kiện để chuyển sang giai đoạn Trao cờ.').waitFor();
    await page.getByText('Không có hồ sơ nào chờ ban thư ký.').waitFor();
    expect(await seriousAccessibilityViolations(page)).toEqual([]);

    // Two days later the current phase is overdue, counted from the Vietnamese calendar day.
    await page.clock.setFixedTime(new Date('2011-11-22T17:30:00Z')); // 00:30 on the 23rd in Hà Nội
    await page.reload();
    await page
      .getByRole('region', { name: 'Hạn sắp tới' })
      .getByRole('row', { name: /Bình xét, bỏ phiếu \(đang diễn ra\) 21\/11\/2011 quá hạn 2 ngày/ })
      .waitFor();
    await page.clock.setFixedTime(new Date('2011-11-20T16:30:00Z'));
    await page.reload();
    await page.getByText('Hôm nay là ngày 20/11/2011.').waitFor();
    await screenshot('home');
  }, 120_000);

  it('refuses a reopening without a reason, then reopens the phase with one', async () => {
    await openYearScreen(page);
    const reopen = page.getByRole('region', { name: 'Mở lại giai đoạn Bình xét, bỏ phiếu' });
    await reopen.getByRole('button', { name: 'Mở lại giai đoạn' }).click();
    await reopen.getByText('Hãy ghi lý do mở lại giai đoạn.').waitFor();
    await reopen.getByLabel('Lý do mở lại').fill('Muộn');
    await reopen.getByRole('button', { name: 'Mở lại giai đoạn' }).click();
    await reopen.getByText('Lý do cần từ 10 đến 1000 ký tự.').waitFor();
    expect(await seriousAccessibilityViolations(page)).toEqual([]);

    await reopen.getByLabel('Lý do mở lại').fill('Hai đơn vị xin bổ sung minh chứng chấm điểm trước phiên họp.');
    await reopen.getByLabel('Hạn mới của giai đoạn (không bắt buộc)').fill('2011-11-22');
    await reopen.getByRole('button', { name: 'Mở lại giai đoạn' }).click();
    await page.getByText('Đã mở lại giai đoạn Bình xét, bỏ phiếu.').waitFor();
    const history = page.getByRole('region', { name: 'Lịch sử của năm' });
    await history
      .getByRole('row', { name: /Mở lại giai đoạn Bình xét, bỏ phiếu Hai đơn vị xin bổ sung minh chứng/ })
      .waitFor();
    await page
      .getByRole('region', { name: 'Các giai đoạn của năm' })
      .getByText(/hạn 22\/11\/2011/)
      .waitFor();
  }, 120_000);

  it('advances to the handover, and refuses to close the year before the flag is handed over, saying why', async () => {
    await advanceInConsole(page, 'handover');
    await openYearScreen(page);
    const next = page.getByRole('region', { name: 'Điều kiện để kết thúc năm thi đua' });
    await next.getByText('Cờ luân lưu đã được bàn giao cho đơn vị cụm trưởng năm sau.').waitFor();
    await next.getByText('Chưa đạt').waitFor();
    await expect(advanceInConsole(page, 'closed')).rejects.toThrow(/refused to advance to closed/);
    const alert = next.getByRole('alert');
    const sentence = await alert.innerText();
    expect(sentence).not.toContain('cycle_gate_unmet');
    expect(sentence).not.toMatch(/409/);
    await next.getByText('Chưa chuyển được giai đoạn vì còn những điều kiện sau:').waitFor();
    expect(
      await next
        .getByText('Cờ luân lưu chưa được bàn giao (chưa đăng ký cờ, hoặc chưa bầu cụm trưởng năm sau).')
        .count(),
    ).toBeGreaterThanOrEqual(2); // the gate's own list and the refusal's
    await next.getByRole('link', { name: 'Mở cờ luân lưu' }).first().waitFor();
    await page.getByRole('heading', { level: 2, name: 'Năm 2011: giai đoạn Trao cờ' }).waitFor();
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
  }, 120_000);

  it('opens 2012 while 2011 finishes, refuses it a second time, and refuses its pledge phase before rules are pinned', async () => {
    const cycleId = await openYearInConsole(page, {
      year: 2012,
      deadlines: { rules_adoption: '2011-12-31', pledge_signing: '2012-03-31' },
    });
    expect(cycleId).toMatch(/^[0-9a-f-]{36}$/);
    await page.getByRole('group', { name: 'Cụm và năm đang làm việc' }).getByTitle('Năm 2012 — Chuẩn bị').waitFor();
    await page.getByRole('region', { name: 'Lịch sử của năm' }).getByRole('cell', { name: 'Mở năm' }).waitFor();

    await expect(openYearInConsole(page, { year: 2012 })).rejects.toThrow(/did not open 2012/);
    const refusal = page.getByRole('region', { name: 'Mở năm thi đua mới' }).getByRole('alert');
    expect(await refusal.innerText()).not.toContain('cycle_year_taken');

    await page.reload();
    await advanceInConsole(page, 'rules_adoption');
    await expect(advanceInConsole(page, 'pledge_signing')).rejects.toThrow(/refused/);
    const next = page.getByRole('region', { name: 'Điều kiện để chuyển sang giai đoạn Ký giao ước' });
    await next.getByText('Chưa gắn phiên bản quy chế khen thưởng đã được thông qua cho năm này.').first().waitFor();
    await next.getByRole('link', { name: 'Mở quy chế khen thưởng' }).first().waitFor();
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await screenshot('year');
  }, 120_000);

  it('lists what the clerk may act on, opens a request with its subject and history, and acts with a comment', async () => {
    const drafted = await asClerk<{ id: string; approval: { requestId: string } }>(
      'POST',
      `/clusters/${clusterId}/rules-versions`,
      { title: 'Quy chế khen thưởng sửa đổi năm 2012' },
    );
    expect(drafted.status).toBe(201);

    await page.getByRole('link', { name: 'Hộp phê duyệt' }).click();
    await page.getByRole('heading', { level: 1, name: 'Hộp phê duyệt' }).waitFor();
    const row = page.getByRole('row', { name: /Quy chế khen thưởng Cả cụm Bản nháp/ });
    await row.waitFor();
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await screenshot('approvals');

    await row.getByRole('link', { name: 'Quy chế khen thưởng' }).click();
    await page.getByRole('heading', { level: 1, name: 'Quy chế khen thưởng' }).waitFor();
    await page.getByText('Phiên bản 2: Quy chế khen thưởng sửa đổi năm 2012').waitFor();
    await page.getByText('Chưa ai xử lý hồ sơ này.').waitFor();
    await page.getByLabel('Ý kiến (bắt buộc khi trả lại hoặc không thông qua)').fill('Đề nghị các đơn vị cho ý kiến.');
    await page.getByRole('button', { name: 'Đề xuất' }).click();
    await page.getByText('Đã ghi nhận: Đề xuất.').waitFor();
    const history = page.getByRole('region', { name: 'Lịch sử xử lý' });
    await history.getByRole('row', { name: /Đề xuất: Bản nháp → Đã đề xuất/ }).waitFor();
    await history.getByText('Đề nghị các đơn vị cho ý kiến.').waitFor();
    await history.getByRole('cell', { name: 'Thư ký cụm 1' }).waitFor();
    // The member heads decide now: the secretariat has nothing left to do on it.
    await page.getByText('Hiện ban thư ký không có bước nào để làm với hồ sơ này.').waitFor();
    expect(await seriousAccessibilityViolations(page)).toEqual([]);

    await page.getByRole('link', { name: '← Về hộp phê duyệt' }).click();
    await page.getByText('Không có hồ sơ nào chờ ban thư ký xử lý.').waitFor();
  }, 120_000);

  it("opens the year's records, verifies the ledger in words and browses its entries", async () => {
    await chooseYearInConsole(page, 2011);
    await openRecordsScreen(page);
    await page.getByRole('heading', { level: 2, name: 'Biên bản của năm 2011' }).waitFor();
    const verification = await verifyLedgerInConsole(page);
    expect(verification.valid).toBe(true);
    await page
      .getByRole('status')
      .getByText(`Sổ cái nguyên vẹn: cả ${verification.length.toLocaleString('vi-VN')} mục đều được tính lại khớp.`)
      .waitFor();

    const region = page.getByRole('region', { name: 'Biên bản của năm 2011' });
    const download = page.waitForEvent('download');
    await region.getByRole('button', { name: 'Tải bản PDF: Báo cáo kết quả kinh tế tập thể năm 2011' }).click();
    const file = await download;
    expect(
      readFileSync((await file.path())!)
        .subarray(0, 5)
        .toString('latin1'),
    ).toBe('%PDF-');
    expect(file.suggestedFilename()).toMatch(/\.pdf$/);

    const entries = page.getByRole('region', { name: 'Các mục trong sổ cái' });
    await entries.getByLabel('Lọc theo việc').fill('cycles.phase_reopened');
    await entries.getByRole('button', { name: 'Lọc', exact: true }).click();
    await entries.getByRole('cell', { name: 'cycles.phase_reopened' }).waitFor();
    await entries.getByRole('cell', { name: 'cycles.phase_advanced' }).first().waitFor({ state: 'detached' });
    await entries
      .getByRole('button', { name: /Mở rộng|Expand/ })
      .first()
      .click();
    await entries.getByText(/Hai đơn vị xin bổ sung minh chứng/).waitFor();
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await screenshot('records');
  }, 120_000);
});

import type { Page } from 'playwright-core';
import { demo2011ResultsFigures } from '../../src/modules/reports/demo-2011-reports';
import { head, officer, SECRETARIAT, SELF_SCORES } from '../../src/demo/replay-2011.data';
import { describeInBrowser, seriousAccessibilityViolations, docsScreenshot } from './browser';
import { startYear2011, type Year2011 } from './year-2011/year-2011';

/**
 * The units' portal for the officer (issue 17), in real Chromium, on the 2011 year replayed up to
 * the signed pledge: the officers of Sơn La (desktop) and Lai Châu (phone) file their results
 * report, the head returns it once with a comment (through the API: the head's inbox is another
 * screen), the officer reads the comment, corrects and resubmits, the head approves; then they
 * score themselves with evidence. THIDUA_SCREENSHOTS=1 writes docs/screenshots/portal-officer-*.png.
 */
const FIGURES = demo2011ResultsFigures();
const RETURN_COMMENT = 'Vốn điều lệ chưa khớp với sổ sách: kiểm tra lại số liệu của 12 HTX mới.';

async function screenshot(page: Page, name: string): Promise<void> {
  await docsScreenshot(page, `portal-officer-${name}`);
}

describeInBrowser('the units’ portal for the officer', () => {
  let year: Year2011;

  beforeAll(async () => {
    year = await startYear2011();
    await year.run('pledge');
  }, 600_000);
  afterAll(async () => year?.close());

  /** The unit's report as the API has it (the latest version). */
  const latestReport = async (code: string) => {
    const list = await year.replay.client.as(officer(code)).call(
      (api) =>
        api.GET('/api/v1/cycles/{cycleId}/reports', {
          params: {
            path: { cycleId: year.replay.ids.cycleId },
            query: { unitId: year.replay.ids.units[code], sort: '-number' },
          },
        }),
      200,
    );
    return list.items[0];
  };
  const headActs = async (code: string, transition: 'return' | 'approve', comment?: string) => {
    const report = await latestReport(code);
    await year.replay.client.as(head(code)).call(
      (api) =>
        api.POST('/api/v1/approvals/{id}/acts', {
          params: { path: { id: report.approval!.requestId } },
          body: { transition, comment },
        }),
      200,
    );
  };

  async function fillReport(page: Page, code: string): Promise<void> {
    const figures = FIGURES[code];
    await page.getByLabel('Số hợp tác xã', { exact: true }).fill(String(figures.cooperatives));
    await page.getByLabel('Vốn điều lệ (đồng)', { exact: true }).pressSequentially(figures.charterCapitalVnd);
    await page.getByLabel('Thành viên và người lao động', { exact: true }).fill(String(figures.membersAndWorkers));
    await page.getByLabel('Tổ hợp tác', { exact: true }).fill(String(figures.cooperativeGroups));
    await page.getByLabel('Tổ viên', { exact: true }).fill(String(figures.groupMembers));
    await page.getByLabel('Hợp tác xã thành lập mới', { exact: true }).fill(String(figures.newCooperatives));
    await page.getByLabel('Thành viên HTX kết nạp mới', { exact: true }).fill(String(figures.newMemberCooperatives));
  }

  async function fileReport(code: string, phone: boolean): Promise<void> {
    const page = await year.pageOf(officer(code), '/portal/reports', { phone });
    const shot = (name: string) => screenshot(page, `${name}${phone ? '-phone' : ''}`);
    await page.getByRole('heading', { level: 1, name: 'Báo cáo kết quả năm 2011' }).waitFor();
    await page.getByText('Chưa lập', { exact: true }).waitFor();

    // Submitting with a figure missing is refused at the field, before anything is sent.
    await page.getByRole('button', { name: 'Gửi Chủ tịch duyệt' }).click();
    await page.getByText('Hãy nhập «Số hợp tác xã».').waitFor();

    await fillReport(page, code);
    // The amount is typed digit by digit and shown grouped as in Vietnamese, exact.
    const capital = page.getByLabel('Vốn điều lệ (đồng)', { exact: true });
    expect(await capital.inputValue()).toBe(grouped(FIGURES[code].charterCapitalVnd));
    // A wrong first try, kept on the device over a refresh (the draft), then corrected below.
    await capital.fill('');
    await capital.pressSequentially('1000');
    await page.getByLabel('Ghi chú cho «Vốn điều lệ (đồng)»').fill('Gồm vốn góp của các HTX thành lập mới');
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Báo cáo kết quả năm 2011' }).waitFor();
    expect(await page.getByLabel('Vốn điều lệ (đồng)', { exact: true }).inputValue()).toBe('1.000');
    expect(await page.getByLabel('Ghi chú cho «Vốn điều lệ (đồng)»').inputValue()).toBe(
      'Gồm vốn góp của các HTX thành lập mới',
    );
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await shot('report-form');

    await page.getByRole('button', { name: 'Gửi Chủ tịch duyệt' }).click();
    await page.getByText('Chờ Chủ tịch duyệt', { exact: true }).waitFor();
    expect(await page.getByText('1.000 ₫').isVisible()).toBe(true);

    // The head returns it once, with a comment; the officer sees the comment and the form again.
    await headActs(code, 'return', RETURN_COMMENT);
    await page.reload();
    await page.getByText('Chủ tịch đã trả lại báo cáo để sửa').waitFor();
    expect(await page.getByText(RETURN_COMMENT).isVisible()).toBe(true);
    expect(await page.getByText('Bị trả lại', { exact: true }).isVisible()).toBe(true);
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await shot('report-returned');

    // The to-do list says so too, with the comment, and leads back to the form.
    await page
      .getByRole('link', { name: 'Việc cần làm' })
      .click()
      .catch(async () => page.goto(`${year.harness.baseUrl}/portal`));
    await page.getByRole('heading', { level: 1, name: 'Việc cần làm năm 2011' }).waitFor();
    const reportTodo = page.getByRole('listitem').filter({ hasText: 'Báo cáo kết quả năm' });
    await reportTodo.getByText('Bị trả lại', { exact: true }).waitFor();
    expect(await reportTodo.getByText(RETURN_COMMENT).isVisible()).toBe(true);
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await shot('todo');
    await reportTodo.getByRole('link', { name: 'Mở báo cáo' }).click();

    const field = page.getByLabel('Vốn điều lệ (đồng)', { exact: true });
    await field.fill('');
    await field.pressSequentially(FIGURES[code].charterCapitalVnd);
    expect(await field.inputValue()).toBe(grouped(FIGURES[code].charterCapitalVnd));
    await page.getByRole('button', { name: 'Gửi Chủ tịch duyệt' }).click();
    await page.getByText('Chờ Chủ tịch duyệt', { exact: true }).waitFor();

    await headActs(code, 'approve');
    await page.reload();
    await page.getByText('Đã duyệt', { exact: true }).waitFor();
    expect(await page.getByText(`${grouped(FIGURES[code].charterCapitalVnd)} ₫`).isVisible()).toBe(true);
    const stored = await latestReport(code);
    expect({ status: stored.status, capital: stored.charterCapitalVnd, number: stored.number }).toEqual({
      status: 'approved',
      capital: FIGURES[code].charterCapitalVnd,
      number: 1,
    });
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await shot('report-approved');
  }

  it("Sơn La's officer files the report on a desktop; returned once with a comment, corrected, approved", async () => {
    await fileReport('son-la', false);
  }, 180_000);

  it("Lai Châu's officer does the same on a phone", async () => {
    await fileReport('lai-chau', true);
  }, 180_000);

  it("Sơn La's officer reads the signed targets and reports mid-year progress against them", async () => {
    const page = await year.pageOf(officer('son-la'), '/portal/pledges');
    await page.getByRole('heading', { level: 1, name: 'Giao ước thi đua năm 2011' }).waitFor();
    await page.getByText('Đã ký', { exact: true }).waitFor();
    expect(await page.getByText('Các Liên minh HTX tỉnh trong Cụm cam kết', { exact: false }).isVisible()).toBe(true);
    await page.getByLabel('Kết quả của «Số HTX thành lập mới»').fill('12');
    await page.getByLabel('Ghi chú cho «Số HTX thành lập mới»').fill('Sơ kết 6 tháng đầu năm');
    await page.getByRole('button', { name: 'Gửi Chủ tịch duyệt' }).click();
    await page.getByText('Đã gửi báo cáo tiến độ.').waitFor();
    await page.getByText('Sơ kết giữa năm — lần 1').waitFor();

    const unitPledgeId = (await unitPledgeOf('son-la')).id;
    const [report] = (
      await year.replay.client.as(officer('son-la')).call(
        (api) =>
          api.GET('/api/v1/unit-pledges/{id}/progress-reports', {
            params: { path: { id: unitPledgeId } },
          }),
        200,
      )
    ).items;
    expect(report.status).toBe('submitted');
    await year.replay.client.as(head('son-la')).call(
      (api) =>
        api.POST('/api/v1/approvals/{id}/acts', {
          params: { path: { id: report.approval!.requestId } },
          body: { transition: 'approve' },
        }),
      200,
    );
    await page.reload();
    // 12 founded against a target of 22 (the unit's 2011 figure): 54,55% at mid-year.
    const target = FIGURES['son-la'].newCooperatives;
    const percent = (Math.round((12 / target) * 10000) / 100).toString().replace('.', ',');
    await page.getByRole('cell', { name: `12 (${percent}%)` }).waitFor();
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await screenshot(page, 'pledges');
  }, 120_000);

  const unitPledgeOf = async (code: string) => {
    const pledges = await year.replay.client
      .as(officer(code))
      .call(
        (api) =>
          api.GET('/api/v1/cycles/{cycleId}/pledges', { params: { path: { cycleId: year.replay.ids.cycleId } } }),
        200,
      );
    const current = pledges.items.find((pledge) => pledge.current)!;
    return { id: current.units.find((unit) => unit.unit.code === code)!.unitPledgeId };
  };

  /** Tiny files of real kinds (the server recognises them by their bytes). */
  const PDF = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');
  const PNG = Buffer.from(
    'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
    'base64',
  );

  async function scoreWithEvidence(code: string, phone: boolean): Promise<void> {
    const page = await year.pageOf(officer(code), '/portal/scoring', { phone });
    const shot = (name: string) => screenshot(page, `${name}${phone ? '-phone' : ''}`);
    await page.getByRole('heading', { level: 1, name: 'Tự chấm điểm năm 2011' }).waitFor();
    await page.getByLabel('Điểm tự chấm A1').waitFor();

    // Above the leaf's maximum is refused at the line before anything is sent.
    await page.getByLabel('Điểm tự chấm A1').fill('11');
    await page.getByRole('button', { name: 'Lưu điểm tự chấm' }).click();
    await page.getByText('Điểm từ 0 đến 10, tối đa hai chữ số thập phân.').waitFor();

    const scores = SELF_SCORES[code as keyof typeof SELF_SCORES];
    for (const [item, score] of Object.entries(scores)) {
      await page.getByLabel(`Điểm tự chấm ${item}`).fill(score.replace(/\.00$/, '').replace('.', ','));
    }
    await page.getByLabel('Ghi chú A1').fill('Theo báo cáo tổng kết năm 2011 của Liên minh.');
    // Totals as typed: the leaves, plus bonus, minus penalty.
    const expected = Object.entries(scores).reduce(
      (sum, [item, score]) => sum + (item.startsWith('PEN') ? -1 : 1) * Math.round(Number(score) * 100),
      0,
    );
    const total = String(expected / 100).replace('.', ',');
    await page.getByRole('heading', { level: 2, name: `Tổng điểm tự chấm: ${total}` }).waitFor();
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await shot('scoring');

    await page.getByRole('button', { name: 'Lưu điểm tự chấm' }).click();
    await page.getByText('Đã lưu điểm tự chấm.').waitFor();
    const sheet = await year.replay.client.as(officer(code)).call(
      (api) =>
        api.GET('/api/v1/scoring-periods/{periodId}/units/{unitId}/sheet', {
          params: { path: { periodId: year.replay.ids.periodId, unitId: year.replay.ids.units[code] } },
        }),
      200,
    );
    expect(sheet.totals.self.total).toBe((expected / 100).toFixed(2));

    // Evidence for A1: three files chosen at once; the program is refused before upload.
    await page.getByRole('button', { name: 'Minh chứng A1' }).click();
    await page.getByRole('dialog').getByText('Minh chứng cho tiêu chí A1').waitFor();
    const chooser = page.waitForEvent('filechooser');
    await page.getByText('Kéo thả tệp vào đây, hoặc bấm để chọn (được chọn nhiều tệp một lúc)').click();
    await (
      await chooser
    ).setFiles([
      { name: 'Báo cáo tổng kết năm 2011.pdf', mimeType: 'application/pdf', buffer: PDF },
      { name: 'Ảnh hội nghị.png', mimeType: 'image/png', buffer: PNG },
      { name: 'caidat.exe', mimeType: 'application/octet-stream', buffer: Buffer.from('MZ') },
    ]);
    const refused = page.getByRole('alert').filter({ hasText: '«caidat.exe» không được gửi' });
    await refused.waitFor();
    expect(await refused.innerText()).toContain('loại tệp này không được nhận');
    // The stored files' list (its lines give the SHA-256; the upload list above does not).
    const files = page.getByRole('dialog').getByRole('listitem').filter({ hasText: 'SHA-256' });
    await files.filter({ hasText: 'Báo cáo tổng kết năm 2011.pdf' }).waitFor();
    await files.filter({ hasText: 'Ảnh hội nghị.png' }).waitFor();

    // Bytes that are not what the name says pass the browser's check; the API refuses them, with its reason.
    const again = page.waitForEvent('filechooser');
    await page.getByText('Kéo thả tệp vào đây, hoặc bấm để chọn (được chọn nhiều tệp một lúc)').click();
    await (
      await again
    ).setFiles([{ name: 'gia-mao.pdf', mimeType: 'application/pdf', buffer: Buffer.from('not a pdf') }]);
    const byServer = page.getByRole('alert').filter({ hasText: '«gia-mao.pdf» không được nhận:' });
    await byServer.waitFor();
    expect(await byServer.innerText()).not.toContain('evidence_type_not_allowed');
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await shot('evidence');

    const stored = await year.replay.client.as(officer(code)).call(
      (api) =>
        api.GET('/api/v1/scoring-periods/{periodId}/units/{unitId}/entries/{itemCode}/evidence', {
          params: { path: { periodId: year.replay.ids.periodId, unitId: year.replay.ids.units[code], itemCode: 'A1' } },
        }),
      200,
    );
    expect(stored.items.map((file) => file.fileName).sort()).toEqual([
      'Báo cáo tổng kết năm 2011.pdf',
      'Ảnh hội nghị.png',
    ]);
  }

  it('both officers score themselves with evidence (Lai Châu on a phone)', async () => {
    // The secretariat opens the scoring period through the API (the console's part of the year).
    const period = await year.replay.client.as(SECRETARIAT[0]).call(
      (api) =>
        api.POST('/api/v1/cycles/{cycleId}/scoring-periods', {
          params: { path: { cycleId: year.replay.ids.cycleId } },
          body: { name: 'Chấm điểm thi đua năm 2011', selfScoringDue: vietnamDay(7), explanationDue: vietnamDay(14) },
        }),
      201,
    );
    year.replay.ids.periodId = period.id;
    await scoreWithEvidence('son-la', false);
    await scoreWithEvidence('lai-chau', true);
  }, 300_000);
});

/** The calendar day `days` from today in Vietnam (self-scoring is open until a day not yet past). */
function vietnamDay(days: number): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh' }).format(
    new Date(Date.now() + days * 86_400_000),
  );
}

/** '348200000000' → '348.200.000.000' (written out here, not by the code under test). */
function grouped(digits: string): string {
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, '.');
}

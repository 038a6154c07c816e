import ExcelJS from 'exceljs';
import { readFile } from 'node:fs/promises';
import type { Download } from 'playwright-core';
import { act } from '../../../src/demo/replay-2011.year';
import { UNITS, head, officer, unitName } from '../../../src/demo/replay-2011.data';
import { present } from '../../../src/demo/replay-client';
import { demo2011ResultsFigures, SOURCE_2011_TOTALS } from '../../../src/modules/reports/demo-2011-reports';
import { seriousAccessibilityViolations } from '../browser';
import { consoleScreenshot, openConsole } from './pledge.console';
import type { ConsoleStep } from './year-2011';

const bytesOf = async (download: Download) => readFile(await download.path());

/**
 * The replay's chapter 'reports' with the secretariat's part in the console: the units file their
 * 2011 figures through the API as src/demo/replay-2011.year.ts does (Lào Cai's head first returns its
 * report with a comment); the clerk follows each unit's status in the console, then checks the
 * cluster's totals exactly against the source's and exports them as CSV, .xlsx and the PDF record.
 */
export const totalReportsInConsole: ConsoleStep = async (year) => {
  const r = year.replay;
  const figures = demo2011ResultsFigures();
  const requests: Record<string, string> = {};
  for (const { code } of UNITS) {
    const report = await r.client.as(officer(code)).call(
      (api) =>
        api.POST('/api/v1/cycles/{cycleId}/reports', {
          params: { path: { cycleId: r.ids.cycleId } },
          body: { unitId: r.ids.units[code], ...figures[code] },
        }),
      201,
    );
    requests[code] = present(report.approval, `approval request of ${code}'s report`).requestId;
    await act(r, officer(code), requests[code], 'submit');
    if (code !== 'lao-cai') await act(r, head(code), requests[code], 'approve');
  }
  await r.client.as(head('lao-cai')).call(
    (api) =>
      api.POST('/api/v1/approvals/{id}/acts', {
        params: { path: { id: requests['lao-cai'] } },
        body: { transition: 'return', comment: 'Đề nghị đối chiếu lại số tổ viên với sổ theo dõi.' },
      }),
    200,
  );

  const page = await openConsole(year, '/console/reports');
  const laoCai = unitName('Lào Cai');
  await page.getByText(`1 trên 7 đơn vị chưa có báo cáo được phê duyệt: ${laoCai}.`, { exact: false }).waitFor();
  const units = page.getByRole('region', { name: 'Tình trạng báo cáo của các đơn vị' });
  await units.getByRole('row', { name: new RegExp(`${laoCai}.*Đang soạn`) }).waitFor();
  const versions = page.getByRole('region', { name: 'Các bản báo cáo trong năm' });
  await versions.getByRole('row', { name: new RegExp(`${laoCai}.*Bị trả lại để sửa`) }).waitFor();
  expect(await seriousAccessibilityViolations(page)).toEqual([]);
  await consoleScreenshot(page, 'console-reports-returned');

  await act(r, officer('lao-cai'), requests['lao-cai'], 'submit');
  await page.reload();
  await units.getByRole('row', { name: new RegExp(`${laoCai}.*Đã gửi, chờ phê duyệt`) }).waitFor();
  await act(r, head('lao-cai'), requests['lao-cai'], 'approve');

  await page.reload();
  await page.getByText('Cả 7 đơn vị thành viên đã có báo cáo được phê duyệt.').waitFor();
  const totals = page.getByRole('region', { name: 'Số liệu của cụm năm 2011' });
  await totals
    .getByText(
      '2.006 HTX, vốn điều lệ 1.269.500.000.000 ₫, 54.213 thành viên và người lao động, 15.232 tổ hợp tác với ' +
        '16.148 tổ viên; trong năm thành lập mới 96 HTX, kết nạp mới 78 thành viên HTX.',
    )
    .waitFor();
  const totalRow = totals.getByRole('row', { name: /^Tổng cộng/ });
  expect((await totalRow.innerText()).split(/\s*\t\s*|\n/).filter(Boolean)).toEqual([
    'Tổng cộng',
    '2.006',
    '1.269.500.000.000 ₫',
    '54.213',
    '15.232',
    '16.148',
    '96',
    '78',
  ]);
  expect(await seriousAccessibilityViolations(page)).toEqual([]);
  await consoleScreenshot(page, 'console-reports-totals');

  const exports = page.getByRole('region', { name: 'Xuất số liệu' });
  const [csv] = await Promise.all([
    page.waitForEvent('download'),
    exports.getByRole('button', { name: 'Tải bảng CSV' }).click(),
  ]);
  expect(csv.suggestedFilename()).toMatch(/^ket-qua-.*2011\.csv$/);
  const csvText = (await bytesOf(csv)).toString('utf8');
  expect(csvText.startsWith('\uFEFFĐơn vị,Số HTX,Vốn điều lệ (đồng)')).toBe(true);
  expect(csvText).toContain('Tổng cộng,2006,1269500000000,54213,15232,16148,96,78');

  const [xlsx] = await Promise.all([
    page.waitForEvent('download'),
    exports.getByRole('button', { name: 'Tải bảng Excel (.xlsx)' }).click(),
  ]);
  expect(xlsx.suggestedFilename()).toBe('ket-qua-2011.xlsx');
  const workbook = new ExcelJS.Workbook();
  const xlsxBytes = await bytesOf(xlsx);
  await workbook.xlsx.load(
    xlsxBytes.buffer.slice(xlsxBytes.byteOffset, xlsxBytes.byteOffset + xlsxBytes.byteLength) as ArrayBuffer,
  );
  const sheet = workbook.getWorksheet('2011')!;
  expect(sheet.rowCount).toBe(1 + UNITS.length + 1);
  expect(sheet.getRow(sheet.rowCount).values).toEqual([
    undefined,
    'Tổng cộng',
    SOURCE_2011_TOTALS.cooperatives,
    Number(SOURCE_2011_TOTALS.charterCapitalVnd),
    SOURCE_2011_TOTALS.membersAndWorkers,
    SOURCE_2011_TOTALS.cooperativeGroups,
    SOURCE_2011_TOTALS.groupMembers,
    SOURCE_2011_TOTALS.newCooperatives,
    SOURCE_2011_TOTALS.newMemberCooperatives,
  ]);

  const [pdf] = await Promise.all([
    page.waitForEvent('download'),
    exports.getByRole('button', { name: 'Tải biên bản PDF' }).click(),
  ]);
  expect(pdf.suggestedFilename()).toMatch(/^ket-qua-.*2011\.pdf$/);
  expect((await bytesOf(pdf)).subarray(0, 5).toString('latin1')).toBe('%PDF-');

  const results = await r.client
    .as(head('lao-cai'))
    .call((api) => api.GET('/api/v1/cycles/{cycleId}/results', { params: { path: { cycleId: r.ids.cycleId } } }), 200);
  r.outcome.totals = results.totals;
  expect(results.totals).toEqual(SOURCE_2011_TOTALS);
};

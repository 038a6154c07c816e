import { seriousAccessibilityViolations, describeInBrowser } from './browser';
import { closeYearInConsole } from './year-2011/close.console';
import { startYear2011, type Year2011 } from './year-2011/year-2011';

/**
 * The replay's last chapter, 'close', done by the clerk in the console: the 2011 year (replayed
 * through the API up to the flag in Sơn La's hands) closed from the year screen, the ledger
 * verified from the records screen, and every record of the year downloaded as a PDF.
 */
describeInBrowser('the 2011 year closed in the console (real Chromium, the year replayed)', () => {
  let year: Year2011;
  beforeAll(async () => {
    year = await startYear2011();
  }, 420_000);
  afterAll(async () => year?.close());

  it('closes 2011 once the flag is handed over, verifies the ledger and opens the records', async () => {
    await year.run('close', { close: closeYearInConsole });
    const page = await year.secretariat();

    expect(year.replay.outcome.cyclePhase).toBe('closed');
    expect(year.replay.outcome.ledger?.valid).toBe(true);
    await page.getByText(/^Sổ cái nguyên vẹn: cả [\d.]+ mục đều được tính lại khớp\.$/).waitFor();

    // Results, the pledge, the counting record(s) of the leader election, the flag's handover.
    const documents = year.replay.outcome.documents ?? [];
    for (const document of documents) expect(document.bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const titles = documents.map((document) => document.route);
    expect(titles).toEqual(
      expect.arrayContaining([
        'console: Báo cáo kết quả kinh tế tập thể năm 2011',
        'console: Giao ước thi đua, phiên bản 1',
        expect.stringMatching(/^console: Biên bản kiểm phiếu: /),
        expect.stringMatching(/^console: Biên bản bàn giao cờ luân lưu: .+ → Liên minh Hợp tác xã tỉnh Sơn La$/),
      ]),
    );
    expect(documents.filter((document) => document.name.endsWith('.pdf'))).toHaveLength(documents.length);
    expect(await seriousAccessibilityViolations(page)).toEqual([]);

    // The year screen now says the year is over and offers nothing that would change it.
    await page
      .getByRole('navigation', { name: 'Các mục của bảng điều hành' })
      .getByRole('link', { name: 'Năm thi đua', exact: true })
      .click();
    await page.getByRole('heading', { level: 2, name: 'Năm 2011: giai đoạn Đã kết thúc' }).waitFor();
    await page
      .getByText('Năm thi đua đã kết thúc: không còn giai đoạn nào phía sau và không thay đổi được nữa.')
      .waitFor();
    expect(await page.getByRole('region', { name: 'Hạn các giai đoạn' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Mở lại giai đoạn' }).count()).toBe(0);
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
  }, 600_000);
});

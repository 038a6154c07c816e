import type { BrowserContext, Page } from 'playwright-core';
import {
  describeInBrowser,
  openSignedIn,
  seriousAccessibilityViolations,
  startWebHarness,
  type WebHarness,
} from './browser';

/** The console and the portal open for the people they are for, and say so to the others. */
describeInBrowser('the console and the portal shells', () => {
  let harness: WebHarness;
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    harness = await startWebHarness();
  }, 120_000);
  afterAll(async () => harness?.close());
  beforeEach(async () => {
    context = await harness.browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'vi-VN' });
    page = await context.newPage();
  });
  afterEach(async () => context.close());

  it('opens the console for the secretariat, in the cluster and the newest year', async () => {
    await openSignedIn(page, harness.baseUrl, '/console', 'thuky1@thidua.local');
    await page.getByRole('navigation', { name: 'Các mục của bảng điều hành' }).waitFor();
    await page.getByRole('link', { name: 'Năm thi đua', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Năm thi đua' }).waitFor();
    await expect(
      page.getByText('Cụm thi đua Liên minh HTX các tỉnh biên giới phía Bắc').first().isVisible(),
    ).resolves.toBe(true);
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
  });

  it("tells a unit's head that the console is the secretariat's, and opens the portal for them", async () => {
    await openSignedIn(page, harness.baseUrl, '/console', 'chutich.son-la@thidua.local');
    await page.getByRole('alert').getByText('Bảng điều hành dành cho ban thư ký của cụm').waitFor();
    await page.getByRole('link', { name: 'Mở cổng thông tin của đơn vị' }).click();
    await page.getByRole('navigation', { name: 'Các mục của cổng thông tin' }).waitFor();
    await page.getByRole('link', { name: 'Hộp phê duyệt' }).waitFor();
    await expect(page.getByText('Liên minh Hợp tác xã tỉnh Sơn La').first().isVisible()).resolves.toBe(true);
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
  });

  it("shows an officer the officer's parts of the portal only", async () => {
    await openSignedIn(page, harness.baseUrl, '/portal', 'canbo.son-la@thidua.local');
    await page.getByRole('link', { name: 'Tự chấm điểm' }).waitFor();
    expect(await page.getByRole('link', { name: 'Hộp phê duyệt' }).count()).toBe(0);
  });
});

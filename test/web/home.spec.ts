import { describeInBrowser, PHONE, seriousAccessibilityViolations, startWebHarness, type WebHarness } from './browser';

describeInBrowser('the web app shell (real Chromium)', () => {
  let harness: WebHarness;
  beforeAll(async () => {
    harness = await startWebHarness();
  }, 120_000);
  afterAll(async () => harness?.close());

  it('opens in Vietnamese, switches to English and remembers it, with no serious accessibility violation', async () => {
    const context = await harness.browser.newContext({ ...PHONE, locale: 'vi-VN' });
    const page = await context.newPage();
    await page.goto(`${harness.baseUrl}/`);
    await page.getByRole('heading', { name: 'Trang chủ' }).waitFor();
    expect(await page.getAttribute('html', 'lang')).toBe('vi');
    expect(await seriousAccessibilityViolations(page)).toEqual([]);

    await page.getByLabel('Ngôn ngữ').selectOption('en');
    await page.getByRole('heading', { name: 'Home' }).waitFor();
    await page.reload();
    await page.getByRole('heading', { name: 'Home' }).waitFor();
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    await context.close();
  });

  it('answers an unknown page with a page that says so, and leads home', async () => {
    const context = await harness.browser.newContext({ locale: 'vi-VN' });
    const page = await context.newPage();
    const response = await page.goto(`${harness.baseUrl}/meetings/khong-co-trang-nay`);
    expect(response?.status()).toBe(200);
    await page.getByRole('heading', { name: 'Không tìm thấy trang' }).waitFor();
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await page.getByRole('link', { name: 'Về trang chủ' }).click();
    await page.getByRole('heading', { name: 'Trang chủ' }).waitFor();
    await context.close();
  });
});

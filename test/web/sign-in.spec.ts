import { DEMO_PASSWORD } from '../utils/test-database';
import { describeInBrowser, PHONE, seriousAccessibilityViolations, startWebHarness, type WebHarness } from './browser';

// Signing in from a browser: the access token in the page's memory, the refresh token in an
// HttpOnly cookie, silent refresh on reload, sign-out (here and everywhere), errors in words.
describeInBrowser('signing in from a browser (real Chromium)', () => {
  let harness: WebHarness;
  beforeAll(async () => {
    harness = await startWebHarness();
  }, 120_000);
  afterAll(async () => harness?.close());

  async function signIn(page: import('playwright-core').Page, email: string, password = DEMO_PASSWORD) {
    await page.getByLabel('Email').fill(email);
    await page.getByLabel('Mật khẩu', { exact: true }).fill(password);
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
  }

  it('signs in, keeps the session across a reload without showing the refresh token to the page, and signs out', async () => {
    const context = await harness.browser.newContext({ ...PHONE, locale: 'vi-VN' });
    const page = await context.newPage();
    await page.goto(`${harness.baseUrl}/`);
    await page.getByRole('heading', { name: 'Đăng nhập' }).waitFor();
    expect(await seriousAccessibilityViolations(page)).toEqual([]);

    await signIn(page, 'thuky1@thidua.local', 'sai-mat-khau-roi');
    await page.getByRole('alert').filter({ hasText: 'Email hoặc mật khẩu không đúng.' }).waitFor();

    await signIn(page, 'thuky1@thidua.local');
    await page.getByRole('heading', { name: /^Xin chào, / }).waitFor();
    const cookies = await context.cookies();
    const refresh = cookies.find((cookie) => cookie.name === 'thidua_refresh');
    expect(refresh).toMatchObject({ httpOnly: true, secure: true, sameSite: 'Strict', path: '/api/v1/auth' });
    expect(await page.evaluate<string>('document.cookie')).not.toContain('thidua_refresh');
    expect(await page.evaluate<string>('JSON.stringify(localStorage) + JSON.stringify(sessionStorage)')).not.toMatch(
      /eyJ/,
    );

    await page.reload();
    await page.getByRole('heading', { name: /^Xin chào, / }).waitFor();
    expect(await seriousAccessibilityViolations(page)).toEqual([]);

    // Unsaved form drafts stay over a reload, but not after signing out (a shared laptop).
    await page.evaluate(`localStorage.setItem('thidua.draft.someone.report:unit:cycle', '{"notes":"x"}')`);
    await page.reload();
    await page.getByRole('heading', { name: /^Xin chào, / }).waitFor();
    expect(
      await page.evaluate<string | null>(`localStorage.getItem('thidua.draft.someone.report:unit:cycle')`),
    ).not.toBeNull();
    await page.getByRole('button', { name: 'Đăng xuất', exact: true }).click();
    await page.getByRole('heading', { name: 'Đăng nhập' }).waitFor();
    expect(
      await page.evaluate<string[]>(`Object.keys(localStorage).filter((key) => key.startsWith('thidua.draft.'))`),
    ).toEqual([]);
    await page.reload();
    await page.getByRole('heading', { name: 'Đăng nhập' }).waitFor();
    await context.close();
  });

  it('signs out everywhere: the other device is asked to sign in again', async () => {
    const phone = await harness.browser.newContext({ ...PHONE, locale: 'vi-VN' });
    const laptop = await harness.browser.newContext({ locale: 'vi-VN' });
    const [onPhone, onLaptop] = [await phone.newPage(), await laptop.newPage()];
    for (const page of [onPhone, onLaptop]) {
      await page.goto(`${harness.baseUrl}/`);
      await signIn(page, 'chutich.son-la@thidua.local');
      await page.getByRole('heading', { name: /^Xin chào, / }).waitFor();
    }
    await onLaptop.getByRole('button', { name: 'Đăng xuất trên mọi thiết bị' }).click();
    await onLaptop.getByRole('heading', { name: 'Đăng nhập' }).waitFor();
    await onPhone.reload();
    await onPhone.getByRole('heading', { name: 'Đăng nhập' }).waitFor();
    await phone.close();
    await laptop.close();
  });

  it('says in words when there were too many attempts', async () => {
    const context = await harness.browser.newContext({ locale: 'vi-VN' });
    const page = await context.newPage();
    // The server's own 429 for this route, as its throttling answers it (tested in accounts.spec.ts).
    await page.route('**/api/v1/auth/browser/login', (route) =>
      route.fulfill({
        status: 429,
        headers: { 'content-type': 'application/problem+json', 'retry-after': '120' },
        body: JSON.stringify({
          type: 'urn:thidua:problem:too_many_requests',
          title: 'Too many requests',
          status: 429,
          code: 'too_many_requests',
        }),
      }),
    );
    await page.goto(`${harness.baseUrl}/`);
    await signIn(page, 'thuky1@thidua.local');
    await page
      .getByRole('alert')
      .filter({ hasText: 'Bạn đã thử quá nhiều lần. Vui lòng thử lại sau 120 giây.' })
      .waitFor();
    await context.close();
  });
});

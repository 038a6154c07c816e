import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { DataSource } from 'typeorm';
import {
  DEMO_PASSWORD,
  describeInBrowser,
  openSignedIn,
  seriousAccessibilityViolations,
  startWebHarness,
  type WebHarness,
} from './browser';

/**
 * Issue 16 on the demo database, in real Chromium: the clerk registers the cluster's rotating flag
 * (the demo cluster has none) and its photo, refused in words for a file that is not an image.
 * THIDUA_SCREENSHOTS=1 writes docs/screenshots/console-flag-register*.png.
 */
const SCREENSHOTS = process.env.THIDUA_SCREENSHOTS === '1';
const SCREENSHOT_DIR = join(__dirname, '..', '..', 'docs', 'screenshots');
const CLERK = 'thuky1@thidua.local';
const FLAG_NAME = 'Cờ luân lưu Cụm thi đua Liên minh HTX các tỉnh biên giới phía Bắc';

describeInBrowser('the console: the flag registered, a meeting edited (real Chromium, demo data)', () => {
  let harness: WebHarness;
  let context: BrowserContext;
  let page: Page;
  let clusterId: string;

  async function screenshot(name: string): Promise<void> {
    if (!SCREENSHOTS) return;
    mkdirSync(SCREENSHOT_DIR, { recursive: true });
    await page.screenshot({ path: join(SCREENSHOT_DIR, `${name}.png`), fullPage: true });
  }

  async function expectAccessible(): Promise<void> {
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
  }

  /** The clerk's API session, for what the test checks or does behind the page. */
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

  /** A small flag drawn in the page (red, a yellow star) as PNG bytes: a real image for the upload. */
  async function drawnFlag(): Promise<Buffer> {
    const base64 = await page.evaluate(`(() => {
      const canvas = document.createElement('canvas');
      canvas.width = 300; canvas.height = 200;
      const g = canvas.getContext('2d');
      g.fillStyle = '#da251d'; g.fillRect(0, 0, 300, 200);
      g.fillStyle = '#ffff00'; g.beginPath();
      for (let i = 0; i < 10; i++) {
        const r = i % 2 === 0 ? 60 : 24, a = -Math.PI / 2 + (i * Math.PI) / 5;
        g.lineTo(150 + r * Math.cos(a), 100 + r * Math.sin(a));
      }
      g.closePath(); g.fill();
      return canvas.toDataURL('image/png').split(',')[1];
    })()`);
    return Buffer.from(base64 as string, 'base64');
  }

  beforeAll(async () => {
    harness = await startWebHarness();
    const [cluster] = (await harness.app
      .get(DataSource)
      .query(`SELECT id FROM clusters WHERE code = 'bien-gioi-phia-bac'`)) as { id: string }[];
    clusterId = cluster.id;
    context = await harness.browser.newContext({
      viewport: { width: 1366, height: 768 },
      locale: 'vi-VN',
      timezoneId: 'Asia/Ho_Chi_Minh',
    });
    page = await context.newPage();
    await openSignedIn(page, harness.baseUrl, '/console/flag', CLERK);
  }, 420_000);

  afterAll(async () => {
    await context?.close();
    await harness?.close();
  });

  it('registers the flag where the cluster has none: the form, its checks, the flag held by the unit chosen', async () => {
    expect((await asClerk('GET', `/clusters/${clusterId}/flag`)).status).toBe(404);
    await page.getByRole('heading', { level: 1, name: 'Cờ luân lưu' }).waitFor();
    await page.getByText('Cụm chưa đăng ký cờ luân lưu.').waitFor();
    await page.getByRole('heading', { level: 2, name: 'Đăng ký cờ luân lưu' }).waitFor();
    await page.getByRole('button', { name: 'Đăng ký cờ' }).click();
    await page.getByText('Vui lòng nhập mục này.').waitFor();
    await page.getByText('Hãy chọn đơn vị đang giữ cờ.').waitFor();
    await expectAccessible();

    await page.getByLabel('Tên cờ').fill(FLAG_NAME);
    await page
      .getByLabel('Mô tả (không bắt buộc)')
      .fill('Cờ đỏ, viền vàng, thêu tên Cụm; trao cho đơn vị cụm trưởng mỗi năm.');
    const custodian = page.getByRole('combobox', { name: 'Đơn vị đang giữ cờ' });
    await custodian.click();
    await custodian.fill('Lạng Sơn');
    await page
      .getByTitle(/Lạng Sơn$/)
      .last()
      .click();
    await expectAccessible();
    await screenshot('console-flag-register');
    await page.getByRole('button', { name: 'Đăng ký cờ' }).click();

    await page.getByRole('heading', { level: 2, name: FLAG_NAME }).waitFor();
    await page.getByText(/^Đang do .*Lạng Sơn giữ\.$/).waitFor();
    await page.getByText('Cờ chưa có ảnh.').waitFor();
    expect(await page.getByRole('heading', { name: 'Đăng ký cờ luân lưu' }).count()).toBe(0);
    const flag = await asClerk<{ name: string; custody: { custodian: { code: string } } }>(
      'GET',
      `/clusters/${clusterId}/flag`,
    );
    expect(flag.status).toBe(200);
    expect(flag.body.name).toBe(FLAG_NAME);
    expect(flag.body.custody.custodian.code).toBe('lang-son');
    await expectAccessible();
  }, 180_000);

  it("uploads the flag's photo: refused in words for what is not an image, shown once saved", async () => {
    const input = page.getByLabel('Chọn ảnh cờ');
    await page.getByText(/^Ảnh PNG, JPG, GIF, WEBP, tối đa .* MB\.$/).waitFor();
    // Refused in the browser by its name (the API's own kinds), before anything is sent.
    await input.setInputFiles({ name: 'bien-ban.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4') });
    await page
      .getByRole('alert')
      .filter({ hasText: 'Tệp này không phải ảnh được nhận. Hãy chọn ảnh PNG, JPG, JPEG, JPE, JFIF, GIF, WEBP.' })
      .waitFor();
    // Named as an image but not one: the server reads the bytes and refuses, in words.
    await input.setInputFiles({ name: 'co.png', mimeType: 'image/png', buffer: Buffer.from('không phải ảnh') });
    await page.getByRole('button', { name: 'Tải ảnh lên' }).click();
    const alert = page.getByRole('alert').filter({ hasText: 'Chưa lưu được ảnh cờ' });
    await alert.getByText('Ảnh cờ phải là tệp ảnh PNG, JPEG, GIF hoặc WebP.').waitFor();
    expect(await alert.innerText()).not.toContain('flag_photo_not_image');
    await expectAccessible();
    await screenshot('console-flag-photo-refused');

    await input.setInputFiles({ name: 'co-luan-luu.png', mimeType: 'image/png', buffer: await drawnFlag() });
    await page.getByRole('button', { name: 'Tải ảnh lên' }).click();
    await page.getByRole('status').filter({ hasText: 'Đã lưu ảnh cờ.' }).waitFor();
    const image = page.getByRole('img', { name: `Ảnh ${FLAG_NAME}` });
    await image.waitFor();
    // The bytes the browser decodes are the image drawn: 300 pixels wide.
    expect(await image.evaluate(async (img: HTMLImageElement) => (await img.decode(), img.naturalWidth))).toBe(300);

    await page.reload();
    await page.getByRole('img', { name: `Ảnh ${FLAG_NAME}` }).waitFor();
    await page.getByLabel('Chọn ảnh khác để thay').waitFor();
    const flag = await asClerk<{ photo: { contentType: string; sha256: string } }>(
      'GET',
      `/clusters/${clusterId}/flag`,
    );
    expect(flag.body.photo.contentType).toBe('image/png');
    await page.getByText(flag.body.photo.sha256).waitFor();
    await expectAccessible();
    await screenshot('console-flag-photo');
  }, 180_000);
});

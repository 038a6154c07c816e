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
import { demoClusterIdSql } from '../utils/signed-in';

/**
 * Issue 16 on the demo database, in real Chromium: the clerk registers the cluster's rotating flag
 * (the demo cluster has none) and its photo, refused in words for a file that is not an image; and
 * edits a scheduled meeting's details and agenda, refused in words when someone changed it meanwhile
 * and once it is closed. THIDUA_SCREENSHOTS=1 writes docs/screenshots/console-flag-*.png and
 * console-meeting-edit*.png.
 */
const CLERK = 'thuky1@thidua.local';
const FLAG_NAME = 'Cờ luân lưu Cụm thi đua Liên minh HTX các tỉnh biên giới phía Bắc';

describeInBrowser('the console: the flag registered, a meeting edited (real Chromium, demo data)', () => {
  let harness: WebHarness;
  let context: BrowserContext;
  let page: Page;
  let clusterId: string;

  async function screenshot(name: string): Promise<void> {
    await docsScreenshot(page, `${name}`);
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
    clusterId = await demoClusterIdSql(harness.app.get(DataSource));
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
    // (The image's type is spelled out: the tests compile without the DOM's types.)
    const decodedWidth = (img: { decode(): Promise<void>; naturalWidth: number }) =>
      img.decode().then(() => img.naturalWidth);
    expect(await image.evaluate(decodedWidth)).toBe(300);

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

  describe('a meeting edited after scheduling', () => {
    interface MeetingBody {
      id: string;
      title: string;
      heldOn: string;
      place: string;
      status: string;
      version: number;
      agenda: { title: string; note?: string }[];
    }
    let meeting: MeetingBody;

    async function openEditor(): Promise<void> {
      await page.getByRole('button', { name: 'Sửa thông tin hội nghị' }).click();
      await page.getByRole('heading', { name: 'Sửa thông tin và chương trình hội nghị' }).waitFor();
    }

    beforeAll(async () => {
      const cycles = await asClerk<{ items: { id: string; year: number }[] }>('GET', `/clusters/${clusterId}/cycles`);
      const cycle = cycles.body.items.find((item) => item.year === 2011)!;
      const created = await asClerk<MeetingBody>('POST', `/cycles/${cycle.id}/meetings`, {
        title: 'Hội nghị giao ban Cụm thi đua năm 2011',
        heldOn: '2011-11-20',
        place: 'Thành phố Lạng Sơn',
        agenda: [
          { title: 'Báo cáo kết quả phát triển kinh tế tập thể năm 2011' },
          { title: 'Thông qua quy chế khen thưởng của Cụm' },
          { title: 'Bầu cụm trưởng năm 2012', note: 'Bỏ phiếu kín' },
        ],
      });
      expect(created.status).toBe(201);
      meeting = created.body;
    });

    it('changes the title, day, place and agenda; the page and a reload show them', async () => {
      await page.goto(`${harness.baseUrl}/console/meetings/${meeting.id}`);
      await page.getByRole('heading', { level: 1, name: meeting.title }).waitFor();
      const agenda = page.getByRole('region', { name: 'Chương trình hội nghị' });
      await agenda.getByText('Bầu cụm trưởng năm 2012').waitFor();
      await agenda.getByText('— Bỏ phiếu kín').waitFor();

      await openEditor();
      await page.getByLabel('Tên hội nghị').fill('');
      await page.getByRole('button', { name: 'Lưu thay đổi' }).click();
      await page.getByText('Vui lòng nhập mục này.').waitFor();
      await page.getByLabel('Tên hội nghị').fill('Hội nghị giao ban Cụm thi đua các tỉnh biên giới phía Bắc năm 2011');
      await page.getByLabel('Ngày họp').fill('2011-11-21');
      await page.getByLabel('Địa điểm').fill('Khách sạn Mường Thanh, thành phố Lạng Sơn');
      await page.getByRole('button', { name: 'Bỏ nội dung 2' }).click();
      await page.getByRole('button', { name: 'Thêm nội dung vào chương trình' }).click();
      await page.getByLabel('Nội dung 3', { exact: true }).fill('Ký giao ước thi đua năm 2012');
      await page.getByLabel('Ghi chú cho nội dung 3 (không bắt buộc)').fill('Bảy đơn vị thành viên cùng ký');
      await page.getByRole('button', { name: 'Đưa nội dung 3 lên trước' }).click();
      await page.getByLabel('Ghi chú cho nội dung 3 (không bắt buộc)').fill('');
      await expectAccessible();
      await screenshot('console-meeting-edit');
      await page.getByRole('button', { name: 'Lưu thay đổi' }).click();
      await page.getByRole('status').filter({ hasText: 'Đã lưu thông tin hội nghị.' }).waitFor();

      const title = 'Hội nghị giao ban Cụm thi đua các tỉnh biên giới phía Bắc năm 2011';
      const expectShown = async () => {
        await page.getByRole('heading', { level: 1, name: title }).waitFor();
        await page.getByText('21/11/2011', { exact: true }).waitFor();
        await page.getByText('Khách sạn Mường Thanh, thành phố Lạng Sơn', { exact: true }).waitFor();
        const items = page.getByRole('region', { name: 'Chương trình hội nghị' }).getByRole('listitem');
        expect(await items.allInnerTexts()).toEqual([
          'Báo cáo kết quả phát triển kinh tế tập thể năm 2011',
          'Ký giao ước thi đua năm 2012 — Bảy đơn vị thành viên cùng ký',
          'Bầu cụm trưởng năm 2012',
        ]);
      };
      await expectShown();
      await page.reload();
      await expectShown();
      const stored = await asClerk<MeetingBody>('GET', `/meetings/${meeting.id}`);
      expect(stored.body).toMatchObject({
        title,
        heldOn: '2011-11-21',
        place: 'Khách sạn Mường Thanh, thành phố Lạng Sơn',
        status: 'scheduled',
        agenda: [
          { title: 'Báo cáo kết quả phát triển kinh tế tập thể năm 2011' },
          { title: 'Ký giao ước thi đua năm 2012', note: 'Bảy đơn vị thành viên cùng ký' },
          { title: 'Bầu cụm trưởng năm 2012' },
        ],
      });
      meeting = stored.body;
      await expectAccessible();
    }, 180_000);

    it('refuses, in words, a change made from a stale page and one made after the meeting closed', async () => {
      await openEditor();
      // Someone else moves the meeting while this form is open: saving would overwrite it.
      const moved = await asClerk<MeetingBody>('PATCH', `/meetings/${meeting.id}`, {
        place: 'Hội trường UBND tỉnh Lạng Sơn',
        expectedVersion: meeting.version,
      });
      expect(moved.status).toBe(200);
      await page.getByLabel('Tên hội nghị').fill('Hội nghị giao ban năm 2011');
      await page.getByRole('button', { name: 'Lưu thay đổi' }).click();
      const stale = page.getByRole('alert').filter({ hasText: 'Chưa lưu được thay đổi' });
      await stale
        .getByText('Bản ghi đã được thay đổi kể từ khi mở. Vui lòng tải lại để xem bản mới nhất rồi sửa lại.')
        .waitFor();
      expect(await stale.innerText()).not.toContain('version_conflict');
      await expectAccessible();
      await screenshot('console-meeting-edit-refused');
      expect((await asClerk<MeetingBody>('GET', `/meetings/${meeting.id}`)).body.title).not.toBe(
        'Hội nghị giao ban năm 2011',
      );

      await page.reload();
      await openEditor();
      const now = (await asClerk<MeetingBody>('GET', `/meetings/${meeting.id}`)).body;
      for (const status of ['in_session', 'closed']) {
        const version = (await asClerk<MeetingBody>('GET', `/meetings/${meeting.id}`)).body.version;
        expect((await asClerk('PATCH', `/meetings/${meeting.id}`, { status, expectedVersion: version })).status).toBe(
          200,
        );
      }
      expect(now.status).toBe('scheduled');
      await page.getByLabel('Địa điểm').fill('Thành phố Lạng Sơn');
      await page.getByRole('button', { name: 'Lưu thay đổi' }).click();
      await page
        .getByRole('alert')
        .filter({ hasText: 'Chưa lưu được thay đổi' })
        .getByText('Hội nghị đã bế mạc.')
        .waitFor();
      await page.reload();
      await page.getByText('Hội nghị đã bế mạc: thông tin và chương trình không sửa được nữa.').waitFor();
      expect(await page.getByRole('button', { name: 'Sửa thông tin hội nghị' }).count()).toBe(0);
      expect((await asClerk<MeetingBody>('GET', `/meetings/${meeting.id}`)).body.place).toBe(
        'Hội trường UBND tỉnh Lạng Sơn',
      );
      await expectAccessible();
    }, 180_000);
  });
});

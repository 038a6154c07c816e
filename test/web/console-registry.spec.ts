import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { DataSource } from 'typeorm';
import { ReplayClient } from '../../src/demo/replay-client';
import {
  DEMO_PASSWORD,
  describeInBrowser,
  openSignedIn,
  seriousAccessibilityViolations,
  startWebHarness,
  type WebHarness,
  docsScreenshot,
} from './browser';

/**
 * Issue 16, the console's registry: the cluster's member units over time, invitations, a unit's people
 * and their mandates, and the people sheet — offering the secretariat only what the trust rules let
 * it do (docs/registry.md), and saying why where a clerk might look for the rest.
 * THIDUA_SCREENSHOTS=1 writes docs/screenshots/console-registry-*.png.
 */
const CLUSTER = 'Cụm thi đua Liên minh HTX các tỉnh biên giới phía Bắc';
const DIEN_BIEN = 'Liên minh Hợp tác xã tỉnh Điện Biên';

jest.setTimeout(180_000);

describeInBrowser('the console: cluster, units and people', () => {
  let harness: WebHarness;
  let context: BrowserContext;
  let page: Page;
  let client: ReplayClient;

  async function screenshot(name: string): Promise<void> {
    await docsScreenshot(page, `console-registry-${name}`);
  }
  /** Waits until no table or panel is loading (axe must see the page as a person reads it). */
  const settled = (on: Page) => on.locator('[aria-busy="true"]').waitFor({ state: 'detached' });
  const mandatesOf = async (unitCode: string) =>
    (
      (await harness.app
        .get(DataSource)
        .query(`SELECT count(*)::int AS n FROM mandates m JOIN units u ON u.id = m.unit_id WHERE u.code = $1`, [
          unitCode,
        ])) as { n: number }[]
    )[0].n;

  beforeAll(async () => {
    harness = await startWebHarness();
    client = new ReplayClient(harness.baseUrl);
    client.knows('thuky2@thidua.local', DEMO_PASSWORD);
  }, 300_000);
  afterAll(async () => harness?.close());
  beforeEach(async () => {
    context = await harness.browser.newContext({
      viewport: { width: 1366, height: 768 },
      locale: 'vi-VN',
      timezoneId: 'Asia/Ho_Chi_Minh',
      acceptDownloads: true,
    });
    page = await context.newPage();
  });
  afterEach(async () => context.close());

  it('shows the cluster with its 7 member units since they joined, and why the clerk cannot remove one', async () => {
    await openSignedIn(page, harness.baseUrl, '/console/registry', 'thuky1@thidua.local');
    await page.getByRole('heading', { level: 1, name: CLUSTER }).waitFor();
    const members = page.getByRole('region', { name: 'Đơn vị thành viên' });
    await members.getByRole('link', { name: DIEN_BIEN }).waitFor();
    // The 7 provincial alliances, each a member since 01/01/2011 and still one.
    await expect(members.getByRole('link').count()).resolves.toBe(7);
    await expect(members.getByText('Đang là thành viên').count()).resolves.toBe(7);
    await expect(members.getByText('01/01/2011').count()).resolves.toBe(7);
    await members.getByText('Ban thư ký không thể cho một đơn vị rời cụm').waitFor();
    await expect(page.getByRole('button', { name: /rời cụm|kết thúc/i }).count()).resolves.toBe(0);

    // Sorting is the server's: by the day a unit left, descending, keeps the page and says so in the address.
    await members.getByRole('columnheader', { name: 'Ngày rời cụm' }).click();
    await page.waitForURL(/members\.sort=leftOn/);
    await settled(page);
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await screenshot('cluster');
  });

  it('invites a unit, and refuses in words to withdraw an invitation the other clerk has withdrawn meanwhile', async () => {
    await openSignedIn(page, harness.baseUrl, '/console/registry', 'thuky1@thidua.local');
    const invitations = page.getByRole('region', { name: 'Lời mời vào cụm' });
    await invitations.getByText('Ban thư ký mời, người đứng đầu đơn vị được mời chấp nhận').waitFor();
    // A unit cannot be named or registered here: the form says who does that.
    await page.getByText('Chỉ quản trị viên mới đăng ký đơn vị mới').waitFor();

    const inviting = page.getByRole('region', { name: 'Mời một đơn vị vào cụm' });
    await inviting.getByRole('button', { name: 'Gửi lời mời' }).click();
    await inviting.getByText('Hãy chọn đơn vị được mời.').waitFor();
    await inviting.getByLabel('Đơn vị được mời').click();
    // Only the national alliance is outside the cluster: the 7 members are not offered.
    await page.getByTitle('Liên minh Hợp tác xã Việt Nam').waitFor();
    await expect(page.getByTitle(DIEN_BIEN).count()).resolves.toBe(0);
    await page.getByTitle('Liên minh Hợp tác xã Việt Nam').click();
    await inviting.getByLabel('Ngày vào cụm').fill('2012-01-01');
    await inviting.getByLabel('Ghi chú gửi kèm').fill('Mời tham gia từ năm 2012');
    await inviting.getByRole('button', { name: 'Gửi lời mời' }).click();
    await page.getByText('Đã gửi lời mời tới Liên minh Hợp tác xã Việt Nam.').waitFor();
    const row = invitations.getByRole('row', { name: /Liên minh Hợp tác xã Việt Nam/ });
    await row.getByText('Đang chờ trả lời').waitFor();
    await expect(row.getByText('01/01/2012').isVisible()).resolves.toBe(true);
    await page.getByText('Mọi đơn vị đã là thành viên hoặc đang có lời mời chờ trả lời.').waitFor();
    await settled(page);
    expect(await seriousAccessibilityViolations(page)).toEqual([]);

    // Meanwhile the other clerk withdraws it (their own browser; here through the API): this page still
    // offers the withdrawal, and the API refuses it — shown as a sentence, not a code.
    const other = client.as('thuky2@thidua.local');
    const clusters = await other.call((api) => api.GET('/api/v1/clusters', { params: { query: { q: 'bien-gioi' } } }));
    const clusterId = clusters.items[0].id;
    const pending = await other.call((api) =>
      api.GET('/api/v1/clusters/{clusterId}/invitations', {
        params: { path: { clusterId }, query: { status: 'pending' } },
      }),
    );
    await other.call((api) =>
      api.POST('/api/v1/invitations/{id}/withdraw', { params: { path: { id: pending.items[0].id } } }),
    );
    await row.getByRole('button', { name: 'Rút lời mời' }).click();
    await page.getByRole('button', { name: /OK|Đồng ý/ }).click();
    const refusal = invitations.getByRole('alert');
    await refusal.waitFor();
    const sentence = (await refusal.innerText()).trim();
    expect(sentence.length).toBeGreaterThan(10);
    expect(sentence).not.toMatch(/invitation_not_pending|409/);
    await settled(page);
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
  });

  it("shows a unit's people with their mandates and who granted them, and offers no grant to the clerk", async () => {
    await openSignedIn(page, harness.baseUrl, '/console/registry', 'thuky1@thidua.local');
    await page.getByRole('link', { name: DIEN_BIEN }).click();
    await page.getByRole('heading', { level: 1, name: DIEN_BIEN }).waitFor();
    const people = page.getByRole('region', { name: 'Nhân sự và nhiệm vụ' });
    await people.getByText('chutich.dien-bien@thidua.local').waitFor();
    await people.getByText('canbo.dien-bien@thidua.local').waitFor();
    await people.getByText('daibieu.dien-bien@thidua.local').waitFor();
    await expect(people.getByRole('cell', { name: 'Người đứng đầu' }).count()).resolves.toBeGreaterThan(0);
    await people.getByText('Ban thư ký không giao nhiệm vụ').waitFor();
    await page.getByText('Ban thư ký không đổi tên đơn vị').waitFor();
    // The import grants mandates: the clerk is told who may do it instead of being given the form.
    await page.getByText('Chỉ người đứng đầu đơn vị (với cán bộ và đại biểu) hoặc quản trị viên').waitFor();
    await expect(page.getByLabel('Tệp danh sách').count()).resolves.toBe(0);

    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Tải tệp CSV' }).click();
    const file = await download;
    expect(file.suggestedFilename()).toBe('nhan-su-dien-bien.csv');
    await settled(page);
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await screenshot('unit-people');
  });

  it('imports people after a dry run that shows a bad row in words and writes nothing', async () => {
    const sheet = (name: string, lines: string[]) => {
      const path = join(tmpdir(), `${Date.now()}-${name}`);
      writeFileSync(path, lines.join('\r\n'), 'utf8');
      return path;
    };
    const header = 'email,Họ và tên,Vai trò,Từ ngày';
    const good = 'daibieu2.dien-bien@thidua.local,Lò Thị Hoa,đại biểu,2012-01-01';
    const bad = 'khong-phai-email,Quàng Văn Nam,officer,2012-01-01';
    const before = await mandatesOf('dien-bien');

    await openSignedIn(page, harness.baseUrl, '/console/registry', 'admin@thidua.local');
    await page.getByRole('link', { name: DIEN_BIEN }).click();
    const importing = page.getByRole('region', { name: 'Nhập nhân sự từ bảng tính' });
    await importing.getByRole('button', { name: 'Kiểm tra thử' }).click();
    await page.getByText('Hãy chọn một tệp .xlsx hoặc .csv.').waitFor();

    await page.getByLabel('Tệp danh sách').setInputFiles(sheet('nhan-su-loi.csv', [header, good, bad]));
    await importing.getByRole('button', { name: 'Kiểm tra thử' }).click();
    await importing.getByText('Có 1 dòng không nhập được').waitFor();
    const badRow = importing.getByRole('row', { name: /khong-phai-email/ });
    await badRow.getByText('Bị từ chối').waitFor();
    await expect(badRow.getByText(/^cột email: /).isVisible()).resolves.toBe(true);
    await importing
      .getByRole('row', { name: /daibieu2\.dien-bien/ })
      .getByText('Sẽ giao')
      .waitFor();
    await expect(importing.getByRole('button', { name: 'Nhập vào hệ thống' }).isDisabled()).resolves.toBe(true);
    expect(await mandatesOf('dien-bien')).toBe(before);
    await settled(page);
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await screenshot('import-dry-run');

    await page.getByLabel('Tệp danh sách').setInputFiles(sheet('nhan-su.csv', [header, good]));
    await importing.getByRole('button', { name: 'Kiểm tra thử' }).click();
    await importing.getByText('Kiểm tra thử 1 dòng: 1 nhiệm vụ sẽ được giao').waitFor();
    expect(await mandatesOf('dien-bien')).toBe(before);
    await importing.getByRole('button', { name: 'Nhập vào hệ thống' }).click();
    await importing.getByText('Đã nhập 1 dòng: 1 nhiệm vụ được giao, 0 đã có, 1 tài khoản mới.').waitFor();
    expect(await mandatesOf('dien-bien')).toBe(before + 1);
    // The new delegate shows among the unit's people, granted by the administrator.
    const people = page.getByRole('region', { name: 'Nhân sự và nhiệm vụ' });
    const granted = people.getByRole('row', { name: /daibieu2\.dien-bien@thidua\.local/ });
    await granted.getByText('Quản trị hệ thống').waitFor();
    await settled(page);
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
  });
});

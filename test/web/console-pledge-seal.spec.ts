import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { KEY_KIND, SECRETARIAT, UNITS, head } from '../../src/demo/replay-2011.data';
import { act, openCycleAndAdoptRules } from '../../src/demo/replay-2011.year';
import { registerSigningKey, signDocument } from '../../src/demo/replay-signing';
import { describeInBrowser, seriousAccessibilityViolations } from './browser';
import { pledgeUpToHead } from './portal-head-pledge';
import { consoleScreenshot, expectRefusal, openConsole } from './year-2011/pledge.console';
import { startYear2011, type Year2011 } from './year-2011/year-2011';

/**
 * Issue 16: the clerk seals the pledge in the console when the rules name the secretariat as
 * countersigner (`pledge.countersignedBy: 'secretariat'`, set in the rules the heads adopt through
 * the API). The units sign through the API, Lào Cai last; the clerk is refused while Lào Cai has not
 * signed, then without a key on the device, makes one at /console/keys, reads the seal document and
 * its digest and countersigns; the bundle passes `npm run verify-pledge`.
 * THIDUA_SCREENSHOTS=1 writes docs/screenshots/console-pledges-seal-*.png.
 */
const LAST = 'lao-cai';
const CONSOLE_MENU = 'Các mục của bảng điều hành';
const CONFIRM = 'Tôi đã đọc văn bản trên và mã băm của nó';

describeInBrowser('the console: the secretariat seals the pledge (real Chromium)', () => {
  let year: Year2011;
  let page: Page;
  let lastRequest: string;
  let unitPledgeIds: Record<string, string>;

  beforeAll(async () => {
    year = await startYear2011();
    await year.run('rules', {
      rules: async (y) => void (await openCycleAndAdoptRules(y.replay, { pledgeCountersignedBy: 'secretariat' })),
    });
    ({ unitPledgeIds, requestId: lastRequest } = await pledgeUpToHead(year.replay, LAST));
    page = await openConsole(year, '/console/pledges');
  }, 600_000);
  afterAll(async () => year?.close());

  const sealSection = () => page.getByRole('region', { name: 'Niêm phong' });

  it('names the secretariat as countersigner and refuses the seal, naming the unit that has not signed', async () => {
    await page.getByText('6/7 đơn vị đã ký').waitFor();
    await sealSection()
      .getByText('Theo quy chế, ban thư ký cụm ký đối chứng niêm phong khi mọi đơn vị đã ký.')
      .waitFor();
    await page.getByRole('button', { name: 'Ký niêm phong' }).click();
    await expectRefusal(page, 'Chưa thể niêm phong giao ước', 'pledge_units_unsigned');
    await page.getByText('Các đơn vị chưa ký: Liên minh Hợp tác xã tỉnh Lào Cai.').waitFor();
    expect(await page.getByRole('heading', { name: 'Ký niêm phong với tư cách ban thư ký' }).count()).toBe(0);
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
  }, 120_000);

  it('once every unit signed: the seal document and its digest, a key made on the device, the seal signed', async () => {
    const r = year.replay;
    await act(r, head(LAST), lastRequest, 'approve');
    const index = UNITS.findIndex(({ code }) => code === LAST);
    const signer = r.client.as(head(LAST));
    r.keys[head(LAST)] = await registerSigningKey(signer, KEY_KIND(index), 'Khóa ký của Chủ tịch LMHTX Lào Cai');
    const unitPath = { id: unitPledgeIds[LAST] };
    await signDocument(
      signer,
      r.keys[head(LAST)],
      (api) => api.GET('/api/v1/unit-pledges/{id}/document', { params: { path: unitPath } }),
      (api, body) => api.POST('/api/v1/unit-pledges/{id}/signatures', { params: { path: unitPath }, body }),
      201,
    );

    await page.reload();
    await page.getByText('7/7 đơn vị đã ký').waitFor();
    await page.getByRole('button', { name: 'Ký niêm phong' }).click();
    await page.getByText('Đủ chữ ký của 7 đơn vị: văn bản niêm phong đã sẵn sàng.').waitFor();
    const signing = page.getByRole('heading', { level: 2, name: 'Ký niêm phong với tư cách ban thư ký' });
    await signing.waitFor();
    // No key on this device yet: the panel says so and points to the console's keys screen.
    await page.getByText('Thiết bị này chưa có khóa ký còn hiệu lực của bạn. Hãy tạo khóa trước khi ký.').waitFor();
    await page.getByRole('link', { name: 'Tạo khóa ký trên thiết bị này' }).waitFor();
    expect(await page.getByRole('button', { name: 'Ký văn bản' }).count()).toBe(0);
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await consoleScreenshot(page, 'console-pledges-seal-no-key');

    await page.getByRole('navigation', { name: CONSOLE_MENU }).getByRole('link', { name: 'Khóa ký của tôi' }).click();
    await page.getByRole('heading', { level: 1, name: 'Khóa ký của tôi' }).waitFor();
    await page.getByLabel('Tên khóa').fill('Khóa ký của thư ký cụm');
    await page.getByRole('button', { name: 'Tạo và đăng ký khóa' }).click();
    await page
      .getByRole('status')
      .filter({ hasText: /Đã tạo khóa .* trên thiết bị này/ })
      .waitFor();
    await page.goBack();
    await page.getByRole('button', { name: 'Ký niêm phong' }).click();
    await signing.waitFor();

    // The document as read: each unit's signed pledge by its digest, and the digest recomputed here.
    const path = { id: r.ids.pledgeId };
    const document = await r.client
      .as(SECRETARIAT[0])
      .call((api) => api.GET('/api/v1/pledges/{id}/seal-document', { params: { path } }), 200);
    expect(document.content.references).toHaveLength(7);
    const references = page.getByRole('table', { name: 'Bản giao ước đã ký của các đơn vị' });
    const laoCai = document.content.references.find((item) => item.unitCode === LAST)!;
    await references
      .getByRole('row', { name: /Liên minh Hợp tác xã tỉnh Lào Cai/ })
      .getByText(laoCai.digest)
      .waitFor();
    await page.getByText(document.digest).first().waitFor();
    await page.getByText('Trình duyệt đã tính lại mã băm từ văn bản: trùng khớp.').waitFor();
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await consoleScreenshot(page, 'console-pledges-seal-signing');

    await page.getByRole('checkbox', { name: CONFIRM }).check();
    await page.getByRole('button', { name: 'Ký văn bản' }).click();
    await page.getByText('Đã niêm phong', { exact: true }).first().waitFor();
    await sealSection().getByText('Ban thư ký cụm', { exact: true }).waitFor();
    await sealSection().getByText(document.digest).waitFor();
    expect(await page.getByRole('button', { name: 'Ký niêm phong' }).count()).toBe(0);
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await consoleScreenshot(page, 'console-pledges-seal-sealed');

    const pledge = await r.client
      .as(SECRETARIAT[0])
      .call((api) => api.GET('/api/v1/pledges/{id}', { params: { path } }), 200);
    expect(pledge.status).toBe('sealed');
    expect(pledge.seal?.capacity).toBe('secretariat');
    expect(pledge.seal?.signerId).toBe(r.ids.users[SECRETARIAT[0]]);
  }, 240_000);

  it('the sealed bundle downloaded from the console passes the offline verifier (npm run verify-pledge)', async () => {
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Tải gói chữ ký để kiểm tra (bản số 1)' }).click(),
    ]);
    const dir = mkdtempSync(join(tmpdir(), 'console-seal-'));
    try {
      const file = join(dir, 'bundle.json');
      await download.saveAs(file);
      const root = join(__dirname, '..', '..');
      const verified = spawnSync('npm', ['run', '--silent', 'verify-pledge', '--', file], {
        cwd: root,
        encoding: 'utf8',
      });
      expect(verified.stderr).toBe('');
      expect(verified.status).toBe(0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);
});

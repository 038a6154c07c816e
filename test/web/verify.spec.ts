import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { head } from '../../src/demo/replay-2011.data';
import type { SignedBundle } from '../../src/modules/signatures/signed-bundle';
import { describeInBrowser, PHONE, seriousAccessibilityViolations, docsScreenshot } from './browser';
import { startYear2011, type Year2011 } from './year-2011/year-2011';

/**
 * Issue 17, anyone verifies a record: `/verify` with no sign-in, in real Chromium. The 2011 year is
 * replayed up to the sealed pledge (7 heads' signatures, Ed25519 and P-256, and the seal); its bundle
 * is dropped on the page, then the same bundle with one byte changed, then the seal's digest typed,
 * a digest that is no final record's, and the PDF's link `/verify/{digest}` on a phone. The command
 * line gives the same verdicts. THIDUA_SCREENSHOTS=1 writes docs/screenshots/verify-*.png.
 */
const CLI = join(__dirname, '..', '..', 'src', 'verifier', 'verify-bundle.js');
const VALID = 'HỢP LỆ: mọi văn bản, chữ ký, khóa, nhiệm vụ và mục sổ cái đều khớp.';
const DESKTOP = { viewport: { width: 1366, height: 768 } };

/** dd/MM/yyyy HH:mm in Vietnam's time, as the page writes a signing time. */
function vietnamTime(iso: string): string {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-GB', {
      timeZone: 'Asia/Ho_Chi_Minh',
      day: '2-digit',
      month: '2-digit',
      year: 'numeric',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    })
      .formatToParts(new Date(iso))
      .map((part) => [part.type, part.value]),
  );
  return `${parts.day}/${parts.month}/${parts.year} ${parts.hour}:${parts.minute}`;
}

describeInBrowser('the public verifier /verify (real Chromium)', () => {
  let year: Year2011;
  let bundle: SignedBundle;
  let sealDigest: string;
  let unitDigest: string;
  let dir: string;
  const contexts: BrowserContext[] = [];

  async function open(path: string, options: object = DESKTOP): Promise<Page> {
    const context = await year.harness.browser.newContext({
      ...options,
      locale: 'vi-VN',
      timezoneId: 'Asia/Ho_Chi_Minh',
    });
    contexts.push(context);
    const page = await context.newPage();
    await page.goto(`${year.harness.baseUrl}${path}`);
    await page.getByRole('heading', { level: 1, name: 'Kiểm chứng văn bản đã ký' }).waitFor();
    return page;
  }

  async function screenshot(page: Page, name: string): Promise<void> {
    await docsScreenshot(page, `verify-${name}`);
  }

  /** Drops a file on the drop zone, as a person drags it from their file manager. */
  async function drop(page: Page, name: string, text: string): Promise<void> {
    const dataTransfer = await page.evaluateHandle(
      ([fileName, content]) => {
        // The page's DataTransfer and File (this file is compiled without the DOM's types).
        const dom = globalThis as unknown as {
          DataTransfer: new () => { items: { add(file: unknown): void } };
          File: new (parts: string[], name: string, options: { type: string }) => unknown;
        };
        const transfer = new dom.DataTransfer();
        transfer.items.add(new dom.File([content], fileName, { type: 'application/json' }));
        return transfer;
      },
      [name, text],
    );
    await page.getByText('Kéo và thả tệp gói chữ ký (.json) vào đây').dispatchEvent('drop', { dataTransfer });
  }

  const cli = (file: string) => spawnSync(process.execPath, [CLI, file], { encoding: 'utf8' });

  beforeAll(async () => {
    year = await startYear2011();
    await year.run('pledge');
    bundle = (await year.replay.client
      .as(head('cao-bang'))
      .call(
        (api) => api.GET('/api/v1/pledges/{id}/bundle', { params: { path: { id: year.replay.ids.pledgeId } } }),
        200,
      )) as SignedBundle;
    sealDigest = bundle.documents.find((d) => d.id === bundle.rootDocumentId)!.digest;
    unitDigest = bundle.documents.find((d) => d.kind === 'unit_pledge')!.digest;
    dir = mkdtempSync(join(tmpdir(), 'thidua-verify-web-'));
  }, 600_000);
  afterAll(async () => {
    for (const context of contexts) await context.close();
    await year?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('a sealed pledge bundle dropped on the page: valid, each signer with capacity and time', async () => {
    const page = await open('/verify');
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await drop(page, 'giao-uoc-2012.json', JSON.stringify(bundle, null, 2));

    await page.getByRole('status').getByText(VALID).waitFor();
    await page.getByText('Tệp: giao-uoc-2012.json').waitFor();
    await page.getByText('Đã kiểm tra 8 văn bản, 8 chữ ký (8 hợp lệ)', { exact: false }).waitFor();
    const signers = page.getByRole('list').filter({ has: page.getByText('Chữ ký hợp lệ') });
    expect(await signers.getByRole('listitem').count()).toBe(8);
    for (const signature of bundle.signatures) {
      const item = signers.getByRole('listitem').filter({ hasText: signature.signerName });
      await item
        .getByText(`Ký lúc ${vietnamTime(signature.signedAt)}`)
        .first()
        .waitFor();
    }
    await signers.getByText('Thủ trưởng đơn vị Liên minh Hợp tác xã tỉnh Sơn La').waitFor();
    // The seal, countersigned by the 2011 leader unit's head.
    await signers.getByText('Thủ trưởng đơn vị Cụm trưởng Liên minh Hợp tác xã tỉnh Lạng Sơn').waitFor();
    expect(await page.getByText('Chữ ký không hợp lệ').count()).toBe(0);
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await screenshot(page, 'valid');

    const file = join(dir, 'valid.json');
    writeFileSync(file, JSON.stringify(bundle));
    expect(cli(file).status).toBe(0);
  });

  it('the same bundle with one byte changed: not valid, the failures said in words (the CLI agrees)', async () => {
    const text = JSON.stringify(bundle, null, 2);
    const copy = structuredClone(bundle);
    const target = copy.documents.find((d) => d.kind === 'unit_pledge')!;
    // One digit of the unit's signed text changed: one byte of the file.
    const at = target.canonical.search(/\d/);
    const digit = target.canonical[at];
    target.canonical = `${target.canonical.slice(0, at)}${digit === '9' ? '8' : Number(digit) + 1}${target.canonical.slice(at + 1)}`;
    const tampered = JSON.stringify(copy, null, 2);
    expect(tampered.length).toBe(text.length);
    expect([...tampered].filter((char, index) => char !== text[index])).toHaveLength(1);

    const page = await open('/verify');
    await page.getByLabel('Chọn tệp gói chữ ký').setInputFiles({
      name: 'giao-uoc-sua.json',
      mimeType: 'application/json',
      buffer: Buffer.from(tampered),
    });
    await page
      .getByRole('status')
      .getByText(/^KHÔNG HỢP LỆ: phát hiện \d+ sai lệch\.$/)
      .waitFor();
    const failures = page.getByRole('list').filter({ hasText: 'đã bị thay đổi' });
    await failures
      .getByText(
        'Nội dung của giao ước thi đua của đơn vị đã bị thay đổi: mã băm SHA-256 tính lại không khớp với mã băm ghi trong gói.',
      )
      .waitFor();
    const signer = bundle.signatures.find((s) => s.documentId === target.id)!.signerName;
    await failures.getByText(`Chữ ký của ${signer}: văn bản được ký đã bị thay đổi.`).waitFor();
    await failures.getByText('Văn bản niêm phong giao ước tham chiếu một văn bản không có chữ ký hợp lệ.').waitFor();
    expect(await page.getByText('Chữ ký không hợp lệ').count()).toBe(1);
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await screenshot(page, 'invalid');

    const file = join(dir, 'tampered.json');
    writeFileSync(file, tampered);
    const res = cli(file);
    expect(res.status).toBe(1);
    expect(res.stdout).toContain(`document ${target.id} (unit_pledge): the SHA-256`);
  });

  it("a record's digest typed: its bundle fetched and checked; a digest that is no final record's is not found", async () => {
    const page = await open('/verify');
    const digest = page.getByLabel('Mã băm SHA-256 (64 ký tự, in ở chân trang biên bản)');
    await digest.fill('không phải mã băm');
    await page.getByRole('button', { name: 'Tải gói và kiểm chứng' }).click();
    await page
      .getByRole('alert')
      .getByText('Mã băm gồm đúng 64 ký tự 0–9 và a–f. Hãy chép lại từ chân trang biên bản.')
      .waitFor();

    await digest.fill(sealDigest.toUpperCase());
    await page.getByRole('button', { name: 'Tải gói và kiểm chứng' }).click();
    await page.waitForURL(`**/verify/${sealDigest}`);
    await page.getByText(`Gói chữ ký của văn bản có mã băm ${sealDigest}`).waitFor();
    await page.getByRole('status').getByText(VALID).waitFor();
    expect(await seriousAccessibilityViolations(page)).toEqual([]);

    // One unit's signed part of the pledge is not a final record by itself: nothing is served.
    await digest.fill(unitDigest);
    await page.getByRole('button', { name: 'Tải gói và kiểm chứng' }).click();
    const alert = page.getByRole('alert');
    await alert.getByText('Không có biên bản cuối cùng nào mang mã băm này.', { exact: false }).waitFor();
    expect(await alert.textContent()).not.toContain('final_record_not_found');
    expect(await page.getByRole('status').count()).toBe(0);
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await screenshot(page, 'not-found');
  });

  it("the PDF's link /verify/{digest} on a phone, then in English", async () => {
    const page = await open(`/verify/${sealDigest}`, PHONE);
    await page.getByRole('status').getByText(VALID).waitFor();
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    expect(await page.evaluate<number>('document.documentElement.scrollWidth')).toBeLessThanOrEqual(
      PHONE.viewport.width,
    );
    await screenshot(page, 'phone');

    await page.getByLabel('Ngôn ngữ').selectOption('en');
    await page
      .getByRole('status')
      .getByText('VALID: every document, signature, key, mandate and ledger entry checks out.')
      .waitFor();
    await page.getByText('Head of the cluster leader unit Liên minh Hợp tác xã tỉnh Lạng Sơn').waitFor();
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
  });
});

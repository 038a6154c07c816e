import { spawnSync } from 'node:child_process';
import { createHash, createPublicKey } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { PLEDGE_TEXT, head, officer } from '../../src/demo/replay-2011.data';
import { act } from '../../src/demo/replay-2011.year';
import { decodeSignature, parsePublicKey, verifySignature } from '../../src/modules/signatures/signature-crypto';
import { describeInBrowser, seriousAccessibilityViolations, docsScreenshot } from './browser';
import { fileReport, pledgeUpToHead, sealPledge } from './portal-head-pledge';
import { startYear2011, type Year2011 } from './year-2011/year-2011';

/**
 * The head's portal (issue 17) in real Chromium, on the 2011 year replayed up to the rules: Sơn La's
 * head returns and then approves the unit's pledge targets from the inbox, makes a signing key in
 * the browser (WebCrypto, kept on the device), is refused in words with a key revoked elsewhere,
 * signs the unit's pledge with a new key; the sealed pledge's bundle downloaded from the portal
 * passes the offline verifier and a tampered copy does not; an officer's report is approved from
 * the inbox; a delegation is refused, made and revoked. THIDUA_SCREENSHOTS=1 writes
 * docs/screenshots/portal-head-*.png.
 */
const UNIT = 'son-la';

describeInBrowser("the head's portal: approvals, keys, signing, delegations (real Chromium)", () => {
  let year: Year2011;
  let page: Page;
  let targetsRequest: string;
  let unitPledgeId: string;
  const headApi = () => year.replay.client.as(head(UNIT));

  async function screenshot(name: string): Promise<void> {
    await docsScreenshot(page, `portal-head-${name}`);
  }

  async function expectAccessible(): Promise<void> {
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
  }

  /** Opens an area from the portal's menu, as a person does. */
  async function openArea(name: string, heading: string | RegExp): Promise<void> {
    await page.getByRole('navigation', { name: 'Các mục của cổng thông tin' }).getByRole('link', { name }).click();
    await page.getByRole('heading', { level: 1, name: heading }).waitFor();
  }

  /** The refusal shown under `title`: a sentence, never the API's code. */
  async function refusal(title: string, code: string): Promise<string> {
    const alert = page.getByRole('alert').filter({ hasText: title });
    await alert.waitFor();
    const text = (await alert.innerText()).replace(title, '').trim();
    expect(text.length).toBeGreaterThan(10);
    expect(text).not.toContain(code);
    return text;
  }

  async function openPledge(): Promise<void> {
    await openArea('Ký văn bản', 'Văn bản chờ ký');
    await page.getByRole('link', { name: /Giao ước thi đua năm 2011 của .*Sơn La/ }).click();
    await page.getByRole('heading', { level: 2, name: 'Nội dung văn bản sẽ ký' }).waitFor();
  }

  async function createKey(label: string): Promise<string> {
    await openArea('Khóa ký của tôi', 'Khóa ký của tôi');
    await page.getByLabel('Tên khóa').fill(label);
    await page.getByRole('button', { name: 'Tạo và đăng ký khóa' }).click();
    await page.getByRole('status').filter({ hasText: 'Đã tạo khóa Ed25519 trên thiết bị này' }).waitFor();
    const keys = await headApi().call((api) => api.GET('/api/v1/me/signing-keys', { params: { query: {} } }), 200);
    const key = keys.items.find((item) => item.label === label)!;
    // The fingerprint shown is the API's, the SHA-256 of the public key's SPKI DER.
    const der = createPublicKey(key.publicKeyPem).export({ type: 'spki', format: 'der' });
    expect(createHash('sha256').update(der).digest('hex')).toBe(key.fingerprint);
    await page
      .getByRole('row', { name: new RegExp(label) })
      .getByText(key.fingerprint)
      .waitFor();
    await page
      .getByRole('row', { name: new RegExp(label) })
      .getByText('Có trên thiết bị này')
      .waitFor();
    return key.id;
  }

  beforeAll(async () => {
    year = await startYear2011();
    await year.run('rules');
    ({
      requestId: targetsRequest,
      unitPledgeIds: { [UNIT]: unitPledgeId },
    } = await pledgeUpToHead(year.replay, UNIT));
    page = await year.pageOf(head(UNIT), '/portal/approvals');
  }, 600_000);
  afterAll(async () => year?.close());

  it('returns the targets with a comment from the inbox, then approves them once resubmitted', async () => {
    await page.getByRole('heading', { level: 1, name: 'Hộp phê duyệt' }).waitFor();
    await page.getByRole('link', { name: 'Chỉ tiêu giao ước thi đua' }).click();
    await page.getByRole('heading', { level: 1, name: 'Chỉ tiêu giao ước thi đua' }).waitFor();
    await page.getByText('Đã gửi, chờ phê duyệt').first().waitFor();
    await page.getByRole('columnheader', { name: 'Mục tiêu' }).waitFor();
    await expectAccessible();
    await screenshot('approval');

    await page.getByRole('button', { name: 'Trả lại' }).click();
    await page.getByText('Hãy ghi ý kiến để đơn vị biết cần sửa gì.').waitFor();
    const comment = 'Đề nghị rà soát lại chỉ tiêu số HTX thành lập mới cho sát thực tế.';
    await page.getByLabel('Ý kiến').fill(comment);
    await page.getByRole('button', { name: 'Trả lại' }).click();
    await page.getByRole('status').filter({ hasText: 'Đã ghi nhận: Trả lại.' }).waitFor();
    await page.getByRole('region', { name: 'Lịch sử xử lý' }).getByText(comment).waitFor();
    await page.getByText('Bản nháp').first().waitFor();

    await act(year.replay, officer(UNIT), targetsRequest, 'submit');
    await page.reload();
    await page.getByRole('button', { name: 'Phê duyệt' }).click();
    await page.getByRole('status').filter({ hasText: 'Đã ghi nhận: Phê duyệt.' }).waitFor();
    await page.getByText('Đã phê duyệt').first().waitFor();
    const request = await headApi().call(
      (api) => api.GET('/api/v1/approvals/{id}', { params: { path: { id: targetsRequest } } }),
      200,
    );
    expect(request.state).toBe('approved');
    expect(request.acts.map((item) => item.transition)).toEqual(['submit', 'return', 'submit', 'approve']);
  }, 120_000);

  it('makes a key in the browser, is refused with a key revoked elsewhere, signs with a new key', async () => {
    const first = await createKey('Máy tính phòng làm việc');
    const stored = await page.evaluate(`new Promise((resolve) => {
      const open = indexedDB.open('thidua-signing');
      open.onsuccess = () => {
        const all = open.result.transaction('keys').objectStore('keys').getAll();
        all.onsuccess = () => resolve(all.result.map((k) => ({ keyId: k.keyId, extractable: k.privateKey.extractable,
          type: k.privateKey.type, name: k.privateKey.algorithm.name })));
      };
    })`);
    expect(stored).toEqual([{ keyId: first, extractable: false, type: 'private', name: 'Ed25519' }]);
    await expectAccessible();
    await screenshot('keys');

    await openPledge();
    await page.getByText(PLEDGE_TEXT.slice(0, 60)).waitFor();
    const document = await headApi().call(
      (api) => api.GET('/api/v1/unit-pledges/{id}/document', { params: { path: { id: unitPledgeId } } }),
      200,
    );
    await page.getByText(document.digest).waitFor();
    await page.getByText('Trình duyệt đã tính lại mã băm từ văn bản: trùng khớp.').waitFor();
    await expectAccessible();
    await screenshot('signing');

    // Revoked from another device while this page shows the key: the API refuses, in words.
    await headApi().call(
      (api) =>
        api.POST('/api/v1/me/signing-keys/{id}/revoke', {
          params: { path: { id: first } },
          body: { reason: 'Máy tính cũ đã bị mất' },
        }),
      200,
    );
    await page.getByRole('checkbox', { name: 'Tôi đã đọc văn bản trên và mã băm của nó' }).check();
    await page.getByRole('button', { name: 'Ký văn bản' }).click();
    await refusal('Văn bản chưa được ký', 'signing_key_revoked');
    await page.getByText('Thiết bị này chưa có khóa ký còn hiệu lực của bạn. Hãy tạo khóa trước khi ký.').waitFor();
    await expectAccessible();
    await screenshot('signing-refused');

    await page.getByRole('link', { name: 'Tạo khóa ký trên thiết bị này' }).click();
    await page
      .getByRole('row', { name: /Máy tính phòng làm việc/ })
      .getByText(/Đã thu hồi lúc/)
      .waitFor();
    const second = await createKey('Máy tính xách tay');
    await openPledge();
    await page.getByRole('checkbox', { name: 'Tôi đã đọc văn bản trên và mã băm của nó' }).check();
    await page.getByRole('button', { name: 'Ký văn bản' }).click();
    await page.getByRole('status').filter({ hasText: 'Đã ký.' }).waitFor();
    await page.getByText(/ký lúc/).waitFor();
    await expectAccessible();
    await screenshot('signed');
    const unitPledge = await headApi().call(
      (api) => api.GET('/api/v1/unit-pledges/{id}', { params: { path: { id: unitPledgeId } } }),
      200,
    );
    expect(unitPledge.status).toBe('signed');
    const keys = await headApi().call((api) => api.GET('/api/v1/me/signing-keys', { params: { query: {} } }), 200);
    expect(unitPledge.signature?.keyFingerprint).toBe(keys.items.find((key) => key.id === second)?.fingerprint);
  }, 180_000);

  it("downloads the sealed pledge's bundle: it passes the offline verifier, a tampered copy fails", async () => {
    await sealPledge(year.replay);
    await openPledge();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Tải gói chữ ký của giao ước' }).click(),
    ]);
    const dir = mkdtempSync(join(tmpdir(), 'portal-head-'));
    try {
      const file = join(dir, 'bundle.json');
      await download.saveAs(file);
      const verifier = join(__dirname, '..', '..', 'src', 'verifier', 'verify-bundle.js');
      const valid = spawnSync('node', [verifier, file], { encoding: 'utf8' });
      expect(valid.status).toBe(0);

      const bundle = JSON.parse(readFileSync(file, 'utf8')) as { documents: { canonical: string }[] };
      const unitDocument = bundle.documents.find((item) => item.canonical.includes('Sơn La'))!;
      unitDocument.canonical = unitDocument.canonical.replace('Sơn La', 'Son La');
      const tampered = join(dir, 'tampered.json');
      writeFileSync(tampered, JSON.stringify(bundle));
      const refused = spawnSync('node', [verifier, tampered], { encoding: 'utf8' });
      expect(refused.status).not.toBe(0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 180_000);

  it("approves from the inbox the results report the unit's officer filed", async () => {
    const requestId = await fileReport(year.replay, UNIT);
    await openArea('Hộp phê duyệt', 'Hộp phê duyệt');
    const inbox = page.getByRole('table');
    await inbox.getByRole('link', { name: 'Báo cáo kết quả' }).waitFor();
    await expectAccessible();
    await screenshot('inbox');
    await inbox.getByRole('link', { name: 'Báo cáo kết quả' }).click();
    await page.getByRole('heading', { level: 1, name: 'Báo cáo kết quả' }).waitFor();
    await page.getByText('Vốn điều lệ (đồng)').waitFor();
    await expectAccessible();
    await page.getByRole('button', { name: 'Phê duyệt' }).click();
    await page.getByRole('status').filter({ hasText: 'Đã ghi nhận: Phê duyệt.' }).waitFor();
    const request = await headApi().call(
      (api) => api.GET('/api/v1/approvals/{id}', { params: { path: { id: requestId } } }),
      200,
    );
    expect(request.state).toBe('approved');
  }, 120_000);

  it('refuses a delegation that ends before it starts, makes one to the officer and revokes it', async () => {
    await openArea('Ủy quyền', 'Ủy quyền');
    const delegate = page.getByRole('combobox', { name: 'Người được ủy quyền' });
    await delegate.click();
    await page.getByText(/\(cán bộ\)$/).click();
    await page.getByLabel('Từ ngày').fill('2099-12-31');
    await page.getByLabel('Đến hết ngày').fill('2099-01-01');
    await page.getByRole('button', { name: 'Ủy quyền', exact: true }).click();
    await refusal('Chưa ủy quyền được', 'delegation_period_invalid');
    await expectAccessible();

    await page.getByLabel('Từ ngày').fill('');
    await page.getByLabel('Đến hết ngày').fill('2099-12-31');
    await page.getByLabel('Lý do').fill('Chủ tịch đi công tác dài ngày');
    await page.getByRole('button', { name: 'Ủy quyền', exact: true }).click();
    await page
      .getByRole('status')
      .filter({ hasText: /Đã ủy quyền cho/ })
      .waitFor();
    const row = page.getByRole('row', { name: /Chủ tịch đi công tác dài ngày/ });
    await row.getByText('Đang hiệu lực').waitFor();
    await expectAccessible();
    await screenshot('delegations');

    await row.getByRole('button', { name: /Thu hồi ủy quyền cho/ }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Lý do thu hồi').fill('Chủ tịch đã về cơ quan');
    await dialog.getByRole('button', { name: 'Thu hồi' }).click();
    await row.getByText(/Đã thu hồi lúc/).waitFor();
    const delegations = await headApi().call(
      (api) => api.GET('/api/v1/delegations', { params: { query: { unitId: year.replay.ids.units[UNIT] } } }),
      200,
    );
    expect(delegations.items).toHaveLength(1);
    expect(delegations.items[0].revokedAt).not.toBeNull();
    expect(delegations.items[0].delegateId).toBe(year.replay.ids.users[officer(UNIT)]);
  }, 120_000);

  it('revokes the key on the keys page, with a reason, and the device forgets it', async () => {
    await openArea('Khóa ký của tôi', 'Khóa ký của tôi');
    const row = page.getByRole('row', { name: /Máy tính xách tay/ });
    await row.getByRole('button', { name: 'Thu hồi khóa Máy tính xách tay' }).click();
    const dialog = page.getByRole('dialog').filter({ hasText: 'Thu hồi khóa “Máy tính xách tay”' });
    await dialog.getByRole('button', { name: 'Thu hồi' }).click();
    await dialog.getByText('Hãy ghi lý do thu hồi.').waitFor();
    await expectAccessible();
    await dialog.getByLabel('Lý do thu hồi').fill('Đổi sang máy tính mới');
    await dialog.getByRole('button', { name: 'Thu hồi' }).click();
    await row.getByText(/Đã thu hồi lúc .*: Đổi sang máy tính mới/).waitFor();
    const keys = await headApi().call((api) => api.GET('/api/v1/me/signing-keys', { params: { query: {} } }), 200);
    const revoked = keys.items.find((key) => key.label === 'Máy tính xách tay')!;
    expect(revoked.revocationReason).toBe('Đổi sang máy tính mới');
    const onDevice = await page.evaluate(`new Promise((resolve) => {
      const open = indexedDB.open('thidua-signing');
      open.onsuccess = () => {
        const all = open.result.transaction('keys').objectStore('keys').getAllKeys();
        all.onsuccess = () => resolve(all.result);
      };
    })`);
    expect(onDevice).not.toContain(revoked.id);
  }, 60_000);

  it("verifies on the server, unconverted, the browser's ECDSA P-256 signature (the fallback where Ed25519 is missing)", async () => {
    // The same WebCrypto calls as web/src/signing/device-keys.ts makes for P-256: r‖s (IEEE P1363), 64 bytes.
    const text = '{"type":"thidua.unit-pledge","unit":"Sơn La"}';
    const made = (await page.evaluate(`(async () => {
      const pair = await crypto.subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, false, ['sign', 'verify']);
      const b64 = (buffer) => btoa(String.fromCharCode(...new Uint8Array(buffer)));
      const signature = await crypto.subtle.sign({ name: 'ECDSA', hash: 'SHA-256' }, pair.privateKey,
        new TextEncoder().encode(${JSON.stringify(text)}));
      return { spki: b64(await crypto.subtle.exportKey('spki', pair.publicKey)), signature: b64(signature) };
    })()`)) as { spki: string; signature: string };
    const pem = `-----BEGIN PUBLIC KEY-----\n${made.spki.match(/.{1,64}/g)!.join('\n')}\n-----END PUBLIC KEY-----\n`;
    const key = parsePublicKey(pem);
    expect(key.algorithm).toBe('ecdsa-p256');
    const signature = decodeSignature('ecdsa-p256', made.signature);
    expect(signature).toHaveLength(64);
    expect(verifySignature('ecdsa-p256', key.publicKeyPem, Buffer.from(text, 'utf8'), signature)).toBe(true);
    expect(verifySignature('ecdsa-p256', key.publicKeyPem, Buffer.from(`${text} `, 'utf8'), signature)).toBe(false);
  });
});
